// Activity Task states against real workers' calls: long polls, answers, heartbeats and the
// real-clock timeouts, all through the SDK.
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  GetExecutionHistoryCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { ROLE_ARN, rejectionOf, useEndpoint } from '../../test/sdk-harness.js';

const harness = useEndpoint({ pollTimeoutMs: 1500 });

let counter = 0;
/** A fresh activity and a one-Task machine running it, with the Task fields given. */
async function activityMachine(
  task: Record<string, unknown> = {},
  extraStates: Record<string, unknown> = {},
) {
  const id = ++counter;
  const { activityArn } = await harness.sfn.send(new CreateActivityCommand({ name: `work-${id}` }));
  const definition = JSON.stringify({
    StartAt: 'Work',
    States: { Work: { Type: 'Task', Resource: activityArn, End: true, ...task }, ...extraStates },
  });
  const { stateMachineArn } = await harness.sfn.send(
    new CreateStateMachineCommand({ name: `machine-${id}`, definition, roleArn: ROLE_ARN }),
  );
  const start = async (input: unknown = {}) => {
    const { executionArn } = await harness.sfn.send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }),
    );
    return executionArn!;
  };
  return { activityArn: activityArn!, stateMachineArn: stateMachineArn!, start };
}

async function settled(executionArn: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const described = await harness.sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (described.status !== 'RUNNING') return described;
    if (Date.now() > deadline) throw new Error(`${executionArn} still RUNNING after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function eventTypes(executionArn: string) {
  const { events } = await harness.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
  return events!;
}

describe('GetActivityTask and SendTaskSuccess', () => {
  it('hands the task input to a worker and finishes the execution with its output', async () => {
    const { activityArn, start } = await activityMachine();
    const executionArn = await start({ file: 'a.png' });
    const task = await harness.sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'w1' }));
    expect(JSON.parse(task.input!)).toEqual({ file: 'a.png' });
    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"size":3}' }));
    expect(await settled(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"size":3}' });
    const started = (await eventTypes(executionArn)).find((e) => e.type === 'ActivityStarted');
    expect(started?.activityStartedEventDetails?.workerName).toBe('w1');
  });

  it('answers a poller already waiting as soon as a task is scheduled', async () => {
    const { activityArn, start } = await activityMachine();
    const polling = harness.sfn.send(new GetActivityTaskCommand({ activityArn }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const executionArn = await start({ early: true });
    // A poll that only looked for tasks when it ended would end empty: getting the task proves it
    // was handed over while the poll waited, whatever the machine's load.
    const task = await polling;
    expect(task.taskToken).toEqual(expect.any(String));
    expect(JSON.parse(task.input!)).toEqual({ early: true });
    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{}' }));
    expect((await settled(executionArn)).status).toBe('SUCCEEDED');
  });

  it('answers an empty poll once the long poll ends with no task', async () => {
    const { activityArn } = await activityMachine();
    const began = Date.now();
    const task = await harness.sfn.send(new GetActivityTaskCommand({ activityArn }));
    expect(task.taskToken).toBeUndefined();
    expect(Date.now() - began).toBeGreaterThanOrEqual(1400);
  });

  it('never hands a task to a poller whose client aborted: the next poller gets it', async () => {
    const { activityArn, start } = await activityMachine();
    const aborter = new AbortController();
    const abandoned = harness.sfn
      .send(new GetActivityTaskCommand({ activityArn, workerName: 'quitter' }), {
        abortSignal: aborter.signal,
      })
      .then(
        () => 'answered',
        (error: Error) => error.name,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
    aborter.abort();
    expect(await abandoned).toBe('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const executionArn = await start({ keep: 'me' });
    const task = await harness.sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'stayer' }));
    expect(JSON.parse(task.input!)).toEqual({ keep: 'me' });
    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '"kept"' }));
    expect(await settled(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '"kept"' });
    const started = (await eventTypes(executionArn)).filter((e) => e.type === 'ActivityStarted');
    expect(started.map((e) => e.activityStartedEventDetails?.workerName)).toEqual(['stayer']);
  });

  it('refuses unknown activities, bad ARNs, bad outputs and bad tokens', async () => {
    const unknown = await rejectionOf(
      harness.sfn.send(
        new GetActivityTaskCommand({ activityArn: 'arn:aws:states:us-east-1:123456789012:activity:ghost' }),
      ),
    );
    expect(unknown.name).toBe('ActivityDoesNotExist');
    const invalid = await rejectionOf(harness.sfn.send(new GetActivityTaskCommand({ activityArn: 'ghost' })));
    expect(invalid.name).toBe('InvalidArn');

    const { activityArn, start } = await activityMachine();
    const executionArn = await start();
    const task = await harness.sfn.send(new GetActivityTaskCommand({ activityArn }));
    const badOutput = await rejectionOf(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: 'not json' })),
    );
    expect(badOutput.name).toBe('InvalidOutput');
    const malformed = await rejectionOf(
      harness.sfn.send(new SendTaskHeartbeatCommand({ taskToken: 'short' })),
    );
    expect(malformed.name).toBe('InvalidToken');
    const longCause = await rejectionOf(
      harness.sfn.send(new SendTaskFailureCommand({ taskToken: task.taskToken, cause: 'c'.repeat(32_769) })),
    );
    expect(longCause.name).toBe('ValidationException');
    expect(longCause.message).toContain("Value '***' at 'cause'");
    const unknownToken = await rejectionOf(
      harness.sfn.send(new SendTaskFailureCommand({ taskToken: 'A'.repeat(64), error: 'E' })),
    );
    expect(unknownToken.name).toBe('TaskDoesNotExist');

    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '1' }));
    const twice = await rejectionOf(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '2' })),
    );
    expect(twice.name).toBe('TaskDoesNotExist');
    expect(await settled(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '1' });
  });
});

describe('SendTaskFailure', () => {
  it("fails the Task with the worker's error and cause, which a Catch sees", async () => {
    const { activityArn, start } = await activityMachine(
      { Catch: [{ ErrorEquals: ['ImageTooLarge'], ResultPath: '$.caught', Next: 'Recovered' }] },
      { Recovered: { Type: 'Pass', End: true } },
    );
    const executionArn = await start({ file: 'huge.png' });
    const task = await harness.sfn.send(new GetActivityTaskCommand({ activityArn }));
    await harness.sfn.send(
      new SendTaskFailureCommand({
        taskToken: task.taskToken,
        error: 'ImageTooLarge',
        cause: '9000 px wide',
      }),
    );
    const described = await settled(executionArn);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({
      file: 'huge.png',
      caught: { Error: 'ImageTooLarge', Cause: '9000 px wide' },
    });
    const failed = (await eventTypes(executionArn)).find((e) => e.type === 'ActivityFailed');
    expect(failed?.activityFailedEventDetails).toEqual({ error: 'ImageTooLarge', cause: '9000 px wide' });
  });
});

describe('timeouts on the real clock', () => {
  it('fails the Task with States.HeartbeatTimeout when the worker goes silent; its token then answers TaskTimedOut', async () => {
    const { activityArn, start } = await activityMachine({ HeartbeatSeconds: 1, TimeoutSeconds: 10 });
    const executionArn = await start();
    const task = await harness.sfn.send(new GetActivityTaskCommand({ activityArn }));
    const described = await settled(executionArn, 4000);
    expect(described).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
    const late = await rejectionOf(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{}' })),
    );
    expect(late.name).toBe('TaskTimedOut');
    const lateBeat = await rejectionOf(
      harness.sfn.send(new SendTaskHeartbeatCommand({ taskToken: task.taskToken })),
    );
    expect(lateBeat.name).toBe('TaskTimedOut');
    expect((await eventTypes(executionArn)).map((e) => e.type)).toContain('ActivityTimedOut');
  });

  it('keeps a Task alive past HeartbeatSeconds while the worker sends heartbeats', async () => {
    const { activityArn, start } = await activityMachine({ HeartbeatSeconds: 1, TimeoutSeconds: 10 });
    const executionArn = await start();
    const task = await harness.sfn.send(new GetActivityTaskCommand({ activityArn }));
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await harness.sfn.send(new SendTaskHeartbeatCommand({ taskToken: task.taskToken }));
    }
    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '"alive"' }));
    expect(await settled(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '"alive"' });
  });

  it('fails a Task nobody picks up with States.Timeout after TimeoutSeconds', async () => {
    const { start } = await activityMachine({ TimeoutSeconds: 1 });
    const executionArn = await start();
    expect(await settled(executionArn, 4000)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });
});

describe('executions and their tasks', () => {
  it('answers TaskTimedOut to a worker whose execution was stopped', async () => {
    const { activityArn, start } = await activityMachine();
    const executionArn = await start();
    const task = await harness.sfn.send(new GetActivityTaskCommand({ activityArn }));
    await harness.sfn.send(new StopExecutionCommand({ executionArn }));
    expect((await settled(executionArn)).status).toBe('ABORTED');
    const late = await rejectionOf(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{}' })),
    );
    expect(late.name).toBe('TaskTimedOut');
  });

  it('fails the execution with States.Runtime when the activity is not registered', async () => {
    const definition = JSON.stringify({
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: 'arn:aws:states:us-east-1:123456789012:activity:never-created',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    });
    const { stateMachineArn } = await harness.sfn.send(
      new CreateStateMachineCommand({ name: 'unregistered', definition, roleArn: ROLE_ARN }),
    );
    const { executionArn } = await harness.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const described = await settled(executionArn!);
    expect(described.status).toBe('FAILED');
    expect(described.error).toBe('States.Runtime');
    expect(described.cause).toBe(
      "An error occurred while executing the state 'Work' (entered at the event id #2). " +
        'The activity arn:aws:states:us-east-1:123456789012:activity:never-created does not exist.',
    );
    const { events } = await harness.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events?.map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ExecutionFailed']);
  });
});
