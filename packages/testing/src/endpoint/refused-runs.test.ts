// What the engine refuses reaches the client as AWS's 400 errors, never as a retried 500: input
// the engine cannot take is InvalidExecutionInput, and a definition is refused at
// CreateStateMachine for exactly what the engine could not run (nesting past the validator's
// bound, JSONPath the engine cannot evaluate), so every stored machine starts.
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  type ExecutionStatus,
  ListActivitiesCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { ROLE_ARN, rejectionOf, useEndpoint } from '../../test/sdk-harness.js';

const harness = useEndpoint();

function create(name: string, definition: unknown) {
  const text = typeof definition === 'string' ? definition : JSON.stringify(definition);
  return harness.sfn.send(new CreateStateMachineCommand({ name, definition: text, roleArn: ROLE_ARN }));
}

function pass(fields: Record<string, unknown>) {
  return { StartAt: 'P', States: { P: { Type: 'Pass', End: true, ...fields } } };
}

async function finalStatus(executionArn: string): Promise<ExecutionStatus | undefined> {
  for (let i = 0; i < 200; i++) {
    const { status } = await harness.sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (status !== 'RUNNING') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return 'RUNNING';
}

async function expectHealthy() {
  const listed = await harness.sfn.send(new ListActivitiesCommand({}));
  expect(Array.isArray(listed.activities)).toBe(true);
  expect(harness.logger.errors).toEqual([]);
}

describe('input the engine cannot take', () => {
  it('answers input nested 120,000 deep (within 256 KiB) with InvalidExecutionInput', async () => {
    const { stateMachineArn } = await create('deep-input', pass({}));
    const input = `${'['.repeat(120_000)}${']'.repeat(120_000)}`;
    const refused = await rejectionOf(
      harness.sfn.send(new StartExecutionCommand({ stateMachineArn, input })),
    );
    expect(refused.name).toBe('InvalidExecutionInput');
    expect(refused.$metadata?.httpStatusCode).toBe(400);
    expect(refused.message).toContain('nests too deeply');
    await expectHealthy();
  });
});

describe('definitions are refused when stored, not when started', () => {
  it('refuses a Pass Result nested 20,000 deep with InvalidDefinition', async () => {
    // Written as text: 20,000 levels are more than JSON.stringify itself can nest.
    const result = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    const definition = JSON.stringify(pass({ Result: 0 })).replace('"Result":0', `"Result":${result}`);
    const refused = await rejectionOf(create('deep-result', definition));
    expect(refused.name).toBe('InvalidDefinition');
    expect(refused.$metadata?.httpStatusCode).toBe(400);
    expect(refused.message).toContain('nested more than 256 levels deep');
    await expectHealthy();
  });

  it.each(['$[(@.length-1)]', '$.a[1:2:0]', '$..'])(
    'refuses InputPath %s, which the engine cannot run',
    async (path) => {
      const refused = await rejectionOf(create('bad-path', pass({ InputPath: path })));
      expect(refused.name).toBe('InvalidDefinition');
      await expectHealthy();
    },
  );

  it.each(['$.[0]', '$..[0]', '$.a[::-1]'])('stores and runs InputPath %s', async (path) => {
    const { stateMachineArn } = await create(
      `path-${Math.random().toString(36).slice(2)}`,
      pass({ InputPath: path }),
    );
    const { executionArn } = await harness.sfn.send(
      new StartExecutionCommand({ stateMachineArn, input: '{"a":[1,2],"0":3}' }),
    );
    expect(['SUCCEEDED', 'FAILED']).toContain(await finalStatus(executionArn!));
    await expectHealthy();
  });
});
