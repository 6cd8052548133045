// The Choice rule operators as types, bound to the data a Choice reads (`D`) and the variables in
// scope (`V`). Each variable path is checked against the data (or, for `$name`, the variables)
// and each comparison against the type found there. What a rule proves travels in its
// condition's type (narrow.ts), so a target built inline sees the data narrowed.
import type { AnyCondition, Condition, GuardSentence, NeedsGuard } from '../conditions.js';
import type { ContextObject, PathValue, ReadPathArg, TypedPathArg } from './checks.js';
import type { Fact, TestFacts } from './narrow.js';
import type { OpenVars } from './vars.js';

type Num<P, D, V, Op extends string> = TypedPathArg<P, D, number, `${Op} compares numbers`, V>;
type Str<P, D, V, Op extends string> = TypedPathArg<P, D, string, `${Op} compares strings`, V>;
type Bool<P, D, V, Op extends string> = TypedPathArg<P, D, boolean, `${Op} compares booleans`, V>;
type Stamp<P, D, V, Op extends string> = TypedPathArg<
  P,
  D,
  string,
  `${Op} compares timestamps, which are strings`,
  V
>;

type ValueAt<P, D, V> = P extends string ? PathValue<P, D, ContextObject, V> : unknown;

/** The string values a field can take: its literal union when it has one. */
type StringAt<X> = [Extract<X, string>] extends [never] ? string : Extract<X, string>;

/** The fact that the value at `P` is present and of kind `K`. */
type Kind<P, K extends 'string' | 'number' | 'boolean'> = readonly [P & string, K];

type Part<C, Key extends 'needs' | 'guards' | 'facts' | 'negated'> = C extends {
  readonly '~condition'?: infer T;
}
  ? T extends { readonly [K in Key]: infer X }
    ? X
    : never
  : never;

type FactsOf<C> = Part<C, 'facts'> extends infer F extends readonly Fact[] ? F : [];
type NegatedOf<C> = Part<C, 'negated'> extends infer F extends readonly Fact[] ? F : [];

type AllFacts<C extends readonly unknown[]> = C extends readonly [infer H, ...infer T]
  ? [...FactsOf<H>, ...AllFacts<T>]
  : [];
type AllNegated<C extends readonly unknown[]> = C extends readonly [infer H, ...infer T]
  ? [...NegatedOf<H>, ...AllNegated<T>]
  : [];

/**
 * The unguarded comparisons of `and(...C)`. AWS evaluates an And left to right and stops at the
 * first false condition, so a guard covers only the conditions after it: `Earlier` holds the
 * guards of the conditions already passed.
 */
type NeedsInOrder<C extends readonly unknown[], Earlier = never> = C extends readonly [infer H, ...infer T]
  ? Exclude<Part<H, 'needs'>, Earlier> | NeedsInOrder<T, Earlier | Part<H, 'guards'>>
  : never;

/**
 * The Choice rule operators, bound to data `D` and variables `V`. Every comparison has a
 * `...Path` form whose operand is read from the data (or a variable) too. Timestamps are ISO
 * 8601 strings; a timestamp value may also be given as a `Date`.
 */
