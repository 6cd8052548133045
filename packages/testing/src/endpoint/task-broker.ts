// The meeting point of Activity Task states and workers. Tasks wait per activity ARN until a
// GetActivityTask poller takes them; pollers wait until a task arrives or their long poll ends.
// A task gets its token only when it is handed out, and counts as started only once the answer
// carrying it has reached the connection: a poller that vanished first puts the task back at the
// head of the queue, so no task is ever lost to a dead poller. Tokens of tasks that ended stay
// remembered (boundedly) so late calls get AWS's TaskTimedOut / TaskDoesNotExist, not a guess.
// Every abort listener the broker adds (on a task's signal, on a poller's connection) is removed
// when its task or poll settles, so a long-lived signal never collects listeners.
import type { JsonValue } from '@sfini/core';
import { EndedTokens } from '../engine/task/ended-tokens.js';
import { newTaskToken } from '../engine/task/task-tokens.js';
import { ApiError } from './errors.js';

/** What the broker needs of a scheduled task: the engine's TaskRequest has all of it. */
export interface BrokeredTask {
  readonly input: JsonValue;
  /** Aborted when the task timed out, lost its heartbeat, or its execution stopped. */
  readonly signal: AbortSignal;
  heartbeat(): void;
  started(details?: { workerName?: string }): void;
}

/** How a task the worker reported as failed failed. */
export interface TaskFailure {
  error: string | undefined;
  cause: string | undefined;
}

/** What a poller receives. */
export interface TaskAssignment {
  taskToken: string;
  input: string;
}

/** Thrown (as the rejection of `schedule`) when a worker reports failure. */
export class WorkerReportedFailure extends Error {
  constructor(readonly failure: TaskFailure) {
    super(failure.cause ?? failure.error ?? 'the worker reported a failure');
    this.name = 'WorkerReportedFailure';
  }
}

/** The most pollers AWS lets wait on one activity at once. */
export const MAX_POLLERS_PER_ACTIVITY = 1000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{64}$/;

interface Pending {
  readonly task: BrokeredTask;
  readonly inputText: string;
  readonly resolve: (output: JsonValue) => void;
  readonly reject: (error: Error) => void;
  token?: string;
  workerName?: string;
  started: boolean;
}

interface Poller {
  readonly workerName: string | undefined;
  readonly resolve: (assignment: TaskAssignment | undefined) => void;
}

/** Queues activity tasks for pollers and routes workers' answers back to them. */
export class ActivityTaskBroker {
  private readonly queues = new Map<string, Pending[]>();
  private readonly pollers = new Map<string, Poller[]>();
  private readonly active = new Map<string, Pending>();
  private readonly ended = new EndedTokens();
  private closed = false;

  /** Tasks queued and not yet handed out, for one activity. */
  queuedCount(activityArn: string): number {
    return this.queues.get(activityArn)?.length ?? 0;
  }

  /** Pollers currently waiting on one activity. */
  waitingPollers(activityArn: string): number {
    return this.pollers.get(activityArn)?.length ?? 0;
  }

  /**
   * Queues a task for the activity. Settles with the worker's output, rejects with
   * WorkerReportedFailure when the worker reports failure, or with the signal's reason when the
   * task ends before a worker answers.
   */
  schedule(activityArn: string, task: BrokeredTask): Promise<JsonValue> {
    return new Promise<JsonValue>((resolve, reject) => {
      if (task.signal.aborted) {
        reject(abortReason(task.signal));
        return;
      }
      // The task's signal may outlive the task (a Map's iterations can share one), so the
      // listener goes as soon as the task settles, whichever way it does.
      const onAbort = () => this.abandon(activityArn, pending);
      const pending: Pending = {
        task,
        inputText: JSON.stringify(task.input),
        resolve: (output) => {
          task.signal.removeEventListener('abort', onAbort);
          resolve(output);
        },
        reject: (error) => {
          task.signal.removeEventListener('abort', onAbort);
          reject(error);
        },
        started: false,
      };
      task.signal.addEventListener('abort', onAbort, { once: true });
      this.enqueue(activityArn, pending, false);
    });
  }

