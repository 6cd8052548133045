// Proves the activity task broker the endpoint's long polls rest on: tasks go to the next poller
// or wait for one, a poller that left never gets a task (it goes back to the head of the queue),
// heartbeats and failures reach the execution, closing answers every poller, and no abort
// listener outlives the task or poll it was added for.
import { getEventListeners, setMaxListeners } from 'node:events';
import type { JsonValue } from '@sfini/core';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors.js';
import { ActivityTaskBroker, type BrokeredTask, WorkerReportedFailure } from './task-broker.js';

const ARN = 'arn:aws:states:us-east-1:123456789012:activity:work';

function task(input: JsonValue = { n: 1 }) {
  const aborter = new AbortController();
  const calls = { heartbeats: 0, started: [] as ({ workerName?: string } | undefined)[] };
  const brokered: BrokeredTask = {
    input,
    signal: aborter.signal,
    heartbeat: () => void calls.heartbeats++,
    started: (details) => void calls.started.push(details),
  };
  return { brokered, aborter, calls };
}

function apiErrorOf(fn: () => void): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

const never = new AbortController().signal;

describe('ActivityTaskBroker', () => {
  it('hands a queued task to the next poller, and completes it with the worker output', async () => {
    const broker = new ActivityTaskBroker();
    const t = task({ hello: 'world' });
    const result = broker.schedule(ARN, t.brokered);
    expect(broker.queuedCount(ARN)).toBe(1);
    const assignment = await broker.poll(ARN, 'w1', never, 1000);
    expect(assignment?.input).toBe('{"hello":"world"}');
    expect(assignment?.taskToken).toMatch(/^[A-Za-z0-9_-]{64}$/);
    broker.confirmDelivery(assignment!.taskToken);
    expect(t.calls.started).toEqual([{ workerName: 'w1' }]);
    broker.succeed(assignment!.taskToken, { done: true });
    await expect(result).resolves.toEqual({ done: true });
  });

  it('answers a waiting poller as soon as a task arrives', async () => {
    const broker = new ActivityTaskBroker();
    const polled = broker.poll(ARN, undefined, never, 60_000);
    expect(broker.waitingPollers(ARN)).toBe(1);
    const t = task();
    void broker.schedule(ARN, t.brokered);
    const assignment = await polled;
    expect(assignment?.input).toBe('{"n":1}');
    expect(broker.waitingPollers(ARN)).toBe(0);
  });

  it('answers an empty poll after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const broker = new ActivityTaskBroker();
      const polled = broker.poll(ARN, undefined, never, 60_000);
      vi.advanceTimersByTime(60_000);
      await expect(polled).resolves.toBeUndefined();
      expect(broker.waitingPollers(ARN)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never hands a task to a poller whose client left', async () => {
    const broker = new ActivityTaskBroker();
    const leaving = new AbortController();
    const polled = broker.poll(ARN, 'gone', leaving.signal, 60_000);
    leaving.abort();
    await expect(polled).resolves.toBeUndefined();
    const t = task();
    void broker.schedule(ARN, t.brokered);
    expect(broker.queuedCount(ARN)).toBe(1);
    const assignment = await broker.poll(ARN, 'present', never, 1000);
    broker.confirmDelivery(assignment!.taskToken);
    expect(t.calls.started).toEqual([{ workerName: 'present' }]);
  });

  it('puts an undelivered task back at the head of the queue with a new token', async () => {
    const broker = new ActivityTaskBroker();
    const first = task({ order: 1 });
    const second = task({ order: 2 });
    void broker.schedule(ARN, first.brokered);
    void broker.schedule(ARN, second.brokered);
    const lost = await broker.poll(ARN, 'dead', never, 1000);
    broker.returnUndelivered(ARN, lost!.taskToken);
    expect(first.calls.started).toEqual([]);
    const again = await broker.poll(ARN, 'alive', never, 1000);
    expect(again?.input).toBe('{"order":1}');
    expect(again?.taskToken).not.toBe(lost?.taskToken);
    expect(apiErrorOf(() => broker.succeed(lost!.taskToken, {})).type).toBe('TaskDoesNotExist');
  });

  it('forwards heartbeats, reports failures, and answers late tokens as AWS does', async () => {
    const broker = new ActivityTaskBroker();
    const t = task();
    const result = broker.schedule(ARN, t.brokered);
    const assignment = await broker.poll(ARN, undefined, never, 1000);
    const token = assignment!.taskToken;
    broker.heartbeat(token);
    broker.heartbeat(token);
    expect(t.calls.heartbeats).toBe(2);
    expect(t.calls.started).toEqual([{}]);
    broker.fail(token, { error: 'Boom', cause: 'it broke' });
    const failure = await result.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkerReportedFailure);
    expect((failure as WorkerReportedFailure).failure).toEqual({ error: 'Boom', cause: 'it broke' });

    expect(apiErrorOf(() => broker.succeed(token, {})).type).toBe('TaskDoesNotExist');
    expect(apiErrorOf(() => broker.heartbeat('not-a-token')).type).toBe('InvalidToken');
    expect(apiErrorOf(() => broker.heartbeat('A'.repeat(64))).type).toBe('TaskDoesNotExist');
  });

  it('drops a task whose signal aborts: queued ones leave the queue, handed-out tokens time out', async () => {
    const broker = new ActivityTaskBroker();
    const queued = task();
    const queuedResult = broker.schedule(ARN, queued.brokered);
    queued.aborter.abort(new Error('States.Timeout'));
    await expect(queuedResult).rejects.toThrow('States.Timeout');
    expect(broker.queuedCount(ARN)).toBe(0);

    const running = task();
    const runningResult = broker.schedule(ARN, running.brokered).catch((error: unknown) => error);
    const assignment = await broker.poll(ARN, undefined, never, 1000);
    running.aborter.abort(new Error('States.HeartbeatTimeout'));
    expect(await runningResult).toBeInstanceOf(Error);
    const late = apiErrorOf(() => broker.succeed(assignment!.taskToken, {}));
    expect(late.type).toBe('TaskTimedOut');
    expect(apiErrorOf(() => broker.heartbeat(assignment!.taskToken)).type).toBe('TaskTimedOut');
  });

  it('answers every waiting poller when closed', async () => {
    const broker = new ActivityTaskBroker();
    const polls = [broker.poll(ARN, undefined, never, 60_000), broker.poll(ARN, undefined, never, 60_000)];
    broker.close();
    await expect(Promise.all(polls)).resolves.toEqual([undefined, undefined]);
    await expect(broker.poll(ARN, undefined, never, 60_000)).resolves.toBeUndefined();
  });
});