export interface ChoiceRules<D, V = OpenVars> {
  /** True when the number at `variable` equals `value` (ASL `NumericEquals`). */
  numericEquals<const P extends string>(
    variable: Num<P, D, V, 'numericEquals'>,
    value: number,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'number'>]>;
  /** True when the number at `variable` is less than `value` (ASL `NumericLessThan`). */
  numericLessThan<const P extends string>(
    variable: Num<P, D, V, 'numericLessThan'>,
    value: number,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'number'>]>;
  /** True when the number at `variable` is greater than `value` (ASL `NumericGreaterThan`). */
  numericGreaterThan<const P extends string>(
    variable: Num<P, D, V, 'numericGreaterThan'>,
    value: number,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'number'>]>;
  /** True when the number at `variable` is less than or equal to `value` (ASL `NumericLessThanEquals`). */
  numericLessThanEquals<const P extends string>(
    variable: Num<P, D, V, 'numericLessThanEquals'>,
    value: number,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'number'>]>;
  /**
   * True when the number at `variable` is greater than or equal to `value` (ASL `NumericGreaterThanEquals`).
   */
  numericGreaterThanEquals<const P extends string>(
    variable: Num<P, D, V, 'numericGreaterThanEquals'>,
    value: number,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'number'>]>;
  /** True when the number at `variable` equals the number at `path` (ASL `NumericEqualsPath`). */
  numericEqualsPath<const P extends string, const Q extends string>(
    variable: Num<P, D, V, 'numericEqualsPath'>,
    path: Num<Q, D, V, 'numericEqualsPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'number'>, Kind<Q, 'number'>]>;
  /** True when the number at `variable` is less than the number at `path` (ASL `NumericLessThanPath`). */
  numericLessThanPath<const P extends string, const Q extends string>(
    variable: Num<P, D, V, 'numericLessThanPath'>,
    path: Num<Q, D, V, 'numericLessThanPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'number'>, Kind<Q, 'number'>]>;
  /**
   * True when the number at `variable` is greater than the number at `path` (ASL `NumericGreaterThanPath`).
   */
  numericGreaterThanPath<const P extends string, const Q extends string>(
    variable: Num<P, D, V, 'numericGreaterThanPath'>,
    path: Num<Q, D, V, 'numericGreaterThanPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'number'>, Kind<Q, 'number'>]>;
  /**
   * True when the number at `variable` is less than or equal to the number at `path`
   * (ASL `NumericLessThanEqualsPath`).
   */
  numericLessThanEqualsPath<const P extends string, const Q extends string>(
    variable: Num<P, D, V, 'numericLessThanEqualsPath'>,
    path: Num<Q, D, V, 'numericLessThanEqualsPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'number'>, Kind<Q, 'number'>]>;
  /**
   * True when the number at `variable` is greater than or equal to the number at `path`
   * (ASL `NumericGreaterThanEqualsPath`).
   */
  numericGreaterThanEqualsPath<const P extends string, const Q extends string>(
    variable: Num<P, D, V, 'numericGreaterThanEqualsPath'>,
    path: Num<Q, D, V, 'numericGreaterThanEqualsPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'number'>, Kind<Q, 'number'>]>;

  /** True when the string at `variable` equals `value` (ASL `StringEquals`). */
  stringEquals<const P extends string>(
    variable: Str<P, D, V, 'stringEquals'>,
    value: StringAt<ValueAt<P, D, V>>,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'string'>]>;
  /** True when the string at `variable` sorts before `value` (ASL `StringLessThan`). */
  stringLessThan<const P extends string>(
    variable: Str<P, D, V, 'stringLessThan'>,
    value: string,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'string'>]>;
  /** True when the string at `variable` sorts after `value` (ASL `StringGreaterThan`). */
  stringGreaterThan<const P extends string>(
    variable: Str<P, D, V, 'stringGreaterThan'>,
    value: string,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'string'>]>;
  /** True when the string at `variable` sorts before or equals `value` (ASL `StringLessThanEquals`). */
  stringLessThanEquals<const P extends string>(
    variable: Str<P, D, V, 'stringLessThanEquals'>,
    value: string,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'string'>]>;
  /** True when the string at `variable` sorts after or equals `value` (ASL `StringGreaterThanEquals`). */
  stringGreaterThanEquals<const P extends string>(
    variable: Str<P, D, V, 'stringGreaterThanEquals'>,
    value: string,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'string'>]>;
  /** True when the string at `variable` equals the string at `path` (ASL `StringEqualsPath`). */
  stringEqualsPath<const P extends string, const Q extends string>(
    variable: Str<P, D, V, 'stringEqualsPath'>,
    path: Str<Q, D, V, 'stringEqualsPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'string'>, Kind<Q, 'string'>]>;
  /** True when the string at `variable` sorts before the string at `path` (ASL `StringLessThanPath`). */
  stringLessThanPath<const P extends string, const Q extends string>(
    variable: Str<P, D, V, 'stringLessThanPath'>,
    path: Str<Q, D, V, 'stringLessThanPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'string'>, Kind<Q, 'string'>]>;
  /** True when the string at `variable` sorts after the string at `path` (ASL `StringGreaterThanPath`). */
  stringGreaterThanPath<const P extends string, const Q extends string>(
    variable: Str<P, D, V, 'stringGreaterThanPath'>,
    path: Str<Q, D, V, 'stringGreaterThanPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'string'>, Kind<Q, 'string'>]>;
  /**
   * True when the string at `variable` sorts before or equals the string at `path`
   * (ASL `StringLessThanEqualsPath`).
   */
  stringLessThanEqualsPath<const P extends string, const Q extends string>(
    variable: Str<P, D, V, 'stringLessThanEqualsPath'>,
    path: Str<Q, D, V, 'stringLessThanEqualsPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'string'>, Kind<Q, 'string'>]>;
  /**
   * True when the string at `variable` sorts after or equals the string at `path`
   * (ASL `StringGreaterThanEqualsPath`).
   */
  stringGreaterThanEqualsPath<const P extends string, const Q extends string>(
    variable: Str<P, D, V, 'stringGreaterThanEqualsPath'>,
    path: Str<Q, D, V, 'stringGreaterThanEqualsPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'string'>, Kind<Q, 'string'>]>;
  /** Matches a pattern where `*` stands for any run of characters (`\\*` is a literal star). */
  stringMatches<const P extends string>(
    variable: Str<P, D, V, 'stringMatches'>,
    pattern: string,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'string'>]>;

  /** True when the boolean at `variable` equals `value` (ASL `BooleanEquals`). */
  booleanEquals<const P extends string>(
    variable: Bool<P, D, V, 'booleanEquals'>,
    value: boolean,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'boolean'>]>;
  /** True when the boolean at `variable` equals the boolean at `path` (ASL `BooleanEqualsPath`). */
  booleanEqualsPath<const P extends string, const Q extends string>(
    variable: Bool<P, D, V, 'booleanEqualsPath'>,
    path: Bool<Q, D, V, 'booleanEqualsPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'boolean'>, Kind<Q, 'boolean'>]>;

  /** True when the timestamp at `variable` is the same instant as `value` (ASL `TimestampEquals`). */
  timestampEquals<const P extends string>(
    variable: Stamp<P, D, V, 'timestampEquals'>,
    value: string | Date,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'string'>]>;
  /** True when the timestamp at `variable` is earlier than `value` (ASL `TimestampLessThan`). */
  timestampLessThan<const P extends string>(
    variable: Stamp<P, D, V, 'timestampLessThan'>,
    value: string | Date,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'string'>]>;
  /** True when the timestamp at `variable` is later than `value` (ASL `TimestampGreaterThan`). */
  timestampGreaterThan<const P extends string>(
    variable: Stamp<P, D, V, 'timestampGreaterThan'>,
    value: string | Date,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'string'>]>;
  /**
   * True when the timestamp at `variable` is earlier than or the same as `value`
   * (ASL `TimestampLessThanEquals`).
   */
  timestampLessThanEquals<const P extends string>(
    variable: Stamp<P, D, V, 'timestampLessThanEquals'>,
    value: string | Date,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'string'>]>;
  /**
   * True when the timestamp at `variable` is later than or the same as `value`
   * (ASL `TimestampGreaterThanEquals`).
   */
  timestampGreaterThanEquals<const P extends string>(
    variable: Stamp<P, D, V, 'timestampGreaterThanEquals'>,
    value: string | Date,
  ): Condition<NeedsGuard<P, D, V>, never, [Kind<P, 'string'>]>;
  /**
   * True when the timestamp at `variable` is the same instant as the timestamp at `path`
   * (ASL `TimestampEqualsPath`).
   */
  timestampEqualsPath<const P extends string, const Q extends string>(
    variable: Stamp<P, D, V, 'timestampEqualsPath'>,
    path: Stamp<Q, D, V, 'timestampEqualsPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'string'>, Kind<Q, 'string'>]>;
  /**
   * True when the timestamp at `variable` is earlier than the timestamp at `path`
   * (ASL `TimestampLessThanPath`).
   */
  timestampLessThanPath<const P extends string, const Q extends string>(
    variable: Stamp<P, D, V, 'timestampLessThanPath'>,
    path: Stamp<Q, D, V, 'timestampLessThanPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'string'>, Kind<Q, 'string'>]>;
  /**
   * True when the timestamp at `variable` is later than the timestamp at `path`
   * (ASL `TimestampGreaterThanPath`).
   */
  timestampGreaterThanPath<const P extends string, const Q extends string>(
    variable: Stamp<P, D, V, 'timestampGreaterThanPath'>,
    path: Stamp<Q, D, V, 'timestampGreaterThanPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'string'>, Kind<Q, 'string'>]>;
  /**
   * True when the timestamp at `variable` is earlier than or the same as the timestamp at `path`
   * (ASL `TimestampLessThanEqualsPath`).
   */
  timestampLessThanEqualsPath<const P extends string, const Q extends string>(
    variable: Stamp<P, D, V, 'timestampLessThanEqualsPath'>,
    path: Stamp<Q, D, V, 'timestampLessThanEqualsPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'string'>, Kind<Q, 'string'>]>;
  /**
   * True when the timestamp at `variable` is later than or the same as the timestamp at `path`
   * (ASL `TimestampGreaterThanEqualsPath`).
   */
  timestampGreaterThanEqualsPath<const P extends string, const Q extends string>(
    variable: Stamp<P, D, V, 'timestampGreaterThanEqualsPath'>,
    path: Stamp<Q, D, V, 'timestampGreaterThanEqualsPath'>,
  ): Condition<NeedsGuard<P, D, V> | NeedsGuard<Q, D, V>, never, [Kind<P, 'string'>, Kind<Q, 'string'>]>;
  /** True when the variable exists; `isPresent(path)` guards later comparisons inside `and`. */
  isPresent<const P extends string, const B extends boolean = true>(
    variable: ReadPathArg<P, D, ContextObject, V>,
    value?: B,
  ): Condition<
    never,
    [B] extends [true] ? GuardSentence<P> : never,
    TestFacts<P, B, 'present', 'absent'>,
    TestFacts<P, B, 'absent', 'present'>
  >;
  /** True when the value at `variable` is null (ASL `IsNull`); with `value` false, when it is not. */
  isNull<const P extends string, const B extends boolean = true>(
    variable: ReadPathArg<P, D, ContextObject, V>,
    value?: B,
  ): Condition<
    NeedsGuard<P, D, V>,
    never,
    TestFacts<P, B, 'null', 'not-null'>,
    TestFacts<P, B, 'not-null', 'null'>
  >;
  /** True when the value at `variable` is a number (ASL `IsNumeric`); with `value` false, when it is not. */
  isNumeric<const P extends string, const B extends boolean = true>(
    variable: ReadPathArg<P, D, ContextObject, V>,
    value?: B,
  ): Condition<
    NeedsGuard<P, D, V>,
    never,
    TestFacts<P, B, 'number', 'not-number'>,
    TestFacts<P, B, 'not-number', 'number'>
  >;
  /** True when the value at `variable` is a string (ASL `IsString`); with `value` false, when it is not. */
  isString<const P extends string, const B extends boolean = true>(
    variable: ReadPathArg<P, D, ContextObject, V>,
    value?: B,
  ): Condition<
    NeedsGuard<P, D, V>,
    never,
    TestFacts<P, B, 'string', 'not-string'>,
    TestFacts<P, B, 'not-string', 'string'>
  >;
  /** True when the value at `variable` is a boolean (ASL `IsBoolean`); with `value` false, when it is not. */
  isBoolean<const P extends string, const B extends boolean = true>(
    variable: ReadPathArg<P, D, ContextObject, V>,
    value?: B,
  ): Condition<
    NeedsGuard<P, D, V>,
    never,
    TestFacts<P, B, 'boolean', 'not-boolean'>,
    TestFacts<P, B, 'not-boolean', 'boolean'>
  >;
  /**
   * True when the value at `variable` is a timestamp string (ASL `IsTimestamp`); with `value`
   * false, when it is not. The rule's target sees a string.
   */
  isTimestamp<const P extends string, const B extends boolean = true>(
    variable: ReadPathArg<P, D, ContextObject, V>,
    value?: B,
  ): Condition<
    NeedsGuard<P, D, V>,
    never,
    TestFacts<P, B, 'string', never>,
    TestFacts<P, B, never, 'string'>
  >;

  /**
   * All of `conditions`, tested in order until one is false: an `isPresent` guard covers the
   * comparisons after it, never those before it.
   */
  and<const C extends readonly AnyCondition[]>(
    ...conditions: C
  ): Condition<NeedsInOrder<C>, Part<C[number], 'guards'>, AllFacts<C>>;
  /**
   * Any of `conditions`. A guard does not carry across an Or: each alternative needs its own. It
   * proves nothing about the data, but `not(or(...))` proves each negation.
   */
  or<const C extends readonly AnyCondition[]>(
    ...conditions: C
  ): Condition<Part<C[number], 'needs'>, never, [], AllNegated<C>>;
  /** True when `condition` is false: `not(isPresent(path))` proves the field absent. */
  not<const C extends AnyCondition>(
    condition: C,
  ): Condition<Part<C, 'needs'>, never, NegatedOf<C>, FactsOf<C>>;

  /** A JSONata condition (`{% ... %}`), for Choice states in JSONata machines. */
  condition(expression: string): Condition;
}
