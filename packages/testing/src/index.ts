/**
 * @sfini/testing: a local AWS Step Functions engine. Run any ASL definition (or a core state
 * machine) in process, with virtual time, mocked tasks and a full execution history in AWS's
 * GetExecutionHistory shape.
 * @module
 */
export {
  type EndpointLogger,
  type LocalClientConfig,
  type LocalEndpoint,
  type LocalEndpointOptions,
  startLocalEndpoint,
} from './endpoint/index.js';
export { RealClock, VirtualClock } from './engine/clock.js';
export { StatesErrors, TaskFailedError, TaskNotScheduledError } from './engine/errors.js';
export { runExecution, startExecution } from './engine/execution.js';
export { MAX_HISTORY_EVENTS } from './engine/history/recorder.js';
export {
  type ActivityAnswer,
  type ActivityAnswerEntry,
  answer,
  type MachineRun,
  type MachineTestOptions,
  MachineTestSetupError,
  runMachine,
} from './engine/run-machine.js';
export { MockSetupError } from './engine/task/mock-check.js';
export { type PendingTaskToken, TaskTokenError } from './engine/task/task-tokens.js';
export type {
  AnyTestStateRequest,
  AslObjectTestStateRequest,
  MachineStartTestStateRequest,
  MachineStateTestStateRequest,
} from './engine/test-state/local-request.js';
export { type TestStateOptions, testState } from './engine/test-state/test-state.js';
export {
  type InspectionData,
  type InspectionErrorDetails,
  type InspectionLevel,
  type TestExecutionStatus,
  type TestStateConfiguration,
  type TestStateMock,
  type TestStateRequest,
  TestStateRequestError,
  type TestStateResponse,
} from './engine/test-state/types.js';
export {
  type CallbackMode,
  type Clock,
  type DefinitionSource,
  type ExecutionHandle,
  type ExecutionResult,
  type ExecutionStatus,
  type HistoryEvent,
  type LambdaHandler,
  type LocalExecutionNotSucceeded,
  type LocalExecutionResult,
  type LocalExecutionResultBase,
  type LocalExecutionSucceeded,
  type MockRequest,
  type MockResponse,
  NOT_HANDLED,
  type RunOptions,
  type StateMock,
  type TaskRequest,
  type TaskResolver,
} from './engine/types.js';
export { PAYLOAD_LIMIT_BYTES } from './engine/values/size.js';
