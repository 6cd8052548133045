// The callback pattern through the SDK: a `lambda:invoke.waitForTaskToken` Task whose handler
// records its token waits until SendTaskSuccess / SendTaskFailure answers it; a late answer gets
// TaskTimedOut and an unknown token TaskDoesNotExist, as on AWS.
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { JsonValue } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { ROLE_ARN, recordingLogger, rejectionOf, startHarness, useEndpoint } from '../../test/sdk-harness.js';
import { startLocalEndpoint } from './server.js';

/** Tokens the `ask` handler was given, in order; each test waits for the next one. */
const tokens: string[] = [];
const tokenWaiters: Array<(token: string) => void> = [];
function nextToken(): Promise<string> {
  const ready = tokens.shift();
  if (ready !== undefined) return Promise.resolve(ready);
  return new Promise((resolve) => tokenWaiters.push(resolve));
}

const harness = useEndpoint({
  lambdas: {
    ask: (payload: JsonValue) => {
      const token = (payload as { token: string }).token;
      const waiter = tokenWaiters.shift();
      if (waiter) waiter(token);
      else tokens.push(token);
      return { queued: true };
    },
    // Answers its own token through the SDK before it returns.
    answerInside: async (payload: JsonValue) => {
      const { token: taskToken } = payload as { token: string };
      await harness.sfn.send(new SendTaskHeartbeatCommand({ taskToken }));
      await harness.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"answered":"inside"}' }));
      return { queued: true };
    },
  },
});

let counter = 0;
async function startCallback(
  task: Record<string, unknown> = {},
  input: JsonValue = { draft: 'd' },
  functionName = 'ask',
) {
  const definition = JSON.stringify({
    StartAt: 'Review',
    States: {
      Review: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: {
          FunctionName: functionName,
          Payload: { 'draft.$': '$.draft', 'token.$': '$$.Task.Token' },
        },
        End: true,
        ...task,
      },
    },
  });
  const { stateMachineArn } = await harness.sfn.send(
    new CreateStateMachineCommand({ name: `callback-${++counter}`, definition, roleArn: ROLE_ARN }),
  );
  const { executionArn } = await harness.sfn.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }),
  );
  return executionArn!;
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

async function taskEventTypes(executionArn: string) {
  const { events } = await harness.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
  return events!.map((event) => event.type!).filter((type) => /^Task(?!State)/.test(type));
}

