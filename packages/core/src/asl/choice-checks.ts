// Choice states. A JSONPath rule is either a data test (Variable plus exactly one comparison
// operator) or a combinator (And, Or, Not) of nested rules; a JSONata rule is a Condition.
// Only top-level rules carry Next (and Assign, Output); a nested one that does is refused,
// since AWS would never follow it. Default's target is checked with the other transitions.

import {
  at,
  type CheckContext,
  describeType,
  expectNext,
  isObject,
  quote,
  report,
  tooDeep,
} from './check-context.js';
import { type AslComparisonOperator, CHOICE_OPERATORS } from './choice-types.js';
import { checkAssign, checkPathField } from './data-fields.js';
import { checkJsonataString, checkJsonataValue, isJsonataExpression } from './jsonata-syntax.js';

const COMBINATORS = ['And', 'Or', 'Not'] as const;

/** RFC 3339 as AWS reads it: uppercase T, and Z or a numeric offset. */
export const ASL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isOperator(key: string): key is AslComparisonOperator {
  return Object.hasOwn(CHOICE_OPERATORS, key);
}

function checkOperand(ctx: CheckContext, op: AslComparisonOperator, value: unknown): void {
  const here = at(ctx, op);
  const kind = CHOICE_OPERATORS[op];
  if (kind === 'path') {
    checkPathField(ctx, op, value, 'reference', false);
    return;
  }
  const jsonType = kind === 'timestamp' ? 'string' : kind;
  if (typeof value !== jsonType) {
    report(here, 'WRONG_TYPE', `${op} compares with a ${kind}, not ${describeType(value)}.`);
    return;
  }
  if (kind === 'timestamp' && !ASL_TIMESTAMP.test(value as string)) {
    report(
      here,
      'INVALID_VALUE',
      `${op} needs an RFC 3339 timestamp such as "2026-01-01T00:00:00Z", not ${describeType(value)}.`,
    );
  }
}

/** Checks a JSONPath rule at any depth; `top` says whether it is an element of Choices. */
function checkJsonPathRule(ctx: CheckContext, rule: unknown, top: boolean): void {
  if (tooDeep(ctx)) return;
  if (!isObject(rule)) {
    report(ctx, 'INVALID_CHOICE_RULE', `a choice rule must be an object, not ${describeType(rule)}.`);
    return;
  }
  const keys = Object.keys(rule);
  const operators = keys.filter(isOperator);
  const combinators = keys.filter((k) => (COMBINATORS as readonly string[]).includes(k));
  for (const key of keys) {
    if (isOperator(key) || combinators.includes(key) || key === 'Variable' || key === 'Comment') continue;
    if (key === 'Next' || key === 'Assign') {
      if (!top) {
        report(
          at(ctx, key),
          'INVALID_CHOICE_RULE',
          `${key} is allowed only on a top-level choice rule, not inside And, Or or Not.`,
        );
      }
      continue;
    }
    if (key === 'Condition' || key === 'Output') {
      report(
        at(ctx, key),
        'WRONG_QUERY_LANGUAGE',
        `a choice rule's ${key} is a JSONata field, but the state uses JSONPath.`,
      );
      continue;
    }
    report(at(ctx, key), 'UNKNOWN_FIELD', `a choice rule has no field ${quote(key)}.`);
  }
  if (top) {
    expectNext(ctx, rule, 'a top-level choice rule');
    if (Object.hasOwn(rule, 'Assign')) checkAssign(ctx, rule.Assign);
  }
  if (combinators.length + operators.length === 0) {
    report(
      ctx,
      'INVALID_CHOICE_RULE',
      'a choice rule needs a comparison (Variable with an operator such as StringEquals) or And, Or, Not.',
    );
    return;
  }
  if (combinators.length + operators.length > 1) {
    const found = [...combinators, ...operators].join(', ');
    report(
      ctx,
      'INVALID_CHOICE_RULE',
      `a choice rule must have exactly one comparison or combinator, not ${found}.`,
    );
    return;
  }
  if (combinators.length === 1) {
    const combinator = combinators[0]!;
    if (Object.hasOwn(rule, 'Variable')) {
      report(at(ctx, 'Variable'), 'INVALID_CHOICE_RULE', `an ${combinator} rule cannot have a Variable.`);
    }
    const nested = rule[combinator];
    if (combinator === 'Not') {
      checkJsonPathRule(at(ctx, 'Not'), nested, false);
    } else if (!Array.isArray(nested) || nested.length === 0) {
      report(
        at(ctx, combinator),
        'INVALID_CHOICE_RULE',
        `${combinator} must be a non-empty array of choice rules.`,
      );
    } else {
      nested.forEach((inner, i) => {
        checkJsonPathRule(at(ctx, combinator, i), inner, false);
      });
    }
    return;
  }
  const op = operators[0]!;
  if (!Object.hasOwn(rule, 'Variable')) {
    report(ctx, 'MISSING_FIELD', `a ${op} rule needs Variable, the path of the value to compare.`);
  } else {
    checkPathField(ctx, 'Variable', rule.Variable, 'reference', false);
  }
  checkOperand(ctx, op, rule[op]);
}

