// The public shapes of the local engine. They mirror what AWS returns (history events use the
// field names of @aws-sdk/client-sfn's HistoryEvent) so one formatter, one graph colourer and
// one endpoint serializer read local and AWS executions alike. Kept apart from the code that
// fills them so the endpoint and the docs can import the types without the interpreter.
import type { AnyActivity, JsonValue, StateMachineLike } from '@sfini/core';
import type { PendingTaskToken } from './task/task-tokens.js';

/** Final status of an execution. */
export type ExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** A definition the engine accepts: an ASL object, its JSON text, or a core state machine. */
export type DefinitionSource = Record<string, unknown> | string | StateMachineLike<any, any>;

/** Time as the engine sees it. `sleep` resolves after `ms` on this clock, or rejects when `signal` aborts. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock; rejects with the reason when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Details AWS records with an event; the engine fills the ones it knows. */
export interface HistoryEventDataDetails {
  truncated: boolean;
}

/** One event of an execution's history, in the shape of `GetExecutionHistory`. */
export interface HistoryEvent {
  timestamp: Date;
  type: string;
  id: number;
  previousEventId: number;
  executionStartedEventDetails?: {
    input?: string;
    inputDetails?: HistoryEventDataDetails;
    roleArn?: string;
  };
  executionSucceededEventDetails?: { output?: string; outputDetails?: HistoryEventDataDetails };
  executionFailedEventDetails?: { error?: string; cause?: string };
  executionAbortedEventDetails?: { error?: string; cause?: string };
  executionTimedOutEventDetails?: { error?: string; cause?: string };
  stateEnteredEventDetails?: { name: string; input?: string; inputDetails?: HistoryEventDataDetails };
  stateExitedEventDetails?: {
    name: string;
    output?: string;
    outputDetails?: HistoryEventDataDetails;
    assignedVariables?: Record<string, string>;
    assignedVariablesDetails?: HistoryEventDataDetails;
  };
  evaluationFailedEventDetails?: { error?: string; cause?: string; location?: string; state: string };
  mapStateStartedEventDetails?: { length?: number };
  mapIterationStartedEventDetails?: { name?: string; index?: number };
  mapIterationSucceededEventDetails?: { name?: string; index?: number };
  mapIterationFailedEventDetails?: { name?: string; index?: number };
  mapIterationAbortedEventDetails?: { name?: string; index?: number };
  mapRunStartedEventDetails?: { mapRunArn?: string };
  mapRunFailedEventDetails?: { error?: string; cause?: string };
  activityScheduledEventDetails?: {
    resource: string;
    input?: string;
    inputDetails?: HistoryEventDataDetails;
    timeoutInSeconds?: number;
    heartbeatInSeconds?: number;
  };
  activityStartedEventDetails?: { workerName?: string };
  activitySucceededEventDetails?: { output?: string; outputDetails?: HistoryEventDataDetails };
  activityFailedEventDetails?: { error?: string; cause?: string };
  activityTimedOutEventDetails?: { error?: string; cause?: string };
  activityScheduleFailedEventDetails?: { error?: string; cause?: string };
  taskScheduledEventDetails?: {
    resourceType: string;
    resource: string;
    region: string;
    parameters: string;
    timeoutInSeconds?: number;
    heartbeatInSeconds?: number;
  };
  taskStartedEventDetails?: { resourceType: string; resource: string };
  taskSucceededEventDetails?: {
    resourceType: string;
    resource: string;
    output?: string;
    outputDetails?: HistoryEventDataDetails;
  };
  taskFailedEventDetails?: { resourceType: string; resource: string; error?: string; cause?: string };
  taskSubmittedEventDetails?: {
    resourceType: string;
    resource: string;
    output?: string;
    outputDetails?: HistoryEventDataDetails;
  };
  taskTimedOutEventDetails?: { resourceType: string; resource: string; error?: string; cause?: string };
  lambdaFunctionScheduledEventDetails?: {
    resource: string;
    input?: string;
    inputDetails?: HistoryEventDataDetails;
    timeoutInSeconds?: number;
  };
  lambdaFunctionSucceededEventDetails?: { output?: string; outputDetails?: HistoryEventDataDetails };
  lambdaFunctionFailedEventDetails?: { error?: string; cause?: string };
  lambdaFunctionTimedOutEventDetails?: { error?: string; cause?: string };
}

/** What every local execution result carries, whatever its status. */
export interface LocalExecutionResultBase {
  /** The execution's full history, in GetExecutionHistory's shape. */
  history: HistoryEvent[];
  startDate: Date;
  stopDate: Date;
  executionArn: string;
}

