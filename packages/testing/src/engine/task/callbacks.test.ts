// The callback pattern in the engine: what `.waitForTaskToken` Tasks record, how `auto` and
// `manual` callbacks end them, and that a run nobody answers ends instead of hanging.

import type { JsonValue } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { StatesErrors } from '../errors.js';
import { runExecution, startExecution } from '../execution.js';
import type { ExecutionHandle, HistoryEvent } from '../types.js';
import { TaskTokenError } from './task-tokens.js';

const LAMBDA_CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';

function callbackMachine(task: Record<string, unknown> = {}) {
  return {
    StartAt: 'Review',
    States: {
      Review: {
        Type: 'Task',
        Resource: LAMBDA_CALLBACK,
        Parameters: { FunctionName: 'ask', Payload: { 'draft.$': '$.draft', 'token.$': '$$.Task.Token' } },
        ...task,
        End: true,
      },
    },
  };
}

function taskEvents(history: readonly HistoryEvent[]): string[] {
  return history.map((event) => event.type).filter((type) => /^Task(?!State)/.test(type));
}

/** A handler that records the tokens it is given and returns `returns`. */
function recordingHandler(returns: JsonValue = { queued: true }) {
  const tokens: string[] = [];
  const handler = (payload: JsonValue) => {
    tokens.push((payload as { token: string }).token);
    return returns;
  };
  return { tokens, handler };
}

/** Answers each Task as soon as it is submitted, from the history listener. */
function answerOnSubmit(run: ExecutionHandle, answer: (token: string) => void): void {
  run.onEvent((event) => {
    if (event.type !== 'TaskSubmitted') return;
    for (const pending of run.pendingTaskTokens()) answer(pending.taskToken);
  });
}

describe('.waitForTaskToken with callbacks: auto (the default)', () => {
  it('records Scheduled, Started, Submitted (the Lambda response) and Succeeded with the handler return', async () => {
    const { tokens, handler } = recordingHandler({ approved: true });
    const result = await runExecution(callbackMachine(), { draft: 'd' }, { lambdas: { ask: handler } });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ approved: true });
    expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(taskEvents(result.history)).toEqual([
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
    ]);
    const submitted = result.history.find((event) => event.type === 'TaskSubmitted')!;
    expect(submitted.taskSubmittedEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke.waitForTaskToken',
    });
    expect(JSON.parse(submitted.taskSubmittedEventDetails!.output!)).toMatchObject({
      StatusCode: 200,
      Payload: { approved: true },
    });
  });
});

