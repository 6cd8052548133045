// Proves an activity validates its input, runs its handler and hands back JSON, and that every
// mistake is refused with the field or rule it breaks: bad input and output (by path), schemas
// JSON cannot carry, names AWS refuses, a heartbeat not below the timeout. Handlers are invoked
// directly with a context of our own, as a worker would.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  ActivityInputError,
  ActivityOutputError,
  ActivityRegistration,
  activity,
  InvalidNameError,
  isActivity,
  NonJsonSchemaError,
  smartActivity,
} from './index.js';

const context = { signal: new AbortController().signal, heartbeat: async () => {} };

describe('activity', () => {
  test('validates input, runs the handler and returns JSON', async () => {
    const add = activity('add', { input: z.object({ a: z.number(), b: z.number() }) }, ({ a, b }) => ({
      sum: a + b,
      at: new Date(0),
    }));
    expect(isActivity(add)).toBe(true);
    expect(add.name).toBe('add');
    await expect(add.invoke({ a: 1, b: 2 }, context)).resolves.toEqual({
      sum: 3,
      at: '1970-01-01T00:00:00.000Z',
    });
  });

  test('names the offending field when input is invalid', async () => {
    const add = activity(
      'add',
      { input: z.object({ a: z.number(), nested: z.object({ b: z.number() }) }) },
      () => 0,
    );
    const failure = add.invoke({ a: 1, nested: { b: 'x' } }, context);
    await expect(failure).rejects.toBeInstanceOf(ActivityInputError);
    await expect(failure).rejects.toThrow(/at \$\.nested\.b/);
  });

  test('checks the result against the output schema', async () => {
    const bad = activity(
      'bad',
      { input: z.unknown(), output: z.object({ n: z.number() }) },
      () => ({ n: 'x' }) as any,
    );
    await expect(bad.invoke({}, context)).rejects.toBeInstanceOf(ActivityOutputError);
  });

  test('undefined results travel as null', async () => {
    const log = activity('log', { input: z.unknown() }, () => undefined);
    await expect(log.invoke({}, context)).resolves.toBeNull();
  });

  test('refuses schemas JSON cannot carry, naming each place', () => {
    expect(() =>
      activity(
        'f',
        { input: z.object({ cb: z.function(), id: z.bigint(), tags: z.array(z.symbol()) }) },
        () => 0,
      ),
    ).toThrow(NonJsonSchemaError);
    expect(() => activity('f', { input: z.object({ cb: z.function(), id: z.bigint() }) }, () => 0)).toThrow(
      expect.objectContaining({ problems: ['$.cb is a function', '$.id is a bigint'] }),
    );
    expect(() =>
      activity('ok', { input: z.object({ maybe: z.string().optional() }) }, () => 0),
    ).not.toThrow();
  });

  test('refuses names AWS would refuse', () => {
    expect(() => activity('a'.repeat(81), { input: z.unknown() }, () => 0)).toThrow(InvalidNameError);
    expect(() => activity('has space', { input: z.unknown() }, () => 0)).toThrow(/contains " "/);
    expect(() => activity('semi;colon', { input: z.unknown() }, () => 0)).toThrow(/contains ";"/);
  });

  test('heartbeat must be below the timeout', () => {
    expect(() =>
      activity('x', { input: z.unknown(), heartbeatSeconds: 10, timeoutSeconds: 10 }, () => 0),
    ).toThrow(/heartbeatSeconds \(10\) must be below timeoutSeconds \(10\)/);
  });
});

describe('smartActivity', () => {
  test('picks named fields, applies defaults and ignores the rest', async () => {
    const resize = smartActivity(
      'resize',
      { fields: { imageDir: z.string(), size: z.tuple([z.number(), z.number()]).default([64, 64]) } },
      (fields) => fields,
    );
    expect(resize.smart).toBe(true);
    await expect(resize.invoke({ imageDir: '/in', other: true }, context)).resolves.toEqual({
      imageDir: '/in',
      size: [64, 64],
    });
  });
});

describe('ActivityRegistration', () => {
  test('prefixes names and keeps what it defined', () => {
    const activities = new ActivityRegistration('myPackage');
    const a = activities.activity('increment', { input: z.number() }, (n) => n + 1);
    const b = activities.smartActivity('resize', { fields: { dir: z.string() } }, () => null);
    expect(a.name).toBe('myPackageincrement');
    expect(a.localName).toBe('increment');
    expect(activities.activities).toEqual([a, b]);
    expect(activities.get('increment')).toBe(a);
    expect(activities.get('myPackageresize')).toBe(b);
    expect(() => activities.activity('increment', { input: z.number() }, (n) => n)).toThrow(
      /already defined/,
    );
  });
});
