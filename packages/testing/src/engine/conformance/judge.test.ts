// Proves the conformance judge scores as ../shared/conformance/README.md defines: strict needs the
// same output, or for every failing status (FAILED, TestState's CAUGHT_ERROR and RETRIABLE) the
// same error and cause; lenient needs the error name only; recorder placeholders match anything.
import { describe, expect, it } from 'vitest';
import { type ConformanceCase, judge } from './judge.test-support.js';

function testStateCase(expected: ConformanceCase['expected']): ConformanceCase {
  return { id: 'c', family: 'test-state', kind: 'test-state', definition: {}, input: {}, expected };
}

describe('judge', () => {
  it.each(['CAUGHT_ERROR', 'RETRIABLE', 'FAILED'])(
    'scores a TestState %s strictly only when the error and cause agree',
    (status) => {
      const c = testStateCase({ status, error: 'Boom', cause: 'it broke' });
      expect(judge(c, { status, error: 'Boom', cause: 'it broke' })).toMatchObject({
        strict: true,
        lenient: true,
      });
      const otherCause = judge(c, { status, error: 'Boom', cause: 'something else' });
      expect(otherCause).toMatchObject({ strict: false, lenient: true });
      expect(otherCause.differences).toEqual(['.cause: expected it broke, got something else']);
      expect(judge(c, { status, error: 'Other', cause: 'it broke' })).toMatchObject({
        strict: false,
        lenient: false,
      });
    },
  );

  it('compares outputs of SUCCEEDED answers, with normalized positions matching anything', () => {
    const c: ConformanceCase = {
      id: 'e',
      family: 'base',
      definition: {},
      input: {},
      expected: {
        status: 'SUCCEEDED',
        output: { id: '<uuid>', n: 1 },
        normalized: [{ path: '.output.id', value: '<uuid>' }],
      },
    };
    expect(judge(c, { status: 'SUCCEEDED', output: { id: 'anything', n: 1 } }).strict).toBe(true);
    expect(judge(c, { status: 'SUCCEEDED', output: { id: 'anything', n: 2 } }).strict).toBe(false);
    expect(judge(c, { status: 'FAILED' })).toMatchObject({ strict: false, lenient: false });
  });
});
