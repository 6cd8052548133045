// Choice rules as types, derived from one runtime table of comparison operators so the types,
// the validator and the engine can never disagree on which operators exist or what operand
// each takes. A data-test rule is `Variable` plus exactly one operator, which the mapped
// union below expresses: naming two operators in one rule is a type error, as it is for AWS.
import type { JsonValue } from '../json.js';
import type { AslAssign } from './types.js';

/**
 * Every comparison operator, with the kind of operand it takes: a literal of a JSON type, a
 * timestamp string, a Reference Path (the `...Path` forms), or a boolean for the `Is*` tests.
 */
export const CHOICE_OPERATORS = {
  StringEquals: 'string',
  StringEqualsPath: 'path',
  StringLessThan: 'string',
  StringLessThanPath: 'path',
  StringGreaterThan: 'string',
  StringGreaterThanPath: 'path',
  StringLessThanEquals: 'string',
  StringLessThanEqualsPath: 'path',
  StringGreaterThanEquals: 'string',
  StringGreaterThanEqualsPath: 'path',
  StringMatches: 'string',
  NumericEquals: 'number',
  NumericEqualsPath: 'path',
  NumericLessThan: 'number',
  NumericLessThanPath: 'path',
  NumericGreaterThan: 'number',
  NumericGreaterThanPath: 'path',
  NumericLessThanEquals: 'number',
  NumericLessThanEqualsPath: 'path',
  NumericGreaterThanEquals: 'number',
  NumericGreaterThanEqualsPath: 'path',
  BooleanEquals: 'boolean',
  BooleanEqualsPath: 'path',
  TimestampEquals: 'timestamp',
  TimestampEqualsPath: 'path',
  TimestampLessThan: 'timestamp',
  TimestampLessThanPath: 'path',
  TimestampGreaterThan: 'timestamp',
  TimestampGreaterThanPath: 'path',
  TimestampLessThanEquals: 'timestamp',
  TimestampLessThanEqualsPath: 'path',
  TimestampGreaterThanEquals: 'timestamp',
  TimestampGreaterThanEqualsPath: 'path',
  IsNull: 'boolean',
  IsPresent: 'boolean',
  IsNumeric: 'boolean',
  IsString: 'boolean',
  IsBoolean: 'boolean',
  IsTimestamp: 'boolean',
} as const;

/** The name of a comparison operator. */
export type AslComparisonOperator = keyof typeof CHOICE_OPERATORS;

/** The kind of operand an operator takes. */
export type AslOperandKind = (typeof CHOICE_OPERATORS)[AslComparisonOperator];

interface OperandTypes {
  string: string;
  number: number;
  boolean: boolean;
  timestamp: string;
  path: string;
}

/** The operand type of each operator. */
export type AslComparisonOperand<Op extends AslComparisonOperator> =
  OperandTypes[(typeof CHOICE_OPERATORS)[Op]];

/** JSONPath: `Variable` compared with exactly one operator (the others are typed `never`). */
export type AslDataTestRule = {
  [Op in AslComparisonOperator]: { Variable: string; Comment?: string } & {
    [K in Op]: AslComparisonOperand<Op>;
  } & {
    [K in Exclude<AslComparisonOperator, Op>]?: never;
  };
}[AslComparisonOperator];

/** JSONPath: every nested rule must match. */
export interface AslAndRule {
  And: AslChoiceRule[];
  Comment?: string;
}

/** JSONPath: some nested rule must match. */
export interface AslOrRule {
  Or: AslChoiceRule[];
  Comment?: string;
}

/** JSONPath: the nested rule must not match. */
export interface AslNotRule {
  Not: AslChoiceRule;
  Comment?: string;
}

/** JSONata: a `{% %}` expression (or a literal boolean) that decides the rule. */
export interface AslConditionRule {
  Condition: string | boolean;
}

/** A choice rule at any depth (no `Next`: only top-level rules transition). */
export type AslChoiceRule = AslDataTestRule | AslAndRule | AslOrRule | AslNotRule;

/** The fields only a top-level rule (an element of `Choices`) has. */
export interface AslChoiceRuleTransition {
  /** The state to run when the rule matches. */
  Next: string;
  /** Variables to assign when the rule matches. */
  Assign?: AslAssign;
  /** JSONata: the output handed to `Next`. */
  Output?: JsonValue;
  Comment?: string;
}

/** An element of a Choice state's `Choices`: a rule plus where to go when it matches. */
export type AslTopLevelChoiceRule = (AslChoiceRule | AslConditionRule) & AslChoiceRuleTransition;

/** The operators a JSONPath rule may carry, as a list. */
export const CHOICE_OPERATOR_NAMES = Object.keys(CHOICE_OPERATORS) as AslComparisonOperator[];
