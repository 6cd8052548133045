// One block per non-array intrinsic function: AWS's documented behaviour, the quirks the
// recordings and AWS observations pin down, and the failures with AWS's cause text.
import type { JsonValue } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { evaluateIntrinsic } from './evaluate.js';
import { rejects, run, scopeOf } from './evaluation.test-support.js';
import { JavaRandom, javaRandomNextInt } from './functions-math.js';

describe('States.Format', () => {
  it('replaces each {} with the next argument', () => {
    expect(run("States.Format('Hello {}, welcome to {}!', $.a, $.b)", { a: 'John', b: 'LocalStack' })).toBe(
      'Hello John, welcome to LocalStack!',
    );
    expect(run("States.Format('no placeholders')")).toBe('no placeholders');
  });

  it('renders values as a JVM prints them', () => {
    const input = {
      n: null,
      t: true,
      i: 1,
      f: 1.1,
      big: 12345678.9,
      o: { Arg1: 1, Arg2: [] },
      a: [1, 'x', null],
    };
    expect(run("States.Format('{}|{}|{}|{}|{}|{}|{}', $.n, $.t, $.i, $.f, $.big, $.o, $.a)", input)).toBe(
      'null|true|1|1.1|1.23456789E7|{Arg1=1, Arg2=[]}|[1, x, null]',
    );
  });

  it('keeps escaped braces, quotes and backslashes literal', () => {
    expect(run("States.Format('\\{\\} {} \\'q\\' \\\\', $.a)", { a: 'x' })).toBe("{} x 'q' \\");
  });

  it('takes the template from a path, applying the same rules', () => {
    expect(run('States.Format($.t, $.a)', { t: "It's {}!", a: 'Pikachu' })).toBe("It's Pikachu!");
    expect(run('States.Format($.t, $.a)', { t: '\\{{}\\}', a: 1 })).toBe('{1}');
  });

  it('fails on a placeholder/argument mismatch, stray braces or a non-string template', () => {
    expect(rejects("States.Format('{} {}', $.a)", { a: 1 })).toContain('2 placeholders but 1 values');
    expect(rejects("States.Format('{}', 1, 2)")).toContain('1 placeholders but 2 values');
    expect(rejects("States.Format('Hello {', 1)")).toContain("'{'");
    expect(rejects("States.Format('Hello {{}}', 1)")).toContain("'{'");
    expect(rejects("States.Format('}')")).toContain("'}'");
    expect(rejects('States.Format($.t, 1)', { t: 123 })).toContain('template must be a string');
  });
});

describe('States.StringToJson and States.JsonToString', () => {
  it('parses JSON text, blank text being null', () => {
    expect(run('States.StringToJson($.s)', { s: '{"Arg1": 1, "Arg2": []}' })).toEqual({ Arg1: 1, Arg2: [] });
    expect(run('States.StringToJson($.s)', { s: ' {"a":1} ' })).toEqual({ a: 1 });
    expect(run('States.StringToJson($.s)', { s: '' })).toBeNull();
    expect(run('States.StringToJson($.s)', { s: ' ' })).toBeNull();
    expect(run('States.StringToJson($.s)', { s: 'null' })).toBeNull();
    expect(Object.is(run('States.StringToJson($.s)', { s: '-0' }), 0)).toBe(true);
  });

  it('keeps a __proto__ key as plain data', () => {
    const parsed = run('States.StringToJson($.s)', { s: '{"__proto__": {"polluted": true}}' }) as object;
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fails on text that is not JSON or a value that is not a string', () => {
    expect(rejects('States.StringToJson($.s)', { s: '{bad json}' })).toContain('not JSON');
    expect(rejects('States.StringToJson($.s)', { s: 'undefined' })).toContain('not JSON');
    expect(rejects('States.StringToJson($.s)', { s: 123 })).toContain('must be a string');
  });

  it('writes compact JSON in key order, numbers as a JVM does', () => {
    expect(run('States.JsonToString($.v)', { v: { Arg1: 1, Arg2: [] } })).toBe('{"Arg1":1,"Arg2":[]}');
    expect(run('States.JsonToString($.v)', { v: 'HelloWorld' })).toBe('"HelloWorld"');
    expect(run('States.JsonToString($.v)', { v: null })).toBe('null');
    expect(run('States.JsonToString($.v)', { v: [1.1, 1e21, -9007199254740991] })).toBe(
      '[1.1,1.0E21,-9007199254740991]',
    );
    expect(run("States.JsonToString('x')")).toBe('"x"');
  });
});

