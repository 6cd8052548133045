// Retry and Catch as AWS applies them: the backoff arithmetic with its cap and FULL jitter (drawn
// from the execution's injected randomness), which errors a retrier or catcher matches, and the
// history and output of retried and caught states.
import { describe, expect, it } from 'vitest';
import type { Retrier } from '../compile/model.js';
import { errorMatches } from '../errors.js';
import { runExecution } from '../execution.js';
import { retryDelaySeconds } from './retry-catch.js';

const retrier = (overrides: Partial<Retrier> = {}): Retrier => ({
  ErrorEquals: ['X'],
  IntervalSeconds: 1,
  MaxAttempts: 3,
  BackoffRate: 2,
  MaxDelaySeconds: undefined,
  JitterStrategy: 'NONE',
  ...overrides,
});

describe('retryDelaySeconds', () => {
  it('grows by BackoffRate, is capped by MaxDelaySeconds and jittered within the delay', () => {
    expect(
      [0, 1, 2, 3].map((n) => retryDelaySeconds(retrier({ IntervalSeconds: 3, BackoffRate: 1.5 }), n)),
    ).toEqual([3, 4.5, 6.75, 10.125]);
    expect(retryDelaySeconds(retrier({ MaxDelaySeconds: 5 }), 10)).toBe(5);
    for (let i = 0; i < 50; i++) {
      const delay = retryDelaySeconds(retrier({ JitterStrategy: 'FULL', IntervalSeconds: 4 }), 1);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(8);
    }
    expect(retryDelaySeconds(retrier({ JitterStrategy: 'FULL', IntervalSeconds: 4 }), 1, () => 0.25)).toBe(2);
  });

  it("draws FULL jitter from the execution's injected randomness", async () => {
    const definition = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish',
          Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 10, JitterStrategy: 'FULL' }],
          End: true,
        },
      },
    };
    const mocks = { T: [{ throw: { error: 'Flaky' } }, { return: 'ok' }] };
    const result = await runExecution(definition, {}, { mocks, random: () => 0.5 });
    expect(result.status).toBe('SUCCEEDED');
    const scheduled = result.history
      .filter((e) => e.type === 'TaskScheduled')
      .map((e) => e.timestamp.getTime());
    expect(scheduled[1]! - scheduled[0]!).toBe(5_000);
  });
});

describe('errorMatches', () => {
  it('follows AWS: States.ALL and States.TaskFailed are wildcards with exceptions', () => {
    expect(errorMatches(['States.ALL'], 'Anything')).toBe(true);
    expect(errorMatches(['States.ALL'], 'States.DataLimitExceeded')).toBe(false);
    expect(errorMatches(['States.ALL'], 'States.Runtime')).toBe(false);
    expect(errorMatches(['States.Runtime'], 'States.Runtime')).toBe(false);
    expect(errorMatches(['States.TaskFailed'], 'Lambda.Unknown')).toBe(true);
    expect(errorMatches(['States.TaskFailed'], 'States.Timeout')).toBe(false);
    expect(errorMatches(['States.Timeout'], 'States.HeartbeatTimeout')).toBe(true);
    expect(errorMatches(['States.DataLimitExceeded'], 'States.DataLimitExceeded')).toBe(true);
  });
});

function failing(extra: Record<string, unknown>) {
  return {
    StartAt: 'Work',
    States: {
      Work: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Next: 'Done', ...extra },
      Caught: { Type: 'Pass', End: true },
      Done: { Type: 'Succeed' },
    },
  };
}

describe('Retry and Catch', () => {
  it('retries with growing delays, then catches into ResultPath on the raw input', async () => {
    const result = await runExecution(
      failing({
        Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 2 }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Caught' }],
      }),
      { keep: 1 },
      { mocks: { Work: { throw: { error: 'Boom', cause: 'bad luck' } } } },
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ keep: 1, failure: { Error: 'Boom', Cause: 'bad luck' } });
    const attempts = result.history
      .filter((e) => e.type === 'TaskScheduled')
      .map((e) => e.timestamp.getTime());
    expect(attempts.map((t) => t - attempts[0]!)).toEqual([0, 2_000, 8_000]);
    const exited = result.history.find((e) => e.type === 'TaskStateExited')!;
    expect(exited.stateExitedEventDetails!.output).toBe(
      '{"keep":1,"failure":{"Error":"Boom","Cause":"bad luck"}}',
    );
  });

  it('counts attempts per retrier and exposes $$.State.RetryCount', async () => {
    let seen: number[] = [];
    const result = await runExecution(
      failing({
        Parameters: { 'retry.$': '$$.State.RetryCount' },
        Retry: [
          { ErrorEquals: ['A'], MaxAttempts: 1 },
          { ErrorEquals: ['B'], MaxAttempts: 1 },
        ],
        Catch: [{ ErrorEquals: ['C'], Next: 'Caught' }],
      }),
      {},
      {
        mocks: {
          Work: (request) => {
            seen = [...seen, (request.input as { retry: number }).retry];
            if (request.invocation === 0) throw Object.assign(new Error('a'), { name: 'A' });
            if (request.invocation === 1) throw Object.assign(new Error('b'), { name: 'B' });
            return 'ok';
          },
        },
      },
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(seen).toEqual([0, 1, 2]);
  });

  it('never retries or catches States.Runtime', async () => {
    const result = await runExecution(
      failing({
        Parameters: { 'value.$': '$.missing' },
        Retry: [{ ErrorEquals: ['States.ALL'] }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
      }),
      {},
      { mocks: { Work: { return: 1 } } },
    );
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toBe(
      "An error occurred while executing the state 'Work' (entered at the event id #2). The JSONPath '$.missing' specified for the field 'value.$' could not be found in the input '{}'",
    );
  });

  it('catches in JSONata with $states.errorOutput and assigns from it', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish',
          Catch: [
            {
              ErrorEquals: ['Nope'],
              Assign: { lastError: '{% $states.errorOutput.Error %}' },
              Output: { caught: '{% $states.errorOutput.Cause %}', input: '{% $states.input %}' },
              Next: 'Report',
            },
          ],
          End: true,
        },
        Report: {
          Type: 'Pass',
          Output: { error: '{% $lastError %}', was: '{% $states.input %}' },
          End: true,
        },
      },
    };
    const result = await runExecution(
      definition,
      { n: 1 },
      { mocks: { Work: { throw: { error: 'Nope', cause: 'why' } } } },
    );
    expect(result.output).toEqual({ error: 'Nope', was: { caught: 'why', input: { n: 1 } } });
  });
});
