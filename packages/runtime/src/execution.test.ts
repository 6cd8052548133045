// Proves an Execution waits as it should against the in-memory FakeSfn: polls until the execution
// ends and parses its output, reports failures with error and cause, gives up after timeoutMs or
// when its signal aborts, rides out transient errors, and reads every history page.
import { describe, expect, it } from 'vitest';
import { awsError, FakeSfn } from '../test/fake-sfn.js';
import { ExecutionNotSucceededError, WaitTimeoutError } from './errors.js';
import { Session } from './session.js';

const ARN = 'arn:aws:states:us-east-1:111122223333:execution:machine:run-1';

function describing(statuses: Record<string, unknown>[]) {
  const fake = new FakeSfn();
  let i = 0;
  fake.overrides.set('DescribeExecution', () => statuses[Math.min(i++, statuses.length - 1)]);
  return { fake, execution: new Session({ client: fake.client }).execution<{ total: number }>(ARN) };
}

describe('Execution', () => {
  it('takes its name from the ARN', () => {
    expect(new Session({ client: new FakeSfn().client }).execution(ARN).name).toBe('run-1');
  });

  it('polls until the execution finishes and parses the output', async () => {
    const { fake, execution } = describing([
      { status: 'RUNNING' },
      { status: 'RUNNING' },
      { status: 'SUCCEEDED', output: '{"total":12}' },
    ]);
    const result = await execution.wait({ initialIntervalMs: 1 });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { total: 12 } });
    expect(execution.output).toEqual({ total: 12 });
    expect(fake.count('DescribeExecution')).toBe(3);
  });

  it('returns failures with error and cause; `output` then throws', async () => {
    const { execution } = describing([
      { status: 'FAILED', error: 'WorkerError', cause: 'MyError was raised' },
    ]);
    expect(await execution.wait()).toEqual({
      status: 'FAILED',
      error: 'WorkerError',
      cause: 'MyError was raised',
    });
    expect(() => execution.output).toThrow(ExecutionNotSucceededError);
    expect(() => execution.output).toThrow(/FAILED with error WorkerError: MyError was raised/);
  });

  it('gives up after timeoutMs', async () => {
    const { execution } = describing([{ status: 'RUNNING' }]);
    await expect(execution.wait({ timeoutMs: 30, initialIntervalMs: 5 })).rejects.toBeInstanceOf(
      WaitTimeoutError,
    );
  });

  it('stops waiting when the signal aborts', async () => {
    const { execution } = describing([{ status: 'RUNNING' }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('enough')), 20);
    await expect(execution.wait({ signal: controller.signal, initialIntervalMs: 5 })).rejects.toThrow(
      'enough',
    );
  });

  it('rides out transient errors while polling, and stops on modeled ones', async () => {
    const { fake, execution } = describing([{ status: 'SUCCEEDED', output: '{"total":1}' }]);
    fake.failNext.set('DescribeExecution', [awsError('ThrottlingException')]);
    expect((await execution.wait()).status).toBe('SUCCEEDED');
    const gone = describing([{ status: 'RUNNING' }]);
    gone.fake.failNext.set('DescribeExecution', [awsError('ExecutionDoesNotExist')]);
    await expect(gone.execution.wait()).rejects.toThrow('ExecutionDoesNotExist');
  });

  it('reads every page of the history', async () => {
    const fake = new FakeSfn();
    fake.overrides.set('GetExecutionHistory', (input) => {
      const page = Number(input.nextToken ?? 0);
      const events = [
        { id: page * 2 + 1, type: 'PassStateEntered' },
        { id: page * 2 + 2, type: 'PassStateExited' },
      ];
      return page < 2 ? { events, nextToken: String(page + 1) } : { events };
    });
    const events = await new Session({ client: fake.client }).execution(ARN).historyEvents();
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
