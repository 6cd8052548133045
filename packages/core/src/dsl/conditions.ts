// Choice rule conditions. A condition is built by a rule set bound to the data type at the
// Choice state, so each variable path is checked against that data and each comparison against
// the type found there. A comparison on a value that may be absent records the path in the
// condition's type; `and(isPresent(path), ...)` clears it, and a Choice refuses a condition
// that still carries one, because AWS fails the execution when a compared variable is missing.
import type { JsonObject, JsonValue } from '../json.js';
import type { ContextObject, PathLookup } from './types/checks.js';
import type { Materialize } from './types/data.js';
import type { Fact } from './types/narrow.js';
import type { MayBeAbsent, ParsePath, PathError, PathRoot, PathSegment } from './types/path.js';
import type { ChoiceRules } from './types/rules.js';
import type { OpenVars, VariableMayBeAbsent } from './types/vars.js';

/**
 * A Choice condition. `Needs` holds a sentence for each path compared without a presence guard;
 * `Guards` the same sentences for paths this condition proves present (`isPresent(path, true)`).
 * `Facts` are what the condition proves about the data when it holds, `Negated` what it proves
 * when it does not (types/narrow.ts).
 */
export interface Condition<
  Needs extends string = never,
  Guards extends string = never,
  Facts extends readonly Fact[] = [],
  Negated extends readonly Fact[] = [],
> {
  readonly kind: 'sfini.condition';
  /** The ASL of the rule, without `Next`. */
  readonly rule: JsonObject;
  /** Type-level only. */
  readonly '~condition'?: {
    readonly needs: Needs;
    readonly guards: Guards;
    readonly facts: Facts;
    readonly negated: Negated;
  };
}

/** Any condition. */
export type AnyCondition = Condition<string, string, readonly Fact[], readonly Fact[]>;

/**
 * A condition a Choice accepts: one with no unguarded comparison on a value that may be absent.
 * `when` refuses any other where it is written, with the sentence naming the path to guard.
 */
export type GuardedCondition = Condition<never, string, readonly Fact[], readonly Fact[]>;

/** What condition `C` proves about the data when it holds. */
export type FactsOfCondition<C> = C extends { readonly '~condition'?: { readonly facts: infer F } }
  ? F extends readonly Fact[]
    ? F
    : []
  : [];

/** The sentence saying path `P` needs a presence guard; what `isPresent(P)` clears. */
export type GuardSentence<P extends string> =
  `${P} may be absent: compare it inside and(isPresent('${P}'), ...)`;

/**
 * The guard sentence for `P` when comparing it in data `D` (or, for `$name`, in the variables
 * `V`) needs a presence guard, else `never`. A path that names nothing needs no guard: its
 * argument is refused already, and a second sentence about it would only mislead.
 */
export type NeedsGuard<P, D, V = OpenVars> = P extends string
  ? string extends P
    ? never
    : [PathLookup<P, D, ContextObject, V>] extends [PathError]
      ? never
      : MissingGuard<P, D, V>
  : never;

type MissingGuard<P extends string, D, V> =
  PathRoot<P> extends 'data'
    ? ParsePath<P> extends infer S extends readonly PathSegment[]
      ? MayBeAbsent<Materialize<D>, S> extends true
        ? GuardSentence<P>
        : never
      : never
    : PathRoot<P> extends 'variable'
      ? VariableMayBeAbsent<P, V> extends true
        ? GuardSentence<P>
        : never
      : never;

export type { ChoiceRules };

/** Builds a condition from its ASL rule. */
export function makeCondition(rule: JsonObject): AnyCondition {
  return Object.freeze({ kind: 'sfini.condition' as const, rule });
}

/**
 * True when `value` is a condition built by a rule set.
 * @param value anything.
 * @example
 * ```ts
 * isCondition(choiceRules.numericGreaterThan('$.total', 100)); // true
 * isCondition({ Variable: '$.total' }); // false: ASL, not a built condition
 * ```
 */
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
