// Recognises an intrinsic function call well enough to tell a payload template value that is
// one (`States.Format('{}', $.a)`) from one that is neither a call nor a path, and to report a
// call that is malformed with the position where it goes wrong. It checks the call's shape
// (known function name, balanced arguments, quoted strings, numbers, paths, nested calls), not
// argument counts or types, which only evaluation can settle for paths.
import { pathSyntaxProblem } from './path-syntax.js';

/** The intrinsic functions AWS provides. */
export const INTRINSIC_FUNCTIONS = [
  'States.Array',
  'States.ArrayContains',
  'States.ArrayGetItem',
  'States.ArrayLength',
  'States.ArrayPartition',
  'States.ArrayRange',
  'States.ArrayUnique',
  'States.Base64Decode',
  'States.Base64Encode',
  'States.Format',
  'States.Hash',
  'States.JsonMerge',
  'States.JsonToString',
  'States.MathAdd',
  'States.MathRandom',
  'States.StringSplit',
  'States.StringToJson',
  'States.UUID',
] as const;

const KNOWN = new Set<string>(INTRINSIC_FUNCTIONS);

/** True when `text` reads as an attempt at an intrinsic call (`States.` followed by a name and `(`). */
export function looksLikeIntrinsic(text: string): boolean {
  return /^\s*States\.[A-Za-z0-9]*\s*\(/.test(text);
}

/** Says why `text` is not a well-formed intrinsic function call, or undefined when it is. */
export function intrinsicSyntaxProblem(text: string): string | undefined {
  const scanner = new CallScanner(text);
  const problem = scanner.call();
  if (problem) return problem;
  scanner.skipSpace();
  if (!scanner.done()) return `unexpected text after the call at position ${scanner.pos}`;
  return undefined;
}

class CallScanner {
  pos = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    while (!this.done() && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  call(): string | undefined {
    this.skipSpace();
    const match = /^States\.[A-Za-z0-9]+/.exec(this.text.slice(this.pos));
    if (!match) return `expected an intrinsic function name at position ${this.pos}`;
    if (!KNOWN.has(match[0])) return `${match[0]} is not an intrinsic function`;
    this.pos += match[0].length;
    this.skipSpace();
    if (this.text[this.pos] !== '(') return `expected "(" after ${match[0]} at position ${this.pos}`;
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return undefined;
    }
    for (;;) {
      const problem = this.argument();
      if (problem) return problem;
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === ')') {
        this.pos++;
        return undefined;
      }
      if (ch !== ',') {
        return this.done()
          ? `missing ")" to close ${match[0]}`
          : `expected "," or ")" at position ${this.pos}`;
      }
      this.pos++;
    }
  }

  private argument(): string | undefined {
    this.skipSpace();
    const rest = this.text.slice(this.pos);
    if (rest.startsWith("'")) return this.string();
    if (rest.startsWith('States.')) return this.call();
    if (rest.startsWith('$')) return this.path();
    const literal = /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null)/.exec(rest);
    if (literal) {
      this.pos += literal[0].length;
      return undefined;
    }
    return this.done() ? 'an argument is missing before the end' : `invalid argument at position ${this.pos}`;
  }

  private string(): string | undefined {
    const start = this.pos;
    this.pos++;
    while (!this.done()) {
      const ch = this.text[this.pos];
      if (ch === '\\') this.pos += 2;
      else if (ch === "'") {
        this.pos++;
        return undefined;
      } else this.pos++;
    }
    return `unterminated string starting at position ${start}`;
  }

  /** A path argument runs to the next top-level "," or ")", and must be a valid Path. */
  private path(): string | undefined {
    const start = this.pos;
    this.skipPath();
    const problem = pathSyntaxProblem(this.text.slice(start, this.pos).trimEnd(), 'path');
    return problem ? `argument at position ${start}: ${problem}` : undefined;
  }

  private skipPath(): void {
    let depth = 0;
    let quote: string | undefined;
    while (!this.done()) {
      const ch = this.text[this.pos]!;
      if (quote) {
        if (ch === '\\') this.pos++;
        else if (ch === quote) quote = undefined;
      } else if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '[' || ch === '(') depth++;
      else if ((ch === ']' || ch === ')') && depth > 0) depth--;
      else if ((ch === ',' || ch === ')') && depth === 0) return;
      this.pos++;
    }
  }
}
