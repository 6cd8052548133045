// Proves each way a Task runs: in-process activities (with AWS's activity events and input
// validation), Lambda-style handlers, per-state mocks (sequences, functions, delays), the task
// resolver tried first, and TimeoutSeconds and HeartbeatSeconds enforced on the real clock.
import { activity, activityArn, type JsonValue } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RealClock } from '../clock.js';
import { TaskFailedError, TaskNotScheduledError } from '../errors.js';
import { runExecution } from '../execution.js';
import { NOT_HANDLED, type TaskRequest } from '../types.js';

const add = activity(
  'add',
  { input: z.object({ a: z.number(), b: z.number() }), output: z.object({ sum: z.number() }) },
  ({ a, b }) => ({ sum: a + b }),
);

function taskMachine(resource: string, extra: Record<string, unknown> = {}) {
  return { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: resource, End: true, ...extra } } };
}

describe('in-process activities', () => {
  it('runs the handler and records the activity events AWS records', async () => {
    const result = await runExecution(taskMachine(activityArn('add')), { a: 2, b: 3 }, { activities: [add] });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ sum: 5 });
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(result.history[2]!.activityScheduledEventDetails).toMatchObject({
      resource: activityArn('add'),
      input: '{"a":2,"b":3}',
    });
  });

  it('turns invalid input into a failure named after the error, with its message as cause', async () => {
    const result = await runExecution(
      taskMachine(activityArn('add')),
      { a: 'two', b: 3 },
      { activities: [add] },
    );
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('ActivityInputError');
    expect(result.cause).toMatch(/input of activity 'add' is invalid: at \$\.a/);
    expect(result.history.map((e) => e.type)).toContain('ActivityFailed');
  });

  it('lets Retry and Catch see a handler error by name', async () => {
    let calls = 0;
    const flaky = activity('flaky', { input: z.object({}) }, () => {
      calls++;
      if (calls < 3) throw new RangeError('not yet');
      return { ok: calls };
    });
    const definition = taskMachine(activityArn('flaky'), {
      Retry: [{ ErrorEquals: ['RangeError'], IntervalSeconds: 2, MaxAttempts: 5 }],
    });
    const result = await runExecution(definition, {}, { activities: [flaky] });
    expect(result.output).toEqual({ ok: 3 });
    const scheduled = result.history
      .filter((e) => e.type === 'ActivityScheduled')
      .map((e) => e.timestamp.getTime());
    expect(scheduled[1]! - scheduled[0]!).toBe(2_000);
    expect(scheduled[2]! - scheduled[1]!).toBe(4_000);
  });
});

describe('Lambda-style handlers', () => {
  it('runs a function by ARN and through the lambda:invoke integration', async () => {
    const lambdas = { double: (input: JsonValue) => ({ twice: (input as { n: number }).n * 2 }) };
    const direct = await runExecution(
      taskMachine('arn:aws:lambda:us-east-1:123456789012:function:double'),
      { n: 4 },
      { lambdas },
    );
    expect(direct.output).toEqual({ twice: 8 });
    expect(direct.history.map((e) => e.type)).toContain('LambdaFunctionSucceeded');
    const integration = await runExecution(
      taskMachine('arn:aws:states:::lambda:invoke', {
        Parameters: { FunctionName: 'double', 'Payload.$': '$' },
      }),
      { n: 5 },
      { lambdas },
    );
    expect(integration.output).toMatchObject({ Payload: { twice: 10 }, StatusCode: 200 });
    expect(
      integration.history.find((e) => e.type === 'TaskScheduled')!.taskScheduledEventDetails,
    ).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
      parameters: '{"FunctionName":"double","Payload":{"n":5}}',
    });
  });

  it('hands the handler a copy, so it cannot change the recorded input', async () => {
    const result = await runExecution(
      taskMachine('arn:aws:lambda:us-east-1:123456789012:function:mutate', { ResultPath: '$.r' }),
      { list: [1] },
      {
        lambdas: {
          mutate: (input: JsonValue) => {
            (input as { list: number[] }).list.push(2);
            return 'done';
          },
        },
      },
    );
    expect(result.output).toEqual({ list: [1], r: 'done' });
  });
});

