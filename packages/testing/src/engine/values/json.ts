// Values enter the engine from callers and handlers as arbitrary JavaScript; inside it they are
// plain, immutable JSON. Crossing that border goes through JSON text, exactly as the value would
// cross AWS, so a Date becomes a string and an undefined member disappears. JSON.parse defines
// `__proto__` as an own key, which keeps hostile keys harmless.
import type { JsonValue } from '@sfini/core';

/** The value cannot be represented as JSON. */
export class NotJsonError extends Error {
  override readonly name = 'NotJsonError';
}

/** Round-trips `value` through JSON text; throws NotJsonError for BigInt, cycles and the like. */
export function toJson(value: unknown): JsonValue {
  if (value === undefined) return null;
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
