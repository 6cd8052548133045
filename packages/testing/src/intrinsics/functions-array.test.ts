// The array intrinsics: AWS's documented behaviour, the quirks the recordings and AWS
// observations pin down, and the failures with AWS's cause text.
import type { JsonValue } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { rejects, run } from './evaluation.test-support.js';

describe('States.Array', () => {
  it('collects its arguments, of any type, in order', () => {
    expect(run('States.Array()')).toEqual([]);
    expect(run("States.Array(1, 'a', true, null, $.o, States.Array(2))", { o: { k: 1 } })).toEqual([
      1,
      'a',
      true,
      null,
      { k: 1 },
      [2],
    ]);
  });
});

describe('States.ArrayPartition', () => {
  it('splits into chunks of the given size, the last one shorter', () => {
    expect(run('States.ArrayPartition($.a, 4)', { a: [1, 2, 3, 4, 5, 6, 7, 8, 9] })).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9],
    ]);
    expect(run('States.ArrayPartition($.a, 5)', { a: [] })).toEqual([]);
    expect(run('States.ArrayPartition($.a, 2147483647)', { a: [1] })).toEqual([[1]]);
  });

  it('truncates a fractional chunk size', () => {
    expect(run('States.ArrayPartition($.a, 2.6)', { a: [1, 2, 3, 4, 5] })).toEqual([[1, 2], [3, 4], [5]]);
    expect(rejects('States.ArrayPartition($.a, 0.6)', { a: [1] })).toContain('positive');
  });

  it('fails for a non-array, a non-number or a size below one', () => {
    expect(rejects("States.ArrayPartition('x', 2)")).toContain('must be an array');
    expect(rejects("States.ArrayPartition($.a, '2')", { a: [] })).toContain('must be a number');
    expect(rejects('States.ArrayPartition($.a, null)', { a: [] })).toContain('must be a number');
    expect(rejects('States.ArrayPartition($.a, -1)', { a: [] })).toContain('positive');
  });
});

describe('States.ArrayContains', () => {
  it('finds values, comparing their JVM text forms', () => {
    const run2 = (array: JsonValue, value: JsonValue) =>
      run('States.ArrayContains($.a, $.v)', { a: array, v: value });
    expect(run2([1, 2, 3], 2)).toBe(true);
    expect(run2([], null)).toBe(false);
    expect(run2([[1, 2, 3], 2], [1, 2, 3])).toBe(true);
    expect(run2([{ 1: 2, 2: [] }], { 1: 2, 2: [] })).toBe(true);
    expect(run2([{ 1: 2, 2: [] }], [])).toBe(false);
    expect(run2([true, false], false)).toBe(true);
    expect(run2([0, 1], false)).toBe(false);
    expect(run2(['true', 'false'], true)).toBe(true);
    expect(run2([{ a: 1, b: 2 }], { b: 2, a: 1 })).toBe(false);
    expect(run2([{ a: 1 }], { a: 1, extra: null })).toBe(false);
  });

  it('fails when the first argument is not an array', () => {
    expect(rejects("States.ArrayContains('not-array', 'x')")).toContain('must be an array');
  });
});

describe('States.ArrayRange', () => {
  it('counts from start to end inclusive by step, in either direction', () => {
    expect(run('States.ArrayRange(1, 9, 2)')).toEqual([1, 3, 5, 7, 9]);
    expect(run('States.ArrayRange(0, 10, 3)')).toEqual([0, 3, 6, 9]);
    expect(run('States.ArrayRange(5, 1, -2)')).toEqual([5, 3, 1]);
    expect(run('States.ArrayRange(3, 3, -1)')).toEqual([3]);
    expect(run('States.ArrayRange(5, 1, 1)')).toEqual([]);
    expect(run('States.ArrayRange(5.4, -0.6, -2.4)')).toEqual([5, 3, 1]);
  });

  it('allows 1000 items and no more', () => {
    expect(run('States.ArrayRange(1, 1000, 1)')).toHaveLength(1000);
    expect(run('States.ArrayRange(1000, 1, -1)')).toHaveLength(1000);
    expect(rejects('States.ArrayRange(1, 1001, 1)')).toContain('1001 items');
    expect(rejects('States.ArrayRange(0, 2147483647, 1)')).toContain('more than the 1000 allowed');
  });

  it('fails for a zero step (after truncation) or non-numbers', () => {
    expect(rejects('States.ArrayRange(1, 10, 0)')).toContain('zero');
    expect(rejects('States.ArrayRange(1, 10, 0.49)')).toContain('zero');
    expect(rejects("States.ArrayRange('a', 5, 1)")).toContain('must be a number');
  });
});

describe('States.ArrayGetItem and States.ArrayLength', () => {
  it('reads an item by a (truncated) index', () => {
    expect(run('States.ArrayGetItem($.a, 5)', { a: [1, 2, 3, 4, 5, 6, 7, 8, 9] })).toBe(6);
    expect(run('States.ArrayGetItem($.a, 1.2)', { a: [10, 20, 30] })).toBe(20);
    expect(run('States.ArrayGetItem($.a, 0)', { a: [null] })).toBeNull();
  });

  it('gives null for any index on an empty array and fails outside a non-empty one', () => {
    expect(run('States.ArrayGetItem($.a, 999)', { a: [] })).toBeNull();
    expect(rejects('States.ArrayGetItem($.a, 3)', { a: [10, 20, 30] })).toContain('outside');
    expect(rejects('States.ArrayGetItem($.a, -1)', { a: [10, 20, 30] })).toContain('outside');
    expect(rejects("States.ArrayGetItem($.a, '1')", { a: [10] })).toContain('must be a number');
  });

  it('counts top-level items', () => {
    expect(run('States.ArrayLength($.a)', { a: [[1], [2], { a: 1 }] })).toBe(3);
    expect(rejects("States.ArrayLength('not-array')")).toContain('must be an array');
  });
});

describe('States.ArrayUnique', () => {
  it('removes duplicates (maps regardless of key order) in JVM HashSet order', () => {
    expect(run('States.ArrayUnique($.a)', { a: [1, 2, 2, 3, 3, 4] })).toEqual([1, 2, 3, 4]);
    expect(run('States.ArrayUnique($.a)', { a: [true, false, true, false] })).toEqual([false, true]);
    expect(
      run('States.ArrayUnique($.a)', {
        a: [
          [1, 2],
          [1, 2],
          [2, 1],
        ],
      }),
    ).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(
      run('States.ArrayUnique($.a)', {
        a: [
          { a: 1, b: 2 },
          { b: 2, a: 1 },
        ],
      }),
    ).toEqual([{ a: 1, b: 2 }]);
    expect(run('States.ArrayUnique($.a)', { a: [1, '1', '01'] })).toHaveLength(3);
    expect(run('States.ArrayUnique($.a)', { a: [null, null, 1, null] })).toEqual([null, 1]);
  });

  it('fails for a non-array', () => {
    expect(rejects('States.ArrayUnique($.a)', { a: { a: 1 } })).toContain('must be an array');
  });
});
