// The functions Step Functions adds to JSONata, the JSONata-side counterparts of intrinsics:
// $partition, $range, $hash, $random (with an optional seed), $uuid and $parse. They share the
// intrinsics' arithmetic (truncated integers, the 1,000-item range limit, the five hash
// algorithms, java.util.Random for seeds) but fail with plain errors, which the engine reports as
// States.QueryEvaluationError like any other JSONata failure. The engine binds them when it
// evaluates a JSONata expression: `expression.evaluate(input, { ...awsJsonataFunctions(scope) })`.

import { createHash } from 'node:crypto';
import type { JsonValue } from '@sfini/core';
import { ARRAY_RANGE_MAX_ITEMS, chunksOf, rangeLength, rangeOf } from './functions-array.js';
import { JavaRandom } from './functions-math.js';
import { HASH_ALGORITHMS, MAX_ENCODING_INPUT_LENGTH } from './functions-string.js';
import { type IntrinsicScope, randomUuid } from './scope.js';

/** A JSONata function binding. */
export type JsonataFunction = (...args: unknown[]) => unknown;

function integerArgument(fn: string, value: unknown, role: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${fn}: the ${role} must be a number, got ${JSON.stringify(value) ?? 'nothing'}`);
  }
  return Math.trunc(value) + 0;
}

function partition(array: unknown, size: unknown): JsonValue[] {
  if (!Array.isArray(array)) throw new Error('$partition: the first argument must be an array');
  const chunk = integerArgument('$partition', size, 'chunk size');
  if (chunk <= 0) throw new Error(`$partition: the chunk size must be positive, got ${chunk}`);
  return chunksOf(array as JsonValue[], chunk);
}

function range(start: unknown, end: unknown, step: unknown = 1): number[] {
  const first = integerArgument('$range', start, 'start');
  const last = integerArgument('$range', end, 'end');
  const by = integerArgument('$range', step, 'step');
  if (by === 0) throw new Error('$range: the step must not be zero');
  const count = rangeLength(first, last, by);
  if (count > ARRAY_RANGE_MAX_ITEMS) {
    throw new Error(`$range: the range has ${count} items, more than the ${ARRAY_RANGE_MAX_ITEMS} allowed`);
  }
  return rangeOf(first, count, by);
}

function hash(value: unknown, algorithm: unknown = 'SHA-256'): string {
  if (typeof value !== 'string') throw new Error('$hash: the value must be a string');
  if (typeof algorithm !== 'string' || !Object.hasOwn(HASH_ALGORITHMS, algorithm)) {
    throw new Error(`$hash: the algorithm must be one of ${Object.keys(HASH_ALGORITHMS).join(', ')}`);
  }
  if (value.length > MAX_ENCODING_INPUT_LENGTH) {
    throw new Error(`$hash: the value has more than ${MAX_ENCODING_INPUT_LENGTH} characters`);
  }
  return createHash(HASH_ALGORITHMS[algorithm] as string)
    .update(value, 'utf8')
    .digest('hex');
}

function parse(text: unknown): JsonValue {
  if (typeof text !== 'string') throw new Error('$parse: the argument must be a string');
  return JSON.parse(text, (_key, value: JsonValue) => (Object.is(value, -0) ? 0 : value)) as JsonValue;
}

/**
 * The Step Functions JSONata functions, bound to a scope for their randomness.
 * @example
 * const expression = jsonata('$partition($states.input.items, 2)');
 * await expression.evaluate(null, { ...awsJsonataFunctions(scope), states });
 */
export function awsJsonataFunctions(
  scope: Pick<IntrinsicScope, 'random'> = {},
): Record<string, JsonataFunction> {
  const random = (seed?: unknown): number => {
    if (seed === undefined) return (scope.random ?? Math.random)();
    const generator = new JavaRandom(integerArgument('$random', seed, 'seed'));
    return (generator.next(26) * 2 ** 27 + generator.next(27)) / 2 ** 53;
  };
  return {
    partition: partition as JsonataFunction,
    range: range as JsonataFunction,
    hash: hash as JsonataFunction,
    random: random as JsonataFunction,
    uuid: () => randomUuid(scope),
    parse: parse as JsonataFunction,
  };
}