/** A local execution that succeeded: its `output` is always there. */
export interface LocalExecutionSucceeded<Output = JsonValue> extends LocalExecutionResultBase {
  status: 'SUCCEEDED';
  output: Output;
  /** Never set on a success; declared so `result.error` reads without narrowing. */
  error?: undefined;
  /** Never set on a success; declared so `result.cause` reads without narrowing. */
  cause?: undefined;
}

/** A local execution that failed, timed out or was stopped: the error and cause, when known. */
export interface LocalExecutionNotSucceeded extends LocalExecutionResultBase {
  status: Exclude<ExecutionStatus, 'SUCCEEDED'>;
  /** Never set unless the execution succeeded; declared so `result.output` reads without narrowing. */
  output?: undefined;
  error?: string;
  cause?: string;
}

/**
 * What a local execution ended with, discriminated on `status` as the runtime's
 * `ExecutionResult` is: `output` after narrowing to SUCCEEDED, `error` and `cause` otherwise.
 * @example
 * const result = await runExecution(definition, { n: 1 });
 * if (result.status === 'SUCCEEDED') use(result.output);
 * else console.error(result.error, result.cause);
 */
export type LocalExecutionResult<Output = JsonValue> =
  | LocalExecutionSucceeded<Output>
  | LocalExecutionNotSucceeded;

/**
 * The former name of {@link LocalExecutionResult}.
 * @deprecated Use `LocalExecutionResult`: `ExecutionResult` is also the runtime's result type.
 */
export type ExecutionResult<Output = JsonValue> = LocalExecutionResult<Output>;

/** A running (or finished) execution. */
export interface ExecutionHandle {
  readonly executionArn: string;
  readonly startDate: Date;
  /** Settles when the execution ends; never rejects for execution failures. */
  readonly result: Promise<LocalExecutionResult>;
  /** The history so far; grows while the execution runs. */
  readonly history: readonly HistoryEvent[];
  /** `RUNNING` until the execution ends, then its final status. */
  status(): 'RUNNING' | ExecutionStatus;
  /** Stops the execution: it ends ABORTED with an ExecutionAborted event. No-op once ended. */
  stop(options?: { error?: string; cause?: string }): void;
  /** Calls `listener` for every event recorded from now on; returns the unsubscribe function. */
  onEvent(listener: (event: HistoryEvent) => void): () => void;
  /**
   * The `.waitForTaskToken` Tasks (of this execution and the child executions it started) waiting
   * for an answer, oldest first. Only `callbacks: 'manual'` runs leave Tasks waiting.
   */
  pendingTaskTokens(): PendingTaskToken[];
  /**
   * SendTaskSuccess: the Task waiting for `taskToken` succeeds with `output`.
   * @throws TaskTokenError (`code` ValidationException) when `output` is over 256 KiB as JSON.
   * @throws TaskTokenError (`code` TaskDoesNotExist or TaskTimedOut) when no Task waits for it.
   */
  sendTaskSuccess(taskToken: string, output: JsonValue): void;
  /**
   * SendTaskFailure: the Task waiting for `taskToken` fails with `error` and `cause`.
   * @throws TaskTokenError (`code` ValidationException) when `error` is over 256 or `cause` over
   * 32,768 characters.
   * @throws TaskTokenError (`code` TaskDoesNotExist or TaskTimedOut) when no Task waits for it.
   */
  sendTaskFailure(taskToken: string, error?: string, cause?: string): void;
  /**
   * SendTaskHeartbeat: restarts the HeartbeatSeconds of the Task waiting for `taskToken`.
   * @throws TaskTokenError (`code` TaskDoesNotExist or TaskTimedOut) when no Task waits for it.
   */
  sendTaskHeartbeat(taskToken: string): void;
}

/** What a Task asks its resolver to run. */
export interface TaskRequest {
  /** The Task's Resource, e.g. an activity ARN. */
  readonly resource: string;
  readonly stateName: string;
  /** The effective input, after InputPath and Parameters/Arguments. */
  readonly input: JsonValue;
  /** Resolved TimeoutSeconds (TimeoutSecondsPath too); undefined when the Task sets none. */
  readonly timeoutSeconds: number | undefined;
  readonly heartbeatSeconds: number | undefined;
  readonly executionArn: string;
  /** The task token when the Task waits for one (`.waitForTaskToken`) or runs an activity. */
  readonly taskToken: string;
  /** Aborted when the task timed out, lost its heartbeat, or the execution stopped. */
  readonly signal: AbortSignal;
  /** Resets the HeartbeatSeconds timer. */
  heartbeat(): void;
  /** Records ActivityStarted for activity resources (a worker picked the task up). */
  started(details?: { workerName?: string }): void;
}

/** Returned by a TaskResolver to leave a Task to the engine's other means (activities, lambdas, mocks). */
export const NOT_HANDLED: unique symbol = Symbol.for('sfini.testing.NOT_HANDLED');

