// The runtime's own errors, and the one judgement every loop here depends on: is an API error
// worth retrying? Workers and waits survive throttling, 5xx answers and dropped connections,
// but must stop at once on a modeled answer (TaskTimedOut, InvalidArn, ...) because repeating
// the call can never change it. Keeping that rule in one function keeps the loops consistent.

// Input checking is shared with the local engine, so its error lives in core.
export { ExecutionInputError } from '@sfini/core';

/** Error names AWS uses for throttling, which arrive with HTTP 400 but are transient. */
const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'SlowDown',
  'KmsThrottlingException',
]);

/** Socket-level failures: the request may never have reached the service. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  cause?: unknown;
}

/** True when `error` is an abort (an AbortSignal fired), not a failure. */
export function isAbortError(error: unknown): boolean {
  const e = error as SdkErrorLike | undefined;
  return e?.name === 'AbortError' || e?.code === 'ABORT_ERR';
}

/**
 * True when repeating the call may succeed: throttling, a 5xx answer, a timeout or a network
 * failure. Modeled errors (a 4xx with an AWS error name) and aborts are not transient.
 * @param error anything thrown by an SDK call (its `cause` chain is followed).
 * @example
 * ```ts
 * try {
 *   await session.client.send(command);
 * } catch (error) {
 *   if (!isTransientError(error)) throw error; // e.g. InvalidArn: retrying cannot help
 *   // throttled, 5xx, timed out or disconnected: retry after a backoff
 * }
 * ```
 */
export function isTransientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || isAbortError(error)) return false;
  const e = error as SdkErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  if (THROTTLING_NAMES.has(name)) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && (status >= 500 || status === 429)) return true;
  if (e.$fault === 'server') return true;
  if (name === 'TimeoutError' || name === 'RequestTimeout' || name === 'RequestTimeoutException') return true;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && /socket hang up|other side closed/i.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== error && isTransientError(e.cause);
}

/** The AWS error name of an SDK error (`ActivityDoesNotExist`, ...), or undefined. */
export function awsErrorName(error: unknown): string | undefined {
  const name = (error as SdkErrorLike | undefined)?.name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * A payload above Step Functions' 256 KiB limit, refused before it is sent.
 * @example
 * ```ts
 * try {
 *   await machine.start(input);
 * } catch (error) {
 *   if (error instanceof PayloadTooLargeError) console.error(`${error.what}: ${error.bytes} bytes`);
 *   else throw error;
 * }
 * ```
 */
export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  /** The payload's size in UTF-8 bytes. */
  readonly bytes: number;
  /**
   * @param what the payload, as the message names it (e.g. `input of state machine 'counter'`).
   * @param json the payload's JSON text, measured in UTF-8 bytes.
   */
  constructor(
    readonly what: string,
    json: string,
  ) {
    const bytes = Buffer.byteLength(json, 'utf8');
    super(`${what} is ${bytes} bytes of JSON; Step Functions accepts at most ${MAX_PAYLOAD_BYTES}`);
    this.bytes = bytes;
  }
}

/** Step Functions' limit on execution input, task output and state data, in UTF-8 bytes. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

/**
 * Throws {@link PayloadTooLargeError} when `json` is above the payload limit.
 * @param what the payload, as the error names it.
 * @param json the payload's JSON text.
 * @throws PayloadTooLargeError when `json` is above {@link MAX_PAYLOAD_BYTES} in UTF-8.
 * @example
 * ```ts
 * const json = JSON.stringify(output);
 * assertPayloadSize('output of task resize', json);
 * ```
 */
export function assertPayloadSize(what: string, json: string): void {
  if (Buffer.byteLength(json, 'utf8') > MAX_PAYLOAD_BYTES) throw new PayloadTooLargeError(what, json);
}

/**
 * Reading `output` of an execution that did not succeed (or has not finished).
 * @example
 * ```ts
 * const execution = await machine.start({ increment: 3 });
 * await execution.wait();
 * try {
 *   console.log(execution.output);
 * } catch (error) {
 *   if (!(error instanceof ExecutionNotSucceededError)) throw error;
 *   console.error(error.status, error.executionError, error.executionCause);
 * }
 * ```
 */
export class ExecutionNotSucceededError extends Error {
  override readonly name = 'ExecutionNotSucceededError';
  /**
   * @param executionArn the execution.
   * @param status its status (FAILED, TIMED_OUT, ABORTED, ..., or why it is not known to have ended).
   * @param executionError the error the execution ended with, if any.
   * @param executionCause the cause the execution ended with, if any.
   */
  constructor(
    readonly executionArn: string,
    readonly status: string,
    readonly executionError?: string,
    readonly executionCause?: string,
  ) {
    const detail = executionError
      ? ` with error ${executionError}${executionCause ? `: ${executionCause}` : ''}`
      : '';
    super(`execution ${executionArn} has status ${status}${detail}; it has no output`);
  }
}

