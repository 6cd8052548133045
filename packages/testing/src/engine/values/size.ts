// AWS caps every payload at 256 KiB of UTF-8 JSON. Serializing each state's output to measure
// it would cost as much as the rest of the interpreter, so sizes are computed structurally and
// cached per object: values are never mutated once made, and a ResultPath write only creates
// the few objects on its path, so re-measuring a large document costs only what changed.
import type { JsonValue } from '@sfini/core';

/** AWS's payload quota for inputs, outputs and results: 256 KiB. */
export const PAYLOAD_LIMIT_BYTES = 256 * 1024;

const sizes = new WeakMap<object, number>();

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
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    default:
      break;
  }
  if (value === null || typeof value !== 'object') return 4;
  const cached = sizes.get(value);
  if (cached !== undefined) return cached;
  let bytes = 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) bytes += jsonByteSize(value[i] as JsonValue) + (i > 0 ? 1 : 0);
  } else {
    let first = true;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      bytes += jsonStringBytes(key) + 1 + jsonByteSize(value[key] as JsonValue) + (first ? 0 : 1);
      first = false;
    }
  }
  sizes.set(value, bytes);
  return bytes;
}

/** True when `value` fits in AWS's payload quota. */
export function withinPayloadLimit(value: JsonValue): boolean {
  return jsonByteSize(value) <= PAYLOAD_LIMIT_BYTES;
}
