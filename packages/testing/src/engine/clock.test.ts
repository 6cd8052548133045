// Proves the two clocks: the virtual one skips any wait and wakes sleepers in time order (creation
// order on ties), can be held still, and forgets aborted sleeps; the real one sleeps in real time
// and can be aborted.
import { describe, expect, it } from 'vitest';
import { RealClock, VirtualClock } from './clock.js';

describe('VirtualClock', () => {
  it('skips waits and wakes concurrent sleepers in (time, creation) order', async () => {
    const clock = new VirtualClock(1_000);
    const order: string[] = [];
    const sleep = (ms: number, label: string) =>
      clock.sleep(ms).then(() => order.push(`${label}@${clock.now()}`));
    // An hour-long sleep among them: finishing within the test's timeout proves no real waiting.
    await Promise.all([
      sleep(500, 'a'),
      sleep(100, 'b'),
      sleep(500, 'c'),
      sleep(0, 'd'),
      sleep(3_600_000, 'e'),
    ]);
    expect(order).toEqual(['d@1000', 'b@1100', 'a@1500', 'c@1500', 'e@3601000']);
  });

  it('stands still while held, then resumes', async () => {
    const clock = new VirtualClock(0);
    const release = clock.hold();
    let woke = false;
    const sleeping = clock.sleep(10).then(() => {
      woke = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(woke).toBe(false);
    expect(clock.now()).toBe(0);
    release();
    await sleeping;
    expect(clock.now()).toBe(10);
  });

  it('rejects a sleep whose signal aborts and forgets its timer', async () => {
    const clock = new VirtualClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pendingTimers).toBe(0);
    expect(clock.now()).toBe(0);
  });
});

describe('RealClock', () => {
  it('sleeps in real time and can be aborted', async () => {
    const clock = new RealClock();
    const before = clock.now();
    await clock.sleep(20);
    expect(clock.now() - before).toBeGreaterThanOrEqual(15);
    const controller = new AbortController();
    const sleeping = clock.sleep(10_000, controller.signal);
    controller.abort(new Error('cut'));
    await expect(sleeping).rejects.toThrow('cut');
  });
});
