// Proves parseIntrinsic reads intrinsic calls as AWS does: the 18 function names and no other,
// nested calls, strings with exactly the four escapes, JSON numbers, the three literals, input,
// context and variable paths, and malformed text refused with the position and what was expected.
import { describe, expect, it } from 'vitest';
import { INTRINSIC_FUNCTION_NAMES } from './ast.js';
import { IntrinsicSyntaxError } from './errors.js';
import { isIntrinsicExpression, MAX_INTRINSIC_NESTING, parseIntrinsic } from './parser.js';

function syntaxError(text: string): IntrinsicSyntaxError {
  try {
    parseIntrinsic(text);
  } catch (error) {
    if (error instanceof IntrinsicSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('parseIntrinsic', () => {
  it('parses a call with a string template and an input path', () => {
    const call = parseIntrinsic("States.Format('item-{}', $.index)");
    expect(call).toEqual({
      kind: 'call',
      name: 'States.Format',
      start: 0,
      end: 33,
      args: [
        { kind: 'string', value: 'item-{}', raw: 'item-{}', start: 14, end: 23 },
        { kind: 'path', path: '$.index', scope: 'input', start: 25, end: 32 },
      ],
    });
  });

  it('accepts every one of the 18 function names and nothing else', () => {
    expect(INTRINSIC_FUNCTION_NAMES).toHaveLength(18);
    for (const name of INTRINSIC_FUNCTION_NAMES) expect(parseIntrinsic(`${name}()`).name).toBe(name);
    expect(syntaxError('States.Compare($.a, $.b)').message).toContain('"States.Compare"');
    expect(syntaxError('States.format($.a)').position).toBe(0);
  });

  it('parses nested calls', () => {
    const call = parseIntrinsic(
      "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))",
    );
    expect(call.args.map((arg) => arg.kind)).toEqual(['call', 'call']);
    const add = call.args[1];
    expect(add?.kind === 'call' && add.name).toBe('States.MathAdd');
    expect(add?.kind === 'call' && add.args[1]).toMatchObject({ kind: 'number', value: -1, raw: '-1' });
  });

  it('resolves the four string escapes and keeps the raw text', () => {
    const [literal] = parseIntrinsic("States.Format('it\\'s \\{\\} and \\\\ {}', $.a)").args;
    expect(literal).toMatchObject({
      kind: 'string',
      value: "it's {} and \\ {}",
      raw: "it\\'s \\{\\} and \\\\ {}",
    });
  });

  it('keeps double quotes, braces and real newlines inside strings as they are', () => {
    const [text, separator] = parseIntrinsic("States.StringSplit('Hello\nWorld \"x\" {a}', '\n')").args;
    expect(text).toMatchObject({ value: 'Hello\nWorld "x" {a}' });
    expect(separator).toMatchObject({ value: '\n' });
  });

  it('refuses other backslash escapes, naming the backslash position', () => {
    const error = syntaxError("States.Base64Decode('YWJj\\nZA==')");
    expect(error.position).toBe(25);
    expect(error.expected).toContain("\\'");
  });

  it('refuses an unterminated string', () => {
    const error = syntaxError("States.Format('abc");
    expect(error.expected).toBe("a closing quote (')");
    expect(error.found).toBe('end of input');
  });

  it('parses numbers with JSON grammar only', () => {
    const args = parseIntrinsic('States.Array(0, -1, 2.5, 1e3, -0.25E-2)').args;
    expect(args.map((arg) => arg.kind === 'number' && arg.value)).toEqual([0, -1, 2.5, 1000, -0.0025]);
    expect(syntaxError('States.Array(1.)').position).toBe(14);
    expect(syntaxError('States.Array(.5)').position).toBe(13);
    expect(syntaxError('States.Array(01)').position).toBe(14);
    expect(syntaxError('States.Array(-)').expected).toBe('a number');
  });

  it('parses true, false and null but not other words', () => {
    const args = parseIntrinsic('States.Array(true, false, null)').args;
    expect(args.map((arg) => arg.kind)).toEqual(['boolean', 'boolean', 'null']);
    expect(args.map((arg) => 'value' in arg && arg.value)).toEqual([true, false, null]);
    expect(syntaxError('States.Array(trueish)').position).toBe(13);
    expect(syntaxError('States.Array(None)').expected).toContain('an argument');
  });

  it('tells input, context and variable paths apart', () => {
    const args = parseIntrinsic(
      'States.Array($, $.a, $[0], $..b, $$, $$.Map.Item.Value, $myVar, $my_var2.x[1])',
    ).args;
    expect(args.map((arg) => arg.kind === 'path' && [arg.path, arg.scope, arg.variable])).toEqual([
      ['$', 'input', undefined],
      ['$.a', 'input', undefined],
      ['$[0]', 'input', undefined],
      ['$..b', 'input', undefined],
      ['$$', 'context', undefined],
      ['$$.Map.Item.Value', 'context', undefined],
      ['$myVar', 'variable', 'myVar'],
      ['$my_var2.x[1]', 'variable', 'my_var2'],
    ]);
    expect(syntaxError('States.Array($1)').position).toBe(14);
  });

  it('keeps bracketed parts of a path whole: quoted keys, unions and filters', () => {
    const args = parseIntrinsic(
      'States.Array($[\'a, b)\'], $.items[0,1], $.items[?(@.price < 10)].name, $["x\\"]"])',
    ).args;
    expect(args.map((arg) => arg.kind === 'path' && arg.path)).toEqual([
      "$['a, b)']",
      '$.items[0,1]',
      '$.items[?(@.price < 10)].name',
      '$["x\\"]"]',
    ]);
    expect(syntaxError('States.Array($.a[0)').expected).toBe("']' to close the path's bracket");
  });

  it('allows whitespace around arguments and after the call', () => {
    const call = parseIntrinsic('States.Array( $.a ,\n\t$.b ) ');
    expect(call.args.map((arg) => arg.kind === 'path' && arg.path)).toEqual(['$.a', '$.b']);
    expect(call.end).toBe(26);
  });

  it('refuses malformed argument lists with the position and what was expected', () => {
    expect(syntaxError('States.Array(').expected).toContain('an argument');
    expect(syntaxError('States.Array($.a, )').position).toBe(18);
    expect(syntaxError('States.Array($.a $.b)')).toMatchObject({
      position: 17,
      expected: "',' or ')' in the arguments of States.Array",
    });
    expect(syntaxError('States.Array($.a) trailing').expected).toBe(
      'end of input after the closing parenthesis',
    );
    expect(syntaxError('States.Array ($.a)').expected).toBe("'(' after States.Array");
    expect(syntaxError('States.Array([1,2])').position).toBe(13);
    expect(syntaxError('$.a').expected).toBe("an intrinsic function name starting with 'States.'");
  });

  it('writes a readable message', () => {
    expect(syntaxError('States.MathAdd($.a 1)').message).toBe(
      'Invalid intrinsic function "States.MathAdd($.a 1)": expected \',\' or \')\' in the arguments of States.MathAdd at position 19, found "1)"',
    );
  });

  it('refuses nesting beyond the limit instead of overflowing the stack', () => {
    const deep = `${'States.Array('.repeat(MAX_INTRINSIC_NESTING + 1)}1${')'.repeat(MAX_INTRINSIC_NESTING + 1)}`;
    expect(syntaxError(deep).expected).toContain('nested');
    const ok = `${'States.Array('.repeat(10)}1${')'.repeat(10)}`;
    expect(parseIntrinsic(ok).name).toBe('States.Array');
  });
});

describe('isIntrinsicExpression', () => {
  it('recognises calls by their States. prefix', () => {
    expect(isIntrinsicExpression('States.UUID()')).toBe(true);
    expect(isIntrinsicExpression('States.Nope(')).toBe(true);
    expect(isIntrinsicExpression('$.States')).toBe(false);
    expect(isIntrinsicExpression(' States.UUID()')).toBe(false);
  });
});
