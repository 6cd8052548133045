// The one JSONPath parser of the project, shared by validation and the local engine so that a
// path the validator accepts is a path the engine runs, and one it refuses is refused for the
// same reason in both. It is hand-written rather than a JSONPath library because the question
// is "how does Step Functions (which runs Jayway) read this text", and the answer is the parsed
// segments: names, indexes, wildcards, slices, unions, deep scans and filters. What a path may
// contain then depends on the field:
//  - a Path (InputPath, OutputPath, payload template `.$` values) is any JSONPath;
//  - a Reference Path read from (Choice Variable, the `...Path` operands and fields) names one
//    node: no `..`, `*`, slices or unions. AWS's current documentation shows a filter in a
//    reference path, so filters stay allowed there;
//  - a ResultPath is a Reference Path that is written to: additionally no filters, and it must
//    start at `$` (neither the context object `$$` nor a variable can be written).
// Paths may start at `$` (the input), `$$` (the context object) or `$name` (a variable).
// The parser is lenient about member names (Jayway accepts `$.sub-values`) and about a dot
// before a bracket (`$.['a b']`, `$.[?(@.x)]`), and strict about structure (unbalanced brackets,
// empty members, a trailing dot or `..`, stray text). Script expressions (`[(@.length-1)]`)
// are refused as Jayway refuses them, and so is a slice step of 0, which walks nowhere.

/** Which rules a path must follow. */
export type PathKind = 'path' | 'reference' | 'result';

/** Where a path starts: the state data (`$`), the context object (`$$`) or a variable (`$name`). */
export type JsonPathRoot = 'input' | 'context' | 'variable';

/** One step of a parsed path. */
export type JsonPathSegment =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'slice'; readonly start?: number; readonly end?: number; readonly step?: number }
  | { readonly kind: 'union'; readonly keys: readonly (string | number)[] }
  /** `..name`: that member at any depth; without a name (`..*`, `..[`), every node below. */
  | { readonly kind: 'deep'; readonly name?: string }
  | { readonly kind: 'filter'; readonly expression: string };

/** A parsed path. */
export interface JsonPath {
  readonly source: string;
  readonly root: JsonPathRoot;
  /** The variable's name when `root` is 'variable'. */
  readonly variable: string | undefined;
  readonly segments: readonly JsonPathSegment[];
  /** Only names and indexes: the path names at most one value (Jayway's "definite" path). */
  readonly definite: boolean;
}

/**
 * The text is not a JSONPath Step Functions can read; `reason` says what is wrong and where.
 * @example
 * ```ts
 * try {
 *   parseJsonPath('$.items[');
 * } catch (error) {
 *   if (error instanceof PathSyntaxError) console.error(error.path, error.reason);
 * }
 * ```
 */
export class PathSyntaxError extends Error {
  override readonly name = 'PathSyntaxError';
  /**
   * @param path the text given as a path.
   * @param reason what is wrong and at which position.
   */
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The name a variable may have: a Unicode identifier. */
export const VARIABLE_NAME = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const VARIABLE_START = /[\p{ID_Start}_]/u;
const VARIABLE_PART = /[\p{ID_Continue}]/u;

const INDEX = /^-?\d+$/;
const SLICE = /^(-?\d+)?\s*:\s*(-?\d+)?(?:\s*:\s*(-?\d+)?)?$/;
const QUOTED = /^('([^'\\]|\\.)*'|"([^"\\]|\\.)*")$/;
const FILTER = /^\?\s*\(([\s\S]*)\)$/;

/**
 * Parses a JSONPath as Step Functions reads it.
 * @param text the path: `$...` (state data), `$$...` (context object) or `$name...` (a variable).
 * @throws PathSyntaxError saying what is wrong and at which position.
 * @example parseJsonPath('$.items[0].id').segments // [{kind:'name',name:'items'},{kind:'index',index:0},{kind:'name',name:'id'}]
 */
