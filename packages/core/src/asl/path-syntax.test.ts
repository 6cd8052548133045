// Proves the syntax checks for JSONPath paths and intrinsic functions accept every form AWS does
// (Paths, Reference Paths, writable ResultPaths, nested intrinsic calls) and refuse malformed
// ones, and what Step Functions cannot evaluate, with a message saying what is wrong and at which
// position; and that the one JSONPath parser gives the segments the engine walks, failing with
// the very reason the syntax check reports.
import { describe, expect, it } from 'vitest';
import { intrinsicSyntaxProblem, looksLikeIntrinsic } from './intrinsic-syntax.js';
import { PathSyntaxError, parseJsonPath, pathSyntaxProblem } from './path-syntax.js';

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
      '$.a[? (@.b)]',
      '$.items[1:2:3]',
      '$..*',
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
    expect(pathSyntaxProblem('$..', 'path')).toMatch(/empty member name at position 3/);
    expect(pathSyntaxProblem('$.a..', 'path')).toMatch(/empty member name at position 5/);
  });

  it('refuses what Step Functions cannot evaluate, in every kind of path', () => {
    for (const kind of ['path', 'reference', 'result'] as const) {
      expect(pathSyntaxProblem('$.a[(@.length-1)]', kind)).toBe(
        'the path "$.a[(@.length-1)]" has a script expression [(@.length-1)], which Step Functions does not evaluate, at position 3',
      );
      expect(pathSyntaxProblem('$[(@.length-1)]', kind)).toMatch(/script expression/);
      expect(pathSyntaxProblem('$.a[1:2:0]', kind)).toBe(
        'the path "$.a[1:2:0]" has a slice step of 0 in [1:2:0] at position 3',
      );
    }
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

describe('parseJsonPath', () => {
  it('gives the segments the engine walks', () => {
    expect(parseJsonPath("$.a[0]['b c'].*")).toMatchObject({
      root: 'input',
      definite: false,
      segments: [
        { kind: 'name', name: 'a' },
        { kind: 'index', index: 0 },
        { kind: 'name', name: 'b c' },
        { kind: 'wildcard' },
      ],
    });
    expect(parseJsonPath('$$.Map.Item.Value')).toMatchObject({ root: 'context', definite: true });
    expect(parseJsonPath('$total.n')).toMatchObject({
      root: 'variable',
      variable: 'total',
      segments: [{ kind: 'name', name: 'n' }],
    });
    expect(parseJsonPath('$..price').segments).toEqual([{ kind: 'deep', name: 'price' }]);
    expect(parseJsonPath('$..*').segments).toEqual([{ kind: 'deep' }]);
    expect(parseJsonPath('$..[0]').segments).toEqual([{ kind: 'deep' }, { kind: 'index', index: 0 }]);
    expect(parseJsonPath('$.[0]').segments).toEqual([{ kind: 'index', index: 0 }]);
    expect(parseJsonPath('$.a[::-1]').segments[1]).toEqual({ kind: 'slice', step: -1 });
    expect(parseJsonPath("$['x','y',2]").segments).toEqual([{ kind: 'union', keys: ['x', 'y', 2] }]);
    expect(parseJsonPath('$[?(@.n > 1)]').segments).toEqual([{ kind: 'filter', expression: '@.n > 1' }]);
  });

  it('throws PathSyntaxError with the reason pathSyntaxProblem reports', () => {
    for (const bad of ['a', '$.', '$..', '$.a[', '$[(@.x)]', '$.a[1:2:0]', '$.a[b]']) {
      let thrown: unknown;
      try {
        parseJsonPath(bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, bad).toBeInstanceOf(PathSyntaxError);
      expect((thrown as PathSyntaxError).reason).toBe(pathSyntaxProblem(bad, 'path'));
    }
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
