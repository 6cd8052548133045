// Two clocks. The real one sleeps with timers. The virtual one never sleeps: when everything the
// execution is doing waits on the clock, it jumps to the earliest timer and fires it, one timer per
// turn of the event loop, in (time, creation order), so concurrent waits always wake in the same
// order. Work that takes real time (an in-process handler, a resolver) holds the virtual clock
// while it runs, so a timeout cannot fire just because the handler awaited real I/O.
import type { Clock } from './types.js';
import { newArray } from './values/json.js';

/** A clock the engine can also hold while real work is in flight. */
export interface EngineClock extends Clock {
  /** Keeps virtual time still until the returned function is called. Real clocks ignore it. */
  hold(): () => void;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}

/**
 * Wall-clock time; sleeps use timers. What `clock: 'real'` picks.
 * @example
 * ```ts
 * const result = await runExecution(definition, { n: 1 }, { clock: new RealClock() });
 * ```
 */
export class RealClock implements EngineClock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number {
    return Date.now();
  }
  /**
   * Resolves after `ms` milliseconds of wall-clock time (any length, past setTimeout's limit).
   * @param ms how long to wait.
   * @param signal rejects the wait with its reason when it aborts.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => {
        if (timer !== undefined) clearTimeout(timer);
        reject(abortReason(signal!));
      };
      // setTimeout overflows above 2^31-1 ms: wait in chunks.
      const due = Date.now() + Math.max(0, ms);
      const arm = () => {
        const left = due - Date.now();
        if (left <= 0) {
          signal?.removeEventListener('abort', onAbort);
          resolve();
          return;
        }
        timer = setTimeout(arm, Math.min(left, 2_000_000_000));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      arm();
    });
  }
  /** Real time cannot be held: returns a release that does nothing. */
  hold(): () => void {
    return noop;
  }
}

function noop(): void {}

/** A pending sleep. A class, not an object literal (see history/events.ts): it holds the sleeper. */
class VirtualTimer {
  resolve: () => void = noop;
  cancel: () => void = noop;
  constructor(
    readonly at: number,
    readonly sequence: number,
  ) {}
}

/**
 * Simulated time: sleeping advances the clock instead of waiting. What `clock: 'virtual'` picks;
 * pass one to fix the time an execution starts at.
 * @example
 * ```ts
 * const clock = new VirtualClock(Date.parse('2030-01-01T00:00:00Z'));
 * const result = await runExecution(
 *   { StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 3600, End: true } } },
 *   {},
 *   { clock },
 * );
 * new Date(clock.now()).toISOString(); // '2030-01-01T01:00:00.000Z', at once
 * ```
 */
export class VirtualClock implements EngineClock {
  #now: number;
  #sequence = 0;
  #holds = 0;
  #scheduled = false;
  readonly #timers: VirtualTimer[] = newArray<VirtualTimer>();

  /** @param startMs the time it starts at, in epoch milliseconds; default now. */
  constructor(startMs: number = Date.now()) {
    this.#now = startMs;
  }

  /** The simulated time, in epoch milliseconds. */
  now(): number {
    return this.#now;
  }

  /**
   * Resolves when the simulated time reaches `ms` from now, which happens as soon as nothing
   * earlier is pending and the clock is not held.
   * @param ms how long to wait, in simulated milliseconds.
   * @param signal rejects the wait with its reason when it aborts.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const timer = new VirtualTimer(this.#now + Math.max(0, ms), this.#sequence++);
      timer.resolve = () => {
        signal?.removeEventListener('abort', timer.cancel);
        resolve();
      };
      timer.cancel = () => {
        const index = this.#timers.indexOf(timer);
        if (index >= 0) this.#timers.splice(index, 1);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', timer.cancel, { once: true });
      this.#insert(timer);
      this.#schedule();
    });
  }

  /** Keeps simulated time still until the returned function is called (once is enough). */
  hold(): () => void {
    this.#holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holds--;
      this.#schedule();
    };
  }

  /** Timers waiting to fire (for tests and diagnostics). */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  #insert(timer: VirtualTimer): void {
    // Keep timers sorted by (at, sequence); new timers usually go last.
    let i = this.#timers.length;
    while (i > 0) {
      const before = this.#timers[i - 1]!;
      if (before.at < timer.at || (before.at === timer.at && before.sequence < timer.sequence)) break;
      i--;
    }
    this.#timers.splice(i, 0, timer);
  }

  #schedule(): void {
    if (this.#scheduled || this.#holds > 0 || this.#timers.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => this.#fire());
  }

  #fire(): void {
    this.#scheduled = false;
    if (this.#holds > 0) return;
    const timer = this.#timers.shift();
    if (timer === undefined) return;
    if (timer.at > this.#now) this.#now = timer.at;
    timer.resolve();
    this.#schedule();
  }
}

/** The clock named by a RunOptions value. */
export function resolveClock(
  choice: 'virtual' | 'real' | Clock | undefined,
  fallback: 'virtual' | 'real',
): EngineClock {
  const picked = choice ?? fallback;
  if (picked === 'virtual') return new VirtualClock();
  if (picked === 'real') return new RealClock();
  if (typeof (picked as Partial<EngineClock>).hold === 'function') return picked as EngineClock;
  return {
    now: () => picked.now(),
    sleep: (ms, signal) => picked.sleep(ms, signal),
    hold: () => noop,
  };
}
