// Proves the endpoint's lifecycle: where it listens and what it reports, that close() answers
// waiting polls and stops running executions without waiting on its fallback, that a request
// which does not arrive in time is closed with 408 while long polls wait, and that lambdas and
// mocks reach the engine.
import { connect } from 'node:net';
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { JsonValue } from '@sfini/core';
import { describe, expect, it, vi } from 'vitest';
import { ROLE_ARN, startHarness } from '../../test/sdk-harness.js';

describe('startLocalEndpoint', () => {
  it('listens on 127.0.0.1 by default and reports the URL, region and account', async () => {
    const harness = await startHarness({ region: 'eu-central-1', accountId: '210987654321' });
    expect(harness.endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(harness.endpoint.port).toBeGreaterThan(0);
    expect(harness.endpoint.region).toBe('eu-central-1');
    const { activityArn } = await harness.sfn.send(new CreateActivityCommand({ name: 'scoped' }));
    expect(activityArn).toBe('arn:aws:states:eu-central-1:210987654321:activity:scoped');
    await harness.close();
  });

  it('closes promptly: a waiting poll is answered empty and running executions stop', async () => {
    const harness = await startHarness();
    const { activityArn } = await harness.sfn.send(new CreateActivityCommand({ name: 'closing' }));
    const definition = JSON.stringify({
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 600, End: true } },
    });
    const { stateMachineArn } = await harness.sfn.send(
      new CreateStateMachineCommand({ name: 'long', definition, roleArn: ROLE_ARN }),
    );
    await harness.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const poll = harness.sfn.send(new GetActivityTaskCommand({ activityArn }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // close() waits for running executions at most 2 s before going on regardless; that fallback
    // is disarmed here, so close() can only resolve because the execution really stopped.
    const realSetTimeout = globalThis.setTimeout;
    const fallback = vi
      .spyOn(globalThis, 'setTimeout')
      .mockImplementation(((callback: () => void, ms?: number) =>
        realSetTimeout(ms === 2000 ? () => {} : callback, ms)) as unknown as typeof setTimeout);
    let delays: (number | undefined)[];
    try {
      await harness.endpoint.close();
    } finally {
      delays = fallback.mock.calls.map(([, ms]) => ms);
      fallback.mockRestore();
    }
    expect(delays).toContain(2000);
    expect((await poll).taskToken).toBeUndefined();
    harness.sfn.destroy();
  });

  it('closes a connection whose request does not arrive in time with 408, but lets long polls wait', async () => {
    const harness = await startHarness({ requestTimeoutMs: 200, pollTimeoutMs: 600 });
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(harness.endpoint.port, '127.0.0.1', () => {
        socket.write('POST / HTTP/1.1\r\nHost: local\r\nContent-Length: 20\r\n\r\n{"stalled":');
      });
      let data = '';
      socket.on('data', (chunk) => {
        data += String(chunk);
      });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    // A poll holds its answer three times longer than the request timeout, and is answered.
    const { activityArn } = await harness.sfn.send(new CreateActivityCommand({ name: 'patient' }));
    const polled = await harness.sfn.send(new GetActivityTaskCommand({ activityArn }));
    expect(polled.taskToken).toBeUndefined();
    expect(polled.$metadata.httpStatusCode).toBe(200);
    await harness.close();
  });

  it('passes lambdas and mocks to the engine; a mocked activity Task skips the workers', async () => {
    const harness = await startHarness({
      lambdas: { double: (input: JsonValue) => ({ n: (input as { n: number }).n * 2 }) },
      mocks: { Review: { return: { approved: true } } },
    });
    const { activityArn } = await harness.sfn.send(new CreateActivityCommand({ name: 'review' }));
    const definition = JSON.stringify({
      StartAt: 'Double',
      States: {
        Double: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:double',
          Next: 'Review',
        },
        Review: { Type: 'Task', Resource: activityArn, ResultPath: '$.review', End: true },
      },
    });
    const { stateMachineArn } = await harness.sfn.send(
      new CreateStateMachineCommand({ name: 'mocked', definition, roleArn: ROLE_ARN, type: 'EXPRESS' }),
    );
    const answer = await harness.sfn.send(
      new StartSyncExecutionCommand({ stateMachineArn, input: '{"n":21}' }),
    );
    expect(answer.status).toBe('SUCCEEDED');
    expect(JSON.parse(answer.output!)).toEqual({ n: 42, review: { approved: true } });
    await harness.close();
  });

  it('closes while a worker holds a task, and refuses connections afterwards', async () => {
    const harness = await startHarness();
    const { activityArn } = await harness.sfn.send(new CreateActivityCommand({ name: 'either' }));
    const definition = JSON.stringify({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: activityArn, End: true } },
    });
    const { stateMachineArn } = await harness.sfn.send(
      new CreateStateMachineCommand({ name: 'either', definition, roleArn: ROLE_ARN }),
    );
    const { executionArn } = await harness.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const task = await harness.sfn.send(new GetActivityTaskCommand({ activityArn }));
    expect(task.taskToken).toBeDefined();
    const described = await harness.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('RUNNING');
    await harness.close();
    const after = await fetch(harness.endpoint.url, { method: 'POST' }).then(
      () => 'answered',
      () => 'refused',
    );
    expect(after).toBe('refused');
  });
});
