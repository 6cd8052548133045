// Checks particular to the simple state types: Task, Pass, Wait, Fail. Fields with a literal
// and a `...Path` form (TimeoutSeconds / TimeoutSecondsPath, Error / ErrorPath, ...) exclude
// each other; in JSONata the literal form may instead hold a `{% %}` expression.

import {
  at,
  type CheckContext,
  describeType,
  expectInteger,
  isObject,
  MAX_AWS_INTEGER,
  report,
} from './check-context.js';
import { ASL_TIMESTAMP } from './choice-checks.js';
import { checkPathField } from './data-fields.js';
import { intrinsicSyntaxProblem, looksLikeIntrinsic } from './intrinsic-syntax.js';
import { checkJsonataString, checkJsonataValue, literalOrExpression } from './jsonata-syntax.js';
import { checkPayloadTemplate } from './payload-template.js';

/** An ARN as AWS accepts it for a Resource: partition, service, region, account, resource. */
const ARN = /^arn:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]*:[^:]*:.+$/;

/** Reports when more than one of `fields` is present; returns how many are. */
export function checkExclusive(
  ctx: CheckContext,
  state: Record<string, unknown>,
  fields: readonly string[],
): number {
  const present = fields.filter((f) => Object.hasOwn(state, f));
  if (present.length > 1) {
    report(ctx, 'CONFLICTING_FIELDS', `has ${present.join(' and ')}; use only one of them.`);
  }
  return present.length;
}

/** Checks a Resource ARN field (Task, ItemReader, ResultWriter). */
export function checkResource(ctx: CheckContext, value: unknown): void {
  const here = at(ctx, 'Resource');
  if (typeof value !== 'string') {
    report(here, 'WRONG_TYPE', `Resource must be an ARN string, not ${describeType(value)}.`);
  } else if (!ARN.test(value)) {
    report(
      here,
      'INVALID_RESOURCE',
      `Resource ${JSON.stringify(value)} is not an ARN (arn:partition:service:region:account:resource).`,
    );
  }
}

/** Checks a seconds-like field: a positive integer, or (JSONata) an expression. Returns the literal. */
function checkSeconds(ctx: CheckContext, field: string, value: unknown, min: number): number | undefined {
  if (ctx.queryLanguage === 'JSONata') {
    const literal = literalOrExpression(ctx, field, value, 'number');
    if (typeof literal !== 'number') return undefined;
  }
  return expectInteger(ctx, field, value, min) ? (value as number) : undefined;
}

/** Checks a Task state's own fields. */
export function checkTaskState(ctx: CheckContext, state: Record<string, unknown>): void {
  if (!Object.hasOwn(state, 'Resource')) {
    report(ctx, 'MISSING_FIELD', 'a Task state needs Resource, the ARN of what it runs.');
  } else {
    checkResource(ctx, state.Resource);
  }
  const jsonPath = ctx.queryLanguage === 'JSONPath';
  let timeout: number | undefined;
  let heartbeat: number | undefined;
  if (Object.hasOwn(state, 'TimeoutSeconds'))
    timeout = checkSeconds(ctx, 'TimeoutSeconds', state.TimeoutSeconds, 1);
  if (Object.hasOwn(state, 'HeartbeatSeconds')) {
    heartbeat = checkSeconds(ctx, 'HeartbeatSeconds', state.HeartbeatSeconds, 1);
  }
  if (jsonPath) {
    checkExclusive(ctx, state, ['TimeoutSeconds', 'TimeoutSecondsPath']);
    checkExclusive(ctx, state, ['HeartbeatSeconds', 'HeartbeatSecondsPath']);
    if (Object.hasOwn(state, 'TimeoutSecondsPath')) {
      checkPathField(ctx, 'TimeoutSecondsPath', state.TimeoutSecondsPath, 'reference', false);
    }
    if (Object.hasOwn(state, 'HeartbeatSecondsPath')) {
      checkPathField(ctx, 'HeartbeatSecondsPath', state.HeartbeatSecondsPath, 'reference', false);
    }
  }
  const timeoutIsDefault =
    !Object.hasOwn(state, 'TimeoutSeconds') && !Object.hasOwn(state, 'TimeoutSecondsPath');
  const effectiveTimeout = timeout ?? (timeoutIsDefault ? MAX_AWS_INTEGER : undefined);
  if (heartbeat !== undefined && effectiveTimeout !== undefined && heartbeat >= effectiveTimeout) {
    const which =
      timeout === undefined
        ? `the default TimeoutSeconds (${MAX_AWS_INTEGER})`
        : `TimeoutSeconds (${timeout})`;
    report(
      at(ctx, 'HeartbeatSeconds'),
      'HEARTBEAT_NOT_BELOW_TIMEOUT',
      `HeartbeatSeconds (${heartbeat}) must be smaller than ${which}.`,
    );
  }
  if (Object.hasOwn(state, 'Credentials')) {
    if (jsonPath) checkPayloadTemplate(ctx, 'Credentials', state.Credentials);
    else if (!isObject(state.Credentials)) {
      report(
        at(ctx, 'Credentials'),
        'WRONG_TYPE',
        `Credentials must be an object, not ${describeType(state.Credentials)}.`,
      );
    } else checkJsonataValue(at(ctx, 'Credentials'), 'Credentials', state.Credentials);
  }
}

