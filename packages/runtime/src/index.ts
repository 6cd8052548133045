/**
 * @sfini/runtime: the AWS side of sfini. A {@link Session} over `@aws-sdk/client-sfn` registers
 * activities and state machines, starts and watches executions, and runs activity workers,
 * against AWS Step Functions or the local endpoint of `@sfini/testing`. {@link cli} wraps it
 * all in a command line.
 * @module
 */

export {
  errorNameOf,
  MAX_CAUSE_LENGTH,
  MAX_ERROR_LENGTH,
  type TaskFailure,
  type TaskFailureOptions,
  taskFailureOf,
} from '@sfini/core';
export {
  type ActivityDescription,
  ActivityDirectory,
  type ActivitySource,
  activitiesOf,
  type RegisterActivitiesOptions,
} from './activities.js';
export { Backoff, type BackoffOptions } from './backoff.js';
export { type CliOptions, type CliStreams, cli, type SfiniCli } from './cli/cli.js';
export {
  assertPayloadSize,
  EndpointUnsupportedError,
  ExecutionInputError,
  ExecutionNotSucceededError,
  ExpressExecutionError,
  isTransientError,
  MAX_PAYLOAD_BYTES,
  NotRegisteredError,
  PayloadTooLargeError,
  UnexpectedSyncStatusError,
  WaitTimeoutError,
} from './errors.js';
export {
  Execution,
  type ExecutionOutcome,
  type ExecutionResult,
  isExpressExecutionArn,
  resultOf,
  type TerminalStatus,
  type WaitOptions,
} from './execution.js';
export { generateExecutionName } from './execution-name.js';
export {
  ExpressExecution,
  type StartedExecution,
  type StateMachineType,
  SyncExecution,
} from './express-execution.js';
export { DEFAULT_HEARTBEAT_INTERVAL_MS, heartbeatInterval, heartbeatIntervalFor } from './heartbeat.js';
export {
  type FormatHistoryOptions,
  formatHistory,
  formatHistoryEvent,
  type HistoryEventLike,
  type ReadHistoryOptions,
  readHistory,
} from './history.js';
export type { AliasOptions } from './machine-aliases.js';
export {
  type ListExecutionsOptions,
  type LogLevel,
  MachineConfigError,
  type RegisterOptions,
  type StartOptions,
  type StateMachineLogging,
  type StateMachineOptions,
  type StateMachineTracing,
} from './machine-config.js';
export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  ENDPOINT_ENV,
  isLoopbackEndpoint,
  Session,
  type SessionOptions,
} from './session.js';
export { LOCAL_ROLE_ARN, StateMachineHandle } from './state-machine.js';
export {
  POLL_REQUEST_TIMEOUT_MS,
  type StopOptions,
  WORKER_SHUTDOWN_ERROR,
  Worker,
  type WorkerEvent,
  type WorkerOptions,
  type WorkerStats,
  type WorkerSummary,
} from './worker.js';
export { OUTPUT_TOO_LARGE_ERROR, TaskAbandonedError, type TaskOutcome } from './worker-task.js';
