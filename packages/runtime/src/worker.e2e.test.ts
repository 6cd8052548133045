// Workers against the local endpoint, through the real SDK: the behaviours a worker promises
// (recovery from a vanished worker, errors reaching catchers, input checks, graceful shutdown,
// surviving transient API errors) shown end to end, with timeouts of 1-2 s.
import { ActivityRegistration, type AnyStateMachine } from '@sfini/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aslMachine } from '../test/asl-machine.js';
import { FaultProxy, SERVER_ERROR, THROTTLED } from '../test/fault-proxy.js';
import { type LocalEndpoint, startLocalEndpoint } from '../test/local-endpoint.js';
import { Session } from './session.js';
import type { Worker } from './worker.js';

let endpoint: LocalEndpoint;
let session: Session;
const cleanups: (() => Promise<unknown> | unknown)[] = [];
let serial = 0;

beforeAll(async () => {
  endpoint = await startLocalEndpoint();
  session = new Session({ endpoint: endpoint.url, region: 'us-east-1' });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  session?.destroy();
  await endpoint?.close();
});

function track(worker: Worker): Worker {
  cleanups.push(() => worker.stop({ timeoutMs: 0, reportTimeoutMs: 500 }));
  return worker;
}

/** A fresh registration prefix per test, so tests never see each other's activities. */
function registration(): ActivityRegistration {
  return new ActivityRegistration(`e2e${++serial}-`);
}

async function deploy<M extends AnyStateMachine>(machine: M, on: Session = session) {
  const handle = on.stateMachine(machine);
  await handle.register();
  cleanups.push(async () => {
    await handle.deregister();
    await on.deregisterActivities(machine.activities);
  });
  return handle;
}

function never(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
}

