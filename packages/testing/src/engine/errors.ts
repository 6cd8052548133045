// Failures travel through the interpreter as one error class carrying AWS's error name and cause,
// because Retry, Catch, Map tolerance and the final ExecutionFailed event all read those two
// strings. Whether a failure can be retried or caught is AWS's rule, kept here in one place.

/** Error names AWS reserves, as they appear in histories. */
export const StatesErrors = {
  ALL: 'States.ALL',
  Runtime: 'States.Runtime',
  Timeout: 'States.Timeout',
  HeartbeatTimeout: 'States.HeartbeatTimeout',
  TaskFailed: 'States.TaskFailed',
  DataLimitExceeded: 'States.DataLimitExceeded',
  QueryEvaluationError: 'States.QueryEvaluationError',
  ExceedToleratedFailureThreshold: 'States.ExceedToleratedFailureThreshold',
  BranchFailed: 'States.BranchFailed',
  NoChoiceMatched: 'States.NoChoiceMatched',
  IntrinsicFailure: 'States.IntrinsicFailure',
  ParameterPathFailure: 'States.ParameterPathFailure',
  ResultPathMatchFailure: 'States.ResultPathMatchFailure',
  ItemReaderFailed: 'States.ItemReaderFailed',
  Permissions: 'States.Permissions',
} as const;

/**
 * A state failed with an AWS error name and cause. `location` and `kind` shape the history:
 * evaluation failures (JSONata) add an EvaluationFailed event, task failures a TaskFailed-like one.
 */
export class StatesFailure extends Error {
  override readonly name = 'StatesFailure';
  constructor(
    readonly error: string,
    override readonly cause: string | undefined,
    readonly kind: 'runtime' | 'evaluation' | 'task' | 'fail-state' | 'branch' = 'runtime',
    readonly location?: string,
  ) {
    super(cause === undefined ? error : `${error}: ${cause}`);
  }
}

/**
 * Thrown by a task handler, resolver or mock to fail the Task with this error name and cause;
 * Retry and Catch see exactly these strings.
 * @example throw new TaskFailedError('PaymentDeclined', 'card expired');
 */
export class TaskFailedError extends Error {
  override readonly name = 'TaskFailedError';
  /**
   * @param error the error name Retry and Catch match (`ErrorEquals`).
   * @param cause the cause recorded with it.
   */
  constructor(
    readonly error: string,
    override readonly cause?: string,
  ) {
    super(cause === undefined ? error : `${error}: ${cause}`);
  }
}

/**
 * Thrown synchronously by a task resolver to refuse a Task before it is scheduled, as AWS refuses
 * an activity that does not exist: no Scheduled event is recorded and the execution fails with
 * States.Runtime (which no Retry or Catch takes), the cause prefixed with the state's name and
 * entered event as AWS words it.
 * @example throw new TaskNotScheduledError(`The activity ${request.resource} does not exist.`);
 */
export class TaskNotScheduledError extends Error {
  override readonly name = 'TaskNotScheduledError';
  constructor(
    /** What is wrong, without the state prefix (the engine adds it). */
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The execution (or the branch, iteration or task attempt) stopped while this work ran. */
export class StoppedError extends Error {
  override readonly name = 'StoppedError';
}

/** The prefix AWS puts before every runtime failure it attributes to a state. */
export function stateFailurePrefix(stateName: string, enteredEventId: number): string {
  return `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}).`;
}

/** A States.Runtime failure with AWS's cause wording. */
export function runtimeFailure(stateName: string, enteredEventId: number, message: string): StatesFailure {
  return new StatesFailure(
    StatesErrors.Runtime,
    `${stateFailurePrefix(stateName, enteredEventId)} ${message}`,
    'runtime',
  );
}

/** A States.QueryEvaluationError (JSONata) with AWS's cause wording. */
export function queryEvaluationFailure(
  stateName: string,
  enteredEventId: number,
  message: string,
  location?: string,
): StatesFailure {
  return new StatesFailure(
    StatesErrors.QueryEvaluationError,
    `${stateFailurePrefix(stateName, enteredEventId)} ${message}`,
    'evaluation',
    location,
  );
}

/** True when a retrier or catcher listing `errorEquals` handles `error`, by AWS's matching rules. */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  // States.Runtime is never retried nor caught; States.ALL and States.TaskFailed do not match
  // the terminal States.DataLimitExceeded, and States.TaskFailed does not match timeouts.
  if (error === StatesErrors.Runtime) return false;
  for (const name of errorEquals) {
    if (name === error) return true;
    if (name === StatesErrors.ALL && error !== StatesErrors.DataLimitExceeded) return true;
    if (
      name === StatesErrors.TaskFailed &&
      error !== StatesErrors.DataLimitExceeded &&
      error !== StatesErrors.Timeout &&
      error !== StatesErrors.HeartbeatTimeout
    )
      return true;
    if (name === StatesErrors.Timeout && error === StatesErrors.HeartbeatTimeout) return true;
  }
  return false;
}

/** Turns anything a handler threw into an AWS error name and cause. */
export function describeThrown(thrown: unknown): { error: string; cause: string | undefined } {
  if (thrown instanceof TaskFailedError || thrown instanceof StatesFailure) {
    return { error: thrown.error, cause: thrown.cause };
  }
  if (thrown instanceof Error) {
    return { error: thrown.name || 'Error', cause: thrown.message };
  }
  if (typeof thrown === 'string') return { error: thrown, cause: undefined };
  return { error: 'Error', cause: safeString(thrown) };
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}
