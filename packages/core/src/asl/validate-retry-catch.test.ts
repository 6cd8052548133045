// Proves Retry and Catch validation: every retrier field in its range, ErrorEquals required and
// non-empty, States.ALL alone and last, catchers requiring Next with ResultPath (JSONPath) or
// Output (JSONata), and both allowed only on Task, Parallel and Map.
import { describe, expect, it } from 'vitest';
import { validateDefinition } from './validate.js';

function found(definition: unknown): [string, string][] {
  return validateDefinition(definition).map((p) => [p.code, p.path]);
}

function task(fields: Record<string, unknown>, language?: 'JSONata') {
  return {
    ...(language ? { QueryLanguage: language } : {}),
    StartAt: 't',
    States: {
      t: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...fields },
      handler: { Type: 'Fail', Error: 'Handled' },
    },
  };
}

const catchAll = { ErrorEquals: ['States.ALL'], Next: 'handler' };

describe('Retry', () => {
  it('accepts every retrier field in range', () => {
    const retrier = {
      ErrorEquals: ['States.Timeout', 'Lambda.ServiceException'],
      IntervalSeconds: 2,
      MaxAttempts: 0,
      BackoffRate: 1.5,
      MaxDelaySeconds: 60,
      JitterStrategy: 'FULL',
      Comment: 'transient',
    };
    expect(
      validateDefinition(task({ Retry: [retrier, { ErrorEquals: ['States.ALL'] }], Catch: [catchAll] })),
    ).toEqual([]);
  });

  it('requires a non-empty ErrorEquals of strings', () => {
    expect(found(task({ Retry: [{ MaxAttempts: 1 }], Catch: [catchAll] }))).toEqual([
      ['MISSING_FIELD', '$.States.t.Retry[0]'],
    ]);
    expect(found(task({ Retry: [{ ErrorEquals: [] }], Catch: [catchAll] }))).toEqual([
      ['INVALID_VALUE', '$.States.t.Retry[0].ErrorEquals'],
    ]);
    expect(found(task({ Retry: [{ ErrorEquals: [7] }], Catch: [catchAll] }))).toEqual([
      ['WRONG_TYPE', '$.States.t.Retry[0].ErrorEquals[0]'],
    ]);
  });

  it('checks the ranges of every numeric field', () => {
    expect(
      found(
        task({
          Retry: [
            {
              ErrorEquals: ['E'],
              IntervalSeconds: 0,
              MaxAttempts: -1,
              BackoffRate: 0.5,
              MaxDelaySeconds: 31_622_401,
              JitterStrategy: 'PARTIAL',
            },
          ],
          Catch: [catchAll],
        }),
      ),
    ).toEqual([
      ['INVALID_VALUE', '$.States.t.Retry[0].IntervalSeconds'],
      ['INVALID_VALUE', '$.States.t.Retry[0].MaxAttempts'],
      ['INVALID_VALUE', '$.States.t.Retry[0].BackoffRate'],
      ['INVALID_VALUE', '$.States.t.Retry[0].MaxDelaySeconds'],
      ['INVALID_VALUE', '$.States.t.Retry[0].JitterStrategy'],
    ]);
    expect(found(task({ Retry: [{ ErrorEquals: ['E'], IntervalSeconds: 1.5 }], Catch: [catchAll] }))).toEqual(
      [['WRONG_TYPE', '$.States.t.Retry[0].IntervalSeconds']],
    );
  });

  it('refuses unknown retrier fields and a non-array Retry', () => {
    expect(found(task({ Retry: [{ ErrorEquals: ['E'], Next: 'handler' }], Catch: [catchAll] }))).toEqual([
      ['UNKNOWN_FIELD', '$.States.t.Retry[0].Next'],
    ]);
    expect(found(task({ Retry: { ErrorEquals: ['E'] }, Catch: [catchAll] }))).toEqual([
      ['WRONG_TYPE', '$.States.t.Retry'],
    ]);
  });

  it('requires States.ALL to stand alone in the last retrier', () => {
    const problems = validateDefinition(
      task({ Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['E'] }], Catch: [catchAll] }),
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['STATES_ALL_NOT_LAST', '$.States.t.Retry[0].ErrorEquals[0]'],
    ]);
    expect(problems[0]?.message).toBe(
      'State "t": "States.ALL" must be in the last retrier, but retrier 0 is followed by others that could never match.',
    );
    expect(found(task({ Retry: [{ ErrorEquals: ['E', 'States.ALL'] }], Catch: [catchAll] }))).toEqual([
      ['STATES_ALL_NOT_LAST', '$.States.t.Retry[0].ErrorEquals[1]'],
    ]);
  });
});

describe('Catch', () => {
  it('requires Next and ErrorEquals', () => {
    expect(found(task({ Catch: [{ ErrorEquals: ['States.ALL'] }] }))).toEqual([
      ['MISSING_FIELD', '$.States.t.Catch[0]'],
      ['UNREACHABLE_STATE', '$.States.handler'],
    ]);
    expect(found(task({ Catch: [{ Next: 'handler' }] }))).toEqual([['MISSING_FIELD', '$.States.t.Catch[0]']]);
  });

  it('requires States.ALL to stand alone in the last catcher', () => {
    expect(found(task({ Catch: [catchAll, { ErrorEquals: ['E'], Next: 'handler' }] }))).toEqual([
      ['STATES_ALL_NOT_LAST', '$.States.t.Catch[0].ErrorEquals[0]'],
    ]);
  });

  it('takes a writable ResultPath in JSONPath and Output in JSONata', () => {
    expect(validateDefinition(task({ Catch: [{ ...catchAll, ResultPath: '$.error' }] }))).toEqual([]);
    expect(found(task({ Catch: [{ ...catchAll, ResultPath: '$.errors[*]' }] }))).toEqual([
      ['INVALID_REFERENCE_PATH', '$.States.t.Catch[0].ResultPath'],
    ]);
    expect(
      validateDefinition(
        task({ Catch: [{ ...catchAll, Output: '{% $states.errorOutput %}', Assign: { e: 1 } }] }, 'JSONata'),
      ),
    ).toEqual([]);
    expect(found(task({ Catch: [{ ...catchAll, Output: {} }] }))).toEqual([
      ['WRONG_QUERY_LANGUAGE', '$.States.t.Catch[0].Output'],
    ]);
    expect(found(task({ Catch: [{ ...catchAll, ResultPath: '$.e' }] }, 'JSONata'))).toEqual([
      ['WRONG_QUERY_LANGUAGE', '$.States.t.Catch[0].ResultPath'],
    ]);
  });

  it('is allowed only on Task, Parallel and Map', () => {
    expect(
      found({ StartAt: 'p', States: { p: { Type: 'Pass', End: true, Catch: [catchAll], Retry: [] } } }),
    ).toEqual([
      ['UNKNOWN_FIELD', '$.States.p.Catch'],
      ['UNKNOWN_FIELD', '$.States.p.Retry'],
    ]);
  });
});
