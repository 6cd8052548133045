// The StringMatches operator. Its pattern language has one wildcard, `*` (any run of characters,
// possibly empty), and two escapes, `\*` for a literal asterisk and `\\` for a literal backslash;
// every other character matches itself. The match covers the whole string.
//
// Patterns and texts come from untrusted definitions and inputs, so matching must stay linear: a
// regular expression (`a*a*a*…b`) backtracks exponentially, and even the classic greedy-star walk
// is O(text × pattern) (120 KB of text against `*aaa…b` took seconds). Instead the pattern is
// split at its wildcards into literal segments: the first must start the text, the last must end
// it, and each one between is found, in order, at its leftmost place after the previous one
// (leftmost is never worse: it leaves the most text for the segments after it). Each search is
// Knuth-Morris-Pratt over the part of the text not yet consumed, so one match reads every
// character of the text at most twice plus each segment once: O(text + pattern).

/** A pattern split at its wildcards: literal segments, with the KMP failure table of each. */
export interface StringPattern {
  /** One more than the number of wildcards; a pattern without `*` is one segment. */
  readonly segments: readonly string[];
  readonly failures: readonly Int32Array[];
}

/** Splits a pattern into literal segments at its unescaped wildcards, resolving escapes. */
export function compileStringPattern(pattern: string): StringPattern {
  const segments: string[] = [];
  let current = '';
  // Literal runs are copied as slices, not character by character: patterns can be long.
  let runStart = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char !== '\\' && char !== '*') continue;
    current += pattern.slice(runStart, index);
    if (char === '*') {
      segments.push(current);
      current = '';
    } else if (index + 1 < pattern.length) {
      current += pattern[++index];
    } else {
      current += char;
    }
    runStart = index + 1;
  }
  segments.push(current + pattern.slice(runStart));
  return { segments, failures: segments.map(failureTable) };
}

/** KMP's failure function: for each prefix of `segment`, its longest proper border. */
function failureTable(segment: string): Int32Array {
  const table = new Int32Array(segment.length);
  let border = 0;
  for (let i = 1; i < segment.length; i++) {
    while (border > 0 && segment.charCodeAt(i) !== segment.charCodeAt(border)) border = table[border - 1]!;
    if (segment.charCodeAt(i) === segment.charCodeAt(border)) border++;
    table[i] = border;
  }
  return table;
}

/** The leftmost index in [from, end - segment.length] where `segment` occurs, or -1. */
function findSegment(text: string, segment: string, failure: Int32Array, from: number, end: number): number {
  let matched = 0;
  for (let i = from; i < end; i++) {
    const code = text.charCodeAt(i);
    while (matched > 0 && code !== segment.charCodeAt(matched)) matched = failure[matched - 1]!;
    if (code === segment.charCodeAt(matched)) matched++;
    if (matched === segment.length) return i - matched + 1;
  }
  return -1;
}

const compiled = new Map<string, StringPattern>();

function cachedPattern(pattern: string): StringPattern {
  let found = compiled.get(pattern);
  if (found === undefined) {
    found = compileStringPattern(pattern);
    if (compiled.size > 1_000) compiled.clear();
    compiled.set(pattern, found);
  }
  return found;
}

/**
 * Whether `text` matches a StringMatches pattern, in time linear in both.
 * @example stringMatches('log-2024.txt', 'log-*.txt') // true
 * @example stringMatches('a*b', 'a\\*b') // true: the asterisk is literal
 */
export function stringMatches(text: string, pattern: string | StringPattern): boolean {
  const { segments, failures } = typeof pattern === 'string' ? cachedPattern(pattern) : pattern;
  const first = segments[0]!;
  if (segments.length === 1) return text === first;
  const last = segments[segments.length - 1]!;
  const end = text.length - last.length;
  if (end < first.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let from = first.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    if (segment === '') continue;
    const at = findSegment(text, segment, failures[i]!, from, end);
    if (at < 0) return false;
    from = at + segment.length;
  }
  return true;
}