export function parseJsonPath(text: string): JsonPath {
  if (typeof text !== 'string' || !text.startsWith('$')) {
    throw new PathSyntaxError(String(text), 'a path must begin with "$"');
  }
  const fail = (problem: string, position: number): never => {
    throw new PathSyntaxError(
      text,
      `the path ${JSON.stringify(text)} has ${problem} at position ${position}`,
    );
  };
  let root: JsonPathRoot = 'input';
  let variable: string | undefined;
  let i = 1;
  if (text[1] === '$') {
    root = 'context';
    i = 2;
  } else if (i < text.length && VARIABLE_START.test(text[i]!)) {
    root = 'variable';
    while (i < text.length && VARIABLE_PART.test(text[i]!)) i++;
    variable = text.slice(1, i);
  }
  const segments: JsonPathSegment[] = [];
  while (i < text.length) {
    const ch = text[i];
    if (ch === '[') {
      const end = closingBracket(text, i);
      if (end < 0) fail('an unclosed "["', i);
      segments.push(bracketSegment(text.slice(i + 1, end).trim(), i, fail));
      i = end + 1;
      continue;
    }
    if (ch !== '.') fail(`an unexpected ${JSON.stringify(ch)}`, i);
    const deep = text[i + 1] === '.';
    i += deep ? 2 : 1;
    // Jayway reads a bracket after a dot as that bracket: `$.['a b']`, `$.[0]`, `$.[?(@.x)]`
    // (AWS's own documentation writes `$.abc.['def ghi']`); after `..` it scans every node.
    if (text[i] === '[') {
      if (deep) segments.push({ kind: 'deep' });
      continue;
    }
    if (text[i] === '*') {
      segments.push(deep ? { kind: 'deep' } : { kind: 'wildcard' });
      i += 1;
      continue;
    }
    const start = i;
    while (i < text.length && text[i] !== '.' && text[i] !== '[') i++;
    if (i === start) fail('an empty member name', start);
    const name = text.slice(start, i);
    segments.push(deep ? { kind: 'deep', name } : { kind: 'name', name });
  }
  const definite = segments.every((s) => s.kind === 'name' || s.kind === 'index');
  return { source: text, root, variable, segments, definite };
}

/** The index of the `]` closing the `[` at `open`, skipping quoted text and parentheses. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ']' && depth === 0) return i;
  }
  return -1;
}

function bracketSegment(
  inner: string,
  position: number,
  fail: (problem: string, position: number) => never,
): JsonPathSegment {
  if (inner === '') return fail('an empty "[]"', position);
  if (inner === '*') return { kind: 'wildcard' };
  const key = keyOf(inner);
  if (key !== undefined)
    return typeof key === 'number' ? { kind: 'index', index: key } : { kind: 'name', name: key };
  const filter = FILTER.exec(inner);
  if (filter) return { kind: 'filter', expression: filter[1]! };
  if (inner.startsWith('(') && inner.endsWith(')')) {
    return fail(`a script expression [${inner}], which Step Functions does not evaluate,`, position);
  }
  const slice = SLICE.exec(inner);
  if (slice) {
    const [, start, end, step] = slice;
    if (step !== undefined && Number(step) === 0) return fail(`a slice step of 0 in [${inner}]`, position);
    return {
      kind: 'slice',
      ...(start === undefined ? {} : { start: Number(start) }),
      ...(end === undefined ? {} : { end: Number(end) }),
      ...(step === undefined ? {} : { step: Number(step) }),
    };
  }
  const keys = splitUnion(inner).map(keyOf);
  if (keys.length > 1 && keys.every((k) => k !== undefined)) {
    return { kind: 'union', keys: keys as (string | number)[] };
  }
  return fail(`an invalid selector [${inner}]`, position);
}

/** An index or a quoted member name, or undefined for anything else. */
function keyOf(part: string): string | number | undefined {
  if (INDEX.test(part)) return Number(part);
  if (QUOTED.test(part)) return part.slice(1, -1).replace(/\\(.)/g, '$1');
  return undefined;
}

function splitUnion(inner: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (quote) {
      current += ch;
      if (ch === '\\' && i + 1 < inner.length) current += inner[++i];
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    if (ch === ',') {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current.trim());
  return parts;
}

/**
 * Says why `text` is not a valid path of `kind`, or returns undefined when it is.
 * @param text the path.
 * @param kind `path` (InputPath, OutputPath, ...), `reference` (definite paths only: Variable,
 * ItemsPath, ...) or `result` (ResultPath: state data only).
 * @example pathSyntaxProblem('$.a[*]', 'reference') // "a Reference Path cannot use the wildcard *"
 */
export function pathSyntaxProblem(text: string, kind: PathKind): string | undefined {
  let path: JsonPath;
  try {
    path = parseJsonPath(text);
  } catch (error) {
    if (error instanceof PathSyntaxError) return error.reason;
    throw error;
  }
  if (kind === 'path') return undefined;
  const name = kind === 'result' ? 'a ResultPath' : 'a Reference Path';
  const has = (segmentKind: JsonPathSegment['kind']) => path.segments.some((s) => s.kind === segmentKind);
  if (has('deep')) return `${name} cannot use recursive descent (..)`;
  if (has('wildcard')) return `${name} cannot use the wildcard *`;
  if (has('slice')) return `${name} cannot use an array slice`;
  if (has('union')) return `${name} cannot select several elements with ","`;
  if (kind === 'result') {
    if (has('filter')) return `${name} cannot use a filter`;
    if (path.root === 'context') return `${name} cannot write to the context object ($$)`;
    if (path.root === 'variable') return `${name} cannot write to a variable; use Assign`;
  }
  return undefined;
}
