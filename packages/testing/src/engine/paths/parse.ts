// JSONPath as Step Functions reads it (the Jayway dialect), parsed once per definition into
// segments so each evaluation is a plain walk. Three roots exist: `$` (state data), `$$` (the
// context object) and `$name` (a workflow variable). A path made only of names and indexes is
// "definite" and yields one value or nothing; any wildcard, slice, union, deep scan or filter
// makes it "indefinite", yielding a list, as Jayway does.

/** One step of a path. */
export type PathSegment =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'slice'; readonly start?: number; readonly end?: number; readonly step?: number }
  | { readonly kind: 'union'; readonly keys: readonly (string | number)[] }
  | { readonly kind: 'deep'; readonly name?: string }
  | { readonly kind: 'filter'; readonly expression: string };

/** Where a path starts. */
export type PathRoot = 'input' | 'context' | 'variable';

/** A parsed path. */
export interface ParsedPath {
  readonly source: string;
  readonly root: PathRoot;
  /** The variable's name when `root` is 'variable'. */
  readonly variable?: string;
  readonly segments: readonly PathSegment[];
  /** Only names and indexes: the path names at most one value. */
  readonly definite: boolean;
}

/** The path is not valid JSONPath. */
export class PathSyntaxError extends Error {
  override readonly name = 'PathSyntaxError';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`invalid JSONPath '${path}': ${reason}`);
  }
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Parses `source`; throws PathSyntaxError naming what is wrong. */
export function parsePath(source: string): ParsedPath {
  if (typeof source !== 'string' || !source.startsWith('$')) {
    throw new PathSyntaxError(String(source), "a path starts with '$'");
  }
  let root: PathRoot = 'input';
  let variable: string | undefined;
  let position = 1;
  if (source.startsWith('$$')) {
    root = 'context';
    position = 2;
  } else {
    const match = VARIABLE_NAME.exec(source.slice(1));
    if (match) {
      root = 'variable';
      variable = match[0];
      position = 1 + match[0].length;
    }
  }
  const segments = parseSegments(source, position);
  const definite = segments.every((s) => s.kind === 'name' || s.kind === 'index');
  return variable === undefined
    ? { source, root, segments, definite }
    : { source, root, variable, segments, definite };
}

function parseSegments(source: string, start: number): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = start;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '.') {
      if (source[i + 1] === '.') {
        i += 2;
        if (source[i] === '[') {
          const [inner, next] = parseBracket(source, i);
          segments.push({ kind: 'deep' });
          segments.push(inner);
          i = next;
        } else {
          const [name, next] = readName(source, i);
          segments.push(name === '*' ? { kind: 'deep' } : { kind: 'deep', name });
          i = next;
        }
        continue;
      }
      if (source[i + 1] === '[') {
        // `$.[0]` and `$.[?(...)]`: Jayway reads a dot before a bracket as the bracket alone.
        i++;
        continue;
      }
      const [name, next] = readName(source, i + 1);
      if (name === '') throw new PathSyntaxError(source, `empty name at position ${i + 1}`);
      segments.push(name === '*' ? { kind: 'wildcard' } : { kind: 'name', name });
      i = next;
    } else if (ch === '[') {
      const [segment, next] = parseBracket(source, i);
      segments.push(segment);
      i = next;
    } else {
      throw new PathSyntaxError(source, `unexpected '${ch}' at position ${i}`);
    }
  }
  return segments;
}

function readName(source: string, start: number): [string, number] {
  let i = start;
  while (i < source.length && source[i] !== '.' && source[i] !== '[') i++;
  return [source.slice(start, i), i];
}

function findClosingBracket(source: string, open: number): number {
  let quote: string | undefined;
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') {
      depth--;
      if (depth === 0 && ch === ']') return i;
    }
  }
  throw new PathSyntaxError(source, `unclosed '[' at position ${open}`);
}

function parseBracket(source: string, open: number): [PathSegment, number] {
  const close = findClosingBracket(source, open);
  const body = source.slice(open + 1, close).trim();
  const next = close + 1;
  if (body === '*') return [{ kind: 'wildcard' }, next];
  if (body.startsWith('?')) {
    const expression = body.slice(1).trim();
    if (!expression.startsWith('(') || !expression.endsWith(')')) {
      throw new PathSyntaxError(source, `a filter is written [?(...)], got [${body}]`);
    }
    return [{ kind: 'filter', expression: expression.slice(1, -1) }, next];
  }
  if (body.startsWith('(')) throw new PathSyntaxError(source, 'script expressions are not supported');
  if (body.includes(':') && !/^['"]/.test(body)) return [parseSlice(source, body), next];
  const parts = splitUnion(source, body);
  const keys = parts.map((part) => parseKey(source, part));
  if (keys.length === 1) {
    const key = keys[0]!;
    return [typeof key === 'number' ? { kind: 'index', index: key } : { kind: 'name', name: key }, next];
  }
  return [{ kind: 'union', keys }, next];
}

function splitUnion(source: string, body: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === ',') {
      parts.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(body.slice(start).trim());
  if (parts.some((p) => p === '')) throw new PathSyntaxError(source, `empty key in [${body}]`);
  return parts;
}

function parseKey(source: string, part: string): string | number {
  const quote = part[0];
  if (quote === "'" || quote === '"') {
    if (part.length < 2 || part[part.length - 1] !== quote) {
      throw new PathSyntaxError(source, `unterminated string ${part}`);
    }
    return part.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  if (/^-?\d+$/.test(part)) return Number(part);
  throw new PathSyntaxError(source, `expected a number or a quoted name, got ${part}`);
}

function parseSlice(source: string, body: string): PathSegment {
  const pieces = body.split(':').map((p) => p.trim());
  if (pieces.length > 3) throw new PathSyntaxError(source, `bad slice [${body}]`);
  const num = (p: string | undefined): number | undefined => {
    if (p === undefined || p === '') return undefined;
    if (!/^-?\d+$/.test(p)) throw new PathSyntaxError(source, `bad slice bound '${p}'`);
    return Number(p);
  };
  const start = num(pieces[0]);
  const end = num(pieces[1]);
  const step = num(pieces[2]);
  if (step === 0) throw new PathSyntaxError(source, 'slice step cannot be 0');
  return {
    kind: 'slice',
    ...(start === undefined ? {} : { start }),
    ...(end === undefined ? {} : { end }),
    ...(step === undefined ? {} : { step }),
  };
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