describe('ActivityTaskBroker abort listeners', () => {
  const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

  it('removes its listener from a task signal once the task settles, however it settles', async () => {
    const broker = new ActivityTaskBroker();
    // One signal shared by every task, never aborted: as a Map state's iterations can share one.
    const shared = new AbortController();
    // Sixty tasks wait at once below: as many listeners as tasks in flight is expected.
    setMaxListeners(100, shared.signal);
    const brokered = (n: number): BrokeredTask => ({
      input: { n },
      signal: shared.signal,
      heartbeat: () => {},
      started: () => {},
    });
    const results = Array.from({ length: 60 }, (_, n) => broker.schedule(ARN, brokered(n)));
    expect(listeners(shared.signal)).toBe(60);
    for (let n = 0; n < 60; n++) {
      const assignment = (await broker.poll(ARN, 'w', never, 1000))!;
      if (n % 2 === 0) broker.succeed(assignment.taskToken, n);
      else broker.fail(assignment.taskToken, { error: 'Odd', cause: String(n) });
    }
    const settled = await Promise.allSettled(results);
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(30);
    expect(listeners(shared.signal)).toBe(0);
  });

  it('removes its listener from a task whose own signal aborted', async () => {
    const broker = new ActivityTaskBroker();
    const t = task();
    const result = broker.schedule(ARN, t.brokered);
    expect(listeners(t.brokered.signal)).toBe(1);
    t.aborter.abort(new Error('timed out'));
    await expect(result).rejects.toThrow('timed out');
    expect(listeners(t.brokered.signal)).toBe(0);
    expect(broker.queuedCount(ARN)).toBe(0);
  });

  it('removes its listener from a poller signal once each poll is answered or times out', async () => {
    const broker = new ActivityTaskBroker();
    const connection = new AbortController();
    for (let n = 0; n < 40; n++) {
      const polled = broker.poll(ARN, 'w', connection.signal, 60_000);
      void broker.schedule(ARN, task({ n }).brokered);
      expect((await polled)?.input).toBe(`{"n":${n}}`);
    }
    expect(listeners(connection.signal)).toBe(0);
    await broker.poll(ARN, 'w', connection.signal, 1);
    expect(listeners(connection.signal)).toBe(0);
  });
});
