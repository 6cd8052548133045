// Proves TestState through the real SDK: one state run with its output, next state and inspection
// data, failures reported with error and cause, mocked Tasks, a state named inside a whole
// machine, and malformed requests refused with AWS's error names.
import { TestStateCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_ARN, rejectionOf, startHarness } from '../../test/sdk-harness.js';

let harness: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
});

describe('TestState', () => {
  it('runs one state and answers with its output, next state and inspection data', async () => {
    const answer = await harness.sfn.send(
      new TestStateCommand({
        definition: JSON.stringify({
          Type: 'Pass',
          Parameters: { 'sum.$': 'States.MathAdd($.a, $.b)' },
          Next: 'After',
        }),
        roleArn: ROLE_ARN,
        input: '{"a":1,"b":2}',
        inspectionLevel: 'DEBUG',
      }),
    );
    expect(answer.status).toBe('SUCCEEDED');
    expect(JSON.parse(answer.output!)).toEqual({ sum: 3 });
    expect(answer.nextState).toBe('After');
    expect(answer.inspectionData?.afterParameters).toBe('{"sum":3}');
  });

  it('reports a failing state as FAILED with its error and cause', async () => {
    const answer = await harness.sfn.send(
      new TestStateCommand({
        definition: JSON.stringify({ Type: 'Fail', Error: 'Nope', Cause: 'by design' }),
        roleArn: ROLE_ARN,
        input: '{}',
      }),
    );
    expect(answer).toMatchObject({ status: 'FAILED', error: 'Nope', cause: 'by design' });
  });

  it('runs a Task state against a mock, and a state named within a whole machine', async () => {
    const task = await harness.sfn.send(
      new TestStateCommand({
        definition: JSON.stringify({
          Type: 'Task',
          Resource: 'arn:aws:states:us-east-1:123456789012:activity:resize',
          ResultPath: '$.size',
          End: true,
        }),
        input: '{"file":"a.png"}',
        mock: { result: '{"w":3}' },
      }),
    );
    expect(task.status).toBe('SUCCEEDED');
    expect(JSON.parse(task.output!)).toEqual({ file: 'a.png', size: { w: 3 } });

    const inMachine = await harness.sfn.send(
      new TestStateCommand({
        definition: JSON.stringify({
          StartAt: 'First',
          States: {
            First: { Type: 'Pass', Next: 'Second' },
            Second: { Type: 'Pass', Result: 'second', End: true },
          },
        }),
        stateName: 'Second',
        input: '{}',
      }),
    );
    expect(inMachine).toMatchObject({ status: 'SUCCEEDED', output: '"second"' });
  });

  it('refuses an input that is not JSON and a definition that is not a state', async () => {
    const badInput = await rejectionOf(
      harness.sfn.send(
        new TestStateCommand({ definition: JSON.stringify({ Type: 'Pass', End: true }), input: '{' }),
      ),
    );
    expect(badInput.name).toBe('InvalidExecutionInput');
    const badDefinition = await rejectionOf(
      harness.sfn.send(new TestStateCommand({ definition: '{"Type": "Teleport"}', input: '{}' })),
    );
    expect(badDefinition.name).toBe('InvalidDefinition');
    expect(badDefinition.message).toMatch(/^Invalid State Machine Definition: '/);
    expect(badDefinition.message).toContain('Teleport');
    const notJson = await rejectionOf(
      harness.sfn.send(new TestStateCommand({ definition: '{', input: '{}' })),
    );
    expect(notJson.name).toBe('InvalidDefinition');
  });
});
