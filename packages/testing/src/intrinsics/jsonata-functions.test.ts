// Proves Step Functions' own JSONata functions ($partition, $range, $hash, $random, $uuid,
// $parse) behave like their intrinsic counterparts, and agree with what AWS recorded for them in
// the shared conformance cases.
import type { JsonObject, JsonValue } from '@sfini/core';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { awsJsonataFunctions } from './jsonata-functions.js';
import { loadRecordedCases, RECORDED_CASES_DIR } from './recorded-cases.test-support.js';

const evaluate = (expression: string, input: JsonValue = null, random?: () => number) =>
  jsonata(expression).evaluate(null, {
    ...awsJsonataFunctions(random === undefined ? {} : { random }),
    states: { input },
  }) as Promise<JsonValue>;

describe('Step Functions JSONata functions', () => {
  it('$partition and $range follow the intrinsics', async () => {
    expect(await evaluate('$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 4)')).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9],
    ]);
    expect(await evaluate('$range(0, 10, 2)')).toEqual([0, 2, 4, 6, 8, 10]);
    expect(await evaluate('$range(5, 1, -2)')).toEqual([5, 3, 1]);
    await expect(evaluate('$partition([1], 0)')).rejects.toThrow('chunk size must be positive');
    await expect(evaluate('$range(1, 1001, 1)')).rejects.toThrow('1001 items');
  });

  it('$hash defaults to SHA-256 and refuses unknown algorithms', async () => {
    expect(await evaluate("$hash('hello')")).toBe(
      '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    );
    expect(await evaluate("$hash('hello', 'MD5')")).toBe('5d41402abc4b2a76b9719d911017c592');
    await expect(evaluate("$hash('hello', 'sha256')")).rejects.toThrow('must be one of');
  });

  it('$random is uniform in [0, 1), repeatable for a seed', async () => {
    expect(await evaluate('$random()', null, () => 0.25)).toBe(0.25);
    const seeded = (await evaluate('$random(42)')) as number;
    expect(seeded).toBeGreaterThanOrEqual(0);
    expect(seeded).toBeLessThan(1);
    expect(await evaluate('$random(42)')).toBe(seeded);
    expect(await evaluate('$random(43)')).not.toBe(seeded);
  });

  it('$uuid and $parse', async () => {
    expect(await evaluate('$uuid()')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(await evaluate('$parse(\'{"a": [1, true]}\')')).toEqual({ a: [1, true] });
    await expect(evaluate("$parse('{bad')")).rejects.toThrow();
  });
});

const cases = loadRecordedCases();
const recorded = (cases ?? []).filter((candidate) => {
  if (candidate.family !== 'intrinsic-functions') return false;
  const states = Object.values(candidate.definition.States as Record<string, JsonObject>);
  return states.length === 1 && states[0]?.QueryLanguage === 'JSONata';
});

describe.skipIf(cases === undefined)(
  'Step Functions JSONata functions against recorded AWS executions',
  () => {
    it(
      cases === undefined ? `skipped: no recorded cases at ${RECORDED_CASES_DIR}` : 'finds the cases',
      () => {
        expect(recorded.length).toBeGreaterThan(15);
      },
    );

    for (const candidate of recorded) {
      it(candidate.id, async () => {
        const state = Object.values(
          candidate.definition.States as Record<string, JsonObject>,
        )[0] as JsonObject;
        const run = async (template: JsonValue): Promise<JsonValue> => {
          if (typeof template === 'string') {
            const match = /^\{%(.*)%\}$/s.exec(template);
            return match === null ? template : evaluate(match[1] as string, candidate.input, () => 0.5);
          }
          if (template !== null && typeof template === 'object' && !Array.isArray(template)) {
            const entries = await Promise.all(
              Object.entries(template).map(async ([k, v]) => [k, await run(v)]),
            );
            return Object.fromEntries(entries) as JsonValue;
          }
          return template;
        };
        if (candidate.expected.status === 'SUCCEEDED') {
          expect(await run(state.Output as JsonValue)).toEqual(candidate.expected.output);
        } else {
          await expect(run(state.Output as JsonValue)).rejects.toMatchObject({ code: 'T1006' });
        }
      });
    }
  },
);
