// Values enter the engine from callers and handlers as arbitrary JavaScript; inside it they are
// plain, immutable JSON. Crossing that border goes through JSON text, exactly as the value would
// cross AWS, so a Date becomes a string and an undefined member disappears. JSON.parse defines
// `__proto__` as an own key, which keeps hostile keys harmless. Values that are already plain
// JSON (plain objects and arrays, strings, finite numbers, booleans, null), the common case, are
// copied directly, with the same result and no text in between.
import type { JsonValue } from '@sfini/core';
import { defineOwn } from '../paths/write.js';

/** The value cannot be represented as JSON. */
export class NotJsonError extends Error {
  override readonly name = 'NotJsonError';
}

/** Deeper than this, the direct copy leaves the value to JSON (which reports cycles). */
const MAX_DIRECT_DEPTH = 256;

/** What plainCopy answers when the value needs JSON's own rules (dates, toJSON, undefined...). */
const NOT_PLAIN: unique symbol = Symbol('not plain JSON');

function plainCopy(value: unknown, depth: number): JsonValue | typeof NOT_PLAIN {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) return NOT_PLAIN;
      return value === 0 ? 0 : value;
    case 'object':
      break;
    default:
      return NOT_PLAIN;
  }
  if (value === null) return null;
  if (depth > MAX_DIRECT_DEPTH) return NOT_PLAIN;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
    const out = newArray<JsonValue>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = plainCopy(value[i], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      out[i] = item;
    }
    return out;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return NOT_PLAIN;
  const source = value as Record<string, unknown>;
  if (typeof source.toJSON === 'function') return NOT_PLAIN;
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(source)) {
    const item = plainCopy(source[key], depth + 1);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    defineOwn(out, key, item);
  }
  return out;
}

/** Round-trips `value` through JSON text; throws NotJsonError for BigInt, cycles and the like. */
export function toJson(value: unknown): JsonValue {
  if (value === undefined) return null;
  const direct = plainCopy(value, 0);
  if (direct !== NOT_PLAIN) return direct;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) throw new NotJsonError('value is not JSON: it nests too deeply');
    throw new NotJsonError(`value is not JSON: ${(error as Error).message}`);
  }
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}

/** Compact JSON text of a value the engine made (already JSON). */
export function stringify(value: JsonValue): string {
  return JSON.stringify(value) ?? 'null';
}

/** JSON text parsed, or undefined when it is not JSON. */
export function tryParse(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** The JSON type name AWS uses in messages: 'object', 'array', 'string', 'number', 'boolean', 'null'. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A new array of `length` holes, made by a builtin rather than a literal or `new Array`: V8 may
 * decide to allocate an allocation site's arrays in the old generation once some of them lived
 * long (a big Map), and an old array would keep the young values put into it alive past the young
 * collections after it is gone (see history/events.ts).
 */
export function newArray<T>(length = 0): T[] {
  const array = Array.of<T>();
  array.length = length;
  return array;
}
