// Choice rule conditions. A condition is built by a rule set bound to the data type at the
// Choice state, so each variable path is checked against that data and each comparison against
// the type found there. A comparison on a value that may be absent records the path in the
// condition's type; `and(isPresent(path), ...)` clears it, and a Choice refuses a condition
// that still carries one, because AWS fails the execution when a compared variable is missing.
import type { JsonObject, JsonValue } from '../json.js';
import type { PathValue, ReadPathArg, TypedPathArg } from './types/checks.js';
import type { Materialize } from './types/data.js';
import type { MayBeAbsent, ParsePath, PathRoot, PathSegment } from './types/path.js';

/**
 * A Choice condition. `Needs` holds a sentence for each path compared without a presence guard;
 * `Guards` the same sentences for paths this condition proves present (`isPresent(path, true)`).
 */
export interface Condition<Needs extends string = never, Guards extends string = never> {
  readonly kind: 'sfini.condition';
  /** The ASL of the rule, without `Next`. */
  readonly rule: JsonObject;
  /** Type-level only. */
  readonly '~condition'?: { readonly needs: Needs; readonly guards: Guards };
}

/** Any condition. */
export type AnyCondition = Condition<string, string>;

type NeedsOf<C> = C extends { readonly '~condition'?: infer T }
  ? T extends { needs: infer N }
    ? N
    : never
  : never;
type GuardsOf<C> = C extends { readonly '~condition'?: infer T }
  ? T extends { guards: infer G }
    ? G
    : never
  : never;

/**
 * A condition a Choice accepts: one with no unguarded comparison on a value that may be absent.
 * A condition that still needs a guard fails to match, and the compiler shows its sentence.
 */
export type GuardedCondition = Condition<never, string>;

/** The sentence saying path `P` needs a presence guard; what `isPresent(P)` clears. */
export type GuardSentence<P extends string> =
  `${P} may be absent: compare it inside and(isPresent('${P}'), ...)`;

/** The guard sentence for `P` when comparing it in data `D` needs a presence guard, else `never`. */
export type NeedsGuard<P, D> = P extends string
  ? string extends P
    ? never
    : PathRoot<P> extends 'data'
      ? ParsePath<P> extends infer S extends readonly PathSegment[]
        ? MayBeAbsent<Materialize<D>, S> extends true
          ? GuardSentence<P>
          : never
        : never
      : never
  : never;

type Num<P, D, Op extends string> = TypedPathArg<P, D, number, `${Op} compares numbers`>;
type Str<P, D, Op extends string> = TypedPathArg<P, D, string, `${Op} compares strings`>;
type Bool<P, D, Op extends string> = TypedPathArg<P, D, boolean, `${Op} compares booleans`>;
type Stamp<P, D, Op extends string> = TypedPathArg<
  P,
  D,
  string,
  `${Op} compares timestamps, which are strings`
>;

/** The string values a field can take: its literal union when it has one. */
type StringAt<V> = [Extract<V, string>] extends [never] ? string : Extract<V, string>;

/**
 * The Choice rule operators, bound to data `D`. Every comparison has a `...Path` form whose
 * operand is read from the data too. Timestamps are ISO 8601 strings; a timestamp value may
 * also be given as a `Date`.
 */
