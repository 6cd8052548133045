// Test support (not exported by the package): evaluates an expression over a flat input where
// `$.key` reads `input.key`, and asserts AWS's failure cause for rejected arguments.
import type { JsonValue } from '@sfini/core';
import { expect } from 'vitest';
import { IntrinsicEvaluationError } from './errors.js';
import { evaluateIntrinsic } from './evaluate.js';
import type { IntrinsicScope } from './scope.js';

/** A scope reading `$.key` from a flat input, with an optional random source. */
export const scopeOf = (input: Record<string, JsonValue>, random?: () => number): IntrinsicScope => ({
  resolvePath: (path: string) => {
    const key = path.slice(2);
    if (!Object.hasOwn(input, key)) throw new Error(`no ${path}`);
    return input[key] as JsonValue;
  },
  ...(random === undefined ? {} : { random }),
});

/** Evaluates an expression over a flat input. */
export const run = (expression: string, input: Record<string, JsonValue> = {}): JsonValue =>
  evaluateIntrinsic(expression, scopeOf(input));

/** Expects the expression to fail with AWS's cause for its function; returns the reason. */
export function rejects(expression: string, input: Record<string, JsonValue> = {}): string {
  try {
    run(expression, input);
  } catch (error) {
    if (!(error instanceof IntrinsicEvaluationError)) throw error;
    expect(error.cause).toBe(`Invalid arguments in ${expression.slice(0, expression.indexOf('('))}`);
    return error.reason;
  }
  throw new Error(`expected ${expression} to fail`);
}
