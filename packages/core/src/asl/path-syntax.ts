// The syntax of the three kinds of path ASL's JSONPath fields take. A hand-written scanner
// rather than a JSONPath library, because the question is not "what does this select" but
// "would AWS accept this text here", and the answer differs by field:
//  - a Path (InputPath, OutputPath, payload template `.$` values) is any JSONPath: wildcards,
//    slices, unions, filters and `..` included;
//  - a Reference Path read from (Choice Variable, the `...Path` operands and fields) names one
//    node: no `..`, `*`, slices or unions. AWS's current documentation shows a filter in a
//    reference path, so filters stay allowed there;
//  - a ResultPath is a Reference Path that is written to: additionally no filters, and it must
//    start at `$` (neither the context object `$$` nor a variable can be written).
// Paths may start at `$` (the input), `$$` (the context object) or `$name` (a variable).
// The scanner is lenient about member names (Jayway, which AWS runs, accepts `$.sub-values`)
// and about a dot before a bracket (`$.['a b']`, `$.[?(@.x)]`), and strict about structure
// (unbalanced brackets, empty members, a trailing dot, stray text).

/** Which rules a path must follow. */
export type PathKind = 'path' | 'reference' | 'result';

/** What a path was found to contain. */
interface PathFeatures {
  root: 'input' | 'context' | 'variable';
  recursive: boolean;
  wildcard: boolean;
  slice: boolean;
  union: boolean;
  filter: boolean;
  script: boolean;
}

/** The name a variable may have: a Unicode identifier. */
export const VARIABLE_NAME = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const VARIABLE_START = /[\p{ID_Start}_]/u;
const VARIABLE_PART = /[\p{ID_Continue}]/u;

/**
 * Says why `text` is not a valid path of `kind`, or returns undefined when it is.
 * @example pathSyntaxProblem('$.a[*]', 'reference') // "a Reference Path cannot use the wildcard *"
 */
export function pathSyntaxProblem(text: string, kind: PathKind): string | undefined {
  const scanned = scanPath(text);
  if (typeof scanned === 'string') return scanned;
  if (kind === 'path') return undefined;
  const name = kind === 'result' ? 'a ResultPath' : 'a Reference Path';
  if (scanned.recursive) return `${name} cannot use recursive descent (..)`;
  if (scanned.wildcard) return `${name} cannot use the wildcard *`;
  if (scanned.slice) return `${name} cannot use an array slice`;
  if (scanned.union) return `${name} cannot select several elements with ","`;
  if (scanned.script) return `${name} cannot use a script expression`;
  if (kind === 'result') {
    if (scanned.filter) return `${name} cannot use a filter`;
    if (scanned.root === 'context') return `${name} cannot write to the context object ($$)`;
    if (scanned.root === 'variable') return `${name} cannot write to a variable; use Assign`;
  }
  return undefined;
}

function scanPath(text: string): PathFeatures | string {
  if (!text.startsWith('$')) return 'a path must begin with "$"';
  const features: PathFeatures = {
    root: 'input',
    recursive: false,
    wildcard: false,
    slice: false,
    union: false,
    filter: false,
    script: false,
  };
  let i = 1;
  if (text[1] === '$') {
    features.root = 'context';
    i = 2;
  } else if (i < text.length && VARIABLE_START.test(text[i]!)) {
    features.root = 'variable';
    while (i < text.length && VARIABLE_PART.test(text[i]!)) i++;
  }
  while (i < text.length) {
    const ch = text[i];
    if (ch === '.') {
      if (text[i + 1] === '.') {
        features.recursive = true;
        i += 2;
      } else {
        i += 1;
      }
      // Jayway, which AWS runs, reads a bracket after a dot as that bracket: `$.['a b']`,
      // `$.[0]`, `$.[?(@.x)]` (AWS's own documentation writes `$.abc.['def ghi']`).
      if (text[i] === '[') continue;
      if (text[i] === '*') {
        features.wildcard = true;
        i += 1;
        continue;
      }
      const start = i;
      while (i < text.length && text[i] !== '.' && text[i] !== '[') i++;
      if (i === start)
        return `the path ${JSON.stringify(text)} has an empty member name at position ${start}`;
      continue;
    }
    if (ch === '[') {
      const end = closingBracket(text, i);
      if (end < 0) return `the path ${JSON.stringify(text)} has an unclosed "[" at position ${i}`;
      const problem = classifyBracket(text.slice(i + 1, end).trim(), features);
      if (problem) return `the path ${JSON.stringify(text)} has ${problem} at position ${i}`;
      i = end + 1;
      continue;
    }
    return `the path ${JSON.stringify(text)} has an unexpected ${JSON.stringify(ch)} at position ${i}`;
  }
  return features;
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

const INDEX = /^-?\d+$/;
const SLICE = /^(-?\d+)?\s*:\s*(-?\d+)?(\s*:\s*(-?\d+)?)?$/;
const QUOTED = /^('([^'\\]|\\.)*'|"([^"\\]|\\.)*")$/;

function classifyBracket(inner: string, features: PathFeatures): string | undefined {
  if (inner === '*') {
    features.wildcard = true;
    return undefined;
  }
  if (INDEX.test(inner) || QUOTED.test(inner)) return undefined;
  if (inner.startsWith('?(') && inner.endsWith(')')) {
    features.filter = true;
    return undefined;
  }
  if (inner.startsWith('(') && inner.endsWith(')')) {
    features.script = true;
    return undefined;
  }
  if (SLICE.test(inner)) {
    features.slice = true;
    return undefined;
  }
  const parts = splitUnion(inner);
  if (parts.length > 1 && parts.every((p) => INDEX.test(p) || QUOTED.test(p))) {
    features.union = true;
    return undefined;
  }
  return inner === '' ? 'an empty "[]"' : `an invalid selector [${inner}]`;
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