/**
 * `wait()` ran out of time before the execution finished.
 * @example
 * ```ts
 * try {
 *   await execution.wait({ timeoutMs: 60_000 });
 * } catch (error) {
 *   if (!(error instanceof WaitTimeoutError)) throw error;
 *   await execution.stop({ error: 'TooSlow', cause: error.message });
 * }
 * ```
 */
export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
  /**
   * @param executionArn the execution waited for.
   * @param timeoutMs how long the wait lasted, in milliseconds.
   */
  constructor(
    readonly executionArn: string,
    readonly timeoutMs: number,
  ) {
    super(`execution ${executionArn} was still running after ${timeoutMs} ms`);
  }
}

/**
 * A resource looked up by name that Step Functions does not have.
 * @example
 * ```ts
 * try {
 *   await session.stateMachine(counter).resolveArn();
 * } catch (error) {
 *   if (error instanceof NotRegisteredError) console.error(`${error.kind} ${error.resourceName}: register it first`);
 *   else throw error;
 * }
 * ```
 */
export class NotRegisteredError extends Error {
  override readonly name = 'NotRegisteredError';
  /**
   * @param kind what was looked up.
   * @param resourceName the name it was looked up by.
   */
  constructor(
    readonly kind: 'activity' | 'state machine',
    readonly resourceName: string,
  ) {
    super(
      `${kind} '${resourceName}' is not registered; register it first (e.g. the CLI's 'register' command)`,
    );
  }
}

/**
 * An operation that needs Step Functions' record of an execution, asked of an EXPRESS one. AWS
 * keeps no such record: DescribeExecution, GetExecutionHistory, StopExecution and
 * RedriveExecution refuse EXPRESS executions.
 * @example
 * ```ts
 * const handle = session.stateMachine(machine, { type: 'EXPRESS' });
 * const started = await handle.start(input);
 * // started.wait() does not compile; a handle made from the ARN refuses at run time:
 * await session.execution(started.arn).wait(); // rejects with ExpressExecutionError
 * ```
 */
export class ExpressExecutionError extends Error {
  override readonly name = 'ExpressExecutionError';
  /**
   * @param executionArn the EXPRESS execution.
   * @param operation what was asked of it, as the message says it (e.g. `wait for`).
   */
  constructor(
    readonly executionArn: string,
    readonly operation: string,
  ) {
    super(
      `cannot ${operation} execution ${executionArn}: it belongs to an EXPRESS state machine, and ` +
        'Step Functions keeps no record of EXPRESS executions for DescribeExecution, ' +
        'GetExecutionHistory, StopExecution or RedriveExecution. Run it with startSync() to get ' +
        "its result, or send the machine's logs to CloudWatch Logs (the `logging` option) to " +
        'follow it there; a STANDARD machine keeps every execution for 90 days.',
    );
  }
}

/**
 * An operation the endpoint does not offer (the local endpoint models no redrive, versions or aliases).
 * @example
 * ```ts
 * const session = new Session({ endpoint: endpoint.url }); // a local endpoint
 * await session.execution(executionArn).redrive(); // rejects with EndpointUnsupportedError
 * ```
 */
export class EndpointUnsupportedError extends Error {
  override readonly name = 'EndpointUnsupportedError';
  /**
   * @param feature what was asked for (e.g. `redriving execution <ARN>`).
   * @param endpoint the endpoint that refused it.
   * @param cause the endpoint's answer (an UnknownOperationException).
   */
  constructor(
    readonly feature: string,
    readonly endpoint: string | undefined,
    override readonly cause: unknown,
  ) {
    super(
      `${feature}: the endpoint at ${endpoint ?? 'the configured address'} answered ` +
        `${awsErrorName(cause)}. This needs AWS Step Functions; the local endpoint does not model it.`,
    );
  }
}

/**
 * `error` as thrown by a call needing `feature`: an {@link EndpointUnsupportedError} when the
 * endpoint does not know the operation, else `error` itself.
 */
export function needsAws(
  session: { endpoint: string | undefined },
  feature: string,
  error: unknown,
): unknown {
  return awsErrorName(error) === 'UnknownOperationException'
    ? new EndpointUnsupportedError(feature, session.endpoint, error)
    : error;
}

/**
 * StartSyncExecution answered with a status that is not a final one (SUCCEEDED, FAILED or
 * TIMED_OUT), so there is no result to give; the execution's fate is unknown.
 * @example
 * ```ts
 * try {
 *   await orders.startSync({ orderId: '42' });
 * } catch (error) {
 *   if (error instanceof UnexpectedSyncStatusError) console.error(error.executionArn, error.status);
 *   else throw error;
 * }
 * ```
 */
export class UnexpectedSyncStatusError extends Error {
  override readonly name = 'UnexpectedSyncStatusError';
  /**
   * @param executionArn the execution StartSyncExecution ran.
   * @param status the status it answered (undefined when it gave none).
   */
  constructor(
    readonly executionArn: string,
    readonly status: string | undefined,
  ) {
    super(
      `StartSyncExecution answered status ${String(status)} for ${executionArn}; ` +
        'expected SUCCEEDED, FAILED or TIMED_OUT',
    );
  }
}
