// Proves the worker against the in-memory FakeSfn: results and failures reported as AWS expects,
// transient errors retried and never a task dropped, concurrency bounded, heartbeats at the right
// interval, and graceful shutdown. Heartbeat counts and the moment shutdown gives up reporting are
// asserted on fake timers, never as elapsed wall-clock time.
import { ActivityRegistration } from '@sfini/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { awsError, FakeSfn } from '../test/fake-sfn.js';
import { DEFAULT_HEARTBEAT_INTERVAL_MS } from './heartbeat.js';
import { Session } from './session.js';
import type { Worker, WorkerSummary } from './worker.js';
import type { TaskOutcome } from './worker-task.js';

const running: Worker[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop({ timeoutMs: 0 })));
});

async function setup(
  define: (reg: ActivityRegistration) => void,
  options: Parameters<Session['worker']>[1] = {},
) {
  const fake = new FakeSfn();
  const session = new Session({ client: fake.client, region: 'us-east-1' });
  const reg = new ActivityRegistration('test-');
  define(reg);
  await session.registerActivities(reg);
  const worker = await session
    .worker(reg.activities[0]!, { retry: { initialMs: 1, maxMs: 5 }, ...options })
    .start();
  running.push(worker);
  return { fake, session, worker };
}

class MyError extends Error {}

/** A handler that runs until `finish()` is called, then returns 'done'. */
function heldHandler() {
  let finish: (() => void) | undefined;
  return {
    handler: () =>
      new Promise<string>((resolve) => {
        finish = () => resolve('done');
      }),
    get running() {
      return finish !== undefined;
    },
    finish: () => finish!(),
  };
}

