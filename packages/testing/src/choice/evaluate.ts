// Evaluates JSONPath Choice rules as AWS does, as recorded:
// - a comparison with a value of the wrong type is false, not an error (NumericEquals on "1",
//   BooleanEquals on 0, StringEquals on null: all false);
// - numbers compare by value whatever their form (1 equals 1.0); strings compare by UTF-16 code
//   units; timestamps compare as instants and only RFC 3339 texts with a zone are timestamps;
// - `Is*: false` means "is not" (IsNull: false is true for every non-null value);
// - a Variable or `...Path` operand that selects nothing fails with States.Runtime
//   ("Invalid path '$.x': ..."), except under IsPresent, which exists to test exactly that;
// - And and Or stop at the first deciding rule, so `IsPresent` can guard a later comparison;
// - with no matching rule and no Default, the state fails with States.Runtime.
// JSONata `Condition` rules are evaluated by the engine, not here.

import {
  type AslComparisonOperator,
  CHOICE_OPERATOR_NAMES,
  CHOICE_OPERATORS,
  type JsonValue,
} from '@sfini/core';
import { ChoiceEvaluationError, invalidChoicePathCause, NO_CHOICE_MATCHED_CAUSE } from './errors.js';
import { stringMatches } from './string-matches.js';
import { isTimestamp, parseTimestamp } from './timestamp.js';
import type { ChoiceRuleDefinition, ChoiceScope, ChoiceSelection, ChoiceStateDefinition } from './types.js';

type ValueKind = 'String' | 'Numeric' | 'Boolean' | 'Timestamp';
type Comparison = 'Equals' | 'LessThan' | 'GreaterThan' | 'LessThanEquals' | 'GreaterThanEquals';

interface ComparisonOperator {
  readonly kind: ValueKind;
  readonly comparison: Comparison;
  readonly operandIsPath: boolean;
}

const COMPARISON =
  /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/;

/**
 * How each comparison operator of core's table compares, read from its name:
 * `NumericLessThanEqualsPath` compares numbers, by <=, with an operand read from a path.
 */
const COMPARISON_OPERATORS = new Map<string, ComparisonOperator>();
for (const name of CHOICE_OPERATOR_NAMES) {
  const parts = COMPARISON.exec(name);
  if (parts === null) continue;
  COMPARISON_OPERATORS.set(name, {
    kind: parts[1] as ValueKind,
    comparison: parts[2] as Comparison,
    operandIsPath: CHOICE_OPERATORS[name] === 'path',
  });
}

const TYPE_TESTS: Readonly<Partial<Record<AslComparisonOperator, (value: JsonValue) => boolean>>> = {
  IsNull: (value) => value === null,
  IsNumeric: (value) => typeof value === 'number',
  IsString: (value) => typeof value === 'string',
  IsBoolean: (value) => typeof value === 'boolean',
  IsTimestamp: (value) => isTimestamp(value),
};

/**
 * Evaluates one Choice rule (a data test or a nested And/Or/Not) against the scope.
 *
 * @param rule - the rule as written in ASL JSON.
 * @param scope - looks up the rule's Reference Paths.
 * @returns whether the rule matches.
 * @throws ChoiceEvaluationError (`States.Runtime`) when a path selects nothing, with AWS's cause.
 * @example
 * evaluateChoiceRule({ Variable: '$.n', NumericGreaterThan: 1 }, scope); // true when $.n is 2
 */