describe('States.Base64Encode and States.Base64Decode', () => {
  it('encode and decode UTF-8 text', () => {
    expect(run("States.Base64Encode('Data to encode')")).toBe('RGF0YSB0byBlbmNvZGU=');
    expect(run("States.Base64Encode('🚀')")).toBe('8J+agA==');
    expect(run("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')")).toBe('Data to encode');
    expect(run("States.Base64Decode('44GT44KT44Gr44Gh44Gv')")).toBe('こんにちは');
    expect(run("States.Base64Decode('')")).toBe('');
  });

  it('decode leniently, as AWS does for malformed text', () => {
    expect(run("States.Base64Decode(' YWJjZA== ')")).toBe('abcd');
    expect(run("States.Base64Decode('abc')")).toBe('i\ufffd');
  });

  it('accept 10,000 characters and refuse more, and refuse non-strings', () => {
    expect(run('States.Base64Encode($.s)', { s: 'a'.repeat(10_000) })).toHaveLength(13_336);
    expect(rejects('States.Base64Encode($.s)', { s: 'a'.repeat(10_001) })).toContain('10001 characters');
    expect(rejects('States.Base64Decode($.s)', { s: 'A'.repeat(10_001) })).toContain('10001 characters');
    expect(rejects('States.Base64Encode(123)')).toContain('must be a string');
    expect(rejects('States.Base64Decode($.o)', { o: {} })).toContain('must be a string');
  });
});

