// Proves the intrinsic-function evaluator: parsed calls and text alike, paths read through the
// scope (input, context, variables), missing paths and syntax errors reported, failures as
// States.Runtime with AWS's cause text, and arity checked at run time.
import type { IntrinsicCall, JsonValue } from '@sfini/core';
import { IntrinsicSyntaxError, parseIntrinsic } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { IntrinsicEvaluationError } from './errors.js';
import { evaluateIntrinsic } from './evaluate.js';
import type { IntrinsicScope } from './scope.js';

class MissingPath extends Error {}

/** A scope over a plain input object: `$.x` reads `input.x`, `$$.x` reads `context.x`, `$v` reads variables. */
function scopeOver(
  input: Record<string, JsonValue>,
  options: {
    context?: Record<string, JsonValue>;
    variables?: Record<string, JsonValue>;
    random?: () => number;
  } = {},
): IntrinsicScope {
  const read = (root: JsonValue | undefined, keys: string[], path: string): JsonValue => {
    let current = root;
    for (const key of keys) {
      if (
        current === null ||
        typeof current !== 'object' ||
        Array.isArray(current) ||
        !Object.hasOwn(current, key)
      ) {
        throw new MissingPath(`The JSONPath '${path}' could not be found`);
      }
      current = current[key];
    }
    if (current === undefined) throw new MissingPath(path);
    return current;
  };
  return {
    resolvePath: (path, node) => {
      const keys = path.split('.').slice(1);
      if (node.scope === 'context') return read(options.context, keys, path);
      if (node.scope === 'variable') return read(options.variables?.[node.variable as string], keys, path);
      return read(input, keys, path);
    },
    ...(options.random === undefined ? {} : { random: options.random }),
  };
}

const evaluate = (expression: string, input: Record<string, JsonValue> = {}) =>
  evaluateIntrinsic(expression, scopeOver(input));

function failure(expression: string, input: Record<string, JsonValue> = {}): IntrinsicEvaluationError {
  try {
    evaluate(expression, input);
  } catch (error) {
    if (error instanceof IntrinsicEvaluationError) return error;
    throw error;
  }
  throw new Error(`expected ${expression} to fail`);
}

describe('evaluateIntrinsic', () => {
  it('evaluates a parsed call as well as text, and reuses nothing between scopes', () => {
    const call: IntrinsicCall = parseIntrinsic('States.MathAdd($.n, 1)');
    expect(evaluateIntrinsic(call, scopeOver({ n: 1 }))).toBe(2);
    expect(evaluateIntrinsic(call, scopeOver({ n: 41 }))).toBe(42);
    expect(evaluateIntrinsic('States.MathAdd($.n, 1)', scopeOver({ n: 9 }))).toBe(10);
  });

  it('reads input, context and variable paths through the scope', () => {
    const scope = scopeOver(
      { a: 'input' },
      { context: { Execution: { Name: 'run-1' } }, variables: { greeting: { text: 'hi' } } },
    );
    expect(evaluateIntrinsic('States.Array($.a, $$.Execution.Name, $greeting.text)', scope)).toEqual([
      'input',
      'run-1',
      'hi',
    ]);
  });

  it("propagates the scope's error for a missing path", () => {
    expect(() => evaluate('States.JsonToString($.missing)')).toThrow(MissingPath);
  });

  it('throws the syntax error for text that does not parse', () => {
    expect(() => evaluate("States.Format('x'")).toThrow(IntrinsicSyntaxError);
  });

  it('reports failures as States.Runtime with AWS cause text and a readable reason', () => {
    const error = failure('States.MathAdd($.a, 1)', { a: 'one' });
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe('Invalid arguments in States.MathAdd');
    expect(error.functionName).toBe('States.MathAdd');
    expect(error.reason).toBe('operand 1 must be a number, got the string "one"');
    expect(error.message).toBe(
      'Invalid arguments in States.MathAdd: operand 1 must be a number, got the string "one"',
    );
  });

  it('checks the number of arguments of every fixed-arity function at run time', () => {
    const arities: Record<string, number[]> = {
      'States.StringToJson': [1],
      'States.JsonToString': [1],
      'States.ArrayPartition': [2],
      'States.ArrayContains': [2],
      'States.ArrayRange': [3],
      'States.ArrayGetItem': [2],
      'States.ArrayLength': [1],
      'States.ArrayUnique': [1],
      'States.Base64Encode': [1],
      'States.Base64Decode': [1],
      'States.Hash': [2],
      'States.JsonMerge': [3],
      'States.MathRandom': [2, 3],
      'States.MathAdd': [2],
      'States.StringSplit': [2],
      'States.UUID': [0],
    };
    for (const [name, allowed] of Object.entries(arities)) {
      const tooMany = Math.max(...allowed) + 1;
      const error = failure(`${name}(${Array.from({ length: tooMany }, () => '1').join(', ')})`);
      expect(error.cause).toBe(`Invalid arguments in ${name}`);
      expect(error.reason).toContain(`got ${tooMany}`);
    }
    expect(failure('States.Format()').reason).toBe('expected at least 1 argument, got 0');
  });
});
