// AWS caps every payload at 256 KiB of UTF-8 JSON. Serializing each state's output to measure
// it would cost as much as the rest of the interpreter, so sizes are computed structurally, and
// the sizes of large containers are cached: values are never mutated once made, and a ResultPath
// write only creates the few small objects on its path, so re-measuring a large document costs
// only what changed. Small containers are not cached: recomputing them is cheaper than the
// WeakMap entry (and the garbage-collector work) a cache slot costs.
import type { JsonValue } from '@sfini/core';

/** AWS's payload quota for inputs, outputs, results and task parameters: 256 KiB. */
export const PAYLOAD_LIMIT_BYTES = 256 * 1024;
/** AWS's quota on one variable's value: 256 KiB. */
export const VARIABLE_LIMIT_BYTES = 256 * 1024;
/** AWS's quota on all the values one Assign field assigns together: 256 KiB. */
export const ASSIGN_LIMIT_BYTES = 256 * 1024;
/** AWS's quota on all the variables one execution holds at once: 10 MiB. */
export const VARIABLES_TOTAL_LIMIT_BYTES = 10 * 1024 * 1024;

const sizes = new WeakMap<object, number>();
/** Containers with at least this many entries keep their size in the cache. */
const CACHE_FROM_ENTRIES = 16;

function numberBytes(value: number): number {
  if (Number.isInteger(value) && value >= 0 && value < 1e9) {
    return value < 10
      ? 1
      : value < 100
        ? 2
        : value < 1000
          ? 3
          : value < 1e4
            ? 4
            : value < 1e5
              ? 5
              : value < 1e6
                ? 6
                : value < 1e7
                  ? 7
                  : value < 1e8
                    ? 8
                    : 9;
  }
  return Number.isFinite(value) ? String(value).length : 4;
}

/** Bytes of `text` as a JSON string literal in UTF-8, quotes included. */
export function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    } else if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 6;
    } else if (code >= 0xd800 && code <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

/** Bytes of `value` serialized as compact JSON in UTF-8. */
export function jsonByteSize(value: JsonValue): number {
  switch (typeof value) {
    case 'string':
      return jsonStringBytes(value);
    case 'number':
      return numberBytes(value);
    case 'boolean':
      return value ? 4 : 5;
    default:
      break;
  }
  if (value === null || typeof value !== 'object') return 4;
  if (Array.isArray(value)) {
    if (value.length < CACHE_FROM_ENTRIES) return arrayBytes(value);
    let cached = sizes.get(value);
    if (cached === undefined) {
      cached = arrayBytes(value);
      sizes.set(value, cached);
    }
    return cached;
  }
  // for-in without an own-property filter: engine values are plain JSON objects, whose keys are
  // all own and enumerable, and this loop allocates nothing. The cache is consulted only once an
  // object proves large, so small objects never touch the WeakMap.
  let bytes = 1;
  let entries = 0;
  for (const key in value) {
    if (entries === CACHE_FROM_ENTRIES) {
      const cached = sizes.get(value);
      if (cached !== undefined) return cached;
    }
    bytes += jsonStringBytes(key) + 2 + jsonByteSize(value[key] as JsonValue);
    entries++;
  }
  if (entries === 0) return 2;
  if (entries >= CACHE_FROM_ENTRIES) sizes.set(value, bytes);
  return bytes;
}

function arrayBytes(value: JsonValue[]): number {
  let bytes = 2;
  for (let i = 0; i < value.length; i++) bytes += jsonByteSize(value[i] as JsonValue) + (i > 0 ? 1 : 0);
  return bytes;
}

/** True when `value` fits in AWS's payload quota. */
export function withinPayloadLimit(value: JsonValue): boolean {
  return jsonByteSize(value) <= PAYLOAD_LIMIT_BYTES;
}
