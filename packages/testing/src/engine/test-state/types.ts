// TestState's request and response, with the field names of the AWS SDK's TestStateCommandInput
// and TestStateCommandOutput: JSON values travel as JSON text, as on the wire.

/**
 * How much TestState reports: `INFO` the status, output and error; `DEBUG` also `inspectionData`,
 * the data after each stage of the state's pipeline; `TRACE` also the HTTP exchange of an HTTP Task.
 */
export type InspectionLevel = 'INFO' | 'DEBUG' | 'TRACE';

/** A stand-in for the tested state's task (or for a whole Map or Parallel): a result or an error. */
export interface TestStateMock {
  /** The result the state's task (or the whole Map/Parallel) returns, as JSON text. */
  result?: string;
  /** The error the state's task (or the state named by errorCausedByState) fails with. */
  errorOutput?: { error?: string; cause?: string };
  /** How strictly a mocked result is checked against the service's API; not checked locally. */
  fieldValidationMode?: 'STRICT' | 'PRESENT' | 'NONE';
}

/** Circumstances the test simulates: retries already made, Map items already failed or read. */
export interface TestStateConfiguration {
  /** Retries the matching retrier is taken to have made already. */
  retrierRetryCount?: number;
  /** The state inside a Map or Parallel the mocked error comes from. */
  errorCausedByState?: string;
  /** Iterations of a Map taken to have failed, counted against its tolerance. */
  mapIterationFailureCount?: number;
  /** The items a Map's ItemReader reads, as JSON text. */
  mapItemReaderData?: string;
}

/** The request, as `TestStateCommandInput`. */
export interface TestStateRequest {
  /** A single state, or a whole machine with `stateName` naming the state to test. */
  definition: string;
  roleArn?: string;
  input?: string;
  inspectionLevel?: InspectionLevel;
  revealSecrets?: boolean;
  /** Workflow variables visible to the state, as a JSON object text. */
  variables?: string;
  stateName?: string;
  mock?: TestStateMock;
  /** The context object the state sees, as JSON text. */
  context?: string;
  stateConfiguration?: TestStateConfiguration;
}

/** How the state's Retry or Catch rules took an error: which rule, and the wait before a retry. */
export interface InspectionErrorDetails {
  catchIndex?: number;
  retryIndex?: number;
  retryBackoffIntervalSeconds?: number;
}

/** What happened inside the state, stage by stage (DEBUG and TRACE levels). */
export interface InspectionData {
  input?: string;
  afterArguments?: string;
  afterInputPath?: string;
  afterParameters?: string;
  result?: string;
  afterResultSelector?: string;
  afterResultPath?: string;
  variables?: string;
  errorDetails?: InspectionErrorDetails;
  afterItemsPath?: string;
  afterItemSelector?: string;
  afterItemBatcher?: string;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  maxConcurrency?: number;
}

/**
 * How the tested state ended: `SUCCEEDED`, `FAILED`, `RETRIABLE` (a Retry rule would run it
 * again) or `CAUGHT_ERROR` (a Catch rule takes the error; `nextState` is its target).
 */
export type TestExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';

/** The response, as `TestStateCommandOutput`. */
export interface TestStateResponse {
  output?: string;
  error?: string;
  cause?: string;
  inspectionData?: InspectionData;
  nextState?: string;
  status: TestExecutionStatus;
}

/**
 * The request is malformed: `code` is the AWS error name the API would answer with.
 * @example
 * ```ts
 * await testState({ definition: JSON.stringify({ Type: 'Pass', End: true }), input: '{oops' });
 * // rejects with TestStateRequestError; error.code is 'InvalidExecutionInput'
 * ```
 */
export class TestStateRequestError extends Error {
  override readonly name = 'TestStateRequestError';
  /**
   * @param code the AWS error name TestState would answer with.
   * @param message what is wrong, naming the field.
   */
  constructor(
    readonly code: 'InvalidDefinition' | 'InvalidExecutionInput' | 'ValidationException',
    message: string,
  ) {
    super(message);
  }
}
