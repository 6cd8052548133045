// Proves the structural byte count the payload quota rests on: it equals the UTF-8 length of
// JSON.stringify for every kind of value, stays right when cached containers are reused, and the
// quota is AWS's 256 KiB.
import { describe, expect, it } from 'vitest';
import { jsonByteSize, PAYLOAD_LIMIT_BYTES, withinPayloadLimit } from './size.js';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

describe('jsonByteSize', () => {
  it('matches the UTF-8 length of JSON.stringify for every kind of value', () => {
    const values = [
      null,
      true,
      false,
      0,
      7,
      123456789,
      -42,
      3.25,
      1e21,
      -0.000001,
      '',
      'plain',
      'quote " backslash \\ newline \n tab \t bell \u0007',
      'accents é ü, CJK 漢字, emoji 😀, lone surrogate \ud800',
      [],
      {},
      [1, 'two', { three: [3] }],
      { a: 1, 'b"c': [null, { d: 'é' }], __proto__key: {} },
      Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i * 1.5])),
      Array.from({ length: 300 }, (_, i) => ({ id: i, name: `item-${i}` })),
    ];
    for (const value of values)
      expect(jsonByteSize(value as never), JSON.stringify(value)).toBe(bytes(value));
  });

  it('keeps the answer right when a cached container is reused inside new ones', () => {
    const shared = Array.from({ length: 100 }, (_, i) => i);
    const first = { data: shared, n: 1 };
    const second = { data: shared, n: 22, extra: 'x' };
    expect(jsonByteSize(first)).toBe(bytes(first));
    expect(jsonByteSize(second)).toBe(bytes(second));
  });

  it('puts the limit at 256 KiB', () => {
    const justUnder = 'x'.repeat(PAYLOAD_LIMIT_BYTES - 2);
    expect(withinPayloadLimit(justUnder)).toBe(true);
    expect(withinPayloadLimit(`${justUnder}x`)).toBe(false);
  });
});