describe('.waitForTaskToken with callbacks: manual', () => {
  it('waits for sendTaskSuccess with the token the handler was given, and succeeds with its output', async () => {
    const { tokens, handler } = recordingHandler();
    const run = startExecution(
      callbackMachine(),
      { draft: 'd' },
      { clock: 'virtual', callbacks: 'manual', lambdas: { ask: handler } },
    );
    const seen: string[] = [];
    answerOnSubmit(run, (token) => {
      seen.push(token);
      run.sendTaskSuccess(token, { approved: 'yes' });
    });
    const result = await run.result;
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ approved: 'yes' });
    expect(seen).toEqual(tokens);
    expect(taskEvents(result.history)).toEqual([
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
    ]);
    expect(run.pendingTaskTokens()).toEqual([]);
    expect(() => run.sendTaskSuccess(tokens[0]!, {})).toThrow(TaskTokenError);
  });

  it('accepts answers the handler sends before it returns (its token is registered first)', async () => {
    let run: ExecutionHandle | undefined;
    const handler = (payload: JsonValue) => {
      const { token } = payload as { token: string };
      run!.sendTaskHeartbeat(token);
      run!.sendTaskSuccess(token, { answered: 'inside' });
      return { queued: true };
    };
    run = startExecution(
      callbackMachine({ TimeoutSeconds: 60 }),
      { draft: 'd' },
      { clock: 'virtual', callbacks: 'manual', lambdas: { ask: handler } },
    );
    const result = await run.result;
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ answered: 'inside' });
    expect(result.stopDate.getTime()).toBe(result.startDate.getTime());
    expect(taskEvents(result.history)).toEqual([
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
    ]);
  });

  it('lists the waiting Task with its state, execution and resource', async () => {
    const run = startExecution(
      callbackMachine(),
      { draft: 'd' },
      { clock: 'real', callbacks: 'manual', lambdas: { ask: recordingHandler().handler } },
    );
    const submitted = new Promise<void>((resolve) =>
      run.onEvent((event) => event.type === 'TaskSubmitted' && resolve()),
    );
    await submitted;
    const [pending] = run.pendingTaskTokens();
    expect(pending).toMatchObject({
      stateName: 'Review',
      executionArn: run.executionArn,
      resource: LAMBDA_CALLBACK,
    });
    run.sendTaskHeartbeat(pending!.taskToken);
    expect(run.status()).toBe('RUNNING');
    run.sendTaskSuccess(pending!.taskToken, 7);
    expect((await run.result).output).toBe(7);
  });

  it('sendTaskFailure fails the Task with that error and cause, which Catch sees', async () => {
    const definition = callbackMachine({
      Catch: [{ ErrorEquals: ['Rejected'], ResultPath: '$.failure', Next: 'Caught' }],
    });
    const { End: _end, ...review } = definition.States.Review;
    const caught = {
      ...definition,
      States: { Review: { ...review, Next: 'Caught' }, Caught: { Type: 'Pass', End: true } },
    };
    const run = startExecution(
      caught,
      { draft: 'd' },
      { callbacks: 'manual', lambdas: { ask: recordingHandler().handler } },
    );
    answerOnSubmit(run, (token) => run.sendTaskFailure(token, 'Rejected', 'too long'));
    const result = await run.result;
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ draft: 'd', failure: { Error: 'Rejected', Cause: 'too long' } });
    const failed = result.history.find((event) => event.type === 'TaskFailed');
    expect(failed?.taskFailedEventDetails).toMatchObject({ error: 'Rejected', cause: 'too long' });
  });

  it('times out at AWS default TimeoutSeconds on a virtual clock when nobody answers, and refuses a late answer', async () => {
    const { tokens, handler } = recordingHandler();
    const run = startExecution(
      callbackMachine(),
      { draft: 'd' },
      { clock: 'virtual', callbacks: 'manual', lambdas: { ask: handler } },
    );
    const result = await run.result;
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe(StatesErrors.Timeout);
    expect(taskEvents(result.history)).toEqual([
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskTimedOut',
    ]);
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(99_999_999_000);
    const late = (() => {
      try {
        run.sendTaskSuccess(tokens[0]!, {});
      } catch (error) {
        return error;
      }
    })();
    expect(late).toBeInstanceOf(TaskTokenError);
    expect((late as TaskTokenError).code).toBe('TaskTimedOut');
  });

  it('times out after TimeoutSeconds, and after HeartbeatSeconds without a heartbeat', async () => {
    const lambdas = { ask: recordingHandler().handler };
    const timedOut = await runExecution(
      callbackMachine({ TimeoutSeconds: 30 }),
      { draft: 'd' },
      { callbacks: 'manual', lambdas },
    );
    expect(timedOut.error).toBe(StatesErrors.Timeout);
    expect(timedOut.stopDate.getTime() - timedOut.startDate.getTime()).toBe(30_000);
    const silent = await runExecution(
      callbackMachine({ TimeoutSeconds: 30, HeartbeatSeconds: 5 }),
      { draft: 'd' },
      { callbacks: 'manual', lambdas },
    );
    expect(silent.error).toBe(StatesErrors.HeartbeatTimeout);
    expect(
      silent.history.find((event) => event.type === 'TaskTimedOut')?.taskTimedOutEventDetails?.error,
    ).toBe(StatesErrors.HeartbeatTimeout);
  });

  it('refuses an unknown token with TaskDoesNotExist', () => {
    const run = startExecution(
      callbackMachine(),
      { draft: 'd' },
      { callbacks: 'manual', lambdas: { ask: recordingHandler().handler } },
    );
    expect(() => run.sendTaskHeartbeat('x'.repeat(64))).toThrow(
      expect.objectContaining({ name: 'TaskTokenError', code: 'TaskDoesNotExist' }),
    );
    run.stop();
  });

  it('refuses an output over 256 KiB and an over-long error or cause with ValidationException, leaving the Task waiting', async () => {
    const { tokens, handler } = recordingHandler();
    const run = startExecution(
      callbackMachine(),
      { draft: 'd' },
      { clock: 'real', callbacks: 'manual', lambdas: { ask: handler } },
    );
    await new Promise<void>((resolve) => run.onEvent((event) => event.type === 'TaskSubmitted' && resolve()));
    const token = tokens[0]!;
    // '"' + text + '"' is 256 KiB + 1 byte; one character less fits exactly.
    const tooLarge = 'x'.repeat(256 * 1024 - 1);
    expect(() => run.sendTaskSuccess(token, tooLarge)).toThrow(
      expect.objectContaining({
        name: 'TaskTokenError',
        code: 'ValidationException',
        message: expect.stringContaining(
          "1 validation error detected: Value '***' at 'output' failed to satisfy constraint: Member must have length less than or equal to 262144",
        ),
      }),
    );
    expect(() => run.sendTaskFailure(token, 'E'.repeat(257), 'c'.repeat(32_769))).toThrow(
      expect.objectContaining({
        code: 'ValidationException',
        message: expect.stringMatching(/^2 validation errors detected: .*'error'.* 256; .*'cause'.* 32768$/),
      }),
    );
    expect(() => run.sendTaskFailure(token, 'E'.repeat(256), 'c'.repeat(32_769))).toThrow(
      expect.objectContaining({ code: 'ValidationException', message: expect.stringContaining("'cause'") }),
    );
    expect(run.pendingTaskTokens().map((pending) => pending.taskToken)).toEqual([token]);
    const fits = 'x'.repeat(256 * 1024 - 2);
    run.sendTaskSuccess(token, fits);
    const result = await run.result;
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toBe(fits);
  });

  it('takes an error of 256 and a cause of 32,768 characters', async () => {
    const run = startExecution(
      callbackMachine(),
      { draft: 'd' },
      { callbacks: 'manual', lambdas: { ask: recordingHandler().handler } },
    );
    answerOnSubmit(run, (token) => run.sendTaskFailure(token, 'E'.repeat(256), 'c'.repeat(32_768)));
    const result = await run.result;
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('E'.repeat(256));
    expect(result.cause).toBe('c'.repeat(32_768));
  });

  it('submits a Task nothing runs (no output) and waits for its token', async () => {
    const definition = {
      StartAt: 'Notify',
      States: {
        Notify: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: { QueueUrl: 'https://sqs', MessageBody: { 'token.$': '$$.Task.Token' } },
          End: true,
        },
      },
    };
    const run = startExecution(definition, {}, { callbacks: 'manual' });
    answerOnSubmit(run, (token) => run.sendTaskSuccess(token, { done: 1 }));
    const result = await run.result;
    expect(result.output).toEqual({ done: 1 });
    const submitted = result.history.find((event) => event.type === 'TaskSubmitted');
    expect(submitted?.taskSubmittedEventDetails).toEqual({
      resourceType: 'sqs',
      resource: 'sendMessage.waitForTaskToken',
    });
  });

  it('leaves no answer rejecting unhandled when recording TaskSubmitted exceeds the history limit', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const definition = {
        StartAt: 'Notify',
        States: {
          Notify: {
            Type: 'Task',
            Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
            Parameters: { QueueUrl: 'https://sqs', MessageBody: { 'token.$': '$$.Task.Token' } },
            End: true,
          },
        },
      };
      // ExecutionStarted, TaskStateEntered, TaskScheduled, TaskStarted: TaskSubmitted is one too many.
      const run = startExecution(definition, {}, { callbacks: 'manual', maxHistoryEvents: 4 });
      const result = await run.result;
      expect(result.status).toBe('FAILED');
      expect(run.pendingTaskTokens()).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('runs an Event invocation detached (its failure lost) and a DryRun not at all, then waits for the token', async () => {
    const calls: string[] = [];
    const lambdas = {
      ask: (payload: JsonValue) => {
        calls.push((payload as { token: string }).token);
        throw new Error('never reaches the Task');
      },
    };
    for (const [invocationType, statusCode, runs] of [
      ['Event', 202, 1],
      ['DryRun', 204, 0],
    ] as const) {
      calls.length = 0;
      const definition = callbackMachine();
      const review = definition.States.Review;
      const machine = {
        ...definition,
        States: {
          Review: { ...review, Parameters: { ...review.Parameters, InvocationType: invocationType } },
        },
      };
      const run = startExecution(machine, { draft: 'd' }, { callbacks: 'manual', lambdas });
      answerOnSubmit(run, (token) => run.sendTaskSuccess(token, { type: invocationType }));
      const result = await run.result;
      expect(result.status, invocationType).toBe('SUCCEEDED');
      expect(result.output).toEqual({ type: invocationType });
      expect(calls).toHaveLength(runs);
      const submitted = result.history.find((event) => event.type === 'TaskSubmitted')!;
      expect(JSON.parse(submitted.taskSubmittedEventDetails!.output!)).toMatchObject({
        StatusCode: statusCode,
        Payload: '',
      });
    }
  });

  it('lets a mock answer the Task itself', async () => {
    const result = await runExecution(
      callbackMachine(),
      { draft: 'd' },
      { callbacks: 'manual', mocks: { Review: { return: 'mocked' } } },
    );
    expect(result.output).toBe('mocked');
  });

  it('refuses an unknown callbacks mode', () => {
    expect(() => startExecution(callbackMachine(), {}, { callbacks: 'later' as 'auto' })).toThrow(
      /callbacks must be 'auto' or 'manual'/,
    );
  });
});
