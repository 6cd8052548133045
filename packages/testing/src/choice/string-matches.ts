// The StringMatches operator. Its pattern language has one wildcard, `*` (any run of characters,
// possibly empty), and two escapes, `\*` for a literal asterisk and `\\` for a literal backslash;
// every other character matches itself. The match covers the whole string.
//
// Patterns come from untrusted definitions, so matching does not build a regular expression
// (`a*a*a*…b` would backtrack exponentially); it walks pattern and text with the classic
// greedy-star algorithm, which is linear in practice and O(text × pattern) at worst.

type PatternToken = { readonly star: true } | { readonly star: false; readonly char: string };

/** Splits a pattern into literal characters and wildcards, resolving escapes. */
export function compileStringPattern(pattern: string): readonly PatternToken[] {
  const tokens: PatternToken[] = [];
  const chars = [...pattern];
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] as string;
    if (char === '\\' && index + 1 < chars.length) {
      tokens.push({ star: false, char: chars[index + 1] as string });
      index++;
    } else if (char === '*') {
      if (!tokens.at(-1)?.star) tokens.push({ star: true });
    } else {
      tokens.push({ star: false, char });
    }
  }
  return tokens;
}

/**
 * Whether `text` matches a StringMatches pattern.
 * @example stringMatches('log-2024.txt', 'log-*.txt') // true
 * @example stringMatches('a*b', 'a\\*b') // true: the asterisk is literal
 */
export function stringMatches(text: string, pattern: string | readonly PatternToken[]): boolean {
  const tokens = typeof pattern === 'string' ? compileStringPattern(pattern) : pattern;
  const chars = [...text];
  let t = 0;
  let p = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < chars.length) {
    const token = tokens[p];
    if (token !== undefined && !token.star && token.char === chars[t]) {
      t++;
      p++;
    } else if (token?.star) {
      starAt = p++;
      resumeAt = t;
    } else if (starAt >= 0) {
      p = starAt + 1;
      t = ++resumeAt;
    } else {
      return false;
    }
  }
  while (tokens[p]?.star) p++;
  return p === tokens.length;
}