/**
 * Runs a Task's resource. Resolve with the JSON result, or reject with TaskFailedError. To refuse
 * the task before it is scheduled (no Scheduled event, a States.Runtime failure, as AWS fails an
 * activity that does not exist), throw TaskNotScheduledError synchronously.
 */
export type TaskResolver = (request: TaskRequest) => Promise<JsonValue> | typeof NOT_HANDLED;

/** One scripted answer of a mocked Task; `Result` is what it returns (typed from an activity's output). */
export type MockResponse<Result = JsonValue> =
  | { readonly return: Result; readonly delaySeconds?: number }
  | { readonly throw: { readonly error: string; readonly cause?: string }; readonly delaySeconds?: number };

/** What a mock function receives. */
export interface MockRequest {
  readonly stateName: string;
  readonly resource: string;
  readonly input: JsonValue;
  /** 0 for the first invocation of this state in the execution, 1 for the next, ... */
  readonly invocation: number;
}

/**
 * How one Task state is mocked: a single response used for every invocation, a list used in
 * order (the last one repeats once the list is exhausted), or a function of the request that
 * returns the result or throws (a TaskFailedError names the error).
 */
export type StateMock<Result = JsonValue> =
  | MockResponse<Result>
  | readonly MockResponse<Result>[]
  | ((request: MockRequest) => Result | Promise<Result>);

/**
 * How a `.waitForTaskToken` Task started by a Lambda handler ends. `auto`: what the handler
 * returns is the Task's result, as if it had sent it with SendTaskSuccess. `manual`: the handler
 * only starts the work (its return is the TaskSubmitted output, as on AWS) and the Task waits for
 * someone to answer its token through the execution handle (or the local endpoint).
 */
export type CallbackMode = 'auto' | 'manual';

/** A Lambda-style handler: receives the payload, returns the result (or throws). */
export type LambdaHandler = (input: JsonValue) => unknown;

/** Options of one execution. */
export interface RunOptions {
  /** Merged into the context object (`$$`, `$states.context`). */
  context?: {
    Execution?: { Id?: string; Name?: string; StartTime?: string; RoleArn?: string; RedriveCount?: number };
    StateMachine?: { Id?: string; Name?: string };
  };
  /** `virtual` (default for runExecution): waits take no real time. `real`: wall-clock time. */
  clock?: 'virtual' | 'real' | Clock;
  /** In-process activity handlers, matched by the name in the activity ARN. */
  activities?: readonly AnyActivity[];
  /** Lambda-style handlers by function name or ARN. */
  lambdas?: Record<string, LambdaHandler>;
  /**
   * Child machines a `states:startExecution` Task starts, run in process with these options and
   * the same clock: core machines (found by name), or definitions by state machine ARN or name.
   */
  machines?: readonly StateMachineLike<any, any>[] | Readonly<Record<string, DefinitionSource>>;
  /**
   * Per-state mocks, by Task state name; they win over every other means but the resolver. They
   * answer the Task states of that name in the machine and in the child machines it starts.
   */
  mocks?: Record<string, StateMock>;
  /** Mocks by activity name (the name in the activity ARN), for every Task running that activity. */
  activityMocks?: Record<string, StateMock>;
  /** Tried first for every Task; return NOT_HANDLED to fall back to the other means. */
  taskResolver?: TaskResolver;
  /**
   * `auto` (default): a `lambdas` handler of a `.waitForTaskToken` Task completes it with what it
   * returns. `manual`: the handler only starts the Task, which then waits until its token is
   * answered through the handle's `sendTaskSuccess` / `sendTaskFailure` (a Task nothing runs waits
   * too); without TimeoutSeconds it times out after AWS's default of 99,999,999 seconds, which a
   * virtual clock reaches at once when nothing else is pending. Mocks and resolvers always answer
   * the Task themselves.
   */
  callbacks?: CallbackMode;
  /**
   * A uniform source in [0, 1) for States.MathRandom, States.UUID, $random and $uuid, so tests
   * can make them deterministic. Defaults to the platform's randomness.
   */
  random?: () => number;
  /** Aborting stops the execution (ABORTED). */
  signal?: AbortSignal;
  /** The execution fails once its history reaches this many events (AWS: 25,000). */
  maxHistoryEvents?: number;
  /**
   * `aws` (default): refuse every definition AWS would refuse. `runnable`: also run definitions
   * whose only problems are service rules (state names repeated across branches, unreachable states).
   */
  validation?: 'aws' | 'runnable';
  /**
   * The budget of each JSONata evaluation: `timeoutMs` of real time (default 1,000) and
   * `maxDepth` nested evaluation steps, which recursive functions use up (default 1,000). Past
   * either the state fails with States.QueryEvaluationError. Definitions may be untrusted, and an
   * evaluation holds the event loop while it runs.
   */
  jsonataLimits?: { timeoutMs?: number; maxDepth?: number };
}
