// Retry and Catch: arrays of retriers and catchers, each matching error names. Besides field
// types and ranges, AWS requires the wildcard `States.ALL` to stand alone in its ErrorEquals
// and to sit in the last retrier or catcher, since anything after it could never match.
import {
  at,
  type CheckContext,
  describeType,
  expectEnum,
  expectInteger,
  expectNext,
  expectNumber,
  expectString,
  isObject,
  quote,
  report,
} from './check-context.js';
import { checkAssign, checkPathField } from './data-fields.js';
import { checkJsonataValue } from './jsonata-syntax.js';

const RETRIER_FIELDS = new Set([
  'ErrorEquals',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
  'Comment',
]);
const CATCHER_FIELDS: Record<string, 'both' | 'JSONPath' | 'JSONata'> = {
  ErrorEquals: 'both',
  Next: 'both',
  Comment: 'both',
  Assign: 'both',
  ResultPath: 'JSONPath',
  Output: 'JSONata',
};

/** The longest retry delay AWS accepts, in seconds (one year). */
const MAX_DELAY_SECONDS = 31_622_400;

function checkErrorEquals(
  ctx: CheckContext,
  kind: 'retrier' | 'catcher',
  index: number,
  entry: Record<string, unknown>,
  isLast: boolean,
): void {
  if (!Object.hasOwn(entry, 'ErrorEquals')) {
    report(ctx, 'MISSING_FIELD', `${kind} ${index} needs ErrorEquals, the error names it handles.`);
    return;
  }
  const here = at(ctx, 'ErrorEquals');
  const names = entry.ErrorEquals;
  if (!Array.isArray(names)) {
    report(here, 'WRONG_TYPE', `ErrorEquals must be an array of error names, not ${describeType(names)}.`);
    return;
  }
  if (names.length === 0) {
    report(here, 'INVALID_VALUE', 'ErrorEquals must name at least one error.');
    return;
  }
  names.forEach((name, i) => {
    if (typeof name !== 'string') {
      report(
        at(here, i),
        'WRONG_TYPE',
        `ErrorEquals must hold error name strings, not ${describeType(name)}.`,
      );
    }
  });
  const allIndex = names.indexOf('States.ALL');
  if (allIndex < 0) return;
  if (names.length > 1) {
    report(
      at(here, allIndex),
      'STATES_ALL_NOT_LAST',
      `"States.ALL" must be the only error name in its ErrorEquals, but ${kind} ${index} lists ${names.length}.`,
    );
  } else if (!isLast) {
    report(
      at(here, allIndex),
      'STATES_ALL_NOT_LAST',
      `"States.ALL" must be in the last ${kind}, but ${kind} ${index} is followed by others that could never match.`,
    );
  }
}

/**
 * Runs `check` on each entry of a Retry or Catch array, after reporting a value that is not an
 * array and entries that are not objects.
 */
function forEachEntry(
  ctx: CheckContext,
  field: 'Retry' | 'Catch',
  value: unknown,
  check: (item: CheckContext, entry: Record<string, unknown>, index: number, isLast: boolean) => void,
): void {
  const here = at(ctx, field);
  if (!Array.isArray(value)) {
    const entries = field === 'Retry' ? 'retriers' : 'catchers';
    report(here, 'WRONG_TYPE', `${field} must be an array of ${entries}, not ${describeType(value)}.`);
    return;
  }
  value.forEach((entry, i) => {
    const item = at(here, i);
    if (!isObject(entry)) {
      report(item, 'WRONG_TYPE', `${field}[${i}] must be an object, not ${describeType(entry)}.`);
      return;
    }
    check(item, entry, i, i === value.length - 1);
  });
}

/** Checks a state's `Retry` field. */
export function checkRetry(ctx: CheckContext, value: unknown): void {
  forEachEntry(ctx, 'Retry', value, (item, retrier, i, isLast) => {
    for (const field of Object.keys(retrier)) {
      if (!RETRIER_FIELDS.has(field))
        report(at(item, field), 'UNKNOWN_FIELD', `a retrier has no field ${quote(field)}.`);
    }
    checkErrorEquals(item, 'retrier', i, retrier, isLast);
    if (Object.hasOwn(retrier, 'IntervalSeconds'))
      expectInteger(item, 'IntervalSeconds', retrier.IntervalSeconds, 1);
    if (Object.hasOwn(retrier, 'MaxAttempts')) expectInteger(item, 'MaxAttempts', retrier.MaxAttempts, 0);
    if (Object.hasOwn(retrier, 'BackoffRate')) {
      expectNumber(item, 'BackoffRate', retrier.BackoffRate, 1, Number.MAX_SAFE_INTEGER);
    }
    if (Object.hasOwn(retrier, 'MaxDelaySeconds')) {
      expectInteger(item, 'MaxDelaySeconds', retrier.MaxDelaySeconds, 1, MAX_DELAY_SECONDS);
    }
    if (Object.hasOwn(retrier, 'JitterStrategy')) {
      expectEnum(item, 'JitterStrategy', retrier.JitterStrategy, ['FULL', 'NONE']);
    }
    if (Object.hasOwn(retrier, 'Comment')) expectString(item, 'Comment', retrier.Comment);
  });
}

/**
 * Checks a state's `Catch` field. Catcher `Next` targets are collected by the caller's graph
 * check, which knows the state names in scope.
 */
export function checkCatch(ctx: CheckContext, value: unknown): void {
  forEachEntry(ctx, 'Catch', value, (item, catcher, i, isLast) => {
    for (const field of Object.keys(catcher)) {
      const language = Object.hasOwn(CATCHER_FIELDS, field) ? CATCHER_FIELDS[field] : undefined;
      if (language === undefined) {
        report(at(item, field), 'UNKNOWN_FIELD', `a catcher has no field ${quote(field)}.`);
      } else if (language !== 'both' && language !== ctx.queryLanguage) {
        report(
          at(item, field),
          'WRONG_QUERY_LANGUAGE',
          `a catcher's ${field} is a ${language} field, but the state uses ${ctx.queryLanguage}.`,
        );
      }
    }
    checkErrorEquals(item, 'catcher', i, catcher, isLast);
    expectNext(item, catcher, `catcher ${i}`);
    if (ctx.queryLanguage === 'JSONPath' && Object.hasOwn(catcher, 'ResultPath')) {
      checkPathField(item, 'ResultPath', catcher.ResultPath, 'result', true);
    }
    if (ctx.queryLanguage === 'JSONata' && Object.hasOwn(catcher, 'Output')) {
      checkJsonataValue(at(item, 'Output'), 'Output', catcher.Output);
    }
    if (Object.hasOwn(catcher, 'Assign')) checkAssign(item, catcher.Assign);
    if (Object.hasOwn(catcher, 'Comment')) expectString(item, 'Comment', catcher.Comment);
  });
}
