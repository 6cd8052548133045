// The state every check shares: where in the definition it is, who owns that place (so each
// message can name the state and field), which query language applies, and the list problems
// go to. Checks append and return; none throws, so one bad field never hides the next.

import {
  type DefinitionLocation,
  type DefinitionProblem,
  type DefinitionProblemCode,
  problemAt,
} from './problems.js';
import type { AslQueryLanguage } from './types.js';

/** Collects problems in the order the checks find them, for one validation. */
export class ProblemList {
  readonly items: DefinitionProblem[] = [];
  /** For each of {@link firstWalk}'s walks, the smallest depth each object was walked from. */
  readonly walked: Record<ValueWalk, WeakMap<object, number>> = {
    'payload-template': new WeakMap(),
    'jsonata-value': new WeakMap(),
  };
  add(code: DefinitionProblemCode, location: DefinitionLocation, message: string): void {
    this.items.push(problemAt(code, location, message));
  }
}

/** Where a check is looking: an owner to name in messages, a location, a query language. */
export interface CheckContext {
  readonly problems: ProblemList;
  /** Names the owner in a message: `State "fetch"`, `The state machine`, `Branch 0 of state "p"`. */
  readonly owner: string;
  readonly location: DefinitionLocation;
  readonly queryLanguage: AslQueryLanguage;
}

/** A context for a field (or array index) below the current one, same owner and language. */
export function at(ctx: CheckContext, ...keys: (string | number)[]): CheckContext {
  return { ...ctx, location: [...ctx.location, ...keys] };
}

/** Reports a problem at the context's location, prefixing the owner to the message. */
export function report(ctx: CheckContext, code: DefinitionProblemCode, message: string): void {
  ctx.problems.add(code, ctx.location, `${ctx.owner}: ${message}`);
}

/** True for a JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Describes a value's JSON type for messages: "a string", "an array", "null". */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(truncate(value))}`;
  if (typeof value === 'boolean') return `${value}`;
  return `a ${typeof value}`;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Quotes a field or state name for messages. */
export function quote(name: string): string {
  return JSON.stringify(name);
}

/** The largest integer AWS accepts in its seconds and counts fields. */
export const MAX_AWS_INTEGER = 99_999_999;

/**
 * The deepest location a definition may reach. Definitions are untrusted, and walking a value
 * nested deeper than any real machine could exhaust the stack of whatever walks it (these
 * checks, a copy, the engine's compiler); deeper values are reported as too deeply nested.
 */
export const MAX_DEFINITION_DEPTH = 256;

/**
 * True when `ctx` is deeper than {@link MAX_DEFINITION_DEPTH}: checks stop descending there.
 * The nesting scan (nesting.ts), which sees every value of the definition, reports the place.
 */
export function tooDeep(ctx: CheckContext): boolean {
  return ctx.location.length > MAX_DEFINITION_DEPTH;
}

/** The recursive walks of values that {@link firstWalk} keeps apart: each checks different things. */
export type ValueWalk = 'payload-template' | 'jsonata-value';

/**
 * True when `walk` should descend into `node` at `ctx`: the first time it meets the object, or
 * when it meets it again at a smaller depth (where the depth bound cuts less of it off). A
 * definition built in JS may share sub-objects, each reachable along exponentially many paths;
 * walking each once keeps the check linear in the objects, and reports a shared part's problems
 * at the first location it was found. A cycle ends here too (the nesting scan reports it).
 */
export function firstWalk(ctx: CheckContext, walk: ValueWalk, node: object): boolean {
  const depths = ctx.problems.walked[walk];
  const depth = ctx.location.length;
  const seen = depths.get(node);
  if (seen !== undefined && seen <= depth) return false;
  depths.set(node, depth);
  return true;
}

/** Own enumerable keys, safe against prototype tricks (`__proto__` is only ever a plain key). */
export function keysOf(value: Record<string, unknown>): string[] {
  return Object.keys(value);
}

/** Reads an own property only, never one inherited from Object.prototype. */
export function own(value: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

/** Checks that a field holds a string; reports and returns false otherwise. */
export function expectString(ctx: CheckContext, field: string, value: unknown): value is string {
  if (typeof value === 'string') return true;
  report(at(ctx, field), 'WRONG_TYPE', `${field} must be a string, not ${describeType(value)}.`);
  return false;
}

/**
 * Checks that `entry` (a Choice rule or a catcher, named `what` in messages) has the Next it
 * must have, naming a state; whether that state exists is checked with the graph.
 */
export function expectNext(ctx: CheckContext, entry: Record<string, unknown>, what: string): void {
  if (!Object.hasOwn(entry, 'Next')) {
    report(ctx, 'MISSING_FIELD', `${what} needs Next, the state to run when it matches.`);
  } else if (typeof entry.Next !== 'string') {
    report(
      at(ctx, 'Next'),
      'WRONG_TYPE',
      `Next must be a state name string, not ${describeType(entry.Next)}.`,
    );
  }
}

/** Checks that a field holds an integer within [min, max]. */
export function expectInteger(
  ctx: CheckContext,
  field: string,
  value: unknown,
  min: number,
  max = MAX_AWS_INTEGER,
): value is number {
  return expectNumberIn(ctx, field, value, min, max, 'an integer', Number.isInteger);
}

/** Checks that a field holds a number within [min, max]. */
export function expectNumber(
  ctx: CheckContext,
  field: string,
  value: unknown,
  min: number,
  max: number,
): boolean {
  return expectNumberIn(ctx, field, value, min, max, 'a number', Number.isFinite);
}

/** A number of the kind `isKind` accepts (named `kind` in messages), within [min, max]. */
function expectNumberIn(
  ctx: CheckContext,
  field: string,
  value: unknown,
  min: number,
  max: number,
  kind: string,
  isKind: (value: number) => boolean,
): value is number {
  if (typeof value !== 'number' || !isKind(value)) {
    report(at(ctx, field), 'WRONG_TYPE', `${field} must be ${kind}, not ${describeType(value)}.`);
    return false;
  }
  if (value < min || value > max) {
    report(at(ctx, field), 'INVALID_VALUE', `${field} must be between ${min} and ${max}, not ${value}.`);
    return false;
  }
  return true;
}

/** Checks that a field holds a JSON object. */
export function expectObject(
  ctx: CheckContext,
  field: string,
  value: unknown,
): value is Record<string, unknown> {
  if (isObject(value)) return true;
  report(at(ctx, field), 'WRONG_TYPE', `${field} must be an object, not ${describeType(value)}.`);
  return false;
}

/** Checks that a field holds one of a fixed set of strings. */
export function expectEnum(
  ctx: CheckContext,
  field: string,
  value: unknown,
  allowed: readonly string[],
): boolean {
  if (typeof value === 'string' && allowed.includes(value)) return true;
  const list = allowed.map((a) => quote(a)).join(', ');
  const code = typeof value === 'string' ? 'INVALID_VALUE' : 'WRONG_TYPE';
  report(at(ctx, field), code, `${field} must be one of ${list}, not ${describeType(value)}.`);
  return false;
}
