// Proves the engine's JSONPath: parsing into roots and segments with core's parser (accepting
// exactly what the validator accepts, each accepted path running), reading definite and indefinite
// paths over own members only, filters without JavaScript, and copy-on-write ResultPath writes.
import { InvalidDefinitionError, pathSyntaxProblem } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { runExecution } from '../execution.js';
import { PathSyntaxError, parsePath } from './parse.js';
import { NOT_FOUND, selectAt } from './select.js';
import { PathWriteError, writeAt } from './write.js';

const doc = {
  store: {
    book: [
      { title: 'A', price: 8, tags: ['x'] },
      { title: 'B', price: 12 },
      { title: 'C', price: 5 },
    ],
    'odd-key': 1,
    'with space': 2,
  },
  n: 0,
};
const select = (path: string, value: unknown = doc) => selectAt(parsePath(path), value as never);

describe('parsePath', () => {
  it('tells the three roots apart', () => {
    expect(parsePath('$.a').root).toBe('input');
    expect(parsePath('$$.Execution.Id').root).toBe('context');
    const variable = parsePath('$count.total');
    expect(variable.root).toBe('variable');
    expect(variable.variable).toBe('count');
    expect(variable.segments).toEqual([{ kind: 'name', name: 'total' }]);
  });

  it('marks paths with only names and indexes as definite', () => {
    expect(parsePath('$.a[0].b').definite).toBe(true);
    expect(parsePath('$.a[*]').definite).toBe(false);
    expect(parsePath('$.a[1:2]').definite).toBe(false);
    expect(parsePath('$..b').definite).toBe(false);
    expect(parsePath('$.a[?(@.x > 1)]').definite).toBe(false);
  });

  it('names what is wrong in a bad path', () => {
    expect(() => parsePath('a.b')).toThrow(PathSyntaxError);
    expect(() => parsePath('$.a[')).toThrow(/unclosed/);
    expect(() => parsePath('$.a[(@.length-1)]')).toThrow(/script expression/);
    expect(() => parsePath('$.a[1:2:0]')).toThrow(/slice step of 0/);
    expect(() => parsePath('$..')).toThrow(/empty member name/);
  });

  it('accepts exactly the paths the validator accepts, and runs every one of them', async () => {
    const texts = [
      '$',
      '$.a',
      '$.[0]',
      '$..',
      '$..*',
      '$..[0]',
      '$.a..b',
      '$.a.',
      '$[(@.length-1)]',
      '$.a[1:2:0]',
      '$.a[1:2:1]',
      '$.a[::-1]',
      "$['a','b']",
      '$.a[b]',
      '$[? (@.b)]',
      '$.a[',
      '$.sub-values',
      '$ .a',
    ];
    for (const text of texts) {
      let parsed = true;
      try {
        parsePath(text);
      } catch (error) {
        expect(error).toBeInstanceOf(PathSyntaxError);
        parsed = false;
      }
      expect(parsed, text).toBe(pathSyntaxProblem(text, 'path') === undefined);
      const definition = { StartAt: 'P', States: { P: { Type: 'Pass', InputPath: text, End: true } } };
      const run = runExecution(definition, { a: [1, 2, 3], b: 1 });
      if (parsed) {
        expect(['SUCCEEDED', 'FAILED'], text).toContain((await run).status);
      } else {
        await expect(run, text).rejects.toBeInstanceOf(InvalidDefinitionError);
      }
    }
  });
});

