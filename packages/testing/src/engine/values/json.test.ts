// Proves values cross into the engine as a JSON round trip would make them: the same result
// whether the direct copy or JSON text is used, a copy the caller cannot change afterwards,
// __proto__ kept as an own key, and a clear refusal of what JSON cannot hold.
import { describe, expect, it } from 'vitest';
import { NotJsonError, toJson } from './json.js';

const viaText = (value: unknown) => JSON.parse(JSON.stringify(value) ?? 'null');

describe('toJson', () => {
  it('gives exactly what a round trip through JSON text gives, plain or not', () => {
    const values: unknown[] = [
      null,
      0,
      -0,
      1.5,
      'text',
      true,
      [1, 'a', null, [2, { b: 3 }]],
      { a: 1, nested: { list: [1, 2, 3], flag: false } },
      { '2': 'integer keys', '1': 'come first', b: 'then', a: 'strings' },
      Object.assign(Object.create(null), { bare: 1 }),
      { when: new Date(0), skip: undefined, fn: () => 1 },
      [undefined, () => 1, Number.NaN, Number.POSITIVE_INFINITY],
      // biome-ignore lint/suspicious/noSparseArray: a hole is what is tested
      [1, , 3],
      { toJSON: () => ({ replaced: true }) },
      { inner: { toJSON: () => 'text instead' } },
      new Number(4),
      { map: new Map([[1, 2]]) },
    ];
    for (const value of values) expect(toJson(value), JSON.stringify(value)).toEqual(viaText(value));
    expect(Object.is(toJson(-0), 0)).toBe(true);
  });

  it('copies, so later changes to the original never reach the engine', () => {
    const original = { list: [1, { deep: 'x' }] };
    const copy = toJson(original) as typeof original;
    (original.list[1] as { deep: string }).deep = 'changed';
    expect(copy).toEqual({ list: [1, { deep: 'x' }] });
  });

  it('keeps __proto__ an own key, never a prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const copy = toJson(hostile) as Record<string, unknown>;
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses what JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toJson(cyclic)).toThrow(NotJsonError);
    expect(() => toJson({ big: 1n })).toThrow(NotJsonError);
  });
});
