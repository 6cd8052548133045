// The CLI against the local endpoint, through the real SDK: the seed's CLI example, driven the
// way a user drives it (register, worker, start --wait, executions, history, deregister), and
// `local` serving an endpoint that the other commands then use.
import { ActivityRegistration } from '@sfini/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aslMachine } from '../../test/asl-machine.js';
import { type LocalEndpoint, startLocalEndpoint } from '../../test/local-endpoint.js';
import { cli } from './cli.js';

const activities = new ActivityRegistration('cliE2e-');
const printActivity = activities.activity(
  'printActivity',
  { input: z.object({ message: z.string() }) },
  (data) => ({
    printed: data.message,
  }),
);
const machine = aslMachine(
  'cliE2eMachine',
  (arnOf) => ({
    StartAt: 'print',
    States: { print: { Type: 'Task', Resource: arnOf(printActivity), End: true } },
  }),
  { activities: [printActivity] },
);
const app = cli({
  stateMachine: machine,
  activities,
  roleArn: 'arn:aws:iam::123456789012:role/x',
  version: '1.0',
  program: 'app',
});

function runner(endpointUrl: string | undefined) {
  return async (argv: string[], signal?: AbortSignal) => {
    let stdout = '';
    let stderr = '';
    const code = await app.run(argv, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: endpointUrl ? { SFINI_ENDPOINT: endpointUrl } : {},
      ...(signal ? { signal } : {}),
    });
    return { code, stdout, stderr };
  };
}

let endpoint: LocalEndpoint;
beforeAll(async () => {
  endpoint = await startLocalEndpoint();
});
afterAll(async () => {
  await endpoint?.close();
});

describe('cli end to end', () => {
  it('registers, works, starts and waits, lists, shows history, deregisters', async () => {
    const run = runner(endpoint.url);
    expect((await run(['register'])).code).toBe(0);
    const stopWorker = new AbortController();
    const worker = run(['worker'], stopWorker.signal);
    const started = await run(['start', '--input', '{"message":"hello"}', '--wait', '--timeout', '10']);
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    const [arn, ...outputLines] = started.stdout.trim().split('\n');
    expect(arn).toMatch(/^arn:aws:states:us-east-1:\d{12}:execution:cliE2eMachine:cliE2eMachine_/);
    expect(JSON.parse(outputLines.join('\n'))).toEqual({ printed: 'hello' });
    stopWorker.abort();
    expect((await worker).code).toBe(0);

    const listed = await run(['executions', '--status', 'SUCCEEDED']);
    const name = arn!.split(':').at(-1)!;
    expect(listed.stdout).toMatch(new RegExp(`^SUCCEEDED\\s+\\S+\\s+\\S+\\s+${name}$`, 'm'));
    const history = await run(['history', name]);
    expect(history.stdout).toMatch(/ExecutionStarted/);
    expect(history.stdout).toMatch(/ActivitySucceeded\s+output=\{"printed":"hello"\}/);
    expect(history.stdout).toMatch(/ExecutionSucceeded/);

    const removed = await run(['deregister']);
    expect(removed.stdout).toContain('deleted state machine cliE2eMachine');
    expect(removed.stdout).toContain('deleted activity cliE2e-printActivity');
  });

  it('reports a failed execution with its error and exit code 1', async () => {
    const run = runner(endpoint.url);
    await run(['register']);
    const stopWorker = new AbortController();
    const worker = run(['worker'], stopWorker.signal);
    const failed = await run(['start', '--input', '{"message":42}', '--wait']);
    stopWorker.abort();
    await worker;
    await run(['deregister']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('status: FAILED');
    expect(failed.stderr).toContain('error: ActivityInputError');
    expect(failed.stderr).toMatch(/cause: .*\$\.message/);
  });
});

describe('cli express', () => {
  it('runs an EXPRESS machine synchronously with start --sync', async () => {
    const express = cli({
      stateMachine: aslMachine('cliExpress', () => ({
        StartAt: 'p',
        States: { p: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true } },
      })),
      type: 'EXPRESS',
      program: 'express',
    });
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: { SFINI_ENDPOINT: endpoint.url },
    };
    expect(await express.run(['register'], io)).toBe(0);
    stdout = '';
    expect(await express.run(['start', '--sync', '--input', '{"n":21}'], io)).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ doubled: 42 });
    expect(stderr).toMatch(/^arn:aws:states:us-east-1:\d{12}:express:cliExpress:/);
    stdout = '';
    stderr = '';
    expect(await express.run(['start', '--wait', '--input', '{"n":1}'], io)).toBe(2);
    expect(stderr).toMatch(/^error: --wait cannot follow an EXPRESS execution .*: use --sync\n/);
    expect(stdout).toBe('');
    stderr = '';
    expect(await express.run(['start', '--input', '{"n":1}'], io)).toBe(0);
    const arn = stdout.trim();
    expect(arn).toMatch(/:express:cliExpress:/);
    expect(await express.run(['history', arn], io)).toBe(1);
    expect(stderr).toMatch(/^error: cannot read the history of execution .* EXPRESS state machine/);
    expect(await express.run(['deregister'], io)).toBe(0);
  });
});

