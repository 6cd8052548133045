// JSONPath as Step Functions reads it, parsed by @sfini/core's parser (the one the validator uses,
// so every path a valid definition holds is a path the engine runs) into segments, once per
// definition, so each evaluation is a plain walk. A path made only of names and indexes is
// "definite" and yields one value or nothing; any wildcard, slice, union, deep scan or filter
// makes it "indefinite", yielding a list, as Jayway does. The engine adds what only it needs:
// the bytes a write at the path can add, which bounds a ResultPath output without measuring it.
import { type JsonPath, type JsonPathRoot, type JsonPathSegment, parseJsonPath } from '@sfini/core';
import { jsonStringBytes } from '../values/size.js';

export { PathSyntaxError } from '@sfini/core';

/** One step of a path. */
export type PathSegment = JsonPathSegment;

/** Where a path starts. */
export type PathRoot = JsonPathRoot;

/** A parsed path, as the engine uses it. */
export interface ParsedPath extends JsonPath {
  /**
   * The most bytes writing a value at this (definite) path adds to a JSON document besides the
   * value: per name its quoted key, colon, comma and the braces of an object made on the way;
   * per index a comma. Lets a ResultPath write bound its output's size without measuring it.
   */
  readonly writeOverhead: number;
}

/** Parses `source`; throws PathSyntaxError naming what is wrong and where. */
export function parsePath(source: string): ParsedPath {
  const { root, variable, segments, definite } = parseJsonPath(source);
  let writeOverhead = 0;
  for (const segment of segments)
    writeOverhead += segment.kind === 'name' ? jsonStringBytes(segment.name) + 4 : 1;
  return { source, root, variable, segments, definite, writeOverhead };
}

const pathCache = new Map<string, ParsedPath>();

/** Parses with a shared cache: definitions repeat the same few paths many times. */
export function parsePathCached(source: string): ParsedPath {
  let parsed = pathCache.get(source);
  if (parsed === undefined) {
    parsed = parsePath(source);
    if (pathCache.size > 10_000) pathCache.clear();
    pathCache.set(source, parsed);
  }
  return parsed;
}
