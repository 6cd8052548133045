// `graph` against the local endpoint, through the real SDK: an execution whose task fails, is
// retried, fails again and is caught into a Fail state, then drawn as SVG and as Mermaid with
// every state marked by what happened to it. The pictures are read as text: each state's
// element names the state and carries its outcome.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityRegistration } from '@sfini/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aslMachine } from '../../test/asl-machine.js';
import { type LocalEndpoint, startLocalEndpoint } from '../../test/local-endpoint.js';
import { cli } from './cli.js';

class MyError extends Error {
  override readonly name = 'MyError';
}

const activities = new ActivityRegistration('graphE2e-');
const raise = activities.activity('raise', { input: z.object({ attempt: z.number() }) }, () => {
  throw new MyError('raised on purpose');
});
const machine = aslMachine(
  'graphE2eMachine',
  (arnOf) => ({
    StartAt: 'prepare',
    States: {
      prepare: { Type: 'Pass', Result: { attempt: 1 }, Next: 'raise' },
      raise: {
        Type: 'Task',
        Resource: arnOf(raise),
        Retry: [{ ErrorEquals: ['MyError'], IntervalSeconds: 1, MaxAttempts: 1 }],
        Catch: [{ ErrorEquals: ['MyError'], Next: 'failed' }],
        Next: 'done',
      },
      failed: { Type: 'Fail', Error: 'WorkerError', Cause: 'raise kept failing' },
      done: { Type: 'Succeed' },
    },
  }),
  { activities: [raise] },
);
const app = cli({ stateMachine: machine, activities, version: '1.0', program: 'app' });

let endpoint: LocalEndpoint;
let run: (argv: string[], signal?: AbortSignal) => Promise<{ code: number; stdout: string; stderr: string }>;

beforeAll(async () => {
  endpoint = await startLocalEndpoint();
  run = async (argv, signal) => {
    let stdout = '';
    let stderr = '';
    const code = await app.run(argv, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: { SFINI_ENDPOINT: endpoint.url },
      ...(signal ? { signal } : {}),
    });
    return { code, stdout, stderr };
  };
});
afterAll(async () => {
  await endpoint?.close();
});

/** `data-outcome` of each state's group in an SVG, by state name. */
function svgOutcomes(svg: string): Record<string, string> {
  const outcomes: Record<string, string> = {};
  for (const [group] of svg.matchAll(/<g [^>]*data-name="[^"]*"[^>]*>/g)) {
    const name = /data-name="([^"]*)"/.exec(group)![1]!;
    outcomes[name] = /data-outcome="([^"]*)"/.exec(group)?.[1] ?? '(none)';
  }
  return outcomes;
}

describe('cli graph end to end', () => {
  it('draws a failed execution, retried then caught, as SVG and as Mermaid', async () => {
    expect((await run(['register'])).code).toBe(0);
    const stopWorker = new AbortController();
    const worker = run(['worker'], stopWorker.signal);
    const started = await run(['start', '--name', 'retried-then-failed', '--wait', '--timeout', '20']);
    stopWorker.abort();
    await worker;
    expect(started.code).toBe(1);
    expect(started.stderr).toContain('error: WorkerError');

    const svg = await run(['graph', '--execution', 'retried-then-failed']);
    expect(svg.code, svg.stderr).toBe(0);
    expect(svg.stdout.startsWith('<svg')).toBe(true);
    expect(svg.stdout.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svgOutcomes(svg.stdout)).toEqual({
      prepare: 'succeeded',
      raise: 'caught',
      failed: 'failed',
      done: 'notReached',
    });
    expect(svg.stdout).toContain('graphE2eMachine: retried-then-failed');
    // The retry shows as a badge on the task's box.
    const raiseGroup = /<g [^>]*data-name="raise"[\s\S]*?<\/g>/.exec(svg.stdout)![0];
    expect(raiseGroup).toMatch(/retr/i);

    const mermaid = await run(['graph', '--execution', 'retried-then-failed', '--format', 'mermaid']);
    expect(mermaid.code, mermaid.stderr).toBe(0);
    const text = mermaid.stdout;
    expect(text).toMatch(/^---\ntitle: "graphE2eMachine: retried-then-failed"\n---\nflowchart TB\n/);
    // Node lines are `  s1["raise<br/>..."]` in whatever brackets give the state's shape.
    const ids = Object.fromEntries(
      [...text.matchAll(/^ {2}(s\d+)[[({]+"([^"<]+)/gm)].map(([, id, label]) => [label!, id!]),
    );
    expect(Object.keys(ids)).toEqual(expect.arrayContaining(['prepare', 'raise', 'failed', 'done']));
    const classOf = (id: string) =>
      [...text.matchAll(/^ {2}class (\S+) (\w+)$/gm)].find(([, list]) => list!.split(',').includes(id))?.[2];
    expect(classOf(ids.prepare!)).toBe('succeeded');
    expect(classOf(ids.raise!)).toBe('caught');
    expect(classOf(ids.failed!)).toBe('failed');
    expect(classOf(ids.done!)).toBe('notReached');
    expect(text).toContain('↻ 1 retry · caught: MyError');

    // --out writes the file, its format taken from the extension; the picture is the same.
    const dir = await mkdtemp(join(tmpdir(), 'sfini-graph-'));
    const file = join(dir, 'run.mmd');
    const written = await run(['graph', '--execution', 'retried-then-failed', '--out', file]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toBe(`wrote Mermaid to ${file}\n`);
    expect(await readFile(file, 'utf8')).toBe(text);

    expect((await run(['deregister'])).code).toBe(0);
  });

  it('names the AWS error for an execution that does not exist', async () => {
    expect((await run(['register'])).code).toBe(0);
    const missing = await run(['graph', '--execution', 'never-ran']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^error: ExecutionDoesNotExist: .*arn:aws:states:us-east-1:\d{12}:execution:graphE2eMachine:never-ran/,
    );
    const arn = 'arn:aws:states:us-east-1:123456789012:execution:graphE2eMachine:other';
    const byArn = await run(['graph', '--execution', arn]);
    expect(byArn.stderr).toMatch(/^error: ExecutionDoesNotExist: /);
    expect(byArn.stderr).toContain(arn);
    expect((await run(['deregister'])).code).toBe(0);
  });
});
