// The syntax tree of an intrinsic function expression such as
// `States.Format('item-{}', States.MathAdd($.index, 1))`. It is parsed once per payload template
// and then evaluated many times, so every node keeps its source span: validators report where a
// problem is, and evaluators can quote the exact text (string literals keep their raw form because
// States.Format gives `\{` and `{` different meanings).

/** The 18 intrinsic functions of the Amazon States Language, by their full names. */
export const INTRINSIC_FUNCTION_NAMES = [
  'States.Format',
  'States.StringToJson',
  'States.JsonToString',
  'States.Array',
  'States.ArrayPartition',
  'States.ArrayContains',
  'States.ArrayRange',
  'States.ArrayGetItem',
  'States.ArrayLength',
  'States.ArrayUnique',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.Hash',
  'States.JsonMerge',
  'States.MathRandom',
  'States.MathAdd',
  'States.StringSplit',
  'States.UUID',
] as const;

/** One of the 18 intrinsic function names, e.g. `'States.Format'`. */
export type IntrinsicFunctionName = (typeof INTRINSIC_FUNCTION_NAMES)[number];

/** Where a node sits in the expression text: `start` inclusive, `end` exclusive, 0-based. */
export interface IntrinsicSpan {
  readonly start: number;
  readonly end: number;
}

/** A call such as `States.Array($.a, 1)`; `args` may be empty (`States.UUID()`). */
export interface IntrinsicCall extends IntrinsicSpan {
  readonly kind: 'call';
  readonly name: IntrinsicFunctionName;
  readonly args: readonly IntrinsicArgument[];
}

/**
 * A single-quoted string literal. `value` has the escapes `\'`, `\{`, `\}` and `\\` resolved;
 * `raw` is the text between the quotes exactly as written.
 */
export interface IntrinsicStringLiteral extends IntrinsicSpan {
  readonly kind: 'string';
  readonly value: string;
  readonly raw: string;
}

/** A JSON number literal such as `-1`, `2.5` or `1e3`. */
export interface IntrinsicNumberLiteral extends IntrinsicSpan {
  readonly kind: 'number';
  readonly value: number;
  readonly raw: string;
}

/** The literal `true` or `false`. */
export interface IntrinsicBooleanLiteral extends IntrinsicSpan {
  readonly kind: 'boolean';
  readonly value: boolean;
}

/** The literal `null`. */
export interface IntrinsicNullLiteral extends IntrinsicSpan {
  readonly kind: 'null';
  readonly value: null;
}

/**
 * Which data a path reads: `input` for `$...` (the state's effective input), `context` for
 * `$$...` (the context object), `variable` for `$name...` (a workflow variable).
 */
export type IntrinsicPathScope = 'input' | 'context' | 'variable';

/** A JSONPath argument: `$.a[0]`, `$$.Map.Item.Value` or `$myVar.field`. */
export interface IntrinsicPath extends IntrinsicSpan {
  readonly kind: 'path';
  /** The path text as written, trimmed, e.g. `$$.Execution.Input.items[0]`. */
  readonly path: string;
  readonly scope: IntrinsicPathScope;
  /** The variable name for `scope: 'variable'` (`myVar` in `$myVar.field`). */
  readonly variable?: string;
}

/** Any argument an intrinsic function accepts. */
export type IntrinsicArgument =
  | IntrinsicCall
  | IntrinsicStringLiteral
  | IntrinsicNumberLiteral
  | IntrinsicBooleanLiteral
  | IntrinsicNullLiteral
  | IntrinsicPath;

/** A literal argument (not a path and not a nested call). */
export type IntrinsicLiteral =
  | IntrinsicStringLiteral
  | IntrinsicNumberLiteral
  | IntrinsicBooleanLiteral
  | IntrinsicNullLiteral;

/**
 * Whether `name` is one of the 18 intrinsic function names (case-sensitive, as AWS).
 * @param name a function name, with its `States.` prefix.
 * @example
 * ```ts
 * isIntrinsicFunctionName('States.Format'); // true
 * isIntrinsicFunctionName('States.format'); // false
 * ```
 */
export function isIntrinsicFunctionName(name: string): name is IntrinsicFunctionName {
  return (INTRINSIC_FUNCTION_NAMES as readonly string[]).includes(name);
}
