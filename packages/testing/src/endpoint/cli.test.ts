// Proves the sfini-local command as a user runs it in a child process: it serves on the given port
// and host and prints the URL, stops on SIGTERM, prints usage, and refuses bad options (exit 2)
// or a taken port (exit 1) with a message naming the problem.
import { CreateActivityCommand, SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { type CliProcess, runSfiniLocal } from './cli.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function fakeProcess(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const handlers = new Map<string, () => void>();
  let exitCode: number | undefined;
  let exited: () => void = () => {};
  const exitedPromise = new Promise<void>((resolve) => {
    exited = resolve;
  });
  const proc: CliProcess = {
    argv,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    onSignal: (signal, handler) => void handlers.set(signal, handler),
    exit: (code) => {
      exitCode = code;
      exited();
    },
  };
  return { proc, out, err, handlers, exitedPromise, exitCode: () => exitCode };
}

describe('sfini-local', () => {
  it('serves on the given port and host, prints the URL, and stops on SIGTERM', async () => {
    const fake = fakeProcess(['--port', '0', '--host', '127.0.0.1', '--region', 'eu-west-1']);
    const endpoint = await runSfiniLocal(fake.proc);
    expect(endpoint).toBeDefined();
    expect(fake.out.join('')).toContain(`listening on ${endpoint!.url}`);
    expect(endpoint!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const sfn = new SFNClient({
      endpoint: endpoint!.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const created = await sfn.send(new CreateActivityCommand({ name: 'from-cli' }));
    expect(created.activityArn).toBe('arn:aws:states:eu-west-1:123456789012:activity:from-cli');
    sfn.destroy();

    expect([...fake.handlers.keys()].sort()).toEqual(['SIGINT', 'SIGTERM']);
    fake.handlers.get('SIGTERM')!();
    await fake.exitedPromise;
    expect(fake.exitCode()).toBe(0);
    await expect(fetch(endpoint!.url, { method: 'POST' })).rejects.toThrow();
  });

  it('prints usage for --help and exits 0', async () => {
    const fake = fakeProcess(['--help']);
    expect(await runSfiniLocal(fake.proc)).toBeUndefined();
    expect(fake.exitCode()).toBe(0);
    expect(fake.out.join('')).toContain('Usage: sfini-local');
  });

  it('refuses unknown options and bad values with exit code 2 and a message naming them', async () => {
    for (const [argv, needle] of [
      [['--prot', '1'], 'prot'],
      [['--port', 'abc'], "--port must be a number from 0 to 65535, got 'abc'"],
      [['--port', '70000'], '70000'],
      [['--account-id', '12'], '--account-id must be 12 digits'],
    ] as const) {
      const fake = fakeProcess([...argv]);
      expect(await runSfiniLocal(fake.proc)).toBeUndefined();
      expect(fake.exitCode()).toBe(2);
      expect(fake.err.join('')).toContain(needle);
    }
  });

  it('exits 1 with a message when the port is taken', async () => {
    const first = fakeProcess(['--port', '0']);
    const endpoint = await runSfiniLocal(first.proc);
    const second = fakeProcess(['--port', String(endpoint!.port)]);
    expect(await runSfiniLocal(second.proc)).toBeUndefined();
    expect(second.exitCode()).toBe(1);
    expect(second.err.join('')).toContain('EADDRINUSE');
    await endpoint!.close();
  });
});
