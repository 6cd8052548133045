// Proves the execution and worker commands against the in-memory FakeSfn client: starting with
// input from each source, waiting, stopping, redriving, listing, history by execution name,
// and workers until a signal.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/cli-setup.js';
import { awsError } from '../../test/fake-sfn.js';

describe('cli execution and worker commands', () => {
  it('redrives an execution by name, and says when the endpoint cannot', async () => {
    const { run, fake } = setup();
    await run(['register']);
    fake.overrides.set('RedriveExecution', () => ({ redriveDate: new Date() }));
    const redriven = await run(['redrive', 'run-1']);
    expect(redriven.code).toBe(0);
    expect(redriven.stdout).toBe(
      'redriven arn:aws:states:us-east-1:111122223333:execution:myStateMachine:run-1\n',
    );
    fake.overrides.set('RedriveExecution', () => {
      throw awsError('UnknownOperationException');
    });
    const refused = await run(['redrive', 'run-1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^error: redriving execution .*: .* answered UnknownOperationException\. This needs AWS Step Functions/,
    );
  });

  it('starts with input from a file, from stdin, and from --input; bad input names the field', async () => {
    const { run, fake } = setup();
    await run(['register']);
    const dir = await mkdtemp(join(tmpdir(), 'sfini-cli-'));
    const file = join(dir, 'input.json');
    await writeFile(file, '{"message":"from file"}');
    expect((await run(['start', file])).stdout).toMatch(/:execution:myStateMachine:myStateMachine_/);
    await run(['start', '-'], { stdin: '{"message":"from stdin"}' });
    await run(['start', '--input', '{"message":"inline"}', '--name', 'run-3']);
    const inputs = fake.sent
      .filter((c) => c.name === 'StartExecution')
      .map((c) => JSON.parse(c.input.input).message);
    expect(inputs).toEqual(['from file', 'from stdin', 'inline']);
    const bad = await run(['start', '--input', '{"message":3}']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/error: input of state machine 'myStateMachine' is invalid: at \$\.message: /);
    const notJson = await run(['start', '--input', '{oops']);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('--input is not valid JSON');
    const missing = await run(['start', join(dir, 'nope.json')]);
    expect(missing.stderr).toContain("cannot read input file '");
  });

  it('waits with --wait and prints the output, or the error with exit code 1', async () => {
    const { run, fake } = setup();
    await run(['register']);
    fake.overrides.set('DescribeExecution', () => ({ status: 'SUCCEEDED', output: '"hello"' }));
    const ok = await run(['start', '--input', '{"message":"hello"}', '--wait']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('"hello"');
    fake.overrides.set('DescribeExecution', () => ({
      status: 'FAILED',
      error: 'WorkerError',
      cause: 'MyError was raised',
    }));
    const failed = await run(['start', '--input', '{"message":"x"}', '--wait']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('status: FAILED\nerror: WorkerError\ncause: MyError was raised');
  });

  it('resolves an execution name to its ARN for stop and history', async () => {
    const { run, fake } = setup();
    await run(['register']);
    fake.overrides.set('StopExecution', () => ({ stopDate: new Date() }));
    fake.overrides.set('GetExecutionHistory', () => ({
      events: [
        {
          id: 1,
          type: 'ExecutionStarted',
          timestamp: new Date(0),
          executionStartedEventDetails: { input: '{}' },
        },
      ],
    }));
    const stopped = await run(['stop', 'run-1', '--error', 'Manual']);
    expect(stopped.stdout).toBe(
      'stopped arn:aws:states:us-east-1:111122223333:execution:myStateMachine:run-1\n',
    );
    expect(fake.sent.find((c) => c.name === 'StopExecution')!.input).toMatchObject({ error: 'Manual' });
    const history = await run(['history', 'run-1']);
    expect(history.stdout).toMatch(/ExecutionStarted\s+input=\{\}/);
  });

  it('lists executions with a status filter', async () => {
    const { run, fake } = setup();
    await run(['register']);
    fake.overrides.set('ListExecutions', (input) => ({
      executions: [{ name: 'run-1', status: input.statusFilter, startDate: new Date(0) }],
    }));
    const listed = await run(['executions', '--status', 'failed']);
    expect(listed.stdout).toMatch(/^FAILED\s+1970-01-01T00:00:00.000Z\s+-\s+run-1$/m);
  });

  it('runs workers until its signal aborts, then stops gracefully', async () => {
    const { run, fake } = setup();
    await run(['register']);
    const controller = new AbortController();
    const working = run(['worker', 'printActivity', '--concurrency', '2'], { signal: controller.signal });
    fake.enqueue({ message: 'hi' });
    await fake.waitForReports(1);
    expect(fake.reports[0]).toMatchObject({ kind: 'success', output: '"hi"' });
    controller.abort();
    const { code, stderr } = await working;
    expect(code).toBe(0);
    expect(stderr).toContain('polling myPackage-printActivity (concurrency 2)');
    expect(stderr).toContain('[printActivity] task succeeded');
    expect(stderr).toContain('stopped: 1 succeeded, 0 failed, 0 expired, 0 not reported');
  });

  it('refuses to run workers for unknown activities', async () => {
    const { run } = setup();
    const { code, stderr } = await run(['worker', 'nope']);
    expect(code).toBe(2);
    expect(stderr).toContain("no activity 'nope'; known: printActivity");
  });
});