describe('Worker', () => {
  it('reports a handler result as JSON output', async () => {
    const { fake } = await setup((reg) =>
      reg.activity('add', { input: z.object({ a: z.number(), b: z.number() }) }, ({ a, b }) => ({
        sum: a + b,
      })),
    );
    const token = fake.enqueue({ a: 2, b: 3 });
    await fake.waitForReports(1);
    expect(fake.reports[0]).toEqual({ kind: 'success', token, output: '{"sum":5}' });
  });

  it("reports a throwing handler's class name as error and its message alone as cause", async () => {
    const thrown = new MyError('foobar');
    const outcomes: TaskOutcome[] = [];
    const { fake } = await setup(
      (reg) =>
        reg.activity('boom', { input: z.object({}) }, () => {
          throw thrown;
        }),
      {
        onEvent: (event) => {
          if (event.type === 'task-finished') outcomes.push(event.outcome);
        },
      },
    );
    fake.enqueue({});
    await fake.waitForReports(1);
    expect(fake.reports[0]).toMatchObject({ kind: 'failure', error: 'MyError', cause: 'foobar' });
    // The stack stays with the worker, for its own logs.
    await expect.poll(() => outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ kind: 'failed', thrown });
  });

  it('appends the stack to the cause with causeIncludesStack', async () => {
    const { fake } = await setup(
      (reg) =>
        reg.activity('boom', { input: z.object({}) }, () => {
          throw new MyError('foobar');
        }),
      { causeIncludesStack: true },
    );
    fake.enqueue({});
    await fake.waitForReports(1);
    const report = fake.reports[0]!;
    expect(report.error).toBe('MyError');
    expect(report.cause?.split('\n')[0]).toBe('foobar');
    expect(report.cause).toMatch(/\n\s+at /);
  });

  it('fails a task whose input breaks the schema, naming the field', async () => {
    const { fake } = await setup((reg) =>
      reg.activity('typed', { input: z.object({ counter: z.number() }) }, ({ counter }) => counter),
    );
    fake.enqueue({ counter: 'three' });
    await fake.waitForReports(1);
    expect(fake.reports[0]).toMatchObject({ kind: 'failure', error: 'ActivityInputError' });
    expect(fake.reports[0]!.cause).toContain('$.counter');
  });

  it('fails a task whose output is above 256 KiB instead of sending it', async () => {
    const { fake } = await setup((reg) =>
      reg.activity('huge', { input: z.unknown() }, () => 'x'.repeat(300_000)),
    );
    fake.enqueue({});
    await fake.waitForReports(1);
    expect(fake.reports[0]).toMatchObject({ kind: 'failure', error: 'sfini.OutputTooLarge' });
    expect(fake.reports[0]!.cause).toContain('300002 bytes');
    expect(fake.count('SendTaskSuccess')).toBe(0);
  });

  it('keeps polling through throttling, 5xx and network errors', async () => {
    const fake0 = new FakeSfn();
    fake0.failNext.set('GetActivityTask', [
      awsError('ThrottlingException', 400),
      awsError('InternalServerError', 500),
      Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' }),
    ]);
    const session = new Session({ client: fake0.client });
    const reg = new ActivityRegistration('t-');
    const echo = reg.activity('echo', { input: z.number() }, (n) => n);
    await session.registerActivities(reg);
    const events: string[] = [];
    const worker = await session
      .worker(echo, { retry: { initialMs: 1, maxMs: 2 }, onEvent: (e) => events.push(e.type) })
      .start();
    running.push(worker);
    fake0.enqueue(7);
    await fake0.waitForReports(1);
    expect(fake0.reports[0]!.output).toBe('7');
    expect(worker.stats.transientErrors).toBe(3);
    expect(events.filter((e) => e === 'transient-error')).toHaveLength(3);
    expect(worker.state).toBe('running');
  });

  it('retries a report that met a transient error', async () => {
    const { fake, worker } = await setup((reg) => reg.activity('one', { input: z.unknown() }, () => 1));
    fake.failNext.set('SendTaskSuccess', [
      awsError('ServiceUnavailable', 503),
      awsError('ThrottlingException'),
    ]);
    fake.enqueue({});
    await fake.waitForReports(1);
    expect(fake.count('SendTaskSuccess')).toBe(3);
    expect(worker.stats.succeeded).toBe(1);
  });

  it('runs at most `concurrency` handlers at once', async () => {
    let active = 0;
    let peak = 0;
    const { fake } = await setup(
      (reg) =>
        reg.activity('slow', { input: z.unknown() }, async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 20));
          active--;
        }),
      { concurrency: 3 },
    );
    for (let i = 0; i < 10; i++) fake.enqueue(i);
    await fake.waitForReports(10);
    expect(peak).toBe(3);
  });

  it('heartbeats while the handler runs, at a third of heartbeatSeconds', async () => {
    // Fake intervals: the count depends on the interval alone, never on how busy the machine is.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const held = heldHandler();
      const { fake, worker } = await setup((reg) =>
        reg.activity('long', { input: z.unknown(), heartbeatSeconds: 1, timeoutSeconds: 5 }, held.handler),
      );
      expect(worker.heartbeatIntervalMs).toBe(1000 / 3);
      fake.enqueue({});
      await expect.poll(() => held.running).toBe(true);
      // A handler running for 750 ms spans two whole intervals (at 333 and 667 ms).
      await vi.advanceTimersByTimeAsync(750);
      expect(fake.count('SendTaskHeartbeat')).toBe(2);
      held.finish();
      await fake.waitForReports(1);
      expect(fake.reports[0]).toMatchObject({ kind: 'success', output: '"done"' });
      await vi.advanceTimersByTimeAsync(1000);
      expect(fake.count('SendTaskHeartbeat')).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('heartbeats every 5 s by default, for Tasks that set HeartbeatSeconds the activity does not declare', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const held = heldHandler();
      const { fake, worker } = await setup((reg) =>
        reg.activity('quiet', { input: z.unknown() }, held.handler),
      );
      expect(DEFAULT_HEARTBEAT_INTERVAL_MS).toBe(5000);
      expect(worker.heartbeatIntervalMs).toBe(DEFAULT_HEARTBEAT_INTERVAL_MS);
      fake.enqueue({});
      await expect.poll(() => held.running).toBe(true);
      await vi.advanceTimersByTimeAsync(4000);
      expect(fake.count('SendTaskHeartbeat')).toBe(0);
      await vi.advanceTimersByTimeAsync(1500);
      expect(fake.count('SendTaskHeartbeat')).toBe(1);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(fake.count('SendTaskHeartbeat')).toBe(3);
      held.finish();
      await fake.waitForReports(1);
      await vi.advanceTimersByTimeAsync(20_000);
      expect(fake.count('SendTaskHeartbeat')).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes the interval given, and none at all for 0', async () => {
    const reg = new ActivityRegistration('interval-');
    const declared = reg.activity('declared', { input: z.unknown(), heartbeatSeconds: 9 }, () => null);
    const plain = reg.activity('plain', { input: z.unknown() }, () => null);
    const session = new Session({ client: new FakeSfn().client });
    expect(session.worker(declared).heartbeatIntervalMs).toBe(3000);
    expect(session.worker(declared, { heartbeatIntervalMs: 700 }).heartbeatIntervalMs).toBe(700);
    expect(session.worker(plain, { heartbeatIntervalMs: 0 }).heartbeatIntervalMs).toBeUndefined();
    expect(() => session.worker(plain, { heartbeatIntervalMs: -1 })).toThrow(
      'heartbeatIntervalMs must be a number of milliseconds from 0, got -1',
    );
  });

  it('aborts the handler at once and counts the task expired when a heartbeat says it timed out', async () => {
    let aborted: unknown;
    const outcomes: TaskOutcome[] = [];
    const { fake, worker } = await setup(
      (reg) =>
        reg.activity('doomed', { input: z.unknown() }, async (_input, ctx) => {
          await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
          aborted = ctx.signal.reason;
          throw ctx.signal.reason;
        }),
      {
        heartbeatIntervalMs: 10,
        onEvent: (event) => {
          if (event.type === 'task-finished') outcomes.push(event.outcome);
        },
      },
    );
    fake.failNext.set('SendTaskHeartbeat', [awsError('TaskTimedOut')]);
    fake.enqueue({});
    await expect.poll(() => worker.stats.expired).toBe(1);
    expect(worker.stats).toMatchObject({ expired: 1, lost: 0, failed: 0 });
    expect(outcomes).toEqual([
      {
        kind: 'expired',
        answer: 'TaskTimedOut',
        reason:
          'Step Functions answered TaskTimedOut to a heartbeat: it no longer wants the result ' +
          '(the task timed out, or its execution was stopped or ended)',
      },
    ]);
    expect((aborted as Error).name).toBe('TaskAbandonedError');
    expect(fake.reports).toHaveLength(0);
    expect(fake.count('SendTaskHeartbeat')).toBe(1);
  });

  it('aborts the handler as soon as its own heartbeat() learns the task is gone', async () => {
    let heartbeatError: unknown;
    let abortedBeforeReturn = false;
    const { fake, worker } = await setup(
      (reg) =>
        reg.activity('checks', { input: z.unknown() }, async (_input, ctx) => {
          await ctx.heartbeat().catch((error: unknown) => {
            heartbeatError = error;
          });
          abortedBeforeReturn = ctx.signal.aborted;
          return 'ignored';
        }),
      { heartbeatIntervalMs: 0 },
    );
    fake.failNext.set('SendTaskHeartbeat', [awsError('TaskDoesNotExist')]);
    fake.enqueue({});
    await expect.poll(() => worker.stats.expired).toBe(1);
    expect((heartbeatError as Error).name).toBe('TaskDoesNotExist');
    expect(abortedBeforeReturn).toBe(true);
    expect(fake.count('SendTaskSuccess')).toBe(0);
  });

  it('counts a report answered TaskTimedOut as expired, and one refused otherwise as lost', async () => {
    const { fake, worker } = await setup((reg) => reg.activity('quick', { input: z.unknown() }, () => 1));
    fake.failNext.set('SendTaskSuccess', [awsError('TaskTimedOut'), awsError('AccessDeniedException')]);
    fake.enqueue({});
    await expect.poll(() => worker.stats.expired).toBe(1);
    fake.enqueue({});
    await expect.poll(() => worker.stats.lost).toBe(1);
    expect(worker.stats).toMatchObject({ succeeded: 0, expired: 1, lost: 1 });
  });

  it('stops by aborting the pending poll, finishing tasks in flight', async () => {
    const { fake, worker } = await setup(
      (reg) =>
        reg.activity('work', { input: z.number() }, async (n) => {
          await new Promise((r) => setTimeout(r, 50));
          return n * 2;
        }),
      { concurrency: 2 },
    );
    fake.enqueue(1);
    await expect.poll(() => worker.inFlight).toBe(1);
    const summary = await worker.stop({ timeoutMs: 5000 });
    expect(summary).toMatchObject({ succeeded: 1, failed: 0, lost: 0, failedAtShutdown: 0 });
    expect(fake.reports).toEqual([{ kind: 'success', token: 'token-1', output: '2' }]);
    expect(worker.state).toBe('stopped');
    // No poll remains: a task enqueued now stays queued.
    fake.enqueue(2);
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.tasks).toHaveLength(1);
  });

  it('fails tasks still running at the shutdown deadline with a clear error', async () => {
    let sawAbort = false;
    const { fake, worker } = await setup((reg) =>
      reg.activity('stuck', { input: z.unknown() }, async (_i, ctx) => {
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
        sawAbort = true;
        return 'too late';
      }),
    );
    fake.enqueue({});
    await expect.poll(() => worker.inFlight).toBe(1);
    const summary = await worker.stop({ timeoutMs: 30 });
    expect(summary.failedAtShutdown).toBe(1);
    expect(summary.failed).toBe(1);
    expect(fake.reports).toHaveLength(1);
    expect(fake.reports[0]).toMatchObject({ kind: 'failure', error: 'sfini.WorkerShutdown' });
    expect(fake.reports[0]!.cause).toContain('30 ms');
    await expect.poll(() => sawAbort).toBe(true);
    // The late result is not reported a second time.
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.reports).toHaveLength(1);
  });

  it('gives up reporting shutdown failures after reportTimeoutMs when the API stays unreachable', async () => {
    const { fake, worker } = await setup((reg) =>
      reg.activity(
        'stuck',
        { input: z.unknown() },
        (_i, ctx) => new Promise((r) => ctx.signal.addEventListener('abort', r)),
      ),
    );
    fake.enqueue({});
    await expect.poll(() => worker.inFlight).toBe(1);
    const unreachable = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    fake.failNext.set(
      'SendTaskFailure',
      Array.from({ length: 1000 }, () => unreachable),
    );
    // Fake timeouts: the shutdown deadline, the report retries' backoff and the give-up timer
    // all run on the fake clock, so when the worker gives up is exact, whatever the load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let summary: WorkerSummary | undefined;
      void worker.stop({ timeoutMs: 10, reportTimeoutMs: 100 }).then((s) => {
        summary = s;
      });
      // Past the 10 ms deadline the failure is reported, and retried, for 100 ms more...
      await vi.advanceTimersByTimeAsync(10 + 99);
      expect(summary).toBeUndefined();
      expect(fake.count('SendTaskFailure')).toBeGreaterThan(1);
      // ...and at 100 ms the worker gives up: the task is counted lost, not failed.
      await vi.advanceTimersByTimeAsync(1);
      await expect.poll(() => summary).toBeDefined();
      expect(summary).toMatchObject({ failedAtShutdown: 1, lost: 1, failed: 0 });
      expect(worker.state).toBe('stopped');
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops itself on an error retrying cannot fix, and says so in `done`', async () => {
    const { fake, worker } = await setup((reg) => reg.activity('gone', { input: z.unknown() }, () => 1));
    fake.failNext.set('GetActivityTask', [awsError('ActivityDoesNotExist')]);
    // The first poll is already waiting; wake it with a task so the next poll meets the error.
    fake.enqueue({});
    const summary = await worker.done;
    expect((summary.error as Error).name).toBe('ActivityDoesNotExist');
    expect(summary.succeeded).toBe(1);
    expect(worker.state).toBe('stopped');
  });

  it('refuses to start for an activity that is not registered', async () => {
    const fake = new FakeSfn();
    const session = new Session({ client: fake.client });
    const reg = new ActivityRegistration('x-');
    const act = reg.activity('missing', { input: z.unknown() }, () => 1);
    await expect(session.worker(act).start()).rejects.toThrow(/activity 'x-missing' is not registered/);
  });

  it('rejects a concurrency below 1', () => {
    const session = new Session({ client: new FakeSfn().client });
    const act = new ActivityRegistration().activity('a', { input: z.unknown() }, () => 1);
    expect(() => session.worker(act, { concurrency: 0 })).toThrow(
      /concurrency must be a whole number from 1/,
    );
  });
});
