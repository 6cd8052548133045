// Proves how a failure that ends a Map or Parallel is recorded as AWS records it: iterations and
// branches cut short get their aborted events (outer first), their tasks are stopped, no timer is
// left running, and a stopped execution records none of these.
import { activityArn } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.js';
import { runExecution, startExecution } from '../execution.js';
import { NOT_HANDLED, type TaskRequest } from '../types.js';

const typesAfter = (history: readonly { type: string }[], type: string) =>
  history.slice(history.findIndex((e) => e.type === type) + 1).map((e) => e.type);

describe('branches and iterations cut short by a failure', () => {
  it('records the iterations a failing Map iteration cuts and the states they were in', async () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Route',
            States: {
              Route: {
                Type: 'Choice',
                Choices: [{ Variable: '$.kind', StringEquals: 'fail', Next: 'Pause' }],
                Default: 'Long',
              },
              Long: { Type: 'Wait', Seconds: 15, End: true },
              Pause: { Type: 'Wait', Seconds: 1, Next: 'Boom' },
              Boom: { Type: 'Fail', Error: 'Boom', Cause: 'sibling failed' },
            },
          },
          End: true,
        },
      },
    };
    const clock = new VirtualClock(0);
    const result = await runExecution(definition, { items: [{ kind: 'long' }, { kind: 'fail' }] }, { clock });
    expect(result).toMatchObject({ status: 'FAILED', error: 'Boom', cause: 'sibling failed' });
    const history = result.history;
    expect(typesAfter(history, 'FailStateEntered')).toEqual([
      'MapIterationAborted',
      'WaitStateAborted',
      'MapIterationFailed',
      'MapStateFailed',
      'ExecutionFailed',
    ]);
    const failure = history.find((e) => e.type === 'FailStateEntered')!;
    const after = history.slice(failure.id, failure.id + 4);
    expect(after.map((e) => e.previousEventId)).toEqual([failure.id, failure.id, failure.id, failure.id]);
    expect(after[0]!.mapIterationAbortedEventDetails).toEqual({ name: 'M', index: 0 });
    expect(after[2]!.mapIterationFailedEventDetails).toEqual({ name: 'M', index: 1 });
    // The cut iteration's 15-second wait ends with the failure: nothing is left on the clock.
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(1_000);
    expect(clock.pendingTimers).toBe(0);
  });

  it('leaves no timer running on the real clock once a failing iteration ends the Map', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Route',
            States: {
              Route: {
                Type: 'Choice',
                Choices: [{ Variable: '$', StringEquals: 'fail', Next: 'Boom' }],
                Default: 'Long',
              },
              Long: { Type: 'Wait', Seconds: 600, End: true },
              Boom: { Type: 'Fail', Error: 'Boom' },
            },
          },
          End: true,
        },
      },
    };
    // The waits are ten minutes long on the real clock: ending within the test's timeout proves
    // the failing iteration cut them short.
    const result = await runExecution(definition, ['wait', 'wait', 'fail'], { clock: 'real' });
    expect(result.error).toBe('Boom');
    expect(timers()).toBe(before);
  });

  it('aborts the states of sibling branches and the failing Task, and stops their tasks', async () => {
    const signals: AbortSignal[] = [];
    const clock = new VirtualClock(0);
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Sleep', States: { Sleep: { Type: 'Wait', Seconds: 100, End: true } } },
            { StartAt: 'Hang', States: { Hang: { Type: 'Task', Resource: activityArn('hang'), End: true } } },
            {
              StartAt: 'Broken',
              States: { Broken: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true } },
            },
          ],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handled' }],
          End: true,
        },
        Handled: { Type: 'Pass', End: true },
      },
    };
    const result = await runExecution(
      definition,
      {},
      {
        clock,
        mocks: { Broken: { throw: { error: 'Queue.Missing', cause: 'no queue' } } },
        taskResolver: (request: TaskRequest) => {
          if (request.stateName !== 'Hang') return NOT_HANDLED;
          signals.push(request.signal);
          request.started();
          return new Promise(() => {});
        },
      },
    );
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { Error: 'Queue.Missing', Cause: 'no queue' },
    });
    const history = result.history;
    expect(typesAfter(history, 'TaskFailed')).toEqual([
      'WaitStateAborted',
      'TaskStateAborted',
      'TaskStateAborted',
      'ParallelStateFailed',
      'ParallelStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    const failed = history.find((e) => e.type === 'TaskFailed')!;
    expect(history.slice(failed.id, failed.id + 4).map((e) => e.previousEventId)).toEqual([
      failed.id,
      failed.id,
      failed.id,
      failed.id,
    ]);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
    // The 100-second wait ends with the failure (the hanging task holds virtual time meanwhile).
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('aborts nested states outer first: the iteration, its Parallel, then the branch states', async () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Route',
            States: {
              Route: {
                Type: 'Choice',
                Choices: [{ Variable: '$', StringEquals: 'fail', Next: 'Boom' }],
                Default: 'Fan',
              },
              Fan: {
                Type: 'Parallel',
                Branches: [
                  { StartAt: 'W1', States: { W1: { Type: 'Wait', Seconds: 10, End: true } } },
                  { StartAt: 'W2', States: { W2: { Type: 'Wait', Seconds: 20, End: true } } },
                ],
                End: true,
              },
              Boom: { Type: 'Fail', Error: 'Boom' },
            },
          },
          End: true,
        },
      },
    };
    const result = await runExecution(definition, ['wait', 'fail']);
    expect(result.error).toBe('Boom');
    expect(typesAfter(result.history, 'FailStateEntered')).toEqual([
      'MapIterationAborted',
      'ParallelStateAborted',
      'WaitStateAborted',
      'WaitStateAborted',
      'MapIterationFailed',
      'MapStateFailed',
      'ExecutionFailed',
    ]);
  });

  it('records no aborted events when the execution itself is stopped, as AWS does', async () => {
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } }],
          End: true,
        },
      },
    };
    const handle = startExecution(definition, {}, { clock: 'virtual' });
    handle.stop({ error: 'Stopped' });
    const result = await handle.result;
    expect(result.status).toBe('ABORTED');
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'ParallelStateEntered',
      'ParallelStateStarted',
      'WaitStateEntered',
      'ExecutionAborted',
    ]);
  });
});
