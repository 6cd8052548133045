// JSONata in ASL: a string is an expression exactly when it is wrapped in `{%` and `%}`, and it
// may appear as any string value of a JSONata field, however deep inside objects and arrays.
// Syntax is checked by compiling with the `jsonata` package itself (never evaluating), so what
// passes here is what the engine will be able to run.
import jsonata from 'jsonata';
import { at, type CheckContext, firstWalk, isObject, report, tooDeep } from './check-context.js';

/**
 * True when `value` is a JSONata expression string: `{% ... %}`.
 * @param value any value of a JSONata field.
 * @example
 * ```ts
 * isJsonataExpression('{% $states.input.total %}'); // true
 * isJsonataExpression('$.total'); // false
 * ```
 */
export function isJsonataExpression(value: unknown): value is `{%${string}%}` {
  return typeof value === 'string' && value.startsWith('{%') && value.endsWith('%}') && value.length >= 4;
}

/** The expression inside `{% %}`. */
export function jsonataBody(value: `{%${string}%}`): string {
  return value.slice(2, -2);
}

/**
 * Says why `expression` (without its `{% %}`) is not valid JSONata, or undefined when it is.
 * The expression is compiled, never evaluated.
 * @param expression the JSONata text inside `{% %}`.
 * @example
 * ```ts
 * jsonataSyntaxProblem('$states.input.total * 2'); // undefined
 * jsonataSyntaxProblem('$sum(['); // the parser's message, with the position
 * ```
 */
export function jsonataSyntaxProblem(expression: string): string | undefined {
  if (expression.trim() === '') return 'the expression is empty';
  try {
    jsonata(expression);
    return undefined;
  } catch (error) {
    const detail = error as { message?: string; position?: number; token?: string };
    const where = typeof detail.position === 'number' ? ` at position ${detail.position}` : '';
    return `${detail.message ?? String(error)}${where}`;
  }
}

/** Checks one string: when it is a `{% %}` expression, its JSONata must compile. */
export function checkJsonataString(ctx: CheckContext, field: string, value: string): void {
  if (!isJsonataExpression(value)) return;
  const problem = jsonataSyntaxProblem(jsonataBody(value));
  if (problem) report(ctx, 'INVALID_JSONATA', `${field} holds an invalid JSONata expression: ${problem}.`);
}

/**
 * Checks every string inside a JSONata value (Arguments, Output, Assign values, Items, ...):
 * each `{% %}` string must compile. Other strings are literals. A sub-object shared along many
 * paths is checked once, at the first (firstWalk).
 */
export function checkJsonataValue(ctx: CheckContext, field: string, value: unknown): void {
  if (tooDeep(ctx)) return;
  if (typeof value === 'string') {
    checkJsonataString(ctx, field, value);
    return;
  }
  if (typeof value !== 'object' || value === null || !firstWalk(ctx, 'jsonata-value', value)) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkJsonataValue(at(ctx, i), field, item);
    });
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) checkJsonataValue(at(ctx, key), field, value[key]);
  }
}

/**
 * Checks a field that takes a literal of one JSON type or a JSONata expression (TimeoutSeconds,
 * MaxConcurrency, Seconds ... in JSONata states). Returns the literal when there is one, so the
 * caller can check its range; undefined for an expression or a wrong type (already reported).
 */
export function literalOrExpression(
  ctx: CheckContext,
  field: string,
  value: unknown,
  literalType: 'number' | 'string',
): number | string | undefined {
  if (isJsonataExpression(value)) {
    checkJsonataString(at(ctx, field), field, value);
    return undefined;
  }
  if (typeof value === literalType) return value as number | string;
  const expected = literalType === 'number' ? 'a number' : 'a string';
  report(at(ctx, field), 'WRONG_TYPE', `${field} must be ${expected} or a JSONata expression "{% ... %}".`);
  return undefined;
}
