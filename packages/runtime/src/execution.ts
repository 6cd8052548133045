// An execution handle is cheap (an ARN and a session) so one can be made for any execution,
// including those started elsewhere. Waiting polls DescribeExecution with a growing interval:
// quick for executions that finish in milliseconds on the local endpoint, gentle on AWS's API
// limits for those that run for hours. The output keeps the machine's output type, which the
// DSL computed, so `execution.output` is typed without a cast. AWS keeps no record of EXPRESS
// executions, so the calls that read or change one are refused here with a sentence saying so,
// not with the service's bare InvalidArn.
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  type HistoryEvent,
  RedriveExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { parseStatesArn } from '@sfini/core';
import { abortReason, Backoff, sleep } from './backoff.js';
import {
  ExecutionNotSucceededError,
  ExpressExecutionError,
  isTransientError,
  needsAws,
  WaitTimeoutError,
} from './errors.js';
import { type FormatHistoryOptions, formatHistory, type ReadHistoryOptions, readHistory } from './history.js';
import type { Session } from './session.js';

/** How an execution ended. */
export type TerminalStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

/** A finished execution: its output when it succeeded, its error and cause otherwise. */
export type ExecutionResult<Output> =
  | {
      readonly status: 'SUCCEEDED';
      readonly output: Output;
      readonly startDate?: Date;
      readonly stopDate?: Date;
    }
  | {
      readonly status: Exclude<TerminalStatus, 'SUCCEEDED'>;
      readonly error: string | undefined;
      readonly cause: string | undefined;
      readonly startDate?: Date;
      readonly stopDate?: Date;
    };

/** Fields shared by DescribeExecution and StartSyncExecution answers. */
export interface ExecutionOutcome {
  status?: string | undefined;
  output?: string | undefined;
  error?: string | undefined;
  cause?: string | undefined;
  startDate?: Date | undefined;
  stopDate?: Date | undefined;
}

/**
 * Turns a described or synchronous outcome into a result; undefined while still running.
 * @param outcome a DescribeExecution or StartSyncExecution answer (its `output` is JSON text).
 * @example
 * ```ts
 * const described = await session.client.send(new DescribeExecutionCommand({ executionArn }));
 * const result = resultOf<number>(described);
 * if (result?.status === 'SUCCEEDED') console.log(result.output + 1);
 * ```
 */
export function resultOf<Output>(outcome: ExecutionOutcome): ExecutionResult<Output> | undefined {
  const dates = {
    ...(outcome.startDate ? { startDate: outcome.startDate } : {}),
    ...(outcome.stopDate ? { stopDate: outcome.stopDate } : {}),
  };
  switch (outcome.status) {
    case 'SUCCEEDED':
      return {
        status: 'SUCCEEDED',
        output: (outcome.output === undefined ? null : JSON.parse(outcome.output)) as Output,
        ...dates,
      };
    case 'FAILED':
    case 'TIMED_OUT':
    case 'ABORTED':
    case 'PENDING_REDRIVE':
      return { status: outcome.status, error: outcome.error, cause: outcome.cause, ...dates };
    default:
      return undefined;
  }
}

/**
 * The output of a finished execution.
 * @throws ExecutionNotSucceededError when it failed, timed out, was aborted, or is not known to
 * have finished.
 */
export function outputOf<Output>(executionArn: string, result: ExecutionResult<Output> | undefined): Output {
  if (result?.status === 'SUCCEEDED') return result.output;
  throw new ExecutionNotSucceededError(
    executionArn,
    result?.status ?? 'RUNNING (call wait() first)',
    result?.error,
    result?.cause,
  );
}

/** The execution's name as its ARN gives it (the ARN itself when it is not one). */
export function executionNameOf(executionArn: string, arn = parseStatesArn(executionArn)): string {
  return arn?.resource[1] ?? executionArn;
}

/**
 * True when `executionArn` names an execution of an EXPRESS machine (`...:express:...`).
 * @param executionArn any execution ARN.
 * @example
 * ```ts
 * isExpressExecutionArn('arn:aws:states:us-east-1:123456789012:express:orders:run-1:9f2c'); // true
 * isExpressExecutionArn('arn:aws:states:us-east-1:123456789012:execution:orders:run-1'); // false
 * ```
 */
export function isExpressExecutionArn(executionArn: string): boolean {
  return parseStatesArn(executionArn)?.resourceType === 'express';
}

/** Options of {@link Execution.wait}. */
export interface WaitOptions {
  /** Give up after this many milliseconds with a {@link WaitTimeoutError}. Default: no limit. */
  timeoutMs?: number;
  /** Stop waiting (rejects with the signal's reason); the execution keeps running. */
  signal?: AbortSignal;
  /** First interval between polls, in milliseconds. Default 50. */
  initialIntervalMs?: number;
  /** Longest interval between polls, in milliseconds. Default 2000. */
  maxIntervalMs?: number;
}

/**
 * One execution of a STANDARD state machine, as Step Functions records it. Made for an EXPRESS
 * execution's ARN, its describe, wait, stop and history calls throw
 * {@link ExpressExecutionError}, since AWS keeps no record of those.
 * @example
 * ```ts
 * const execution = await session.stateMachine(counter).start({ increment: 4 });
 * const result = await execution.wait({ timeoutMs: 60_000 });
 * if (result.status === 'SUCCEEDED') console.log(execution.output); // typed by the machine
 * else console.log(await execution.formatHistory());
 * ```
 */
export class Execution<Output = unknown> {
  readonly arn: string;
  /** The execution's name (the last part of its ARN). */
  readonly name: string;
  readonly #session: Session;
  readonly #express: boolean;
  #result: ExecutionResult<Output> | undefined;

