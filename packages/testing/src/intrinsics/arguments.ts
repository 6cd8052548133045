// Argument checks shared by the intrinsic functions. AWS accepts a definition whatever the number
// and types of the arguments and fails at run time, so each function checks its evaluated
// arguments here and fails with AWS's `Invalid arguments in States.X` cause.
//
// Numbers that must be integers (ArrayRange bounds, ArrayPartition's chunk size, ArrayGetItem's
// index, MathRandom's bounds and seed) are truncated towards zero, as a JVM's `intValue()` does:
// AWS returns element 1 for index 1.2 and treats chunk size 2.6 as 2. MathAdd is the exception
// and rounds (recorded: 1.5 + 0 = 2, -2.5 + 0 = -2).

import type { IntrinsicCall, IntrinsicFunctionName, JsonObject, JsonValue } from '@sfini/core';
import { IntrinsicEvaluationError } from './errors.js';
import type { IntrinsicScope } from './scope.js';

/** What a function implementation gets besides its evaluated arguments. */
export interface IntrinsicCallContext {
  readonly call: IntrinsicCall;
  readonly scope: IntrinsicScope;
}

/** One intrinsic function: evaluated arguments in, JSON value out; throws IntrinsicEvaluationError. */
export type IntrinsicImplementation = (
  args: readonly JsonValue[],
  context: IntrinsicCallContext,
) => JsonValue;

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Fails the call with AWS's cause and a plain-words reason. */
export function invalid(name: IntrinsicFunctionName, reason: string): never {
  throw new IntrinsicEvaluationError(name, reason);
}

/** Requires between `min` and `max` arguments. */
export function expectArity(
  name: IntrinsicFunctionName,
  args: readonly JsonValue[],
  min: number,
  max = min,
): void {
  if (args.length >= min && args.length <= max) return;
  const wanted =
    min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
  const singular = max === 1 || (min === 1 && max === Number.POSITIVE_INFINITY);
  invalid(name, `expected ${wanted} argument${singular ? '' : 's'}, got ${args.length}`);
}

/** A short description of a value's JSON type for reasons. */
export function describe(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'number' ? 'the number' : typeof value === 'string' ? 'the string' : 'the boolean'} ${JSON.stringify(value)}`;
}

export function requireString(
  name: IntrinsicFunctionName,
  value: JsonValue | undefined,
  role: string,
): string {
  if (typeof value === 'string') return value;
  return invalid(name, `${role} must be a string, got ${describe(value)}`);
}

export function requireNumber(
  name: IntrinsicFunctionName,
  value: JsonValue | undefined,
  role: string,
): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return invalid(name, `${role} must be a number, got ${describe(value)}`);
}

export function requireArray(
  name: IntrinsicFunctionName,
  value: JsonValue | undefined,
  role: string,
): JsonValue[] {
  if (Array.isArray(value)) return value;
  return invalid(name, `${role} must be an array, got ${describe(value)}`);
}

export function requireObject(
  name: IntrinsicFunctionName,
  value: JsonValue | undefined,
  role: string,
): JsonObject {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
  return invalid(name, `${role} must be an object, got ${describe(value)}`);
}

/** A number truncated to a 32-bit integer, as `Number#intValue()`; out-of-range values fail. */
export function requireTruncatedInt(
  name: IntrinsicFunctionName,
  value: JsonValue | undefined,
  role: string,
): number {
  const truncated = Math.trunc(requireNumber(name, value, role)) + 0;
  if (truncated < INT_MIN || truncated > INT_MAX) {
    invalid(name, `${role} must fit in a 32-bit integer, got ${value}`);
  }
  return truncated;
}

/** Whether a number is within the 32-bit range the JVM's `int` holds. */
export function fitsInt(value: number): boolean {
  return value >= INT_MIN && value <= INT_MAX;
}
