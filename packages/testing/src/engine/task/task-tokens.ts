// The callback pattern's meeting point: a `.waitForTaskToken` Task, once its integration has been
// started, waits here under its token until someone answers it (SendTaskSuccess, SendTaskFailure,
// SendTaskHeartbeat through an execution handle or the local endpoint). One registry serves an
// execution and the child executions it starts (the endpoint shares one across all it runs), so
// any token the tree handed out can be answered in one place. Tokens of tasks that ended stay
// remembered (boundedly) so a late answer gets AWS's TaskTimedOut, an unknown one TaskDoesNotExist.
import { randomBytes } from 'node:crypto';
import { type JsonValue, MAX_CAUSE_LENGTH, MAX_ERROR_LENGTH } from '@sfini/core';
import { TaskFailedError } from '../errors.js';
import { jsonByteSize, PAYLOAD_LIMIT_BYTES } from '../values/size.js';
import { EndedTokens } from './ended-tokens.js';

/** A Task waiting for its token to be answered. */
export interface PendingTaskToken {
  readonly taskToken: string;
  /** The Task state that waits. */
  readonly stateName: string;
  /** The execution (or child execution) the Task runs in. */
  readonly executionArn: string;
  /** The Task's Resource, e.g. `arn:aws:states:::lambda:invoke.waitForTaskToken`. */
  readonly resource: string;
}

/**
 * An answer to a task token that cannot be delivered. `code` is the error AWS's API returns:
 * `TaskDoesNotExist` (no task ever had the token, or it was already answered), `TaskTimedOut`
 * (the task ended, timed out or stopped, before the answer came) or `ValidationException` (the
 * answer breaks AWS's limits: an output over 256 KiB, an error over 256 or a cause over 32,768
 * characters).
 * @example
 * try {
 *   run.sendTaskSuccess(token, { approved: true });
 * } catch (error) {
 *   if (error instanceof TaskTokenError && error.code === 'TaskTimedOut') console.log('too late');
 * }
 */
export class TaskTokenError extends Error {
  override readonly name = 'TaskTokenError';
  /**
   * @param code the API error AWS answers with.
   * @param message what went wrong, as AWS words it.
   */
  constructor(
    readonly code: 'TaskDoesNotExist' | 'TaskTimedOut' | 'ValidationException',
    message: string,
  ) {
    super(message);
  }
}

/** What a waiting task needs to be answered. */
export interface TokenWait {
  readonly stateName: string;
  readonly executionArn: string;
  readonly resource: string;
  /** Aborted when the task times out, loses its heartbeat or its execution stops. */
  readonly signal: AbortSignal;
  heartbeat(): void;
}

interface Waiting extends PendingTaskToken {
  readonly resolve: (output: JsonValue) => void;
  readonly reject: (error: Error) => void;
  readonly heartbeat: () => void;
}

/** One broken limit, worded as AWS's request validator words it (values elided, as AWS does). */
function violation(member: string, max: number): string {
  return `Value '***' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`;
}

function refuse(violations: readonly string[]): void {
  if (violations.length === 0) return;
  const noun = violations.length === 1 ? 'validation error' : 'validation errors';
  throw new TaskTokenError(
    'ValidationException',
    `${violations.length} ${noun} detected: ${violations.join('; ')}`,
  );
}

/**
 * Checks a SendTaskSuccess output against AWS's payload quota (256 KiB of UTF-8 JSON).
 * @returns `output`, unchanged.
 * @throws TaskTokenError `ValidationException` when the output is larger.
 */
export function checkTaskOutput(output: JsonValue): JsonValue {
  refuse(jsonByteSize(output) > PAYLOAD_LIMIT_BYTES ? [violation('output', PAYLOAD_LIMIT_BYTES)] : []);
  return output;
}

/**
 * Checks a SendTaskFailure's error and cause against AWS's limits (256 and 32,768 characters),
 * reporting both when both are too long.
 * @throws TaskTokenError `ValidationException` when either is longer.
 */
export function checkTaskFailure(error: string | undefined, cause: string | undefined): void {
  const violations: string[] = [];
  if (error !== undefined && error.length > MAX_ERROR_LENGTH)
    violations.push(violation('error', MAX_ERROR_LENGTH));
  if (cause !== undefined && cause.length > MAX_CAUSE_LENGTH)
    violations.push(violation('cause', MAX_CAUSE_LENGTH));
  refuse(violations);
}

/** Makes a task token in the shape AWS's tokens and the endpoint's activity tokens share. */
export function newTaskToken(): string {
  return randomBytes(48).toString('base64url');
}

/** The tokens of an execution tree's waiting callback Tasks, and of those that ended. */
export class TaskTokens {
  readonly #waiting = new Map<string, Waiting>();
  readonly #ended = new EndedTokens();

  /**
   * Waits for `token` to be answered: resolves with SendTaskSuccess's output, rejects with
   * TaskFailedError for SendTaskFailure, or with the signal's reason when the task ends first.
   */
  wait(token: string, task: TokenWait): Promise<JsonValue> {
    return new Promise<JsonValue>((resolve, reject) => {
      const { signal } = task;
      if (signal.aborted) {
        this.#ended.remember(token, 'timedOut');
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        if (this.#waiting.get(token) !== waiting) return;
        this.#waiting.delete(token);
        this.#ended.remember(token, 'timedOut');
        reject(signal.reason);
      };
      const settle = () => signal.removeEventListener('abort', onAbort);
      const waiting: Waiting = {
        taskToken: token,
        stateName: task.stateName,
        executionArn: task.executionArn,
        resource: task.resource,
        heartbeat: () => task.heartbeat(),
        resolve: (output) => {
          settle();
          resolve(output);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting.set(token, waiting);
    });
  }

  /** Whether `token` belongs to this registry: waiting now, or ended and remembered. */
  knows(token: string): boolean {
    return this.#waiting.has(token) || this.#ended.has(token);
  }

  /** The Tasks waiting for an answer, oldest first. */
  pending(): PendingTaskToken[] {
    return [...this.#waiting.values()].map(({ taskToken, stateName, executionArn, resource }) => ({
      taskToken,
      stateName,
      executionArn,
      resource,
    }));
  }

  /**
   * SendTaskSuccess: the waiting Task succeeds with `output`.
   * @throws TaskTokenError when no Task waits for `token`.
   */
  succeed(token: string, output: JsonValue): void {
    this.#take(token).resolve(output);
  }

  /**
   * SendTaskFailure: the waiting Task fails with `error` and `cause`, which Retry and Catch see.
   * @throws TaskTokenError when no Task waits for `token`.
   */
  fail(token: string, error?: string, cause?: string): void {
    this.#take(token).reject(new TaskFailedError(error ?? '', cause));
  }

  /**
   * SendTaskHeartbeat: restarts the waiting Task's HeartbeatSeconds.
   * @throws TaskTokenError when no Task waits for `token`.
   */
  heartbeat(token: string): void {
    this.#lookup(token).heartbeat();
  }

  #lookup(token: string): Waiting {
    const waiting = this.#waiting.get(token);
    if (waiting) return waiting;
    const { code, message } = this.#ended.refusal(token);
    throw new TaskTokenError(code, message);
  }

  #take(token: string): Waiting {
    const waiting = this.#lookup(token);
    this.#waiting.delete(token);
    this.#ended.remember(token, 'completed');
    return waiting;
  }
}