  /**
   * Usually made by `machine.start()` or `session.execution(arn)` rather than directly.
   * @param session the session whose client makes the calls.
   * @param executionArn the execution's ARN.
   * @param result how it ended, when already known.
   */
  constructor(session: Session, executionArn: string, result?: ExecutionResult<Output>) {
    this.#session = session;
    this.arn = executionArn;
    const arn = parseStatesArn(executionArn);
    this.name = executionNameOf(executionArn, arn);
    this.#express = arn?.resourceType === 'express';
    this.#result = result;
  }

  #assertRecorded(operation: string): void {
    if (this.#express) throw new ExpressExecutionError(this.arn, operation);
  }

  /** The result, once `wait()` (or a synchronous start) has seen the execution finish. */
  get result(): ExecutionResult<Output> | undefined {
    return this.#result;
  }

  /**
   * The output of the succeeded execution.
   * @throws ExecutionNotSucceededError when it failed, timed out, was aborted, or was not awaited.
   */
  get output(): Output {
    return outputOf(this.arn, this.#result);
  }

  /**
   * Step Functions' description of the execution (status, input, output, dates, ...).
   * @param signal aborts the call.
   * @throws ExpressExecutionError for an EXPRESS execution.
   */
  async describe(signal?: AbortSignal): Promise<DescribeExecutionCommandOutput> {
    this.#assertRecorded('describe');
    return this.#session.client.send(
      new DescribeExecutionCommand({ executionArn: this.arn }),
      signal ? { abortSignal: signal } : {},
    );
  }

  /**
   * Polls until the execution finishes and returns how it ended (it does not throw on failure:
   * inspect `status`, or read `output`, which throws unless it succeeded).
   * @param options a time limit, an abort signal, and the intervals between polls.
   * @throws WaitTimeoutError after `timeoutMs`; the signal's reason when `signal` aborts;
   * ExpressExecutionError for an EXPRESS execution.
   */
  async wait(options: WaitOptions = {}): Promise<ExecutionResult<Output>> {
    if (this.#result) return this.#result;
    this.#assertRecorded('wait for');
    const deadline = options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs;
    const interval = new Backoff({
      initialMs: options.initialIntervalMs ?? 50,
      maxMs: options.maxIntervalMs ?? 2000,
      factor: 1.5,
      jitter: false,
    });
    const retry = new Backoff({ initialMs: 200, maxMs: 5000 });
    for (;;) {
      if (options.signal?.aborted) throw abortReason(options.signal);
      try {
        const result = resultOf<Output>(await this.describe(options.signal));
        retry.reset();
        if (result) {
          this.#result = result;
          return result;
        }
      } catch (error) {
        if (!isTransientError(error)) throw error;
        await sleep(retry.next(), options.signal);
        continue;
      }
      let delay = interval.next();
      if (deadline !== undefined) {
        const left = deadline - Date.now();
        if (left <= 0) throw new WaitTimeoutError(this.arn, options.timeoutMs!);
        delay = Math.min(delay, left);
      }
      await sleep(delay, options.signal);
    }
  }

  /**
   * Stops a running execution; its status becomes ABORTED.
   * @param details the error and cause recorded on the execution.
   * @throws ExpressExecutionError for an EXPRESS execution.
   */
  async stop(details: { error?: string; cause?: string } = {}): Promise<void> {
    this.#assertRecorded('stop');
    await this.#session.client.send(new StopExecutionCommand({ executionArn: this.arn, ...details }));
  }

  /**
   * Redrives a FAILED, TIMED_OUT or ABORTED execution (RedriveExecution, AWS only): it restarts
   * from the states that did not succeed, keeping its name and ARN, so `wait()` follows it again.
   * AWS allows it within 14 days of the stop and refuses it otherwise (ExecutionNotRedrivable).
   * @param options `clientToken` makes retried calls idempotent (at most 64 characters).
   * @returns when the redrive started.
   * @throws EndpointUnsupportedError against the local endpoint, which does not model redrive;
   * ExpressExecutionError for an EXPRESS execution.
   */
  async redrive(options: { clientToken?: string } = {}): Promise<Date | undefined> {
    this.#assertRecorded('redrive');
    let out: { redriveDate?: Date | undefined };
    try {
      out = await this.#session.client.send(
        new RedriveExecutionCommand({
          executionArn: this.arn,
          ...(options.clientToken ? { clientToken: options.clientToken } : {}),
        }),
      );
    } catch (error) {
      throw needsAws(this.#session, `redriving execution ${this.arn}`, error);
    }
    this.#result = undefined;
    return out.redriveDate;
  }

  /**
   * The history, lazily, page by page.
   * @param options order, page size, and whether payloads are included.
   * @throws ExpressExecutionError (when iterated) for an EXPRESS execution.
   */
  async *history(options: ReadHistoryOptions = {}): AsyncGenerator<HistoryEvent, void, undefined> {
    this.#assertRecorded('read the history of');
    yield* readHistory(this.#session.client, this.arn, options);
  }

  /**
   * The whole history as an array.
   * @param options order, page size, and whether payloads are included.
   * @throws ExpressExecutionError for an EXPRESS execution.
   */
  async historyEvents(options: ReadHistoryOptions = {}): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    for await (const event of this.history(options)) events.push(event);
    return events;
  }

  /**
   * The history as readable text (see {@link formatHistory}).
   * @param options how long a payload may be before it is cut.
   * @throws ExpressExecutionError for an EXPRESS execution.
   */
  async formatHistory(options: FormatHistoryOptions = {}): Promise<string> {
    return formatHistory(await this.historyEvents(), options);
  }
}
