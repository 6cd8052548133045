// The array intrinsics. Their observable quirks come from AWS's JVM implementation: integer
// arguments are truncated, States.ArrayContains compares the `toString` forms of values (so
// `true` matches "true" but `{a,b}` does not match `{b,a}`), States.ArrayUnique returns values
// in HashSet order, and States.ArrayGetItem on an empty array gives null rather than failing.

import type { JsonValue } from '@sfini/core';
import {
  expectArity,
  type IntrinsicImplementation,
  invalid,
  requireArray,
  requireTruncatedInt,
} from './arguments.js';
import { javaHashSetOrder, javaText } from './java-values.js';

/** AWS refuses a States.ArrayRange (or $range) result with more elements than this. */
export const ARRAY_RANGE_MAX_ITEMS = 1000;

/** `array` cut into chunks of `size` (positive) items, the last possibly shorter. */
export function chunksOf(array: readonly JsonValue[], size: number): JsonValue[] {
  const chunks: JsonValue[] = [];
  for (let start = 0; start < array.length; start += size) chunks.push(array.slice(start, start + size));
  return chunks;
}

/** How many numbers a range from `first` to `last` (inclusive) by a non-zero `step` holds. */
export function rangeLength(first: number, last: number, step: number): number {
  if (first === last) return 1;
  return Math.sign(last - first) === Math.sign(step) ? Math.floor((last - first) / step) + 1 : 0;
}

/** The `count` numbers from `first` by `step`. */
export function rangeOf(first: number, count: number, step: number): number[] {
  return Array.from({ length: count }, (_, index) => first + index * step);
}

export const statesArray: IntrinsicImplementation = (args) => [...args];

export const statesArrayPartition: IntrinsicImplementation = (args) => {
  const name = 'States.ArrayPartition';
  expectArity(name, args, 2);
  const array = requireArray(name, args[0], 'the first argument');
  const size = requireTruncatedInt(name, args[1], 'the chunk size');
  if (size <= 0) invalid(name, `the chunk size must be positive, got ${args[1]}`);
  return chunksOf(array, size);
};

export const statesArrayContains: IntrinsicImplementation = (args) => {
  const name = 'States.ArrayContains';
  expectArity(name, args, 2);
  const array = requireArray(name, args[0], 'the first argument');
  const wanted = javaText(args[1] as JsonValue);
  return array.some((item) => javaText(item) === wanted);
};

export const statesArrayRange: IntrinsicImplementation = (args) => {
  const name = 'States.ArrayRange';
  expectArity(name, args, 3);
  const first = requireTruncatedInt(name, args[0], 'the start');
  const last = requireTruncatedInt(name, args[1], 'the end');
  const step = requireTruncatedInt(name, args[2], 'the step');
  if (step === 0) invalid(name, `the step must not be zero, got ${args[2]}`);
  const count = rangeLength(first, last, step);
  if (count > ARRAY_RANGE_MAX_ITEMS) {
    invalid(name, `the range has ${count} items, more than the ${ARRAY_RANGE_MAX_ITEMS} allowed`);
  }
  return rangeOf(first, count, step);
};

export const statesArrayGetItem: IntrinsicImplementation = (args) => {
  const name = 'States.ArrayGetItem';
  expectArity(name, args, 2);
  const array = requireArray(name, args[0], 'the first argument');
  const index = requireTruncatedInt(name, args[1], 'the index');
  if (array.length === 0) return null;
  if (index < 0 || index >= array.length) {
    invalid(name, `the index ${args[1]} is outside the array of ${array.length} items`);
  }
  return array[index] as JsonValue;
};

export const statesArrayLength: IntrinsicImplementation = (args) => {
  const name = 'States.ArrayLength';
  expectArity(name, args, 1);
  return requireArray(name, args[0], 'the argument').length;
};

export const statesArrayUnique: IntrinsicImplementation = (args) => {
  const name = 'States.ArrayUnique';
  expectArity(name, args, 1);
  return javaHashSetOrder(requireArray(name, args[0], 'the argument'));
};
