// Waiting is the runtime's most repeated act: between polls of an execution, after a throttled
// call, before reporting a task again. "Full jitter" exponential backoff (a random delay up to
// a doubling cap) keeps many workers from retrying in lockstep after a shared outage, and every
// sleep is abortable so shutdown never waits out a timer.

/** Shape of an exponential backoff. */
export interface BackoffOptions {
  /** First delay cap in milliseconds. */
  initialMs?: number;
  /** Largest delay in milliseconds. */
  maxMs?: number;
  /** Growth per attempt. */
  factor?: number;
  /** Random delay in [0, cap] when true (retries); exactly the cap when false (polling). */
  jitter?: boolean;
}

/**
 * Delays that grow per attempt and reset after a success.
 * @example
 * ```ts
 * const backoff = new Backoff({ initialMs: 200, maxMs: 5000 });
 * for (;;) {
 *   try {
 *     await session.client.send(command);
 *     backoff.reset();
 *     break;
 *   } catch (error) {
 *     if (!isTransientError(error)) throw error;
 *     await new Promise((resolve) => setTimeout(resolve, backoff.next()));
 *   }
 * }
 * ```
 */
export class Backoff {
  readonly #initialMs: number;
  readonly #maxMs: number;
  readonly #factor: number;
  readonly #jitter: boolean;
  #attempt = 0;

  /** @param options the first and largest delay, the growth and the jitter (100 ms, 20 s, 2, on). */
  constructor(options: BackoffOptions = {}) {
    this.#initialMs = options.initialMs ?? 100;
    this.#maxMs = options.maxMs ?? 20_000;
    this.#factor = options.factor ?? 2;
    this.#jitter = options.jitter ?? true;
  }

  /** Attempts since the last reset. */
  get attempt(): number {
    return this.#attempt;
  }

  /** The next delay in milliseconds; each call grows the next one. */
  next(): number {
    const cap = Math.min(this.#maxMs, this.#initialMs * this.#factor ** this.#attempt);
    this.#attempt++;
    return this.#jitter ? Math.round(Math.random() * cap) : cap;
  }

  /** Back to the first delay. */
  reset(): void {
    this.#attempt = 0;
  }
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The reason a signal aborted, as an Error named AbortError unless it already is an Error. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error(typeof reason === 'string' ? reason : 'the operation was aborted');
  error.name = 'AbortError';
  return error;
}
