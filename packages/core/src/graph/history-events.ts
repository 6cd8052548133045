// The shape of an execution history as `GetExecutionHistory` returns it, reduced to the fields
// a picture needs, and the tables that sort AWS's event types into "a state was entered",
// "an attempt started", "an attempt failed". Core carries no AWS SDK, so the type is
// structural: the SDK's `HistoryEvent[]` (from AWS or the local endpoint) is accepted as is,
// and so is the same data read back from JSON.

/** The error and cause an event carries. */
export interface HistoryErrorDetails {
  readonly error?: string | undefined;
  readonly cause?: string | undefined;
}

/**
 * One event of an execution history, in the shape of AWS's `HistoryEvent`. Only the fields
 * read here are listed; every other field of the SDK's type is accepted and ignored.
 */
export interface HistoryEventLike {
  readonly timestamp?: Date | number | string | undefined;
  /** `ExecutionStarted`, `TaskStateEntered`, `ActivityFailed`, ... */
  readonly type?: string | undefined;
  /** Sequential from 1. */
  readonly id?: number | undefined;
  /** The event this one follows from; it links each branch and iteration into a chain. */
  readonly previousEventId?: number | undefined;
  readonly stateEnteredEventDetails?: { readonly name?: string | undefined } | undefined;
  readonly stateExitedEventDetails?: { readonly name?: string | undefined } | undefined;
  readonly mapIterationStartedEventDetails?: { readonly name?: string | undefined } | undefined;
  readonly evaluationFailedEventDetails?:
    | (HistoryErrorDetails & { readonly state?: string | undefined })
    | undefined;
  readonly activityFailedEventDetails?: HistoryErrorDetails | undefined;
  readonly activityTimedOutEventDetails?: HistoryErrorDetails | undefined;
  readonly activityScheduleFailedEventDetails?: HistoryErrorDetails | undefined;
  readonly taskFailedEventDetails?: HistoryErrorDetails | undefined;
  readonly taskTimedOutEventDetails?: HistoryErrorDetails | undefined;
  readonly taskStartFailedEventDetails?: HistoryErrorDetails | undefined;
  readonly taskSubmitFailedEventDetails?: HistoryErrorDetails | undefined;
  readonly lambdaFunctionFailedEventDetails?: HistoryErrorDetails | undefined;
  readonly lambdaFunctionTimedOutEventDetails?: HistoryErrorDetails | undefined;
  readonly lambdaFunctionStartFailedEventDetails?: HistoryErrorDetails | undefined;
  readonly lambdaFunctionScheduleFailedEventDetails?: HistoryErrorDetails | undefined;
  readonly executionFailedEventDetails?: HistoryErrorDetails | undefined;
  readonly executionTimedOutEventDetails?: HistoryErrorDetails | undefined;
  readonly executionAbortedEventDetails?: HistoryErrorDetails | undefined;
}

/** What kind of state an attempt or failure event belongs to. */
export type AttemptKind = 'Task' | 'Parallel' | 'Map';

type DetailsKey = {
  [K in keyof HistoryEventLike]-?: NonNullable<HistoryEventLike[K]> extends HistoryErrorDetails ? K : never;
}[keyof HistoryEventLike];

/** Events that start an attempt of a state; a second one after a failure is a retry. */
export const ATTEMPT_EVENTS: ReadonlyMap<string, AttemptKind> = new Map([
  ['ActivityScheduled', 'Task'],
  ['TaskScheduled', 'Task'],
  ['LambdaFunctionScheduled', 'Task'],
  ['ParallelStateStarted', 'Parallel'],
  ['MapStateStarted', 'Map'],
]);

/** Events that end an attempt in failure, with where their error details live. */
export const FAILURE_EVENTS: ReadonlyMap<string, readonly [AttemptKind, DetailsKey | undefined]> = new Map<
  string,
  readonly [AttemptKind, DetailsKey | undefined]
>([
  ['ActivityFailed', ['Task', 'activityFailedEventDetails']],
  ['ActivityTimedOut', ['Task', 'activityTimedOutEventDetails']],
  ['ActivityScheduleFailed', ['Task', 'activityScheduleFailedEventDetails']],
  ['TaskFailed', ['Task', 'taskFailedEventDetails']],
  ['TaskTimedOut', ['Task', 'taskTimedOutEventDetails']],
  ['TaskStartFailed', ['Task', 'taskStartFailedEventDetails']],
  ['TaskSubmitFailed', ['Task', 'taskSubmitFailedEventDetails']],
  ['LambdaFunctionFailed', ['Task', 'lambdaFunctionFailedEventDetails']],
  ['LambdaFunctionTimedOut', ['Task', 'lambdaFunctionTimedOutEventDetails']],
  ['LambdaFunctionStartFailed', ['Task', 'lambdaFunctionStartFailedEventDetails']],
  ['LambdaFunctionScheduleFailed', ['Task', 'lambdaFunctionScheduleFailedEventDetails']],
  ['ParallelStateFailed', ['Parallel', undefined]],
  ['MapStateFailed', ['Map', undefined]],
]);

/** Events that stop a state from outside (a sibling branch failed, the execution stopped). */
export const ABORT_EVENTS: ReadonlySet<string> = new Set([
  'TaskStateAborted',
  'WaitStateAborted',
  'ParallelStateAborted',
  'MapStateAborted',
]);

/** How an execution ended, by its closing event. */
export const EXECUTION_END_EVENTS: ReadonlyMap<string, ExecutionStatus> = new Map([
  ['ExecutionSucceeded', 'succeeded'],
  ['ExecutionFailed', 'failed'],
  ['ExecutionTimedOut', 'timedOut'],
  ['ExecutionAborted', 'aborted'],
]);

/** Where an execution stands after the events read. */
export type ExecutionStatus = 'running' | 'succeeded' | 'failed' | 'timedOut' | 'aborted';

/** `TaskStateEntered` -> `Task`; undefined when the event does not enter a state. */
export function enteredStateType(type: string): string | undefined {
  return type.endsWith('StateEntered') ? type.slice(0, -'StateEntered'.length) : undefined;
}

/** `TaskStateExited` -> `Task`; undefined when the event does not leave a state. */
export function exitedStateType(type: string): string | undefined {
  return type.endsWith('StateExited') ? type.slice(0, -'StateExited'.length) : undefined;
}

/** The error name an event reports, if any. */
export function eventError(event: HistoryEventLike, key: DetailsKey | undefined): string | undefined {
  if (!key) return undefined;
  const details = event[key];
  return typeof details?.error === 'string' && details.error !== '' ? details.error : undefined;
}
