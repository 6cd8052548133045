// A worker is stateless: it long-polls one activity ARN and runs whatever task it gets, so more
// capacity means more workers (in this process or others) on the same ARN. Concurrency is a
// number of slots, each a loop of poll-then-run; a slot only polls when it can run the task at
// once, so no task waits inside a busy worker while another worker idles. Heartbeats run by
// default (see heartbeat.ts for the interval), since a Task may set HeartbeatSeconds that the
// activity does not declare. Shutdown aborts the pending polls, lets tasks in flight finish, and
// fails those still running at the deadline with a clear error, so every task the worker took
// ends reported.

import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import { GetActivityTaskCommand } from '@aws-sdk/client-sfn';
import type { AnyActivity } from '@sfini/core';
import { Backoff, type BackoffOptions, sleep } from './backoff.js';
import { awsErrorName, isAbortError, isTransientError } from './errors.js';
import { heartbeatInterval } from './heartbeat.js';
import type { Session } from './session.js';
import { RunningTask, type TaskEnvironment, type TaskOutcome } from './worker-task.js';

/** Options of a {@link Worker}. */
export interface WorkerOptions {
  /** Tasks run at once (and long polls held open). Default 1. */
  concurrency?: number;
  /** The name sent with each poll, shown in the history's ActivityStarted events. */
  workerName?: string;
  /**
   * Milliseconds between heartbeats while a handler runs; 0 sends none. Default: a third of
   * the activity's `heartbeatSeconds`, else {@link DEFAULT_HEARTBEAT_INTERVAL_MS} (5 s), so a
   * Task that sets `HeartbeatSeconds` itself is kept alive too. See {@link heartbeatIntervalFor}
   * to derive it from a machine's Tasks.
   */
  heartbeatIntervalMs?: number;
  /**
   * Send the error's stack frames in the `cause` of a failed task, after its message (cut to
   * 32,768 characters). Default false: the message alone, since the cause is kept in the
   * execution's history and shown in the console, where a stack's absolute file paths do not
   * belong. The stack is always in the `task-finished` event's `outcome.thrown`, for local logs.
   */
  causeIncludesStack?: boolean;
  /** Default for `stop()`: milliseconds tasks in flight get to finish. Default 30 000. */
  shutdownTimeoutMs?: number;
  /** Backoff after transient API errors. */
  retry?: BackoffOptions;
  /** Observes what the worker does (for logs and metrics). */
  onEvent?: (event: WorkerEvent) => void;
}

/** Something a worker did or met. */
export type WorkerEvent =
  | { type: 'task-started'; taskToken: string }
  | { type: 'task-finished'; taskToken: string; outcome: TaskOutcome }
  | { type: 'transient-error'; operation: string; error: unknown }
  | { type: 'fatal-error'; error: unknown };

/** Counts over a worker's life. */
export interface WorkerStats {
  succeeded: number;
  failed: number;
  /**
   * Tasks Step Functions no longer wanted a result for: they timed out, or their execution was
   * stopped or ended while the handler ran (the answer TaskTimedOut or TaskDoesNotExist).
   */
  expired: number;
  /** Tasks whose outcome could not be reported: the API stayed unreachable, or refused the call. */
  lost: number;
  transientErrors: number;
}

/** How a worker ended. */
export interface WorkerSummary extends WorkerStats {
  /** Tasks failed at the shutdown deadline. */
  failedAtShutdown: number;
  /** The error that stopped the worker, when it stopped itself (e.g. the activity was deleted). */
  error?: unknown;
}

/** Options of {@link Worker.stop}. */
export interface StopOptions {
  /** Milliseconds tasks in flight get to finish before they are failed. */
  timeoutMs?: number;
  /**
   * Milliseconds, after that deadline, for the failures to be reported (retrying transient
   * errors); reports still unsent then are given up. Default 10 000.
   */
  reportTimeoutMs?: number;
}

/**
 * Milliseconds a poll may take. AWS holds GetActivityTask open for up to 60 s; this is set per
 * request so a session tuned to shorter timeouts (or a client passed in) never cuts polls short.
 */