/** Checks a Wait state: exactly one way to say how long, each of its proper type. */
export function checkWaitState(ctx: CheckContext, state: Record<string, unknown>): void {
  const jsonPath = ctx.queryLanguage === 'JSONPath';
  const fields = jsonPath
    ? ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath']
    : ['Seconds', 'Timestamp'];
  const count = checkExclusive(ctx, state, fields);
  if (count === 0) {
    report(ctx, 'MISSING_FIELD', `a Wait state needs one of ${fields.join(', ')}.`);
  }
  if (Object.hasOwn(state, 'Seconds')) checkSeconds(ctx, 'Seconds', state.Seconds, 0);
  if (Object.hasOwn(state, 'Timestamp')) {
    const value = state.Timestamp;
    const literal = jsonPath ? value : literalOrExpression(ctx, 'Timestamp', value, 'string');
    if (jsonPath && typeof value !== 'string') {
      report(at(ctx, 'Timestamp'), 'WRONG_TYPE', `Timestamp must be a string, not ${describeType(value)}.`);
    } else if (typeof literal === 'string' && !ASL_TIMESTAMP.test(literal)) {
      report(
        at(ctx, 'Timestamp'),
        'INVALID_VALUE',
        `Timestamp must be an RFC 3339 timestamp such as "2026-01-01T00:00:00Z", not ${describeType(literal)}.`,
      );
    }
  }
  if (jsonPath && Object.hasOwn(state, 'SecondsPath')) {
    checkPathField(ctx, 'SecondsPath', state.SecondsPath, 'reference', false);
  }
  if (jsonPath && Object.hasOwn(state, 'TimestampPath')) {
    checkPathField(ctx, 'TimestampPath', state.TimestampPath, 'reference', false);
  }
}

/** Checks ErrorPath / CausePath: a Reference Path or an intrinsic function. */
function checkFailPath(ctx: CheckContext, field: string, value: unknown): void {
  if (typeof value === 'string' && looksLikeIntrinsic(value)) {
    const problem = intrinsicSyntaxProblem(value);
    if (problem) report(at(ctx, field), 'INVALID_INTRINSIC_FUNCTION', `${field}: ${problem}.`);
    return;
  }
  checkPathField(ctx, field, value, 'reference', false);
}

/** Checks a Fail state's Error and Cause (and their `...Path` forms in JSONPath). */
export function checkFailState(ctx: CheckContext, state: Record<string, unknown>): void {
  const jsonPath = ctx.queryLanguage === 'JSONPath';
  for (const field of ['Error', 'Cause']) {
    if (!Object.hasOwn(state, field)) continue;
    const value = state[field];
    if (typeof value !== 'string') {
      report(at(ctx, field), 'WRONG_TYPE', `${field} must be a string, not ${describeType(value)}.`);
    } else if (!jsonPath) {
      checkJsonataString(at(ctx, field), field, value);
    }
    if (jsonPath) {
      checkExclusive(ctx, state, [field, `${field}Path`]);
      if (Object.hasOwn(state, `${field}Path`)) checkFailPath(ctx, `${field}Path`, state[`${field}Path`]);
    }
  }
  if (jsonPath) {
    for (const field of ['ErrorPath', 'CausePath']) {
      if (Object.hasOwn(state, field) && !Object.hasOwn(state, field.slice(0, -4))) {
        checkFailPath(ctx, field, state[field]);
      }
    }
  }
}