describe('selectAt', () => {
  it('reads definite paths, including bracketed and odd names', () => {
    expect(select('$.store.book[1].title')).toBe('B');
    expect(select("$.store['with space']")).toBe(2);
    expect(select('$.store.odd-key')).toBe(1);
    expect(select('$.store.book[-1].title')).toBe('C');
    expect(select('$.n')).toBe(0);
  });

  it('answers NOT_FOUND for a definite path that names nothing', () => {
    expect(select('$.missing')).toBe(NOT_FOUND);
    expect(select('$.store.book[9]')).toBe(NOT_FOUND);
    expect(select('$.n.deeper')).toBe(NOT_FOUND);
  });

  it('never reads inherited members', () => {
    expect(select('$.constructor')).toBe(NOT_FOUND);
    expect(select('$.__proto__')).toBe(NOT_FOUND);
    expect(select('$.store.book.length')).toBe(NOT_FOUND);
    expect(select('$.toString')).toBe(NOT_FOUND);
  });

  it('returns lists for indefinite paths, empty when nothing matches', () => {
    expect(select('$.store.book[*].title')).toEqual(['A', 'B', 'C']);
    expect(select('$.store.book[0:2].price')).toEqual([8, 12]);
    expect(select('$.store.book[-1:]')).toEqual([{ title: 'C', price: 5 }]);
    expect(select('$.store.book[0,2].title')).toEqual(['A', 'C']);
    expect(select('$..price')).toEqual([8, 12, 5]);
    expect(select('$.missing[*]')).toEqual([]);
    expect(select('$.store.book[::-1].title')).toEqual(['C', 'B', 'A']);
  });

  it('evaluates filters without running JavaScript', () => {
    expect(select('$.store.book[?(@.price < 10)].title')).toEqual(['A', 'C']);
    expect(select('$.store.book.[?(@.price > 10)].title')).toEqual(['B']);
    const mixed = { list: [{ v: 0 }, { v: '0' }, { v: false }, { v: "it's" }] };
    expect(select('$.list[?(@.v == 0)]', mixed)).toEqual([{ v: 0 }]);
    expect(select("$.list[?(@.v != '0')]", mixed)).toEqual([{ v: 0 }, { v: false }, { v: "it's" }]);
    expect(select('$.list[?(@.v == "it\'s")]', mixed)).toEqual([{ v: "it's" }]);
    expect(select("$.store.book[?(@.title == 'B')].price")).toEqual([12]);
  });
});

describe('writeAt', () => {
  const path = (p: string) => parsePath(p);

  it('copies only the objects on the way and shares the rest', () => {
    const input = { a: { b: 1 }, big: { list: [1, 2, 3] } };
    const out = writeAt(input, path('$.a.c'), 2) as typeof input & { a: { c: number } };
    expect(out).toEqual({ a: { b: 1, c: 2 }, big: { list: [1, 2, 3] } });
    expect(out.big).toBe(input.big);
    expect(input).toEqual({ a: { b: 1 }, big: { list: [1, 2, 3] } });
  });

  it('creates missing objects and replaces array elements', () => {
    expect(writeAt({}, path('$.x.y.z'), true)).toEqual({ x: { y: { z: true } } });
    expect(writeAt({ list: [1, 2] }, path('$.list[1]'), 9)).toEqual({ list: [1, 9] });
  });

  it('refuses to write through a scalar', () => {
    expect(() => writeAt({ a: 'text' }, path('$.a.b'), 1)).toThrow(PathWriteError);
    expect(() => writeAt({ list: [] }, path('$.list[5]'), 1)).toThrow(PathWriteError);
  });

  it('writes __proto__ and constructor as plain keys', () => {
    const out = writeAt({}, path('$.__proto__.polluted'), 'yes') as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const viaConstructor = writeAt({}, path('$.constructor.prototype.polluted'), 'yes');
    expect(viaConstructor).toEqual({ constructor: { prototype: { polluted: 'yes' } } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Copying a document that already holds an own __proto__ key keeps it a key.
    const hostile = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": 1}');
    const copied = writeAt(hostile, path('$.b'), 2) as Record<string, unknown>;
    expect(Object.keys(copied)).toEqual(['__proto__', 'a', 'b']);
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect((copied as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('dot-bracket paths AWS accepts', () => {
  it('validates and runs `$.[?(...)]` in an OutputPath and in an intrinsic argument', async () => {
    const definition = {
      StartAt: 'Pick',
      States: {
        Pick: {
          Type: 'Pass',
          Parameters: { 'users.$': '$.users', 'early.$': 'States.JsonToString($.users.[?(@.year <= 1998)])' },
          Next: 'Names',
        },
        Names: { Type: 'Pass', InputPath: '$.users', OutputPath: '$.[?(@.year < 1999)].name', End: true },
      },
    };
    const users = [
      { year: 1997, name: 'U1997' },
      { year: 1998, name: 'U1998' },
      { year: 1999, name: 'U1999' },
    ];
    const result = await runExecution(definition, { users });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: ['U1997', 'U1998'] });
    const picked = result.history.find((e) => e.type === 'PassStateExited')!.stateExitedEventDetails!.output!;
    expect(JSON.parse(picked).early).toBe(JSON.stringify(users.slice(0, 2)));
  });
});
