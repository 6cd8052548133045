// Proves the execution operations through the real SDK: StartExecution and DescribeExecution
// (names, idempotency, outcomes), StopExecution, ListExecutions (order, status filter, pages) and
// StartSyncExecution for EXPRESS machines, every refusal answered with AWS's error name.
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineForExecutionCommand,
  type ExecutionStatus,
  ListExecutionsCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { passDefinition, ROLE_ARN, rejectionOf, useEndpoint } from '../../test/sdk-harness.js';

const harness = useEndpoint();

const WAIT_A_MINUTE = JSON.stringify({
  StartAt: 'Wait',
  States: { Wait: { Type: 'Wait', Seconds: 60, Next: 'Done' }, Done: { Type: 'Pass', End: true } },
});
const FAILING = JSON.stringify({
  StartAt: 'Boom',
  States: { Boom: { Type: 'Fail', Error: 'Custom.Error', Cause: 'it had to fail' } },
});

async function machine(name: string, definition: string, type: 'STANDARD' | 'EXPRESS' = 'STANDARD') {
  const created = await harness.sfn.send(
    new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN, type }),
  );
  return created.stateMachineArn!;
}

async function settled(executionArn: string) {
  let status: ExecutionStatus | undefined;
  for (let i = 0; i < 200; i++) {
    const described = await harness.sfn.send(new DescribeExecutionCommand({ executionArn }));
    status = described.status;
    if (status !== 'RUNNING') return described;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`execution still ${status} after 2 s`);
}

describe('StartExecution and DescribeExecution', () => {
  it('runs a machine to its end and describes input, output and dates', async () => {
    const stateMachineArn = await machine('pass-through', passDefinition({ answer: 42 }));
    const started = await harness.sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'first', input: '{"question":"?"}' }),
    );
    expect(started.executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:pass-through:first');
    expect(started.startDate).toBeInstanceOf(Date);
    const described = await settled(started.executionArn!);
    expect(described).toMatchObject({
      executionArn: started.executionArn,
      stateMachineArn,
      name: 'first',
      status: 'SUCCEEDED',
      input: '{"question":"?"}',
      output: '{"answer":42}',
    });
    expect(described.stopDate!.getTime()).toBeGreaterThanOrEqual(described.startDate!.getTime());
  });

  it('names executions with a UUID when no name is given and defaults the input to {}', async () => {
    const stateMachineArn = await machine('unnamed', passDefinition());
    const started = await harness.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    expect(started.executionArn).toMatch(/:execution:unnamed:[0-9a-f-]{36}$/);
    const described = await settled(started.executionArn!);
    expect(described.input).toBe('{}');
  });

  it('is idempotent for the same name and input while running; any other reuse is ExecutionAlreadyExists', async () => {
    const stateMachineArn = await machine('waiting', WAIT_A_MINUTE);
    const first = await harness.sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"a":1}' }),
    );
    const again = await harness.sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"a":1}' }),
    );
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate?.getTime()).toBe(first.startDate?.getTime());

    const otherInput = await rejectionOf(
      harness.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"a":2}' })),
    );
    expect(otherInput.name).toBe('ExecutionAlreadyExists');
    expect(otherInput.message).toContain(first.executionArn!);

    await harness.sfn.send(new StopExecutionCommand({ executionArn: first.executionArn }));
    const afterEnd = await rejectionOf(
      harness.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"a":1}' })),
    );
    expect(afterEnd.name).toBe('ExecutionAlreadyExists');
  });

  it('refuses bad input, unknown machines, bad ARNs and bad names with AWS errors', async () => {
    const stateMachineArn = await machine('strict', passDefinition());
    const notJson = await rejectionOf(
      harness.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{' })),
    );
    expect(notJson.name).toBe('InvalidExecutionInput');
    expect(notJson.$metadata?.httpStatusCode).toBe(400);

    const oversized = await rejectionOf(
      harness.sfn.send(
        new StartExecutionCommand({ stateMachineArn, input: JSON.stringify('x'.repeat(262_144)) }),
      ),
    );
    expect(oversized.name).toBe('ValidationException');
    expect(oversized.message).toContain("Value '***' at 'input' failed to satisfy constraint");
    expect(oversized.message).toContain('262144');

    const unknown = await rejectionOf(
      harness.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:ghost',
        }),
      ),
    );
    expect(unknown.name).toBe('StateMachineDoesNotExist');
    const badArn = await rejectionOf(
      harness.sfn.send(new StartExecutionCommand({ stateMachineArn: 'machine' })),
    );
    expect(badArn.name).toBe('InvalidArn');
    const badName = await rejectionOf(
      harness.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'a b' })),
    );
    expect(badName.name).toBe('InvalidName');

    const describeUnknown = await rejectionOf(
      harness.sfn.send(
        new DescribeExecutionCommand({
          executionArn: 'arn:aws:states:us-east-1:123456789012:execution:strict:nope',
        }),
      ),
    );
    expect(describeUnknown.name).toBe('ExecutionDoesNotExist');
  });

  it('reports a failed execution with its error and cause', async () => {
    const stateMachineArn = await machine('failing', FAILING);
    const { executionArn } = await harness.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const described = await settled(executionArn!);
    expect(described).toMatchObject({ status: 'FAILED', error: 'Custom.Error', cause: 'it had to fail' });
    expect(described.output).toBeUndefined();
  });
});

