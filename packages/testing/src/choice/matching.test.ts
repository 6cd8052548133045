// Proves the two text rules Choice rules rest on: RFC 3339 timestamps exactly as AWS accepts them
// (to the nanosecond, offsets included), and StringMatches patterns (`*`, `\*`, `\\`) agreeing
// with a reference matcher on every small case while staying linear on huge adversarial ones.
import { describe, expect, it } from 'vitest';
import { compileStringPattern, stringMatches } from './string-matches.js';
import { isTimestamp, parseTimestamp } from './timestamp.js';

describe('parseTimestamp', () => {
  it('reads RFC 3339 timestamps with Z or an offset, to the nanosecond', () => {
    expect(parseTimestamp('1970-01-01T00:00:00Z')).toBe(0n);
    expect(parseTimestamp('1970-01-01T00:00:01.5Z')).toBe(1_500_000_000n);
    expect(parseTimestamp('1970-01-01T01:00:00+01:00')).toBe(0n);
    expect(parseTimestamp('1969-12-31T23:30:00-00:30')).toBe(0n);
    expect(parseTimestamp('2016-03-14T01:59:00.123456789Z')).toBe(1457920740123456789n);
    expect(parseTimestamp('2024-02-29T00:00:00Z')).toBe(BigInt(Date.UTC(2024, 1, 29)) * 1_000_000n);
  });

  it('refuses texts AWS does not take as timestamps', () => {
    for (const text of [
      '2012-10-09T19:00:55',
      '2023-02-24',
      '2012-10-09t19:00:55Z',
      '2012-10-09T19:00:55z',
      '2012-10-09 19:00:55Z',
      '2023-02-24 12:15:56.832957',
      '2023-02-30T00:00:00Z',
      '2023-02-29T00:00:00Z',
      '2023-13-01T00:00:00Z',
      '2023-01-01T24:00:00Z',
      '2023-01-01T00:00:60Z',
      '2023-01-01T00:00:00.1234567891Z',
      '2023-01-01T00:00:00+0100',
      '',
    ]) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
    expect(isTimestamp(12)).toBe(false);
    expect(isTimestamp('2012-10-09T19:00:55+01:00')).toBe(true);
  });
});

describe('stringMatches', () => {
  it('treats * as any run of characters and the rest literally', () => {
    expect(stringMatches('foo23.log', 'foo*.log')).toBe(true);
    expect(stringMatches('foo.log', 'foo*.log')).toBe(true);
    expect(stringMatches('foo.logx', 'foo*.log')).toBe(false);
    expect(stringMatches('anything', '*')).toBe(true);
    expect(stringMatches('', '*')).toBe(true);
    expect(stringMatches('', '')).toBe(true);
    expect(stringMatches('a', '')).toBe(false);
    expect(stringMatches('a.b', 'a?b')).toBe(false);
    expect(stringMatches('a+b', 'a+b')).toBe(true);
    expect(stringMatches('abcabd', '*ab?')).toBe(false);
    expect(stringMatches('xaybzc', '*a*b*c')).toBe(true);
    expect(stringMatches('🚀x', '?x')).toBe(false);
  });

  it('resolves \\* and \\\\ escapes', () => {
    expect(stringMatches('a*b', 'a\\*b')).toBe(true);
    expect(stringMatches('axb', 'a\\*b')).toBe(false);
    expect(stringMatches('a\\b', 'a\\\\b')).toBe(true);
    expect(compileStringPattern('a**\\*').segments).toEqual(['a', '', '*']);
    expect(compileStringPattern('x\\\\*y').segments).toEqual(['x\\', 'y']);
    expect(stringMatches('a*', 'a**\\*')).toBe(true);
  });

  it('agrees with a plain backtracking matcher on every small pattern and text', () => {
    const reference = (text: string, pattern: string): boolean => {
      if (pattern === '') return text === '';
      if (pattern[0] === '*') {
        for (let i = 0; i <= text.length; i++) if (reference(text.slice(i), pattern.slice(1))) return true;
        return false;
      }
      return text !== '' && text[0] === pattern[0] && reference(text.slice(1), pattern.slice(1));
    };
    const words = (alphabet: string, length: number): string[] =>
      length === 0 ? [''] : words(alphabet, length - 1).flatMap((w) => [...alphabet].map((c) => w + c));
    const texts = [0, 1, 2, 3, 4].flatMap((n) => words('ab', n));
    const patterns = [0, 1, 2, 3, 4].flatMap((n) => words('ab*', n));
    for (const pattern of patterns) {
      for (const text of texts)
        expect(stringMatches(text, pattern), `${text} ~ ${pattern}`).toBe(reference(text, pattern));
    }
  });

  it('answers patterns that would make a regular expression backtrack exponentially', () => {
    expect(stringMatches('a'.repeat(5000), `${'a*'.repeat(40)}b`)).toBe(false);
    expect(stringMatches(`${'a'.repeat(5000)}b`, `${'a*'.repeat(40)}b`)).toBe(true);
  });

  it('stays linear where star-backtracking is quadratic (text and pattern of a million characters)', () => {
    // A text x pattern walk would make ~10^12 steps here; segment search reads each character
    // a bounded number of times.
    const text = 'a'.repeat(2_000_000);
    expect(stringMatches(text, `*${'a'.repeat(1_000_000)}b`)).toBe(false);
    expect(stringMatches(text, `*b${'a'.repeat(1_000_000)}*`)).toBe(false);
    expect(stringMatches(`${text}b`, `*${'a'.repeat(1_000_000)}b`)).toBe(true);
    expect(stringMatches(text, `a*${'a'.repeat(999_999)}*${'a'.repeat(999_999)}*a`)).toBe(true);
    expect(stringMatches(text, `a*${'a'.repeat(1_000_000)}*${'a'.repeat(1_000_000)}*a`)).toBe(false);
  });
});