describe('States.Hash', () => {
  it('hashes with the five algorithms AWS names', () => {
    expect(run("States.Hash('input data', 'SHA-1')")).toBe('aaff4a450a104cd177d28d18d74485e8cae074b7');
    expect(run("States.Hash('hello', 'MD5')")).toBe('5d41402abc4b2a76b9719d911017c592');
    expect(run("States.Hash('hello', 'SHA-256')")).toBe(
      '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    );
    expect(run("States.Hash('input data', 'SHA-384')")).toBe(
      'd28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562',
    );
    expect(run("States.Hash('hello', 'SHA-512')")).toBe(
      '9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043',
    );
    expect(run("States.Hash('✓', 'SHA-256')")).toBe(
      '1dabba21cdad44541f6b15796f8d22978fc7ea10c46aeceeeeb66c23b3ac7604',
    );
  });

  it('hashes non-string data in its JVM text form', () => {
    expect(run("States.Hash(123, 'MD5')")).toBe(run("States.Hash('123', 'MD5')"));
  });

  it('refuses other algorithm spellings and inputs over 10,000 characters', () => {
    for (const algorithm of ['sha-256', 'SHA256', 'MD-5', 'SHA-257', '']) {
      expect(rejects(`States.Hash('data', '${algorithm}')`)).toContain('must be one of MD5, SHA-1');
    }
    expect(rejects("States.Hash('data', 123)")).toContain('must be a string');
    expect(run("States.Hash($.s, 'SHA-256')", { s: 'a'.repeat(10_000) })).toHaveLength(64);
    expect(rejects("States.Hash($.s, 'SHA-256')", { s: 'a'.repeat(10_001) })).toContain('10001');
  });
});

describe('States.JsonMerge', () => {
  it('merges shallowly, the second object winning', () => {
    const input = { a: { a: { a1: 1, a2: 2 }, b: 2, d: 3 }, b: { a: { a3: 1, a4: 2 }, c: 3, d: 4 } };
    expect(run('States.JsonMerge($.a, $.b, false)', input)).toEqual({
      a: { a3: 1, a4: 2 },
      b: 2,
      c: 3,
      d: 4,
    });
  });

  it('keeps __proto__ keys as data', () => {
    const left = JSON.parse('{"__proto__": {"polluted": true}}') as JsonValue;
    const merged = run('States.JsonMerge($.a, $.b, false)', { a: left, b: { x: 1 } }) as Record<
      string,
      JsonValue
    >;
    expect(Object.keys(merged)).toEqual(['__proto__', 'x']);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a deep merge and non-objects; other third arguments merge shallowly', () => {
    expect(rejects('States.JsonMerge($.a, $.b, true)', { a: {}, b: {} })).toContain('shallow');
    expect(rejects('States.JsonMerge($.a, $.b, false)', { a: [], b: {} })).toContain('must be an object');
    expect(rejects('States.JsonMerge($.a, $.b, false)', { a: {}, b: null })).toContain('must be an object');
    expect(run("States.JsonMerge($.a, $.b, 'false')", { a: { x: 1 }, b: {} })).toEqual({ x: 1 });
  });
});

describe('States.MathAdd', () => {
  it('rounds each operand half up, then adds', () => {
    const add = (a: number, b: number) => run('States.MathAdd($.a, $.b)', { a, b });
    expect(add(-9, 3)).toBe(-6);
    expect(add(1.49, 1.5)).toBe(3);
    expect(add(1.5, 1.51)).toBe(4);
    expect(add(-1.49, -1.5)).toBe(-2);
    expect(add(-1.5, -1.51)).toBe(-3);
    expect(add(2.5, 0)).toBe(3);
    expect(add(-2.5, 0)).toBe(-2);
    expect(Object.is(add(-0.5, 0), 0)).toBe(true);
  });

  it('stays within 32-bit integers', () => {
    expect(run('States.MathAdd(2147483646, 1)')).toBe(2147483647);
    expect(rejects('States.MathAdd(2147483647, 1)')).toContain('does not fit');
    expect(rejects('States.MathAdd(3000000000, 1)')).toContain('operand 1');
  });

  it('refuses anything but numbers', () => {
    for (const operand of ["'1'", 'null', 'true']) {
      expect(rejects(`States.MathAdd(${operand}, 1)`)).toContain('must be a number');
    }
  });
});

describe('States.MathRandom', () => {
  it('draws an integer in [start, end) from the scope random source', () => {
    const draw = (value: number) =>
      evaluateIntrinsic(
        'States.MathRandom(1, 11)',
        scopeOf({}, () => value),
      );
    expect(draw(0)).toBe(1);
    expect(draw(0.5)).toBe(6);
    expect(draw(0.999999)).toBe(10);
    expect(
      evaluateIntrinsic(
        'States.MathRandom(1.6, 5.4)',
        scopeOf({}, () => 0),
      ),
    ).toBe(1);
  });

  it('is deterministic for a seed, drawn as java.util.Random does', () => {
    expect(new JavaRandom(42).next(32)).toBe(-1170105035);
    expect(new JavaRandom(42).nextInt(10)).toBe(0);
    expect(run('States.MathRandom(0, 999, 3)')).toBe(javaRandomNextInt(3, 999));
    expect(run('States.MathRandom(0, 999, 3)')).toBe(run('States.MathRandom(0, 999, 3)'));
    const seeded = run('States.MathRandom(-99999, -9999, -10)') as number;
    expect(seeded).toBeGreaterThanOrEqual(-99999);
    expect(seeded).toBeLessThan(-9999);
  });

  it('fails for an empty range or non-numbers', () => {
    expect(rejects('States.MathRandom(1, 1)')).toContain('greater than');
    expect(rejects('States.MathRandom(10, 5)')).toContain('greater than');
    expect(rejects('States.MathRandom(1.4, 1.6)')).toContain('greater than');
    expect(rejects("States.MathRandom('a', 10)")).toContain('must be a number');
    expect(rejects('States.MathRandom(1, 10, null)')).toContain('must be a number');
  });
});

describe('States.StringSplit', () => {
  it('splits on any of the delimiter characters and drops empty tokens', () => {
    const split = (s: string, d: string) => run('States.StringSplit($.s, $.d)', { s, d });
    expect(split('1,2,3,4,5', ',')).toEqual(['1', '2', '3', '4', '5']);
    expect(split('This.is+a,test=string', '.+,=')).toEqual(['This', 'is', 'a', 'test', 'string']);
    expect(split(', , ,', ',')).toEqual([' ', ' ']);
    expect(split(',,,,', ',')).toEqual([]);
    expect(split('', ',')).toEqual([]);
    expect(split('abc', '')).toEqual(['abc']);
    expect(split('a🚀b', '🚀')).toEqual(['a', 'b']);
  });

  it('refuses non-strings', () => {
    expect(rejects('States.StringSplit($.s, $.d)', { s: 123, d: ',' })).toContain('must be a string');
    expect(rejects('States.StringSplit($.s, $.d)', { s: 'a,b', d: [','] })).toContain('must be a string');
  });
});

describe('States.UUID', () => {
  it('returns a version 4 UUID, from the scope random source when given', () => {
    const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(run('States.UUID()')).toMatch(pattern);
    const fixed = evaluateIntrinsic(
      'States.UUID()',
      scopeOf({}, () => 0.5),
    );
    expect(fixed).toBe('80808080-8080-4080-8080-808080808080');
    expect(fixed).toMatch(pattern);
    expect(run('States.UUID()')).not.toBe(run('States.UUID()'));
  });
});