describe('StopExecution', () => {
  it('aborts a running execution with the given error and cause', async () => {
    const stateMachineArn = await machine('stoppable', WAIT_A_MINUTE);
    const { executionArn } = await harness.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const stopped = await harness.sfn.send(
      new StopExecutionCommand({ executionArn, error: 'Operator', cause: 'stopped by hand' }),
    );
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const described = await settled(executionArn!);
    expect(described).toMatchObject({ status: 'ABORTED', error: 'Operator', cause: 'stopped by hand' });
  });

  it('answers ExecutionDoesNotExist and InvalidArn', async () => {
    const missing = await rejectionOf(
      harness.sfn.send(
        new StopExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:none' }),
      ),
    );
    expect(missing.name).toBe('ExecutionDoesNotExist');
    const invalid = await rejectionOf(harness.sfn.send(new StopExecutionCommand({ executionArn: 'none' })));
    expect(invalid.name).toBe('InvalidArn');
  });
});

describe('ListExecutions', () => {
  it('lists newest first, filters by status, and pages with nextToken', async () => {
    const stateMachineArn = await machine('listed', WAIT_A_MINUTE);
    const arns: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { executionArn } = await harness.sfn.send(
        new StartExecutionCommand({ stateMachineArn, name: `run-${i}` }),
      );
      arns.push(executionArn!);
    }
    await harness.sfn.send(new StopExecutionCommand({ executionArn: arns[1] }));
    await harness.sfn.send(new StopExecutionCommand({ executionArn: arns[3] }));
    await settled(arns[1]!);
    await settled(arns[3]!);

    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await harness.sfn.send(
        new ListExecutionsCommand({ stateMachineArn, maxResults: 2, nextToken }),
      );
      expect(page.executions!.length).toBeLessThanOrEqual(2);
      seen.push(...page.executions!.map((e) => e.executionArn!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen).toEqual([...arns].reverse());

    const aborted = await harness.sfn.send(
      new ListExecutionsCommand({ stateMachineArn, statusFilter: 'ABORTED' }),
    );
    expect(aborted.executions!.map((e) => e.name)).toEqual(['run-3', 'run-1']);
    expect(aborted.executions![0]!.stopDate).toBeInstanceOf(Date);
    const running = await harness.sfn.send(
      new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }),
    );
    expect(running.executions!.map((e) => e.name)).toEqual(['run-4', 'run-2', 'run-0']);
    for (const arn of arns) await harness.sfn.send(new StopExecutionCommand({ executionArn: arn }));
  });

  it('refuses a missing machine ARN, a bad status, an EXPRESS machine and a foreign token', async () => {
    const noMachine = await rejectionOf(harness.sfn.send(new ListExecutionsCommand({})));
    expect(noMachine.name).toBe('ValidationException');
    const stateMachineArn = await machine('list-errors', passDefinition());
    const badStatus = await rejectionOf(
      harness.sfn.send(
        new ListExecutionsCommand({ stateMachineArn, statusFilter: 'DONE' as ExecutionStatus }),
      ),
    );
    expect(badStatus.name).toBe('ValidationException');
    const express = await machine('list-express', passDefinition(), 'EXPRESS');
    const notSupported = await rejectionOf(
      harness.sfn.send(new ListExecutionsCommand({ stateMachineArn: express })),
    );
    expect(notSupported.name).toBe('StateMachineTypeNotSupported');
    const badToken = await rejectionOf(
      harness.sfn.send(new ListExecutionsCommand({ stateMachineArn, nextToken: 'eyJxIjoieCIsImsiOjF9' })),
    );
    expect(badToken.name).toBe('InvalidToken');
  });
});

describe('StartSyncExecution (EXPRESS)', () => {
  it('answers with the outcome of the run', async () => {
    const stateMachineArn = await machine('sync-ok', passDefinition({ done: true }), 'EXPRESS');
    const answer = await harness.sfn.send(
      new StartSyncExecutionCommand({ stateMachineArn, name: 'quick', input: '{"x":1}' }),
    );
    expect(answer).toMatchObject({
      stateMachineArn,
      name: 'quick',
      status: 'SUCCEEDED',
      input: '{"x":1}',
      output: '{"done":true}',
    });
    expect(answer.executionArn).toMatch(
      /^arn:aws:states:us-east-1:123456789012:express:sync-ok:quick:[0-9a-f-]{36}$/,
    );
    expect(answer.stopDate).toBeInstanceOf(Date);

    const failing = await machine('sync-fail', FAILING, 'EXPRESS');
    const failed = await harness.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: failing }));
    expect(failed).toMatchObject({ status: 'FAILED', error: 'Custom.Error', cause: 'it had to fail' });
    expect(failed.output).toBeUndefined();
  });

  it('refuses STANDARD machines, and EXPRESS execution ARNs where AWS refuses them', async () => {
    const standard = await machine('sync-standard', passDefinition());
    const refused = await rejectionOf(
      harness.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: standard })),
    );
    expect(refused.name).toBe('StateMachineTypeNotSupported');

    const express = await machine('async-express', passDefinition(), 'EXPRESS');
    const started = await harness.sfn.send(new StartExecutionCommand({ stateMachineArn: express }));
    expect(started.executionArn).toContain(':express:async-express:');
    const described = await rejectionOf(
      harness.sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn })),
    );
    expect(described.name).toBe('InvalidArn');
    expect(described.message).toContain('express');
  });
});

describe('DescribeStateMachineForExecution', () => {
  it('describes the revision the execution started with, not later updates', async () => {
    const stateMachineArn = await machine('revised', WAIT_A_MINUTE);
    const { executionArn } = await harness.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    await harness.sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: passDefinition() }));
    const described = await harness.sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(described).toMatchObject({
      stateMachineArn,
      name: 'revised',
      definition: WAIT_A_MINUTE,
      roleArn: ROLE_ARN,
    });
    expect(described.updateDate).toBeInstanceOf(Date);
    await harness.sfn.send(new StopExecutionCommand({ executionArn }));
  });
});
