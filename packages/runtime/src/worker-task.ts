// One task, from the moment GetActivityTask handed it over until Step Functions has the
// result. The handler's input is validated by the activity itself (so a bad field fails the
// task with a cause naming it); heartbeats run beside the handler and, when Step Functions
// answers that the task is gone, abort the handler at once instead of letting it work for
// nothing. Step Functions never tells a worker on its own: it learns only from the answer to a
// call about the task, so the heartbeat interval bounds how long a handler runs unwanted.
// Reporting retries transient errors until it succeeds or a modeled answer says the task can
// no longer be reported: a task is never silently dropped. A task the service no longer wants
// (TaskTimedOut, TaskDoesNotExist: its execution was stopped or ended, or it timed out) is
// `expired`, which is normal; only a report that could not be sent is `lost`.
import {
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import type { ActivityContext, AnyActivity } from '@sfini/core';
import { type TaskFailure, taskFailureOf } from '@sfini/core';
import { Backoff, type BackoffOptions, sleep } from './backoff.js';
import { awsErrorName, isTransientError, MAX_PAYLOAD_BYTES, PayloadTooLargeError } from './errors.js';

/** Failure sent when a handler's result is above the 256 KiB payload limit. */
export const OUTPUT_TOO_LARGE_ERROR = 'sfini.OutputTooLarge';

/**
 * Answers meaning Step Functions no longer wants the task's result: it timed out (its
 * TimeoutSeconds or HeartbeatSeconds passed), or its execution was stopped, failed or ended.
 * AWS answers TaskTimedOut for a task it still remembers, TaskDoesNotExist otherwise.
 */
const TASK_EXPIRED = new Set(['TaskTimedOut', 'TaskDoesNotExist']);
/** An answer meaning the token itself is not valid: nothing about the task can be sent. */
const TOKEN_INVALID = 'InvalidToken';

/** The task's outcome as it was (or was not) reported. */
export type TaskOutcome =
  | { kind: 'succeeded' }
  /** Reported as failed; `thrown` is what the handler threw (its stack, for the worker's logs). */
  | { kind: 'failed'; failure: TaskFailure; thrown?: unknown }
  /**
   * Step Functions no longer wants the result (the task timed out, or its execution was stopped
   * or ended): `answer` is its TaskTimedOut or TaskDoesNotExist. Nothing is lost: the execution
   * has moved on (a Retry or Catch on States.Timeout / States.HeartbeatTimeout, or its end).
   */
  | { kind: 'expired'; answer: string; reason: string }
  /** The outcome could not be reported (the API stayed unreachable, or refused the call). */
  | { kind: 'lost'; reason: string }
  /** Already reported as failed (by a worker's shutdown) while the handler still ran. */
  | { kind: 'superseded' };

/** What a modeled answer to a call about the task says about it, if it says it is gone. */
function goneOutcome(
  answer: string | undefined,
  call: string,
): (TaskOutcome & { kind: 'expired' | 'lost' }) | undefined {
  if (answer !== undefined && TASK_EXPIRED.has(answer)) {
    return {
      kind: 'expired',
      answer,
      reason:
        `Step Functions answered ${answer} to ${call}: it no longer wants the result ` +
        '(the task timed out, or its execution was stopped or ended)',
    };
  }
  if (answer === TOKEN_INVALID)
    return { kind: 'lost', reason: `Step Functions answered ${answer} to ${call}` };
  return undefined;
}

/**
 * Handed to a handler whose task the worker gave up on (shutdown deadline, heartbeat lost).
 * @example
 * ```ts
 * const slow = activity('slow', { input: z.object({ url: z.string() }) }, async ({ url }, { signal }) => {
 *   signal.addEventListener('abort', () => {
 *     if (signal.reason instanceof TaskAbandonedError) console.warn(`gave up on ${url}`);
 *   });
 *   return (await fetch(url, { signal })).status;
 * });
 * ```
 */
export class TaskAbandonedError extends Error {
  override readonly name = 'TaskAbandonedError';
}

/** What a running task needs from its worker. */
export interface TaskEnvironment {
  client: SFNClient;
  activity: AnyActivity;
  heartbeatIntervalMs: number | undefined;
  /** Send the stack frames in a failure's cause, after the message. */
  causeIncludesStack: boolean;
  retry: BackoffOptions;
  /** Aborts report retries when the worker is forced to stop. */
  hardStop: AbortSignal;
  onTransientError(operation: string, error: unknown): void;
}

/** A task in flight; the worker keeps these to finish or fail them at shutdown. */
export class RunningTask {
  readonly token: string;
  readonly #env: TaskEnvironment;
  readonly #abort = new AbortController();
  #settled = false;
  /** Set when an answer said the task is gone; the handler is aborted and nothing is reported. */
  #gone: (TaskOutcome & { kind: 'expired' | 'lost' }) | undefined;

  constructor(env: TaskEnvironment, token: string) {
    this.#env = env;
    this.token = token;
  }

  /** Aborted when the handler should give up. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** Runs the handler on `rawInput` and reports the outcome. Never rejects. */
  async run(rawInput: string | undefined): Promise<TaskOutcome> {
    const { activity } = this.#env;
    const heartbeatTimer =
      this.#env.heartbeatIntervalMs === undefined
        ? undefined
        : setInterval(() => void this.heartbeat().catch(() => {}), this.#env.heartbeatIntervalMs);
    const timeoutTimer =
      activity.timeoutSeconds === undefined
        ? undefined
        : setTimeout(
            () => this.#abandon(`the activity's timeout of ${activity.timeoutSeconds} s passed`),
            activity.timeoutSeconds * 1000,
          );
    let result: { ok: true; output: string } | { ok: false; failure: TaskFailure; thrown?: unknown };
    try {
      const input = rawInput === undefined || rawInput === '' ? null : JSON.parse(rawInput);
      const context: ActivityContext = {
        signal: this.#abort.signal,
        heartbeat: () => this.heartbeat(),
        taskToken: this.token,
      };
      const output = JSON.stringify(await activity.invoke(input, context));
      if (Buffer.byteLength(output, 'utf8') > MAX_PAYLOAD_BYTES) {
        // Sending it would be refused; failing says why, and the execution can catch it.
        const tooLarge = new PayloadTooLargeError(`the output of activity '${activity.name}'`, output);
        result = { ok: false, failure: { error: OUTPUT_TOO_LARGE_ERROR, cause: tooLarge.message } };
      } else {
        result = { ok: true, output };
      }
    } catch (error) {
      const failure = taskFailureOf(error, { includeStack: this.#env.causeIncludesStack });
      result = { ok: false, failure, thrown: error };
    } finally {
      clearInterval(heartbeatTimer);
      clearTimeout(timeoutTimer);
    }
    if (this.#settled) return { kind: 'superseded' };
    if (this.#gone !== undefined) {
      this.#settled = true;
      return this.#gone;
    }
    return result.ok
      ? this.#report({ kind: 'succeeded' }, result.output)
      : this.#report({ kind: 'failed', failure: result.failure, thrown: result.thrown });
  }

  /** Sends a heartbeat; when the task is gone, aborts the handler at once and rejects. */
  async heartbeat(): Promise<void> {
    if (this.#settled || this.#gone !== undefined) return;
    try {
      await this.#env.client.send(new SendTaskHeartbeatCommand({ taskToken: this.token }));
    } catch (error) {
      const gone = goneOutcome(awsErrorName(error), 'a heartbeat');
      if (gone) {
        this.#gone ??= gone;
        this.#abandon(gone.reason);
        throw error;
      }
      if (isTransientError(error)) this.#env.onTransientError('SendTaskHeartbeat', error);
      else throw error;
    }
  }

  #abandon(reason: string): void {
    if (!this.#abort.signal.aborted) this.#abort.abort(new TaskAbandonedError(reason));
  }

  /**
   * Gives up on the task: aborts its handler and reports `failure` now, so the execution can
   * retry or catch instead of waiting for a timeout. Used at the shutdown deadline.
   */
  async fail(failure: TaskFailure): Promise<TaskOutcome> {
    this.#abandon(failure.cause);
    if (this.#settled) return { kind: 'superseded' };
    return this.#report({ kind: 'failed', failure });
  }

  async #report(
    outcome: TaskOutcome & { kind: 'succeeded' | 'failed' },
    output?: string,
  ): Promise<TaskOutcome> {
    this.#settled = true;
    const command =
      outcome.kind === 'succeeded'
        ? new SendTaskSuccessCommand({ taskToken: this.token, output: output ?? 'null' })
        : new SendTaskFailureCommand({
            taskToken: this.token,
            error: outcome.failure.error,
            cause: outcome.failure.cause,
          });
    const operation = outcome.kind === 'succeeded' ? 'SendTaskSuccess' : 'SendTaskFailure';
    const backoff = new Backoff(this.#env.retry);
    for (;;) {
      try {
        await this.#env.client.send(command as SendTaskSuccessCommand, { abortSignal: this.#env.hardStop });
        return outcome;
      } catch (error) {
        const name = awsErrorName(error);
        const gone = goneOutcome(name, operation);
        if (gone) return gone;
        if (!isTransientError(error)) {
          return {
            kind: 'lost',
            reason: `reporting failed: ${name ?? 'Error'}: ${(error as Error).message}`,
          };
        }
        this.#env.onTransientError(operation, error);
        try {
          await sleep(backoff.next(), this.#env.hardStop);
        } catch {
          return { kind: 'lost', reason: 'the worker was forced to stop while reporting' };
        }
      }
    }
  }
}