/** Checks a JSONata rule: Condition plus Next, with optional Assign, Output, Comment. */
function checkJsonataRule(ctx: CheckContext, rule: unknown): void {
  if (!isObject(rule)) {
    report(ctx, 'INVALID_CHOICE_RULE', `a choice rule must be an object, not ${describeType(rule)}.`);
    return;
  }
  for (const key of Object.keys(rule)) {
    if (['Condition', 'Next', 'Assign', 'Output', 'Comment'].includes(key)) continue;
    if (key === 'Variable' || isOperator(key) || (COMBINATORS as readonly string[]).includes(key)) {
      report(
        at(ctx, key),
        'WRONG_QUERY_LANGUAGE',
        `${key} belongs to JSONPath choice rules; a JSONata rule decides with Condition.`,
      );
      continue;
    }
    report(at(ctx, key), 'UNKNOWN_FIELD', `a choice rule has no field ${quote(key)}.`);
  }
  if (!Object.hasOwn(rule, 'Condition')) {
    report(ctx, 'MISSING_FIELD', 'a JSONata choice rule needs Condition, a "{% ... %}" expression.');
  } else if (typeof rule.Condition === 'string' && isJsonataExpression(rule.Condition)) {
    checkJsonataString(at(ctx, 'Condition'), 'Condition', rule.Condition);
  } else if (typeof rule.Condition !== 'boolean') {
    report(
      at(ctx, 'Condition'),
      'WRONG_TYPE',
      `Condition must be a JSONata expression "{% ... %}" or a boolean, not ${describeType(rule.Condition)}.`,
    );
  }
  expectNext(ctx, rule, 'a choice rule');
  if (Object.hasOwn(rule, 'Output')) checkJsonataValue(at(ctx, 'Output'), 'Output', rule.Output);
  if (Object.hasOwn(rule, 'Assign')) checkAssign(ctx, rule.Assign);
}

/** Checks a Choice state's Choices and Default (targets are checked with the graph). */
export function checkChoiceState(ctx: CheckContext, state: Record<string, unknown>): void {
  if (!Object.hasOwn(state, 'Choices')) {
    report(ctx, 'MISSING_FIELD', 'a Choice state needs Choices, a non-empty array of rules.');
  } else if (!Array.isArray(state.Choices) || state.Choices.length === 0) {
    report(
      at(ctx, 'Choices'),
      Array.isArray(state.Choices) ? 'INVALID_VALUE' : 'WRONG_TYPE',
      `Choices must be a non-empty array of rules, not ${describeType(state.Choices)}.`,
    );
  } else {
    state.Choices.forEach((rule, i) => {
      const here = at(ctx, 'Choices', i);
      if (ctx.queryLanguage === 'JSONata') checkJsonataRule(here, rule);
      else checkJsonPathRule(here, rule, true);
    });
  }
  if (Object.hasOwn(state, 'Default') && typeof state.Default !== 'string') {
    report(
      at(ctx, 'Default'),
      'WRONG_TYPE',
      `Default must be a state name string, not ${describeType(state.Default)}.`,
    );
  }
}
