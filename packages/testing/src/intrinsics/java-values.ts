// Step Functions evaluates intrinsic functions on a JVM, and its quirks leak into the results:
// States.Format renders an object argument as `{Arg1=1, Arg2=[]}` (java.util.Map#toString),
// States.ArrayContains matches `true` against the string "true" and misses an object whose keys
// are in another order (both compare the toString forms), and States.ArrayUnique returns values
// in java.util.HashSet iteration order (`[true, false, true]` gives `[false, true]`). This module
// reproduces those Java behaviours for JSON values, modelling a parsed document the way a JVM
// JSON parser does: integers as Integer or Long, fractions as Double, objects as insertion-ordered
// maps and arrays as lists.

import type { JsonValue } from '@sfini/core';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_LIMIT = 2 ** 63;

/** Whether the JVM holds this number as an Integer (an integer literal within 32 bits). */
export function isJavaInt(value: number): boolean {
  return Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX;
}

/** Whether the JVM holds this number as an integral type (Integer or Long) rather than Double. */
function isJavaIntegral(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) < LONG_LIMIT;
}

/**
 * `Double.toString(value)`: plain decimals between 10^-3 and 10^7 (always with a fraction
 * digit), computerized scientific notation (`1.0E7`) outside that range.
 */
export function javaDoubleText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mantissa = '0', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fraction = digits.slice(exponent + 1) || '0';
    return `${sign}${whole}.${fraction}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exponent}`;
}

/** How a JVM prints a JSON number: integral values in full, fractions as `Double.toString`. */
export function javaNumberText(value: number): string {
  if (isJavaIntegral(value)) return BigInt(value).toString();
  return javaDoubleText(value);
}

/**
 * `String.valueOf(value)` for a JSON value held as Java objects: strings unquoted, `null`,
 * lists as `[a, b]`, maps as `{key=value, ...}`.
 */
export function javaText(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return javaNumberText(value);
  if (Array.isArray(value)) return `[${value.map(javaText).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${key}=${javaText(item)}`)
    .join(', ')}}`;
}

/** Compact JSON text as a JVM serializer writes it (numbers formatted the Java way). */
export function javaJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? javaNumberText(value) : 'null';
  }
  if (Array.isArray(value)) return `[${value.map(javaJson).join(',')}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${JSON.stringify(key)}:${javaJson(item)}`)
    .join(',')}}`;
}

/** `hashCode()` of the Java object that holds this JSON value. */
export function javaHashCode(value: JsonValue): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1231 : 1237;
  if (typeof value === 'string') return stringHashCode(value);
  if (typeof value === 'number') return numberHashCode(value);
  if (Array.isArray(value)) {
    let hash = 1;
    for (const item of value) hash = (Math.imul(31, hash) + javaHashCode(item)) | 0;
    return hash;
  }
  let hash = 0;
  for (const [key, item] of Object.entries(value))
    hash = (hash + (stringHashCode(key) ^ javaHashCode(item))) | 0;
  return hash;
}

/** `String.hashCode()`: where a string key sits in a java.util.HashMap. */
export function stringHashCode(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index++) hash = (Math.imul(31, hash) + text.charCodeAt(index)) | 0;
  return hash;
}

/** The slot of a key with hash code `hash` in a java.util.HashMap table of `capacity` slots. */
export function javaBucket(hash: number, capacity: number): number {
  return (hash ^ (hash >>> 16)) & (capacity - 1);
}

/** The table size of a java.util.HashMap after `size` puts into a new one (16 slots, load 0.75). */
export function javaGrownCapacity(size: number): number {
  let capacity = 16;
  while (size > capacity * 0.75) capacity *= 2;
  return capacity;
}

const doubleView = new DataView(new ArrayBuffer(8));

function numberHashCode(value: number): number {
  if (isJavaInt(value)) return value | 0;
  if (isJavaIntegral(value)) {
    const long = BigInt.asUintN(64, BigInt(value));
    return Number(BigInt.asIntN(32, long ^ (long >> 32n)));
  }
  doubleView.setFloat64(0, Number.isNaN(value) ? Number.NaN : value);
  return (doubleView.getInt32(0) ^ doubleView.getInt32(4)) | 0;
}

/** `equals()` of the Java objects holding two JSON values: maps ignore key order, lists do not. */
export function javaEquals(left: JsonValue, right: JsonValue): boolean {
  if (left === right) return true;
  if (left === null || right === null || typeof left !== 'object' || typeof right !== 'object') return false;
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, index) => javaEquals(item, right[index] as JsonValue));
  }
  const leftKeys = Object.keys(left);
  if (leftKeys.length !== Object.keys(right).length) return false;
  return leftKeys.every(
    (key) => Object.hasOwn(right, key) && javaEquals(left[key] as JsonValue, right[key] as JsonValue),
  );
}

/**
 * The distinct values of `values` in the order `new HashSet<>(values)` iterates them: by hash
 * bucket, and in insertion order within a bucket. The table size follows HashSet's copy
 * constructor (at least 16, large enough for all elements at load factor 0.75).
 */
export function javaHashSetOrder(values: readonly JsonValue[]): JsonValue[] {
  const capacity = tableSizeFor(Math.max(Math.floor(values.length / 0.75) + 1, 16));
  const buckets = new Map<number, JsonValue[]>();
  for (const value of values) {
    const index = javaBucket(javaHashCode(value), capacity);
    const bucket = buckets.get(index);
    if (bucket === undefined) buckets.set(index, [value]);
    else if (!bucket.some((existing) => javaEquals(existing, value))) bucket.push(value);
  }
  return [...buckets.entries()].sort(([left], [right]) => left - right).flatMap(([, bucket]) => bucket);
}

function tableSizeFor(capacity: number): number {
  let size = 1;
  while (size < capacity) size *= 2;
  return size;
}
