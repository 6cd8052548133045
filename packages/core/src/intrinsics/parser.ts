// A hand-written recursive-descent parser for intrinsic function expressions. It has no
// dependencies because both the validator (here in core) and the local engine use it, and
// because the grammar is small: a call is `States.<Name>(` arguments `)`, an argument is a
// quoted string, a JSON number, true/false/null, a JSONPath (`$`, `$$`, `$var`) or another call.
//
// What it accepts follows what AWS accepts when a definition is created: single-quoted strings
// whose only escapes are \' \{ \} \\, JSON number grammar (no `1.` or `.5`), whitespace around
// arguments, and the 18 function names spelled exactly. The number of arguments and their types
// are not checked here: AWS accepts such definitions and fails at run time, so the evaluator does.

import {
  INTRINSIC_FUNCTION_NAMES,
  type IntrinsicArgument,
  type IntrinsicCall,
  type IntrinsicPath,
  type IntrinsicStringLiteral,
  isIntrinsicFunctionName,
} from './ast.js';
import { IntrinsicSyntaxError } from './errors.js';

/** Deeper nesting than this is refused; AWS documents a limit of 10 nested calls per field. */
export const MAX_INTRINSIC_NESTING = 64;

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const FUNCTION_NAME = /States\.[A-Za-z0-9]*/y;
const VARIABLE_NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const KEYWORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const STRING_ESCAPES = new Set(["'", '{', '}', '\\']);
const ARGUMENT = 'an argument (a quoted string, number, true, false, null, path or intrinsic function)';

/**
 * Whether a payload-template value names an intrinsic function rather than a path: AWS treats
 * every `.$` value that starts with `States.` as a call.
 * @param text a `.$` value of a payload template.
 * @example isIntrinsicExpression("States.Format('{}', $.a)") // true
 */
export function isIntrinsicExpression(text: string): boolean {
  return text.startsWith('States.');
}

/**
 * Parses an intrinsic function expression into its syntax tree.
 *
 * @param text - the expression, e.g. `States.Format('item-{}', $.index)`.
 * @returns the outermost call.
 * @throws IntrinsicSyntaxError naming the position and what was expected there.
 * @example
 * const call = parseIntrinsic("States.MathAdd($.count, 1)");
 * call.name; // 'States.MathAdd'
 * call.args[0]; // { kind: 'path', path: '$.count', scope: 'input', ... }
 */
export function parseIntrinsic(text: string): IntrinsicCall {
  const parser = new IntrinsicParser(text);
  const call = parser.call(0);
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail('end of input after the closing parenthesis');
  return call;
}

class IntrinsicParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(expected: string, position = this.pos, found?: string): never {
    throw new IntrinsicSyntaxError(this.text, position, expected, found);
  }

  skipSpace(): void {
    while (!this.atEnd() && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  call(depth: number): IntrinsicCall {
    const start = this.pos;
    if (depth >= MAX_INTRINSIC_NESTING) {
      this.fail(`at most ${MAX_INTRINSIC_NESTING} nested intrinsic functions`);
    }
    const name = this.match(FUNCTION_NAME);
    if (name === undefined) this.fail("an intrinsic function name starting with 'States.'");
    if (!isIntrinsicFunctionName(name)) {
      this.fail(`one of ${INTRINSIC_FUNCTION_NAMES.join(', ')}`, start, JSON.stringify(name));
    }
    if (this.text[this.pos] !== '(') this.fail(`'(' after ${name}`);
    this.pos++;
    const args: IntrinsicArgument[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return { kind: 'call', name, args, start, end: this.pos };
    }
    for (;;) {
      this.skipSpace();
      args.push(this.argument(depth));
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ')') {
        this.pos++;
        return { kind: 'call', name, args, start, end: this.pos };
      }
      if (next !== ',') this.fail(`',' or ')' in the arguments of ${name}`);
      this.pos++;
    }
  }

  private argument(depth: number): IntrinsicArgument {
    const start = this.pos;
    const char = this.text[this.pos];
    if (char === undefined) return this.fail(ARGUMENT);
    if (char === "'") return this.string();
    if (char === '$') return this.path();
    if (char === '-' || (char >= '0' && char <= '9')) {
      const raw = this.match(NUMBER);
      if (raw === undefined) return this.fail('a number');
      return { kind: 'number', value: Number(raw), raw, start, end: this.pos };
    }
    if (this.text.startsWith('States.', this.pos)) return this.call(depth + 1);
    const word = this.match(KEYWORD);
    if (word === 'true' || word === 'false') {
      return { kind: 'boolean', value: word === 'true', start, end: this.pos };
    }
    if (word === 'null') return { kind: 'null', value: null, start, end: this.pos };
    return this.fail(ARGUMENT, start);
  }

  private string(): IntrinsicStringLiteral {
    const start = this.pos;
    this.pos++;
    let value = '';
    for (;;) {
      const char = this.text[this.pos];
      if (char === undefined) return this.fail("a closing quote (')");
      if (char === "'") break;
      if (char === '\\') {
        const escaped = this.text[this.pos + 1];
        if (escaped === undefined || !STRING_ESCAPES.has(escaped)) {
          this.fail("one of \\' \\{ \\} \\\\ (the only escapes in intrinsic strings)", this.pos);
        }
        value += escaped;
        this.pos += 2;
        continue;
      }
      value += char;
      this.pos++;
    }
    const raw = this.text.slice(start + 1, this.pos);
    this.pos++;
    return { kind: 'string', value, raw, start, end: this.pos };
  }

  /**
   * A path runs to the first `,`, `)` or whitespace outside brackets; inside brackets it may hold
   * quoted keys, commas (unions) and filter parentheses, so those are skipped as a unit.
   */
  private path(): IntrinsicPath {
    const start = this.pos;
    let brackets = 0;
    let parens = 0;
    let quote: string | undefined;
    for (; !this.atEnd(); this.pos++) {
      const char = this.text[this.pos] as string;
      if (quote !== undefined) {
        if (char === '\\') this.pos++;
        else if (char === quote) quote = undefined;
        continue;
      }
      if (brackets > 0 && (char === "'" || char === '"')) quote = char;
      else if (char === '[') brackets++;
      else if (char === ']' && brackets > 0) brackets--;
      else if (brackets > 0 && char === '(') parens++;
      else if (brackets > 0 && char === ')' && parens > 0) parens--;
      else if (brackets === 0 && (char === ',' || char === ')' || isSpace(char.charCodeAt(0)))) break;
    }
    if (quote !== undefined) this.fail(`a closing ${quote} in the path`);
    if (brackets > 0) this.fail("']' to close the path's bracket");
    const path = this.text.slice(start, this.pos);
    const end = this.pos;
    if (path.startsWith('$$')) return { kind: 'path', path, scope: 'context', start, end };
    VARIABLE_NAME.lastIndex = start + 1;
    const variable = VARIABLE_NAME.exec(this.text)?.[0];
    if (variable !== undefined && start + 1 + variable.length <= end) {
      return { kind: 'path', path, scope: 'variable', variable, start, end };
    }
    const after = path[1];
    if (after !== undefined && after !== '.' && after !== '[') {
      this.fail("'.', '[' or a variable name after '$'", start + 1);
    }
    return { kind: 'path', path, scope: 'input', start, end };
  }

  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text)?.[0];
    if (found === undefined) return undefined;
    this.pos += found.length;
    return found;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