  /**
   * Waits up to `timeoutMs` for a task of the activity. Resolves undefined when none came, when
   * `signal` aborted (the client left) or when the broker closed.
   * @throws ApiError ActivityWorkerLimitExceeded when too many pollers already wait.
   */
  poll(
    activityArn: string,
    workerName: string | undefined,
    signal: AbortSignal,
    timeoutMs: number,
  ): Promise<TaskAssignment | undefined> {
    if (this.closed || signal.aborted) return Promise.resolve(undefined);
    const queued = this.queues.get(activityArn);
    const next = queued?.shift();
    if (next) return Promise.resolve(this.assign(next, workerName));
    const waiting = this.pollers.get(activityArn) ?? [];
    if (waiting.length >= MAX_POLLERS_PER_ACTIVITY) {
      throw new ApiError(
        'ActivityWorkerLimitExceeded',
        `At most ${MAX_POLLERS_PER_ACTIVITY} workers may poll '${activityArn}' at once`,
      );
    }
    return new Promise((resolve) => {
      const finish = (assignment: TaskAssignment | undefined) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(assignment);
      };
      const poller: Poller = { workerName, resolve: finish };
      const leave = () => {
        const list = this.pollers.get(activityArn);
        const index = list?.indexOf(poller) ?? -1;
        if (list && index >= 0) list.splice(index, 1);
        finish(undefined);
      };
      const onAbort = () => leave();
      const timer = setTimeout(leave, timeoutMs);
      signal.addEventListener('abort', onAbort, { once: true });
      waiting.push(poller);
      this.pollers.set(activityArn, waiting);
    });
  }

  /** The answer carrying `token` reached its poller: the task has started. */
  confirmDelivery(token: string): void {
    const pending = this.active.get(token);
    if (pending) this.markStarted(pending);
  }

  /** The answer carrying `token` never reached its poller: the task goes back to the head of its queue. */
  returnUndelivered(activityArn: string, token: string): void {
    const pending = this.active.get(token);
    if (!pending || pending.started) return;
    this.active.delete(token);
    pending.token = undefined;
    pending.workerName = undefined;
    this.enqueue(activityArn, pending, true);
  }

  /** SendTaskSuccess: completes the task with the worker's output. */
  succeed(token: string, output: JsonValue): void {
    const pending = this.take(token);
    pending.resolve(output);
  }

  /** SendTaskFailure: fails the task with the worker's error and cause. */
  fail(token: string, failure: TaskFailure): void {
    const pending = this.take(token);
    pending.reject(new WorkerReportedFailure(failure));
  }

  /** SendTaskHeartbeat: tells the engine the worker is alive. */
  heartbeat(token: string): void {
    const pending = this.lookup(token);
    this.markStarted(pending);
    pending.task.heartbeat();
  }

  /** Answers every waiting poller with "no task" and refuses new polls. */
  close(): void {
    this.closed = true;
    for (const list of this.pollers.values()) for (const poller of list.splice(0)) poller.resolve(undefined);
  }

  private enqueue(activityArn: string, pending: Pending, atHead: boolean): void {
    const poller = this.pollers.get(activityArn)?.shift();
    if (poller) {
      poller.resolve(this.assign(pending, poller.workerName));
      return;
    }
    const queue = this.queues.get(activityArn) ?? [];
    if (atHead) queue.unshift(pending);
    else queue.push(pending);
    this.queues.set(activityArn, queue);
  }

  private assign(pending: Pending, workerName: string | undefined): TaskAssignment {
    const token = newTaskToken();
    pending.token = token;
    pending.workerName = workerName;
    this.active.set(token, pending);
    return { taskToken: token, input: pending.inputText };
  }

  private markStarted(pending: Pending): void {
    if (pending.started) return;
    pending.started = true;
    pending.task.started(pending.workerName === undefined ? {} : { workerName: pending.workerName });
  }

  /** The task ended without a worker's answer: out of the queue, token marked timed out. */
  private abandon(activityArn: string, pending: Pending): void {
    const queue = this.queues.get(activityArn);
    const index = queue?.indexOf(pending) ?? -1;
    if (queue && index >= 0) queue.splice(index, 1);
    if (pending.token !== undefined && this.active.get(pending.token) === pending) {
      this.active.delete(pending.token);
      this.ended.remember(pending.token, 'timedOut');
    }
    pending.reject(abortReason(pending.task.signal));
  }

  private lookup(token: string): Pending {
    if (!TOKEN_PATTERN.test(token)) throw new ApiError('InvalidToken', `Invalid Token: '${token}'`);
    const pending = this.active.get(token);
    if (pending) return pending;
    const { code, message } = this.ended.refusal(token);
    throw new ApiError(code, message);
  }

  private take(token: string): Pending {
    const pending = this.lookup(token);
    this.markStarted(pending);
    this.active.delete(token);
    this.ended.remember(token, 'completed');
    return pending;
  }
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new Error('the task ended before a worker answered');
}