export function evaluateChoiceRule(rule: ChoiceRuleDefinition, scope: ChoiceScope): boolean {
  if (rule.And !== undefined) return rule.And.every((child) => evaluateChoiceRule(child, scope));
  if (rule.Or !== undefined) return rule.Or.some((child) => evaluateChoiceRule(child, scope));
  if (rule.Not !== undefined) return !evaluateChoiceRule(rule.Not, scope);
  const variable = rule.Variable;
  const operator = CHOICE_OPERATOR_NAMES.find((name) => Object.hasOwn(rule, name));
  if (typeof variable !== 'string' || operator === undefined) {
    throw new ChoiceEvaluationError(
      `The choice rule ${JSON.stringify(rule)} needs a Variable and one of the operators ${CHOICE_OPERATOR_NAMES.join(', ')}.`,
    );
  }
  const operand = rule[operator];
  const lookup = scope.resolvePath(variable);
  if (operator === 'IsPresent') return lookup.found === (operand === true);
  if (!lookup.found) throw new ChoiceEvaluationError(invalidChoicePathCause(variable), variable);
  const value = lookup.value;
  const typeTest = TYPE_TESTS[operator];
  if (typeTest !== undefined) return typeTest(value) === (operand === true);
  if (operator === 'StringMatches') {
    return typeof value === 'string' && typeof operand === 'string' && stringMatches(value, operand);
  }
  const comparison = COMPARISON_OPERATORS.get(operator) as ComparisonOperator;
  return compare(comparison, value, comparison.operandIsPath ? resolveOperand(operand, scope) : operand);
}

function resolveOperand(path: unknown, scope: ChoiceScope): unknown {
  if (typeof path !== 'string') return undefined;
  const lookup = scope.resolvePath(path);
  if (!lookup.found) throw new ChoiceEvaluationError(invalidChoicePathCause(path), path);
  return lookup.value;
}

function compare(operator: ComparisonOperator, value: unknown, operand: unknown): boolean {
  const order = orderOf(operator.kind, value, operand);
  if (order === undefined) return false;
  switch (operator.comparison) {
    case 'Equals':
      return order === 0;
    case 'LessThan':
      return order < 0;
    case 'GreaterThan':
      return order > 0;
    case 'LessThanEquals':
      return order <= 0;
    case 'GreaterThanEquals':
      return order >= 0;
  }
}

/** -1, 0 or 1 when both values are of the operator's kind; undefined when either is not. */
function orderOf(kind: ValueKind, left: unknown, right: unknown): number | undefined {
  switch (kind) {
    case 'String':
      return typeof left === 'string' && typeof right === 'string' ? sign(left, right) : undefined;
    case 'Numeric':
      return typeof left === 'number' && typeof right === 'number' ? sign(left, right) : undefined;
    case 'Boolean':
      return typeof left === 'boolean' && typeof right === 'boolean' ? (left === right ? 0 : 1) : undefined;
    case 'Timestamp': {
      const leftInstant = typeof left === 'string' ? parseTimestamp(left) : undefined;
      const rightInstant = typeof right === 'string' ? parseTimestamp(right) : undefined;
      if (leftInstant === undefined || rightInstant === undefined) return undefined;
      return sign(leftInstant, rightInstant);
    }
  }
}

function sign<T extends string | number | bigint>(left: T, right: T): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Picks the rule a JSONPath Choice state takes: the first matching rule in order, else Default.
 *
 * @returns the next state, the matching rule (for its `Assign`) and its index (-1 for Default).
 * @throws ChoiceEvaluationError (`States.Runtime`) when nothing matches and there is no Default,
 *   or when a rule's path selects nothing.
 */
export function resolveChoice(state: ChoiceStateDefinition, scope: ChoiceScope): ChoiceSelection {
  for (const [index, rule] of state.Choices.entries()) {
    if (evaluateChoiceRule(rule, scope)) {
      if (typeof rule.Next !== 'string') {
        throw new ChoiceEvaluationError(`The choice rule at index ${index} has no Next state.`);
      }
      return { next: rule.Next, rule, index };
    }
  }
  if (state.Default !== undefined) return { next: state.Default, rule: undefined, index: -1 };
  throw new ChoiceEvaluationError(NO_CHOICE_MATCHED_CAUSE);
}

/**
 * The name of the state a JSONPath Choice state goes to next.
 *
 * @throws ChoiceEvaluationError (`States.Runtime`, cause "Failed to transition out of the state.
 *   The state does not point to a next state.") when nothing matches and there is no Default,
 *   or with an "Invalid path" cause when a rule's path selects nothing.
 * @example
 * selectChoice({ Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }], Default: 'Retry' }, scope);
 */
export function selectChoice(state: ChoiceStateDefinition, scope: ChoiceScope): string {
  return resolveChoice(state, scope).next;
}