describe('.waitForTaskToken through the local endpoint', () => {
  it('waits for SendTaskSuccess with the token the handler got, and succeeds with its output', async () => {
    const executionArn = await startCallback();
    const taskToken = await nextToken();
    await harness.sfn.send(new SendTaskHeartbeatCommand({ taskToken }));
    expect((await harness.sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    await harness.sfn.send(
      new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ approved: true }) }),
    );
    const described = await settled(executionArn);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({ approved: true });
    expect(await taskEventTypes(executionArn)).toEqual([
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
    ]);
    const { events } = await harness.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const submitted = events!.find((event) => event.type === 'TaskSubmitted')!.taskSubmittedEventDetails!;
    expect(submitted).toMatchObject({ resourceType: 'lambda', resource: 'invoke.waitForTaskToken' });
    expect(JSON.parse(submitted.output!)).toMatchObject({ StatusCode: 200, Payload: { queued: true } });
    const again = await rejectionOf(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' })),
    );
    expect(again.name).toBe('TaskDoesNotExist');
  });

  it('accepts SendTaskHeartbeat and SendTaskSuccess the handler sends before it returns', async () => {
    const executionArn = await startCallback({ TimeoutSeconds: 30 }, { draft: 'd' }, 'answerInside');
    const described = await settled(executionArn);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({ answered: 'inside' });
  });

  it('fails the execution with the error and cause of SendTaskFailure', async () => {
    const executionArn = await startCallback();
    const taskToken = await nextToken();
    await harness.sfn.send(new SendTaskFailureCommand({ taskToken, error: 'Rejected', cause: 'too long' }));
    const described = await settled(executionArn);
    expect(described.status).toBe('FAILED');
    expect(described.error).toBe('Rejected');
    expect(described.cause).toBe('too long');
  });

  it('answers a late SendTaskSuccess with TaskTimedOut once the Task timed out', async () => {
    const executionArn = await startCallback({ TimeoutSeconds: 1 });
    const taskToken = await nextToken();
    const described = await settled(executionArn);
    expect(described.status).toBe('FAILED');
    expect(described.error).toBe('States.Timeout');
    expect(await taskEventTypes(executionArn)).toContain('TaskTimedOut');
    const late = await rejectionOf(harness.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' })));
    expect(late.name).toBe('TaskTimedOut');
    expect(late.$metadata?.httpStatusCode).toBe(400);
  });

  it('routes every answer to an ended callback token through the registry', async () => {
    const answered = await startCallback();
    const answeredToken = await nextToken();
    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: answeredToken, output: '1' }));
    expect((await settled(answered)).status).toBe('SUCCEEDED');
    const timedOut = await startCallback({ TimeoutSeconds: 1 });
    const timedOutToken = await nextToken();
    expect((await settled(timedOut)).error).toBe('States.Timeout');
    for (const [taskToken, code] of [
      [answeredToken, 'TaskDoesNotExist'],
      [timedOutToken, 'TaskTimedOut'],
    ] as const) {
      const failure = await rejectionOf(
        harness.sfn.send(new SendTaskFailureCommand({ taskToken, error: 'Late', cause: 'too late' })),
      );
      expect(failure.name, `SendTaskFailure after ${code}`).toBe(code);
      const heartbeat = await rejectionOf(harness.sfn.send(new SendTaskHeartbeatCommand({ taskToken })));
      expect(heartbeat.name, `SendTaskHeartbeat after ${code}`).toBe(code);
      expect(heartbeat.$metadata?.httpStatusCode).toBe(400);
    }
    expect(harness.logger.errors).toEqual([]);
  });

  it('answers an unknown token with TaskDoesNotExist', async () => {
    const unknown = await rejectionOf(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: 'A'.repeat(64), output: '{}' })),
    );
    expect(unknown.name).toBe('TaskDoesNotExist');
    const heartbeat = await rejectionOf(
      harness.sfn.send(new SendTaskHeartbeatCommand({ taskToken: 'B'.repeat(64) })),
    );
    expect(heartbeat.name).toBe('TaskDoesNotExist');
  });
});

describe('the callbacks option of startLocalEndpoint', () => {
  it("with 'auto', ends the Task with the handler's return, no SendTaskSuccess needed", async () => {
    const auto = await startHarness({ callbacks: 'auto', lambdas: { ask: () => ({ approved: 'auto' }) } });
    try {
      const definition = JSON.stringify({
        StartAt: 'Review',
        States: {
          Review: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
            Parameters: { FunctionName: 'ask', Payload: { 'token.$': '$$.Task.Token' } },
            TimeoutSeconds: 30,
            End: true,
          },
        },
      });
      const { stateMachineArn } = await auto.sfn.send(
        new CreateStateMachineCommand({ name: 'auto-callback', definition, roleArn: ROLE_ARN }),
      );
      const { executionArn } = await auto.sfn.send(new StartExecutionCommand({ stateMachineArn }));
      let described = await auto.sfn.send(new DescribeExecutionCommand({ executionArn }));
      for (let tries = 0; described.status === 'RUNNING' && tries < 250; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        described = await auto.sfn.send(new DescribeExecutionCommand({ executionArn }));
      }
      expect(described.status).toBe('SUCCEEDED');
      expect(JSON.parse(described.output!)).toEqual({ approved: 'auto' });
    } finally {
      await auto.close();
    }
  });

  it('refuses an unknown mode at start with a TypeError, before any StartExecution', async () => {
    const started = startLocalEndpoint({ callbacks: 'later' as 'auto', logger: recordingLogger() });
    const refusal = await started.then(
      async (endpoint) => {
        await endpoint.close();
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(TypeError);
    expect(String(refusal)).toMatch(/callbacks must be 'auto' or 'manual', not "later"/);
  });
});