describe('mocks', () => {
  it('answers per invocation, the last answer repeating', async () => {
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:getItem',
          Retry: [{ ErrorEquals: ['Throttled'], MaxAttempts: 3 }],
          End: true,
        },
      },
    };
    const result = await runExecution(
      definition,
      {},
      {
        mocks: {
          Call: [
            { throw: { error: 'Throttled', cause: 'slow down' } },
            { throw: { error: 'Throttled' } },
            { return: { Item: 1 } },
          ],
        },
      },
    );
    expect(result.output).toEqual({ Item: 1 });
    expect(result.history.filter((e) => e.type === 'TaskFailed')).toHaveLength(2);
  });

  it('takes a function, and a delay on the virtual clock', async () => {
    const seen: number[] = [];
    const result = await runExecution(
      taskMachine('arn:aws:states:::sqs:sendMessage', { TimeoutSeconds: 5 }),
      { q: 1 },
      {
        mocks: {
          Work: (request) => {
            seen.push(request.invocation);
            return { echoed: request.input };
          },
        },
      },
    );
    expect(result.output).toEqual({ echoed: { q: 1 } });
    expect(seen).toEqual([0]);
    const slow = await runExecution(
      taskMachine('arn:aws:states:::sqs:sendMessage', { TimeoutSeconds: 5 }),
      {},
      {
        mocks: { Work: { return: 'late', delaySeconds: 10 } },
      },
    );
    expect(slow).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(slow.history.map((e) => e.type)).toContain('TaskTimedOut');
  });

  it('fails clearly when nothing can run a Task, and a catcher cannot hide it', async () => {
    const result = await runExecution(
      taskMachine(activityArn('missing'), {
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handled' }],
        End: undefined,
        Next: undefined,
      }),
      {},
    ).catch((e: unknown) => e);
    expect(result).toBeInstanceOf(Error);
    const definition = {
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: activityArn('missing'),
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handled' }],
          End: true,
        },
        Handled: { Type: 'Succeed' },
      },
    };
    const run = await runExecution(definition, {});
    expect(run.status).toBe('FAILED');
    expect(run.error).toBe('States.Runtime');
    expect(run.cause).toMatch(/Nothing can run the Task state 'Work'.*options\.activities/);
    expect(run.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ExecutionFailed',
    ]);
  });
});

describe('taskResolver', () => {
  it('is tried first and can leave a Task to the other means', async () => {
    const requests: TaskRequest[] = [];
    const result = await runExecution(
      taskMachine(activityArn('add')),
      { a: 1, b: 1 },
      {
        activities: [add],
        taskResolver: (request) => {
          requests.push(request);
          return NOT_HANDLED;
        },
      },
    );
    expect(result.output).toEqual({ sum: 2 });
    expect(requests[0]).toMatchObject({
      resource: activityArn('add'),
      stateName: 'Work',
      input: { a: 1, b: 1 },
    });
    expect(requests[0]!.taskToken).toMatch(/^[A-Za-z0-9_-]{64}$/);
  });

  it('enforces HeartbeatSeconds and TimeoutSeconds on the real clock', async () => {
    const definition = taskMachine(activityArn('remote'), { TimeoutSeconds: 5, HeartbeatSeconds: 1 });
    let aborted = false;
    // The real clock, recording what it is asked to wait for.
    const sleeps: number[] = [];
    const real = new RealClock();
    const clock = {
      now: () => real.now(),
      sleep: (ms: number, signal?: AbortSignal) => {
        sleeps.push(ms);
        return real.sleep(ms, signal);
      },
    };
    const started = Date.now();
    const result = await runExecution(
      definition,
      {},
      {
        clock,
        taskResolver: (request) => {
          request.signal.addEventListener('abort', () => {
            aborted = true;
          });
          request.started({ workerName: 'w1' });
          return new Promise(() => {});
        },
      },
    );
    // Both timers ran on the clock, and the heartbeat's (1 s) ended the attempt before the 5 s
    // timeout; a timer never fires early, so at least the heartbeat's second really passed.
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
    expect(sleeps).toEqual(expect.arrayContaining([5_000, 1_000]));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(aborted).toBe(true);
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivityTimedOut',
      'ExecutionFailed',
    ]);
    expect(result.history[3]!.activityStartedEventDetails).toEqual({ workerName: 'w1' });
  });

  it('keeps a task alive while it heartbeats, and passes a TaskFailedError through', async () => {
    const definition = taskMachine(activityArn('remote'), { TimeoutSeconds: 5, HeartbeatSeconds: 1 });
    const result = await runExecution(
      definition,
      {},
      {
        taskResolver: async (request) => {
          request.started();
          for (let i = 0; i < 3; i++) request.heartbeat();
          throw new TaskFailedError('Remote.Broken', 'worker said no');
        },
      },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'Remote.Broken', cause: 'worker said no' });
    expect(result.history.find((e) => e.type === 'ActivityFailed')!.activityFailedEventDetails).toEqual({
      error: 'Remote.Broken',
      cause: 'worker said no',
    });
  });

  it('can refuse a task before it is scheduled: no task events, a States.Runtime failure no Catch takes', async () => {
    const definition = {
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: activityArn('unknown'),
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    };
    const result = await runExecution(
      definition,
      {},
      {
        taskResolver: (request) => {
          throw new TaskNotScheduledError(`The activity ${request.resource} does not exist.`);
        },
      },
    );
    expect(result.history.map((e) => [e.type, e.previousEventId])).toEqual([
      ['ExecutionStarted', 0],
      ['TaskStateEntered', 0],
      ['ExecutionFailed', 2],
    ]);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: `An error occurred while executing the state 'Work' (entered at the event id #2). The activity ${activityArn('unknown')} does not exist.`,
    });
  });
});