export interface ChoiceRules<D> {
  /** True when the number at `variable` equals `value` (ASL `NumericEquals`). */
  numericEquals<const P extends string>(
    variable: Num<P, D, 'numericEquals'>,
    value: number,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the number at `variable` is less than `value` (ASL `NumericLessThan`). */
  numericLessThan<const P extends string>(
    variable: Num<P, D, 'numericLessThan'>,
    value: number,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the number at `variable` is greater than `value` (ASL `NumericGreaterThan`). */
  numericGreaterThan<const P extends string>(
    variable: Num<P, D, 'numericGreaterThan'>,
    value: number,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the number at `variable` is less than or equal to `value` (ASL `NumericLessThanEquals`). */
  numericLessThanEquals<const P extends string>(
    variable: Num<P, D, 'numericLessThanEquals'>,
    value: number,
  ): Condition<NeedsGuard<P, D>>;
  /**
   * True when the number at `variable` is greater than or equal to `value` (ASL `NumericGreaterThanEquals`).
   */
  numericGreaterThanEquals<const P extends string>(
    variable: Num<P, D, 'numericGreaterThanEquals'>,
    value: number,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the number at `variable` equals the number at `path` (ASL `NumericEqualsPath`). */
  numericEqualsPath<const P extends string, const Q extends string>(
    variable: Num<P, D, 'numericEqualsPath'>,
    path: Num<Q, D, 'numericEqualsPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /** True when the number at `variable` is less than the number at `path` (ASL `NumericLessThanPath`). */
  numericLessThanPath<const P extends string, const Q extends string>(
    variable: Num<P, D, 'numericLessThanPath'>,
    path: Num<Q, D, 'numericLessThanPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /**
   * True when the number at `variable` is greater than the number at `path` (ASL `NumericGreaterThanPath`).
   */
  numericGreaterThanPath<const P extends string, const Q extends string>(
    variable: Num<P, D, 'numericGreaterThanPath'>,
    path: Num<Q, D, 'numericGreaterThanPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /**
   * True when the number at `variable` is less than or equal to the number at `path`
   * (ASL `NumericLessThanEqualsPath`).
   */
  numericLessThanEqualsPath<const P extends string, const Q extends string>(
    variable: Num<P, D, 'numericLessThanEqualsPath'>,
    path: Num<Q, D, 'numericLessThanEqualsPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /**
   * True when the number at `variable` is greater than or equal to the number at `path`
   * (ASL `NumericGreaterThanEqualsPath`).
   */
  numericGreaterThanEqualsPath<const P extends string, const Q extends string>(
    variable: Num<P, D, 'numericGreaterThanEqualsPath'>,
    path: Num<Q, D, 'numericGreaterThanEqualsPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;

  /** True when the string at `variable` equals `value` (ASL `StringEquals`). */
  stringEquals<const P extends string>(
    variable: Str<P, D, 'stringEquals'>,
    value: StringAt<ValueAt<P, D>>,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the string at `variable` sorts before `value` (ASL `StringLessThan`). */
  stringLessThan<const P extends string>(
    variable: Str<P, D, 'stringLessThan'>,
    value: string,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the string at `variable` sorts after `value` (ASL `StringGreaterThan`). */
  stringGreaterThan<const P extends string>(
    variable: Str<P, D, 'stringGreaterThan'>,
    value: string,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the string at `variable` sorts before or equals `value` (ASL `StringLessThanEquals`). */
  stringLessThanEquals<const P extends string>(
    variable: Str<P, D, 'stringLessThanEquals'>,
    value: string,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the string at `variable` sorts after or equals `value` (ASL `StringGreaterThanEquals`). */
  stringGreaterThanEquals<const P extends string>(
    variable: Str<P, D, 'stringGreaterThanEquals'>,
    value: string,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the string at `variable` equals the string at `path` (ASL `StringEqualsPath`). */
  stringEqualsPath<const P extends string, const Q extends string>(
    variable: Str<P, D, 'stringEqualsPath'>,
    path: Str<Q, D, 'stringEqualsPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /** True when the string at `variable` sorts before the string at `path` (ASL `StringLessThanPath`). */
  stringLessThanPath<const P extends string, const Q extends string>(
    variable: Str<P, D, 'stringLessThanPath'>,
    path: Str<Q, D, 'stringLessThanPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /** True when the string at `variable` sorts after the string at `path` (ASL `StringGreaterThanPath`). */
  stringGreaterThanPath<const P extends string, const Q extends string>(
    variable: Str<P, D, 'stringGreaterThanPath'>,
    path: Str<Q, D, 'stringGreaterThanPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /**
   * True when the string at `variable` sorts before or equals the string at `path`
   * (ASL `StringLessThanEqualsPath`).
   */
  stringLessThanEqualsPath<const P extends string, const Q extends string>(
    variable: Str<P, D, 'stringLessThanEqualsPath'>,
    path: Str<Q, D, 'stringLessThanEqualsPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /**
   * True when the string at `variable` sorts after or equals the string at `path`
   * (ASL `StringGreaterThanEqualsPath`).
   */
  stringGreaterThanEqualsPath<const P extends string, const Q extends string>(
    variable: Str<P, D, 'stringGreaterThanEqualsPath'>,
    path: Str<Q, D, 'stringGreaterThanEqualsPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /** Matches a pattern where `*` stands for any run of characters (`\\*` is a literal star). */
  stringMatches<const P extends string>(
    variable: Str<P, D, 'stringMatches'>,
    pattern: string,
  ): Condition<NeedsGuard<P, D>>;

  /** True when the boolean at `variable` equals `value` (ASL `BooleanEquals`). */
  booleanEquals<const P extends string>(
    variable: Bool<P, D, 'booleanEquals'>,
    value: boolean,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the boolean at `variable` equals the boolean at `path` (ASL `BooleanEqualsPath`). */
  booleanEqualsPath<const P extends string, const Q extends string>(
    variable: Bool<P, D, 'booleanEqualsPath'>,
    path: Bool<Q, D, 'booleanEqualsPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;

  /** True when the timestamp at `variable` is the same instant as `value` (ASL `TimestampEquals`). */
  timestampEquals<const P extends string>(
    variable: Stamp<P, D, 'timestampEquals'>,
    value: string | Date,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the timestamp at `variable` is earlier than `value` (ASL `TimestampLessThan`). */
  timestampLessThan<const P extends string>(
    variable: Stamp<P, D, 'timestampLessThan'>,
    value: string | Date,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the timestamp at `variable` is later than `value` (ASL `TimestampGreaterThan`). */
  timestampGreaterThan<const P extends string>(
    variable: Stamp<P, D, 'timestampGreaterThan'>,
    value: string | Date,
  ): Condition<NeedsGuard<P, D>>;
  /**
   * True when the timestamp at `variable` is earlier than or the same as `value`
   * (ASL `TimestampLessThanEquals`).
   */
  timestampLessThanEquals<const P extends string>(
    variable: Stamp<P, D, 'timestampLessThanEquals'>,
    value: string | Date,
  ): Condition<NeedsGuard<P, D>>;
  /**
   * True when the timestamp at `variable` is later than or the same as `value`
   * (ASL `TimestampGreaterThanEquals`).
   */
  timestampGreaterThanEquals<const P extends string>(
    variable: Stamp<P, D, 'timestampGreaterThanEquals'>,
    value: string | Date,
  ): Condition<NeedsGuard<P, D>>;
  /**
   * True when the timestamp at `variable` is the same instant as the timestamp at `path`
   * (ASL `TimestampEqualsPath`).
   */
  timestampEqualsPath<const P extends string, const Q extends string>(
    variable: Stamp<P, D, 'timestampEqualsPath'>,
    path: Stamp<Q, D, 'timestampEqualsPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /**
   * True when the timestamp at `variable` is earlier than the timestamp at `path`
   * (ASL `TimestampLessThanPath`).
   */
  timestampLessThanPath<const P extends string, const Q extends string>(
    variable: Stamp<P, D, 'timestampLessThanPath'>,
    path: Stamp<Q, D, 'timestampLessThanPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /**
   * True when the timestamp at `variable` is later than the timestamp at `path`
   * (ASL `TimestampGreaterThanPath`).
   */
  timestampGreaterThanPath<const P extends string, const Q extends string>(
    variable: Stamp<P, D, 'timestampGreaterThanPath'>,
    path: Stamp<Q, D, 'timestampGreaterThanPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /**
   * True when the timestamp at `variable` is earlier than or the same as the timestamp at `path`
   * (ASL `TimestampLessThanEqualsPath`).
   */
  timestampLessThanEqualsPath<const P extends string, const Q extends string>(
    variable: Stamp<P, D, 'timestampLessThanEqualsPath'>,
    path: Stamp<Q, D, 'timestampLessThanEqualsPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;
  /**
   * True when the timestamp at `variable` is later than or the same as the timestamp at `path`
   * (ASL `TimestampGreaterThanEqualsPath`).
   */
  timestampGreaterThanEqualsPath<const P extends string, const Q extends string>(
    variable: Stamp<P, D, 'timestampGreaterThanEqualsPath'>,
    path: Stamp<Q, D, 'timestampGreaterThanEqualsPath'>,
  ): Condition<NeedsGuard<P, D> | NeedsGuard<Q, D>>;

  /** True when the variable exists; `isPresent(path)` guards later comparisons inside `and`. */
  isPresent<const P extends string, const V extends boolean = true>(
    variable: ReadPathArg<P, D>,
    value?: V,
  ): Condition<never, V extends true ? GuardSentence<P> : never>;
  /** True when the value at `variable` is null (ASL `IsNull`); with `value` false, when it is not. */
  isNull<const P extends string>(variable: ReadPathArg<P, D>, value?: boolean): Condition<NeedsGuard<P, D>>;
  /** True when the value at `variable` is a number (ASL `IsNumeric`); with `value` false, when it is not. */
  isNumeric<const P extends string>(
    variable: ReadPathArg<P, D>,
    value?: boolean,
  ): Condition<NeedsGuard<P, D>>;
  /** True when the value at `variable` is a string (ASL `IsString`); with `value` false, when it is not. */
  isString<const P extends string>(variable: ReadPathArg<P, D>, value?: boolean): Condition<NeedsGuard<P, D>>;
  /** True when the value at `variable` is a boolean (ASL `IsBoolean`); with `value` false, when it is not. */
  isBoolean<const P extends string>(
    variable: ReadPathArg<P, D>,
    value?: boolean,
  ): Condition<NeedsGuard<P, D>>;
  /**
   * True when the value at `variable` is a timestamp string
   * (ASL `IsTimestamp`); with `value` false, when it is not.
   */
  isTimestamp<const P extends string>(
    variable: ReadPathArg<P, D>,
    value?: boolean,
  ): Condition<NeedsGuard<P, D>>;

  /** All of `conditions`, tested in order: an `isPresent` guard covers the comparisons after it. */
  and<const C extends readonly AnyCondition[]>(
    ...conditions: C
  ): Condition<Exclude<NeedsOf<C[number]>, GuardsOf<C[number]>>, GuardsOf<C[number]>>;
  /** Any of `conditions`. A guard does not carry across an Or: each alternative needs its own. */
  or<const C extends readonly AnyCondition[]>(...conditions: C): Condition<NeedsOf<C[number]>>;
  /** True when `condition` is false. */
  not<const C extends AnyCondition>(condition: C): Condition<NeedsOf<C>>;

  /** A JSONata condition (`{% ... %}`), for Choice states in JSONata machines. */
  condition(expression: string): Condition;
}

type ValueAt<P, D> = P extends string ? PathValue<P, D> : unknown;

/** Builds a condition from its ASL rule. */
export function makeCondition(rule: JsonObject): AnyCondition {
  return Object.freeze({ kind: 'sfini.condition' as const, rule });
}

/** True when `value` is a condition built by a rule set. */
export function isCondition(value: unknown): value is AnyCondition {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'sfini.condition'
  );
}

const COMPARISONS = ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals'] as const;

function requireString(what: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`${what} must be a non-empty path string, got ${JSON.stringify(value)}`);
  }
  return value;
}

function timestampText(value: unknown): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('timestamp comparison value is an invalid Date');
    return value.toISOString();
  }
  if (typeof value !== 'string') throw new TypeError(`timestamp comparison value must be a string or Date`);
  return value;
}

function checkValue(op: string, kind: 'number' | 'string' | 'boolean', value: unknown): JsonValue {
  if (typeof value !== kind || (kind === 'number' && !Number.isFinite(value as number))) {
    throw new TypeError(`${op} compares with a ${kind}, got ${JSON.stringify(value)}`);
  }
  return value as JsonValue;
}

function conditionsOf(op: string, list: readonly unknown[]): JsonObject[] {
  if (list.length === 0) throw new TypeError(`${op} needs at least one condition`);
  return list.map((c, i) => {
    if (!isCondition(c)) throw new TypeError(`${op}: argument ${i + 1} is not a condition`);
    return c.rule;
  });
}

/** The rule set: one object serves every data type, since the checks are type-level only. */
function buildRules(): ChoiceRules<unknown> {
  const rules: Record<string, (...args: any[]) => AnyCondition> = {};
  const families = [
    ['numeric', 'Numeric', 'number'],
    ['string', 'String', 'string'],
    ['timestamp', 'Timestamp', 'timestamp'],
  ] as const;
  for (const [prefix, asl, kind] of families) {
    for (const comparison of COMPARISONS) {
      const op = `${asl}${comparison}`;
      const method = `${prefix}${comparison}`;
      rules[method] = (variable: unknown, value: unknown) =>
        makeCondition({
          Variable: requireString(`${method} variable`, variable),
          [op]: kind === 'timestamp' ? timestampText(value) : checkValue(method, kind, value),
        });
      rules[`${method}Path`] = (variable: unknown, path: unknown) =>
        makeCondition({
          Variable: requireString(`${method}Path variable`, variable),
          [`${op}Path`]: requireString(`${method}Path path`, path),
        });
    }
  }
  rules.booleanEquals = (variable: unknown, value: unknown) =>
    makeCondition({
      Variable: requireString('booleanEquals variable', variable),
      BooleanEquals: checkValue('booleanEquals', 'boolean', value),
    });
  rules.booleanEqualsPath = (variable: unknown, path: unknown) =>
    makeCondition({
      Variable: requireString('booleanEqualsPath variable', variable),
      BooleanEqualsPath: requireString('booleanEqualsPath path', path),
    });
  rules.stringMatches = (variable: unknown, pattern: unknown) =>
    makeCondition({
      Variable: requireString('stringMatches variable', variable),
      StringMatches: checkValue('stringMatches', 'string', pattern),
    });
  for (const test of ['Present', 'Null', 'Numeric', 'String', 'Boolean', 'Timestamp'] as const) {
    rules[`is${test}`] = (variable: unknown, value: unknown = true) =>
      makeCondition({
        Variable: requireString(`is${test} variable`, variable),
        [`Is${test}`]: checkValue(`is${test}`, 'boolean', value),
      });
  }
  rules.and = (...conditions: unknown[]) => makeCondition({ And: conditionsOf('and', conditions) });
  rules.or = (...conditions: unknown[]) => makeCondition({ Or: conditionsOf('or', conditions) });
  rules.not = (condition: unknown) => makeCondition({ Not: conditionsOf('not', [condition])[0]! });
  rules.condition = (expression: unknown) => {
    if (typeof expression !== 'string' || !/^\{%[\s\S]*%\}$/.test(expression.trim())) {
      throw new TypeError(
        `a JSONata condition is written {% expression %}, got ${JSON.stringify(expression)}`,
      );
    }
    return makeCondition({ Condition: expression });
  };
  return Object.freeze(rules) as unknown as ChoiceRules<unknown>;
}

/** The shared rule set; typed per Choice by the DSL. */
export const choiceRules: ChoiceRules<unknown> = buildRules();
