// Proves the syntax checks for JSONPath paths and intrinsic functions accept every form AWS does
// (Paths, Reference Paths, writable ResultPaths, nested intrinsic calls) and refuse malformed
// ones with a message saying what is wrong and at which position.
import { describe, expect, it } from 'vitest';
import { intrinsicSyntaxProblem, looksLikeIntrinsic } from './intrinsic-syntax.js';
import { pathSyntaxProblem } from './path-syntax.js';

describe('pathSyntaxProblem', () => {
  it('accepts every JSONPath form in a Path', () => {
    for (const path of [
      '$',
      '$$',
      '$.a.b',
      '$.sub-values',
      "$['a b'].c",
      '$["x"]',
      '$.items[0]',
      '$.items[-1]',
      '$.items[*].itemValue',
      '$.items[1:5]',
      '$.items[:1]',
      '$.items[::2]',
      '$.items[0,2]',
      "$['a','b']",
      '$..price',
      '$..[0]',
      "$.abc.['def ghi']",
      '$.[0]',
      '$.[*].name',
      '$.[?(@.year < 1999)].name',
      '$.jar[?(@.a >= 5)]',
      '$.a[(@.length-1)]',
      '$$.Execution.Input',
      '$$.Map.Item.Value',
      '$myVar',
      '$myVar.field[0]',
      '$_private',
    ]) {
      expect(pathSyntaxProblem(path, 'path'), path).toBeUndefined();
    }
  });

  it('refuses malformed paths', () => {
    expect(pathSyntaxProblem('a.b', 'path')).toBe('a path must begin with "$"');
    expect(pathSyntaxProblem('$.', 'path')).toMatch(/empty member name at position 2/);
    expect(pathSyntaxProblem('$.a..', 'path')).toMatch(/empty member name/);
    expect(pathSyntaxProblem('$.a.', 'path')).toMatch(/empty member name at position 4/);
    expect(pathSyntaxProblem('$.[]', 'path')).toMatch(/an empty "\[\]"/);
    expect(pathSyntaxProblem('$.a[0', 'path')).toMatch(/unclosed "\[" at position 3/);
    expect(pathSyntaxProblem('$.a[]', 'path')).toMatch(/an empty "\[\]"/);
    expect(pathSyntaxProblem('$.a[b]', 'path')).toMatch(/an invalid selector \[b\]/);
    expect(pathSyntaxProblem('$ .a', 'path')).toMatch(/unexpected " " at position 1/);
  });

  it('limits Reference Paths to a single node', () => {
    expect(pathSyntaxProblem('$.a.b[0]', 'reference')).toBeUndefined();
    expect(pathSyntaxProblem('$$.Execution.Id', 'reference')).toBeUndefined();
    expect(pathSyntaxProblem('$var.x', 'reference')).toBeUndefined();
    expect(pathSyntaxProblem("$.abc.['def ghi']", 'reference')).toBeUndefined();
    expect(pathSyntaxProblem("$.['a b']", 'result')).toBeUndefined();
    expect(pathSyntaxProblem('$.[*]', 'reference')).toBe('a Reference Path cannot use the wildcard *');
    expect(pathSyntaxProblem('$.[1:2]', 'reference')).toBe('a Reference Path cannot use an array slice');
    expect(pathSyntaxProblem('$..a', 'reference')).toBe('a Reference Path cannot use recursive descent (..)');
    expect(pathSyntaxProblem('$.a[*]', 'reference')).toBe('a Reference Path cannot use the wildcard *');
    expect(pathSyntaxProblem('$.a.*', 'reference')).toBe('a Reference Path cannot use the wildcard *');
    expect(pathSyntaxProblem('$.a[1:2]', 'reference')).toBe('a Reference Path cannot use an array slice');
    expect(pathSyntaxProblem('$.a[1,2]', 'reference')).toBe(
      'a Reference Path cannot select several elements with ","',
    );
    expect(pathSyntaxProblem('$.a[(@.length-1)]', 'reference')).toBe(
      'a Reference Path cannot use a script expression',
    );
  });

  it('keeps a ResultPath writable', () => {
    expect(pathSyntaxProblem('$', 'result')).toBeUndefined();
    expect(pathSyntaxProblem("$.a['b c'][0]", 'result')).toBeUndefined();
    expect(pathSyntaxProblem('$.a[?(@.x)]', 'result')).toBe('a ResultPath cannot use a filter');
    expect(pathSyntaxProblem('$$.Execution', 'result')).toBe(
      'a ResultPath cannot write to the context object ($$)',
    );
    expect(pathSyntaxProblem('$v.a', 'result')).toBe('a ResultPath cannot write to a variable; use Assign');
  });
});

describe('intrinsicSyntaxProblem', () => {
  it('accepts well-formed calls, nested ones included', () => {
    for (const call of [
      'States.UUID()',
      "States.Format('Hello {}', $.name)",
      "States.Format('a \\' quote {}', $$.Execution.Id)",
      'States.ArrayRange(0, 3, 1)',
      'States.MathAdd($.Iterations, -1)',
      'States.JsonMerge($.a, $.b, false)',
      "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))",
      "States.StringSplit('Hello\nWorld', '\n')",
      'States.ArrayGetItem($.a[0], 1)',
      'States.Array($myVar, null)',
      'States.JsonToString($.[?(@.year <= 1998)])',
      "States.ArrayLength($.users[?(@.name == 'a, b')])",
    ]) {
      expect(intrinsicSyntaxProblem(call), call).toBeUndefined();
    }
  });

  it('reports what is wrong and where', () => {
    expect(intrinsicSyntaxProblem('States.Nope(1)')).toMatch(
      /^expected one of States\.Format, .+ at position 0, found "States\.Nope"$/,
    );
    expect(intrinsicSyntaxProblem("States.Format('x'")).toBe(
      "expected ',' or ')' in the arguments of States.Format at position 17, found end of input",
    );
    expect(intrinsicSyntaxProblem("States.Format('x)")).toBe(
      "expected a closing quote (') at position 17, found end of input",
    );
    expect(intrinsicSyntaxProblem('States.Array(1) x')).toBe(
      'expected end of input after the closing parenthesis at position 16, found "x"',
    );
  });

  it('also requires each path argument to be a valid Path', () => {
    expect(intrinsicSyntaxProblem('States.Array($.a.)')).toMatch(
      /^the argument at position 13: the path "\$\.a\." has an empty member name/,
    );
    expect(intrinsicSyntaxProblem('States.Array(States.Array($.b[x]))')).toMatch(
      /^the argument at position 26: /,
    );
  });

  it('tells intrinsic calls from paths and literals', () => {
    expect(looksLikeIntrinsic('States.Format(x)')).toBe(true);
    expect(looksLikeIntrinsic('$.States.Format')).toBe(false);
    // AWS reads every such value starting with "States." as a call.
    expect(looksLikeIntrinsic('States.ALL')).toBe(true);
  });
});