export const POLL_REQUEST_TIMEOUT_MS = 70_000;

/** Failure sent for a task still running at the shutdown deadline. */
export const WORKER_SHUTDOWN_ERROR = 'sfini.WorkerShutdown';

let workerSerial = 0;

function defaultWorkerName(): string {
  return `${hostname()}-${process.pid}-${++workerSerial}`.slice(0, 80);
}

/** Runs the tasks of one activity. Made by `session.worker(activity, options)`. */
export class Worker {
  readonly activity: AnyActivity;
  readonly name: string;
  readonly concurrency: number;
  readonly #session: Session;
  readonly #options: WorkerOptions;
  readonly #heartbeatIntervalMs: number | undefined;
  readonly #pollAbort = new AbortController();
  readonly #hardStop = new AbortController();
  readonly #inFlight = new Set<RunningTask>();
  readonly #stats: WorkerStats = { succeeded: 0, failed: 0, expired: 0, lost: 0, transientErrors: 0 };
  #state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle';
  #fatal: unknown;
  #slots: Promise<void>[] = [];
  #stopped: Promise<WorkerSummary> | undefined;
  readonly #done: Promise<WorkerSummary>;
  #resolveDone!: (summary: WorkerSummary) => void;

  constructor(session: Session, activity: AnyActivity, options: WorkerOptions = {}) {
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`worker concurrency must be a whole number from 1, got ${concurrency}`);
    }
    this.#session = session;
    this.activity = activity;
    this.concurrency = concurrency;
    this.name = options.workerName ?? defaultWorkerName();
    this.#options = options;
    this.#heartbeatIntervalMs = heartbeatInterval(activity, options.heartbeatIntervalMs);
    // Every slot's poll and every report listens on these; their count is bounded by concurrency.
    setMaxListeners(0, this.#pollAbort.signal, this.#hardStop.signal);
    this.#done = new Promise((resolve) => {
      this.#resolveDone = resolve;
    });
  }

  /**
   * Settles when the worker has stopped, by `stop()` or by itself after an error it cannot
   * retry (the summary's `error`, e.g. ActivityDoesNotExist). Never rejects.
   */
  get done(): Promise<WorkerSummary> {
    return this.#done;
  }

  /** 'idle' before start, 'running', 'stopping' during shutdown, then 'stopped'. */
  get state(): 'idle' | 'running' | 'stopping' | 'stopped' {
    return this.#state;
  }

  /** Milliseconds between the heartbeats sent while a handler runs; undefined for none. */
  get heartbeatIntervalMs(): number | undefined {
    return this.#heartbeatIntervalMs;
  }

  /** Tasks running now. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Counts so far. */
  get stats(): Readonly<WorkerStats> {
    return { ...this.#stats };
  }

  /**
   * Starts polling. Resolves the activity's ARN first (registered or looked up by name).
   * @returns this worker, once its slots are polling.
   * @throws NotRegisteredError when the activity is not registered.
   */
  async start(): Promise<this> {
    if (this.#state !== 'idle') throw new Error(`worker '${this.name}' was already started`);
    this.#state = 'running';
    let arn: string;
    try {
      arn = await this.#session.activities.arnOf(this.activity);
    } catch (error) {
      this.#state = 'idle';
      throw error;
    }
    const environment: TaskEnvironment = {
      client: this.#session.client,
      activity: this.activity,
      heartbeatIntervalMs: this.#heartbeatIntervalMs,
      causeIncludesStack: this.#options.causeIncludesStack ?? false,
      retry: this.#options.retry ?? {},
      hardStop: this.#hardStop.signal,
      onTransientError: this.#onTransient,
    };
    for (let i = 0; i < this.concurrency; i++) this.#slots.push(this.#slot(arn, environment));
    return this;
  }

  #emit(event: WorkerEvent): void {
    try {
      this.#options.onEvent?.(event);
    } catch {
      // An observer's bug must not stop task processing.
    }
  }

  #onTransient = (operation: string, error: unknown): void => {
    this.#stats.transientErrors++;
    this.#emit({ type: 'transient-error', operation, error });
  };

  async #slot(activityArn: string, environment: TaskEnvironment): Promise<void> {
    const backoff = new Backoff(this.#options.retry);
    const signal = this.#pollAbort.signal;
    while (this.#state === 'running') {
      let task: { taskToken?: string | undefined; input?: string | undefined };
      try {
        task = await this.#session.client.send(
          new GetActivityTaskCommand({ activityArn, workerName: this.name }),
          { abortSignal: signal, requestTimeout: POLL_REQUEST_TIMEOUT_MS },
        );
        backoff.reset();
      } catch (error) {
        if (signal.aborted || isAbortError(error)) return;
        if (isTransientError(error) || awsErrorName(error) === 'ActivityWorkerLimitExceeded') {
          this.#onTransient('GetActivityTask', error);
          try {
            await sleep(backoff.next(), signal);
          } catch {
            return;
          }
          continue;
        }
        this.#fatal = error;
        this.#emit({ type: 'fatal-error', error });
        void this.stop();
        return;
      }
      // A task that arrived while stopping is still run: it was handed to this worker.
      if (task.taskToken) await this.#run(new RunningTask(environment, task.taskToken), task.input);
    }
  }

  async #run(running: RunningTask, input: string | undefined): Promise<void> {
    this.#inFlight.add(running);
    this.#emit({ type: 'task-started', taskToken: running.token });
    try {
      const outcome = await running.run(input);
      this.#count(outcome);
      this.#emit({ type: 'task-finished', taskToken: running.token, outcome });
    } finally {
      this.#inFlight.delete(running);
    }
  }

  #count(outcome: TaskOutcome): void {
    if (outcome.kind === 'succeeded') this.#stats.succeeded++;
    else if (outcome.kind === 'failed') this.#stats.failed++;
    else if (outcome.kind === 'expired') this.#stats.expired++;
    else if (outcome.kind === 'lost') this.#stats.lost++;
  }

  /**
   * Stops gracefully: no new polls, the pending polls aborted, tasks in flight given
   * `timeoutMs` to finish; those still running then are failed with error
   * `sfini.WorkerShutdown` so their executions can retry or catch at once.
   * Calling it again returns the same promise.
   */
  stop(options: StopOptions = {}): Promise<WorkerSummary> {
    this.#stopped ??= this.#shutdown(
      options.timeoutMs ?? this.#options.shutdownTimeoutMs ?? 30_000,
      options.reportTimeoutMs ?? 10_000,
    ).then((summary) => {
      this.#resolveDone(summary);
      return summary;
    });
    return this.#stopped;
  }

  async #shutdown(timeoutMs: number, reportTimeoutMs: number): Promise<WorkerSummary> {
    if (this.#state === 'idle') {
      this.#state = 'stopped';
      return this.#summary(0);
    }
    this.#state = 'stopping';
    this.#pollAbort.abort();
    const slotsDone = Promise.all(this.#slots);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), timeoutMs);
    });
    const first = await Promise.race([slotsDone.then(() => 'done' as const), deadline]);
    clearTimeout(timer);
    let failedAtShutdown = 0;
    if (first === 'deadline') {
      const stillRunning = [...this.#inFlight];
      failedAtShutdown = stillRunning.length;
      const cause =
        `worker '${this.name}' stopped and gave the task ${timeoutMs} ms to finish; ` +
        `the handler of activity '${this.activity.name}' was still running`;
      const giveUp = setTimeout(() => this.#hardStop.abort(), reportTimeoutMs);
      const outcomes = await Promise.all(
        stillRunning.map((task) => task.fail({ error: WORKER_SHUTDOWN_ERROR, cause })),
      );
      clearTimeout(giveUp);
      for (const outcome of outcomes) this.#count(outcome);
      // Handlers that ignore their abort signal may run on; their results are no longer reported.
      this.#hardStop.abort();
    }
    this.#state = 'stopped';
    return this.#summary(failedAtShutdown);
  }

  #summary(failedAtShutdown: number): WorkerSummary {
    return {
      ...this.#stats,
      failedAtShutdown,
      ...(this.#fatal !== undefined ? { error: this.#fatal } : {}),
    };
  }
}
