// Writing a value at a reference path (ResultPath), copy-on-write: only the objects on the way
// to the target are copied, the rest of the document is shared. The engine never mutates a value
// once made, so sharing is safe and a large input costs nothing per state. Keys are written as
// own data properties, so `__proto__` and `constructor` are plain names, never prototype hooks.
import type { JsonValue } from '@sfini/core';
import type { ParsedPath } from './parse.js';

type JsonObject = { [key: string]: JsonValue };

/** Sets `key` on `target` as an own, enumerable data property, whatever the key's name. */
export function defineOwn(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/**
 * A shallow copy of an object. Spread defines each key as an own data property, so a
 * `__proto__` key is copied as a key, never as a prototype.
 */
export function copyObject(source: JsonObject): JsonObject {
  return { ...source };
}

/** The reference path cannot be written into the given document. */
export class PathWriteError extends Error {
  override readonly name = 'PathWriteError';
}

/**
 * Returns `root` with `value` placed at `path` (names and indexes only). Missing objects on the
 * way are created; a scalar or array in the way of a name is an error, as it is on AWS.
 */
export function writeAt(root: JsonValue, path: ParsedPath, value: JsonValue): JsonValue {
  if (!path.definite) throw new PathWriteError(`'${path.source}' is not a reference path`);
  return writeSegments(root, path, 0, value);
}

function writeSegments(
  node: JsonValue | undefined,
  path: ParsedPath,
  at: number,
  value: JsonValue,
): JsonValue {
  if (at === path.segments.length) return value;
  const segment = path.segments[at]!;
  if (segment.kind === 'name') {
    let base: JsonObject;
    if (node === undefined) base = {};
    else if (typeof node === 'object' && node !== null && !Array.isArray(node)) base = copyObject(node);
    else {
      throw new PathWriteError(
        `Unable to apply ResultPath '${path.source}': the value at step '${segment.name}' is not an object`,
      );
    }
    const child = Object.hasOwn(base, segment.name) ? base[segment.name] : undefined;
    defineOwn(base, segment.name, writeSegments(child, path, at + 1, value));
    return base;
  }
  if (segment.kind === 'index' && Array.isArray(node)) {
    const index = segment.index < 0 ? node.length + segment.index : segment.index;
    if (index >= 0 && index <= node.length) {
      const copy = node.slice();
      copy[index] = writeSegments(node[index], path, at + 1, value);
      return copy;
    }
  }
  throw new PathWriteError(`Unable to apply ResultPath '${path.source}' to the state's input`);
}