describe('workers end to end', () => {
  it('recovers from a worker killed mid-task: heartbeat timeout, Retry, a second worker completes', async () => {
    const reg = registration();
    let attempts = 0;
    const work = reg.activity(
      'work',
      { input: z.object({ n: z.number() }), heartbeatSeconds: 1 },
      async ({ n }, ctx) => {
        attempts++;
        if (attempts === 1) return never(ctx.signal); // the first worker hangs, then "dies"
        return n * 10;
      },
    );
    const machine = aslMachine<{ n: number }, number>(
      `killed${serial}`,
      (arnOf) => ({
        StartAt: 'work',
        States: {
          work: {
            Type: 'Task',
            Resource: arnOf(work),
            HeartbeatSeconds: 1,
            TimeoutSeconds: 30,
            Retry: [{ ErrorEquals: ['States.HeartbeatTimeout'], IntervalSeconds: 1, MaxAttempts: 2 }],
            End: true,
          },
        },
      }),
      { activities: [work] },
    );
    const handle = await deploy(machine);

    // The first worker reaches the endpoint through a proxy that is then cut, as if its
    // process had been killed: its heartbeats and its result never arrive.
    const proxy = await FaultProxy.start(endpoint.url);
    cleanups.push(() => proxy.close());
    const doomed = new Session({ endpoint: proxy.url, maxAttempts: 1 });
    cleanups.push(() => doomed.destroy());
    const first = track(await doomed.worker(work, { retry: { initialMs: 50, maxMs: 200 } }).start());

    const execution = await handle.start({ n: 4 });
    await expect.poll(() => first.inFlight, { timeout: 5000 }).toBe(1);
    proxy.cut();
    track(await session.worker(work).start());

    const result = await execution.wait({ timeoutMs: 15_000 });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 40 });
    const events = await execution.historyEvents();
    const timedOut = events.find((e) => e.type === 'ActivityTimedOut');
    expect(timedOut?.activityTimedOutEventDetails?.error).toBe('States.HeartbeatTimeout');
    expect(events.filter((e) => e.type === 'ActivityStarted')).toHaveLength(2);
  });

  it("delivers a throwing handler's error name and cause to the catcher", async () => {
    class MyError extends Error {}
    const reg = registration();
    const raise = reg.activity('raise', { input: z.object({}) }, () => {
      throw new MyError('foobar');
    });
    const machine = aslMachine<object, { 'error-info': { Error: string; Cause: string } }>(
      `catching${serial}`,
      (arnOf) => ({
        StartAt: 'raise',
        States: {
          raise: {
            Type: 'Task',
            Resource: arnOf(raise),
            Catch: [{ ErrorEquals: ['MyError'], ResultPath: '$.error-info', Next: 'caught' }],
            End: true,
          },
          caught: { Type: 'Pass', End: true },
        },
      }),
      { activities: [raise] },
    );
    const handle = await deploy(machine);
    track(await session.worker(raise).start());
    const execution = await handle.start({});
    await execution.wait({ timeoutMs: 10_000 });
    const info = execution.output['error-info'];
    expect(info).toEqual({ Error: 'MyError', Cause: 'foobar' });
  });

  it("fails a task whose input breaks the activity's schema, with a cause naming the field", async () => {
    const reg = registration();
    const increment = reg.activity(
      'increment',
      { input: z.object({ counter: z.number(), increment: z.number() }) },
      ({ counter, increment }) => counter + increment,
    );
    const machine = aslMachine(
      `badinput${serial}`,
      (arnOf) => ({
        StartAt: 'inc',
        States: { inc: { Type: 'Task', Resource: arnOf(increment), End: true } },
      }),
      { activities: [increment] },
    );
    const handle = await deploy(machine);
    track(await session.worker(increment).start());
    const execution = await handle.start({ counter: 1, increment: 'three' });
    const result = await execution.wait({ timeoutMs: 10_000 });
    expect(result.status).toBe('FAILED');
    if (result.status === 'SUCCEEDED') return;
    expect(result.error).toBe('ActivityInputError');
    expect(result.cause).toContain('$.increment');
  });

  it('loses no task when it stops with tasks in flight', async () => {
    const reg = registration();
    const slow = reg.activity('slow', { input: z.object({ i: z.number() }) }, async ({ i }) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return i;
    });
    const machine = aslMachine(
      `shutdown${serial}`,
      (arnOf) => ({ StartAt: 'slow', States: { slow: { Type: 'Task', Resource: arnOf(slow), End: true } } }),
      { activities: [slow] },
    );
    const handle = await deploy(machine);
    const worker = track(await session.worker(slow, { concurrency: 4 }).start());
    const executions = await Promise.all([0, 1, 2, 3].map((i) => handle.start({ i })));
    await expect.poll(() => worker.inFlight, { timeout: 5000 }).toBe(4);
    const summary = await worker.stop({ timeoutMs: 5000 });
    expect(summary).toMatchObject({ succeeded: 4, failed: 0, lost: 0, failedAtShutdown: 0 });
    const results = await Promise.all(executions.map((e) => e.wait({ timeoutMs: 5000 })));
    expect(results.map((r) => (r.status === 'SUCCEEDED' ? r.output : r.status))).toEqual([0, 1, 2, 3]);
  });

  it('aborts the handler of a task whose execution was stopped, at the next heartbeat, and counts it expired', async () => {
    const reg = registration();
    let abortReason: unknown;
    const held = reg.activity('held', { input: z.object({}) }, async (_input, ctx) => {
      try {
        return await never(ctx.signal);
      } catch (error) {
        abortReason = error;
        throw error;
      }
    });
    const machine = aslMachine(
      `stopped${serial}`,
      (arnOf) => ({ StartAt: 'held', States: { held: { Type: 'Task', Resource: arnOf(held), End: true } } }),
      { activities: [held] },
    );
    const handle = await deploy(machine);
    const outcomes: string[] = [];
    const worker = track(
      await session
        .worker(held, {
          heartbeatIntervalMs: 100,
          onEvent: (event) => {
            if (event.type === 'task-finished') outcomes.push(event.outcome.kind);
          },
        })
        .start(),
    );
    const execution = await handle.start({});
    await expect.poll(() => worker.inFlight, { timeout: 5000 }).toBe(1);
    await execution.stop({ error: 'Cancelled' });
    await expect.poll(() => worker.inFlight, { timeout: 5000 }).toBe(0);
    expect(outcomes).toEqual(['expired']);
    expect(worker.stats).toMatchObject({ expired: 1, lost: 0, failed: 0, succeeded: 0 });
    expect((abortReason as Error).message).toMatch(/answered TaskTimedOut to a heartbeat/);
  });

  it('fails tasks still running at the shutdown deadline, so the execution can catch at once', async () => {
    const reg = registration();
    const stuck = reg.activity('stuck', { input: z.object({}) }, (_input, ctx) => never(ctx.signal));
    const machine = aslMachine(
      `deadline${serial}`,
      (arnOf) => ({
        StartAt: 'stuck',
        States: { stuck: { Type: 'Task', Resource: arnOf(stuck), End: true } },
      }),
      { activities: [stuck] },
    );
    const handle = await deploy(machine);
    const worker = track(await session.worker(stuck).start());
    const execution = await handle.start({});
    await expect.poll(() => worker.inFlight, { timeout: 5000 }).toBe(1);
    const summary = await worker.stop({ timeoutMs: 100 });
    expect(summary.failedAtShutdown).toBe(1);
    const result = await execution.wait({ timeoutMs: 5000 });
    expect(result).toMatchObject({ status: 'FAILED', error: 'sfini.WorkerShutdown' });
  });

  it('keeps working through injected 5xx and throttling answers', async () => {
    const reg = registration();
    const double = reg.activity('double', { input: z.object({ n: z.number() }) }, ({ n }) => n * 2);
    const machine = aslMachine(
      `transient${serial}`,
      (arnOf) => ({ StartAt: 'd', States: { d: { Type: 'Task', Resource: arnOf(double), End: true } } }),
      { activities: [double] },
    );
    const handle = await deploy(machine);
    const proxy = await FaultProxy.start(endpoint.url);
    cleanups.push(() => proxy.close());
    // One attempt per call, so the worker's own backoff (not the SDK's retry) rides them out.
    const flaky = new Session({ endpoint: proxy.url, maxAttempts: 1 });
    cleanups.push(() => flaky.destroy());
    proxy.inject('GetActivityTask', SERVER_ERROR, THROTTLED, SERVER_ERROR);
    proxy.inject('SendTaskSuccess', THROTTLED, SERVER_ERROR);
    const worker = track(await flaky.worker(double, { retry: { initialMs: 20, maxMs: 100 } }).start());
    const execution = await handle.start({ n: 21 });
    expect(await execution.wait({ timeoutMs: 10_000 })).toMatchObject({ status: 'SUCCEEDED', output: 42 });
    expect(proxy.injected).toEqual([
      'GetActivityTask',
      'GetActivityTask',
      'GetActivityTask',
      'SendTaskSuccess',
      'SendTaskSuccess',
    ]);
    expect(worker.stats.transientErrors).toBe(5);
    expect(worker.state).toBe('running');
  });
});

describe('worker polls', () => {
  it('outlast a session request timeout shorter than the long poll', async () => {
    // The endpoint holds empty polls for 1 s; the session times requests out after 300 ms.
    const slowPolls = await startLocalEndpoint({ pollTimeoutMs: 1000 });
    const impatient = new Session({ endpoint: slowPolls.url, requestTimeoutMs: 300, maxAttempts: 1 });
    try {
      const reg = registration();
      const idle = reg.activity('idle', { input: z.unknown() }, () => null);
      await impatient.registerActivities(reg);
      const events: string[] = [];
      const worker = await impatient.worker(idle, { onEvent: (e) => events.push(e.type) }).start();
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await worker.stop();
      expect(events).toEqual([]);
      expect(worker.stats.transientErrors).toBe(0);
    } finally {
      impatient.destroy();
      await slowPolls.close();
    }
  });
});
