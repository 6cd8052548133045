// The callback pattern across a parent and its children: `startExecution.waitForTaskToken` starts
// the child and waits for the token the child gets in its input; a child's own callback Tasks wait
// in the registry the parent's handle answers and lists.
import type { JsonValue } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { runExecution, startExecution } from '../execution.js';
import type { ExecutionHandle, HistoryEvent, RunOptions } from '../types.js';

/** A parent whose only Task starts `worker` and waits for the token passed in its input. */
const parent = {
  StartAt: 'Delegate',
  States: {
    Delegate: {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.waitForTaskToken',
      Parameters: {
        StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:worker',
        Input: { 'job.$': '$.job', 'token.$': '$$.Task.Token' },
      },
      TimeoutSeconds: 60,
      End: true,
    },
  },
};

/** A child that hands its input (job and the parent's token) to the `report` function. */
const reportingWorker = {
  StartAt: 'Report',
  States: {
    Report: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'report', 'Payload.$': '$' },
      ResultSelector: { 'done.$': '$.Payload' },
      End: true,
    },
  },
};

function eventTypes(history: readonly HistoryEvent[]): string[] {
  return history.map((event) => event.type).filter((type) => /^Task(?!State)/.test(type));
}

describe('startExecution.waitForTaskToken', () => {
  it('starts the child, records its StartExecution response, and succeeds with what the child sends', async () => {
    let run: ExecutionHandle | undefined;
    const seen: JsonValue[] = [];
    const lambdas: RunOptions['lambdas'] = {
      report: (payload) => {
        const { token, job } = payload as { token: string; job: string };
        seen.push(job);
        run!.sendTaskSuccess(token, { approved: job });
        return 'reported';
      },
    };
    run = startExecution(
      parent,
      { job: 'j1' },
      { callbacks: 'manual', lambdas, machines: { worker: reportingWorker } },
    );
    const result = await run.result;
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ approved: 'j1' });
    expect(seen).toEqual(['j1']);
    expect(eventTypes(result.history)).toEqual([
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
    ]);
    const submitted = result.history.find((event) => event.type === 'TaskSubmitted')!;
    expect(submitted.taskSubmittedEventDetails).toMatchObject({
      resourceType: 'states',
      resource: 'startExecution.waitForTaskToken',
    });
    expect(JSON.parse(submitted.taskSubmittedEventDetails!.output!).ExecutionArn).toMatch(
      /^arn:aws:states:us-east-1:123456789012:execution:worker:/,
    );
  });

  it('times out when the child ends without answering (manual callbacks)', async () => {
    const reported: JsonValue[] = [];
    const report = (payload: JsonValue) => reported.push((payload as { job: string }).job);
    const result = await runExecution(
      parent,
      { job: 'j2' },
      { callbacks: 'manual', lambdas: { report }, machines: { worker: reportingWorker } },
    );
    expect(reported).toEqual(['j2']);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Timeout');
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(60_000);
  });

  it("answers with the child's output, or fails with its error and cause, when callbacks are auto", async () => {
    const succeeded = await runExecution(
      parent,
      { job: 'j3' },
      {
        lambdas: { report: (payload) => (payload as { job: string }).job },
        machines: { worker: reportingWorker },
      },
    );
    expect(succeeded.status).toBe('SUCCEEDED');
    expect(succeeded.output).toEqual({ done: 'j3' });
    const failing = { StartAt: 'No', States: { No: { Type: 'Fail', Error: 'Refused', Cause: 'no way' } } };
    const failed = await runExecution(parent, { job: 'j4' }, { machines: { worker: failing } });
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toBe('Refused');
    expect(failed.cause).toBe('no way');
  });
});

describe("a child's callback Tasks", () => {
  it("are listed by the parent's pendingTaskTokens and answered through the parent's handle", async () => {
    const waitingWorker = {
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: { QueueUrl: 'https://sqs', MessageBody: { 'token.$': '$$.Task.Token' } },
          End: true,
        },
      },
    };
    const syncParent = {
      StartAt: 'Run',
      States: {
        Run: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:asker' },
          OutputPath: '$.Output',
          End: true,
        },
      },
    };
    const run = startExecution(
      syncParent,
      {},
      { clock: 'real', callbacks: 'manual', machines: { asker: waitingWorker } },
    );
    // The child's history is its own: poll the parent's handle until the child's Task waits.
    for (let tries = 0; run.pendingTaskTokens().length === 0 && tries < 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const [pending] = run.pendingTaskTokens();
    expect(pending).toMatchObject({
      stateName: 'Ask',
      resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
    });
    expect(pending!.executionArn).toMatch(/:execution:asker:/);
    expect(pending!.executionArn).not.toBe(run.executionArn);
    run.sendTaskSuccess(pending!.taskToken, { from: 'parent handle' });
    const result = await run.result;
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ from: 'parent handle' });
    expect(run.pendingTaskTokens()).toEqual([]);
  });
});