describe('cli local', () => {
  it('serves a local endpoint with `local` that the other commands then use', async () => {
    const stop = new AbortController();
    let announced!: (url: string) => void;
    const urlPrinted = new Promise<string>((resolve) => {
      announced = resolve;
    });
    let stderr = '';
    const serving = app.run(['local', '--port', '0'], {
      stdout: { write: (t: string) => announced(t.trim()) },
      stderr: { write: (t: string) => (stderr += t) },
      signal: stop.signal,
    });
    const url = await urlPrinted;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stderr).toContain(`export SFINI_ENDPOINT=${url}`);
    const run = runner(url);
    const registered = await run(['register']);
    expect(registered.stdout).toContain(`activity cliE2e-printActivity: arn:aws:states:us-east-1:`);
    stop.abort();
    expect(await serving).toBe(0);
    expect(stderr).toContain('local endpoint closed');
  });
});

describe('cli definition --resolve', () => {
  it('prints the ARNs the endpoint gave the registered activities', async () => {
    const other = await startLocalEndpoint({ region: 'eu-west-1', accountId: '210987654321' });
    try {
      const run = runner(other.url);
      const before = await run(['definition', '--resolve']);
      expect(before.code).toBe(1);
      expect(before.stderr).toContain(`'cliE2e-printActivity' is not registered at ${other.url}`);
      expect((await run(['register'])).code).toBe(0);
      const resolved = await run(['definition', '--resolve']);
      expect(resolved.code, resolved.stderr).toBe(0);
      expect(JSON.parse(resolved.stdout).States.print.Resource).toBe(
        'arn:aws:states:eu-west-1:210987654321:activity:cliE2e-printActivity',
      );
      expect((await run(['deregister'])).code).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('cli worker heartbeats', () => {
  it('keeps alive a Task whose HeartbeatSeconds only the machine sets, not the activity', async () => {
    const slow = new ActivityRegistration('cliHb-').activity('slow', { input: z.object({}) }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return 'finished';
    });
    const hbMachine = aslMachine(
      'cliHeartbeats',
      (arnOf) => ({
        StartAt: 'slow',
        States: { slow: { Type: 'Task', Resource: arnOf(slow), HeartbeatSeconds: 1, End: true } },
      }),
      { activities: [slow] },
    );
    const hbApp = cli({ stateMachine: hbMachine, program: 'hb' });
    let stdout = '';
    let stderr = '';
    const stop = new AbortController();
    const io = (signal?: AbortSignal) => ({
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: { SFINI_ENDPOINT: endpoint.url },
      ...(signal ? { signal } : {}),
    });
    expect(await hbApp.run(['register'], io())).toBe(0);
    const worker = hbApp.run(['worker'], io(stop.signal));
    const code = await hbApp.run(['start', '--input', '{}', '--wait', '--timeout', '10'], io());
    stop.abort();
    await worker;
    await hbApp.run(['deregister'], io());
    expect(stderr).not.toContain('HeartbeatTimeout');
    expect(code).toBe(0);
    expect(stdout).toContain('"finished"');
  });
});
