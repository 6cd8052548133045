// Proves the Java behaviours intrinsics reproduce: Double.toString, String.valueOf of maps and
// lists, JSON as a JVM writes it, hashCode and equals as the JDK computes them, and HashSet
// iteration order.
import { describe, expect, it } from 'vitest';
import {
  javaDoubleText,
  javaEquals,
  javaHashCode,
  javaHashSetOrder,
  javaJson,
  javaText,
} from './java-values.js';

describe('javaDoubleText (Double.toString)', () => {
  it('writes plain decimals between 10^-3 and 10^7 and scientific notation outside', () => {
    expect(javaDoubleText(1.1)).toBe('1.1');
    expect(javaDoubleText(100)).toBe('100.0');
    expect(javaDoubleText(0.001)).toBe('0.001');
    expect(javaDoubleText(0.0001)).toBe('1.0E-4');
    expect(javaDoubleText(9999999.5)).toBe('9999999.5');
    expect(javaDoubleText(12345678.9)).toBe('1.23456789E7');
    expect(javaDoubleText(-2.5e-7)).toBe('-2.5E-7');
    expect(javaDoubleText(1e21)).toBe('1.0E21');
    expect(javaDoubleText(0)).toBe('0.0');
    expect(javaDoubleText(-0)).toBe('-0.0');
    expect(javaDoubleText(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});

describe('javaText (String.valueOf of the Java objects)', () => {
  it('prints integers in full and collections the java.util way', () => {
    expect(javaText(9007199254740991)).toBe('9007199254740991');
    expect(javaText(1e18)).toBe('1000000000000000000');
    expect(javaText(1e20)).toBe('1.0E20');
    expect(javaText({ a: 'b', c: [1, null, { d: true }] })).toBe('{a=b, c=[1, null, {d=true}]}');
    expect(javaText('')).toBe('');
  });
});

describe('javaJson', () => {
  it('escapes strings as JSON and keeps key order', () => {
    expect(javaJson({ b: 'q"\n', a: [1.5, null] })).toBe('{"b":"q\\"\\n","a":[1.5,null]}');
  });
});

describe('javaHashCode and javaEquals', () => {
  it('match the JDK for strings, numbers, booleans, lists and maps', () => {
    expect(javaHashCode('hello')).toBe(99162322);
    expect(javaHashCode('')).toBe(0);
    expect(javaHashCode(true)).toBe(1231);
    expect(javaHashCode(false)).toBe(1237);
    expect(javaHashCode(null)).toBe(0);
    expect(javaHashCode(-7)).toBe(-7);
    expect(javaHashCode(5_000_000_000)).toBe(705032705);
    expect(javaHashCode(1.5)).toBe(1073217536);
    expect(javaHashCode([1, 2])).toBe(994);
    expect(javaHashCode({ a: 1 })).toBe(97 ^ 1);
  });

  it('compare maps without regard to key order and lists in order', () => {
    expect(javaEquals({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(javaEquals([1, 2], [2, 1])).toBe(false);
    expect(javaEquals({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(javaEquals(1, '1')).toBe(false);
  });
});

describe('javaHashSetOrder', () => {
  it('iterates by bucket, insertion order within a bucket', () => {
    expect(javaHashSetOrder([3, 1, 2, 1])).toEqual([1, 2, 3]);
    expect(javaHashSetOrder([16, 0, 32])).toEqual([16, 0, 32]);
    expect(javaHashSetOrder(['b', 'a'])).toEqual(['a', 'b']);
  });

  it('sizes the table for the whole input, as the copy constructor does', () => {
    const values = Array.from({ length: 20 }, (_, index) => index * 16);
    expect(javaHashSetOrder(values)).toEqual([
      0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 16, 48, 80, 112, 144, 176, 208, 240, 272, 304,
    ]);
  });
});
