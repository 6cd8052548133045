// The Amazon States Language as TypeScript types. One interface per state type holds the fields
// of both query languages, each tagged with the language it belongs to, because a state's
// language is often inherited from its machine and so cannot discriminate a union; the
// validator, not the type, enforces which fields a language allows. Values are JSON, so an
// imported definition types every payload as `unknown`-free JSON and nothing else.
import type { JsonObject, JsonValue } from '../json.js';
import type { AslChoiceRule, AslTopLevelChoiceRule } from './choice-types.js';

/** The two query languages a machine or state can use. */
export type AslQueryLanguage = 'JSONPath' | 'JSONata';

/** A JSONata expression as ASL writes it: the whole string wrapped in `{%` and `%}`. */
export type AslJsonataExpression = `{%${string}%}`;

/**
 * A payload template (JSONPath `Parameters`, `ResultSelector`, `ItemSelector`, `Assign`):
 * a JSON object whose keys ending in `.$` take a path, an intrinsic function or a `$var`.
 */
export type AslPayloadTemplate = JsonObject;

/** Variables to assign: JSONPath payload template, or JSONata values with `{% %}` strings. */
export type AslAssign = JsonObject;

/** Fields every state has. */
export interface AslStateBase {
  /** The state type. */
  Type: AslStateType;
  /** A human-readable description. */
  Comment?: string;
  /** Overrides the machine's query language for this state. */
  QueryLanguage?: AslQueryLanguage;
}

/** Fields of states that move on to another state or end the machine. */
export interface AslTransition {
  /** The state to run next. Exactly one of `Next` and `End` is required. */
  Next?: string;
  /** True when this state ends its (sub-)machine. */
  End?: boolean;
}

/** JSONPath input and output filtering. */
export interface AslJsonPathInputOutput {
  /** JSONPath: selects the state's input; `null` discards it (input becomes `{}`). */
  InputPath?: string | null;
  /** JSONPath: selects the state's output; `null` discards it (output becomes `{}`). */
  OutputPath?: string | null;
}

/** Fields of states that produce a result (Task, Parallel, Map). */
export interface AslResultFields {
  /** JSONPath: a payload template applied to the input. */
  Parameters?: AslPayloadTemplate;
  /** JSONPath: a payload template applied to the raw result. */
  ResultSelector?: AslPayloadTemplate;
  /** JSONPath: a Reference Path where the result is written; `null` discards the result. */
  ResultPath?: string | null;
  /** JSONata: the value given to the task or branches; an object or a `{% %}` expression. */
  Arguments?: JsonValue;
  /** JSONata: the state's output. */
  Output?: JsonValue;
  /** Variables to assign after the state succeeds. */
  Assign?: AslAssign;
}

/** The error names Step Functions itself raises. */
export type AslStatesErrorName =
  | 'States.ALL'
  | 'States.DataLimitExceeded'
  | 'States.ExceedToleratedFailureThreshold'
  | 'States.HeartbeatTimeout'
  | 'States.Http.Socket'
  | 'States.IntrinsicFailure'
  | 'States.ItemReaderFailed'
  | 'States.NoChoiceMatched'
  | 'States.ParameterPathFailure'
  | 'States.Permissions'
  | 'States.QueryEvaluationError'
  | 'States.ResultPathMatchFailure'
  | 'States.ResultWriterFailed'
  | 'States.Runtime'
  | 'States.TaskFailed'
  | 'States.Timeout'
  | 'States.BranchFailed';

/** A retry policy for errors a state raises. */
export interface AslRetrier {
  /** Error names this retrier handles; `States.ALL` must stand alone and in the last retrier. */
  ErrorEquals: string[];
  /** Seconds before the first retry (positive integer, default 1). */
  IntervalSeconds?: number;
  /** Retries before giving up (non-negative integer, default 3; 0 never retries). */
  MaxAttempts?: number;
  /** Multiplier applied to the interval after each attempt (at least 1, default 2). */
  BackoffRate?: number;
  /** Upper bound on the interval in seconds (positive integer). */
  MaxDelaySeconds?: number;
  /** `FULL` randomises each interval between 0 and its computed value. */
  JitterStrategy?: 'FULL' | 'NONE';
  Comment?: string;
}

/** A fallback for errors retries did not resolve. */
export interface AslCatcher {
  /** Error names this catcher handles; `States.ALL` must stand alone and in the last catcher. */
  ErrorEquals: string[];
  /** The state to run when this catcher matches. */
  Next: string;
  /** JSONPath: where the error output `{ Error, Cause }` is written; `null` discards it. */
  ResultPath?: string | null;
  /** JSONata: the output handed to `Next`. */
  Output?: JsonValue;
  /** Variables to assign when this catcher matches. */
  Assign?: AslAssign;
  Comment?: string;
}

/** Fields of states that retry and catch (Task, Parallel, Map). */
export interface AslErrorHandling {
  Retry?: AslRetrier[];
  Catch?: AslCatcher[];
}

/** A Pass state: passes its input (or a fixed `Result`) on, optionally transformed. */
export interface AslPassState extends AslStateBase, AslTransition, AslJsonPathInputOutput {
  Type: 'Pass';
  /** JSONPath: a fixed result, written at `ResultPath`. */
  Result?: JsonValue;
  /** JSONPath: where the result is written. */
  ResultPath?: string | null;
  /** JSONPath: a payload template applied to the input. */
  Parameters?: AslPayloadTemplate;
  /** JSONata: the state's output. */
  Output?: JsonValue;
  Assign?: AslAssign;
}

/** Credentials a Task assumes (cross-account tasks). */
export interface AslTaskCredentials {
  /** The role to assume, or `RoleArn.$` with a path (JSONPath) or a `{% %}` value (JSONata). */
  RoleArn?: string;
  'RoleArn.$'?: string;
}

/** A Task state: runs an activity, a Lambda function or a service integration. */
export interface AslTaskState
  extends AslStateBase,
    AslTransition,
    AslJsonPathInputOutput,
    AslResultFields,
    AslErrorHandling {
  Type: 'Task';
  /** The ARN of the activity, function or integration (`arn:aws:states:::service:action`). */
  Resource: string;
  /** Seconds the task may run (positive integer); JSONata also accepts a `{% %}` expression. */
  TimeoutSeconds?: number | AslJsonataExpression;
  /** JSONPath: a Reference Path to the timeout in the input. */
  TimeoutSecondsPath?: string;
  /** Seconds between heartbeats (positive integer, below TimeoutSeconds). */
  HeartbeatSeconds?: number | AslJsonataExpression;
  /** JSONPath: a Reference Path to the heartbeat interval in the input. */
  HeartbeatSecondsPath?: string;
  /** The role to assume for this task. */
  Credentials?: AslTaskCredentials | JsonObject;
}

/** A Choice state: picks the next state from rules. */
export interface AslChoiceState extends AslStateBase, AslJsonPathInputOutput {
  Type: 'Choice';
  /** The rules, tried in order; the first that matches names the next state. */
  Choices: AslTopLevelChoiceRule[];
  /** The state to run when no rule matches; without it, no match fails the execution. */
  Default?: string;
  /** JSONata: the state's output. */
  Output?: JsonValue;
  Assign?: AslAssign;
}

/** A Wait state: delays for a time or until a timestamp. Exactly one of the four fields. */
export interface AslWaitState extends AslStateBase, AslTransition, AslJsonPathInputOutput {
  Type: 'Wait';
  /** Seconds to wait (non-negative integer); JSONata also accepts a `{% %}` expression. */
  Seconds?: number | AslJsonataExpression;
  /** The moment to wait until (RFC 3339, e.g. `2026-01-01T00:00:00Z`) or, in JSONata, `{% %}`. */
  Timestamp?: string;
  /** JSONPath: a Reference Path to the seconds in the input. */
  SecondsPath?: string;
  /** JSONPath: a Reference Path to the timestamp in the input. */
  TimestampPath?: string;
  /** JSONata: the state's output. */
  Output?: JsonValue;
  Assign?: AslAssign;
}

/** A Succeed state: ends its (sub-)machine successfully. */
export interface AslSucceedState extends AslStateBase, AslJsonPathInputOutput {
  Type: 'Succeed';
  /** JSONata: the state's output. */
  Output?: JsonValue;
}

/** A Fail state: ends the execution with an error. */
export interface AslFailState extends AslStateBase {
  Type: 'Fail';
  /** The error name; in JSONata it may be a `{% %}` expression. */
  Error?: string;
  /** A human-readable cause; in JSONata it may be a `{% %}` expression. */
  Cause?: string;
  /** JSONPath: a Reference Path or an intrinsic function giving the error name. */
  ErrorPath?: string;
  /** JSONPath: a Reference Path or an intrinsic function giving the cause. */
  CausePath?: string;
}

/** A sub-machine: a Parallel branch or a Map's item processor. */
export interface AslSubMachine {
  Comment?: string;
  /** The first state to run; must name a state of this sub-machine. */
  StartAt: string;
  /** The states of this sub-machine; their names are unique across the whole machine. */
  States: Record<string, AslState>;
}

/** A Parallel state: runs every branch on the same input; its result is their outputs in order. */
export interface AslParallelState
  extends AslStateBase,
    AslTransition,
    AslJsonPathInputOutput,
    AslResultFields,
    AslErrorHandling {
  Type: 'Parallel';
  Branches: AslSubMachine[];
}

/** How a Map runs its items. */
export interface AslProcessorConfig {
  /** `INLINE` (the default) runs items in this execution; `DISTRIBUTED` as child executions. */
  Mode?: 'INLINE' | 'DISTRIBUTED';
  /** Distributed mode only: the child executions' type. */
  ExecutionType?: 'STANDARD' | 'EXPRESS';
}

/** The machine a Map runs for each item. */
export interface AslItemProcessor extends AslSubMachine {
  ProcessorConfig?: AslProcessorConfig;
}

/** Where a distributed Map reads its items from (S3). */
export interface AslItemReader {
  Resource: string;
  /** JSONPath: a payload template for the reader's request. */
  Parameters?: AslPayloadTemplate;
  /** JSONata: the reader's request, an object or a `{% %}` expression. */
  Arguments?: JsonValue;
  ReaderConfig?: AslReaderConfig;
}

/** How an ItemReader reads. */
export interface AslReaderConfig {
  InputType?: 'CSV' | 'JSON' | 'JSONL' | 'MANIFEST' | 'PARQUET';
  CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
  CSVHeaders?: string[];
  CSVDelimiter?: 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB';
  ManifestType?: 'ATHENA_DATA' | 'S3_INVENTORY';
  /** The most items to read (positive integer); JSONata also accepts `{% %}`. */
  MaxItems?: number | AslJsonataExpression;
  /** JSONPath: a Reference Path to MaxItems in the input. */
  MaxItemsPath?: string;
}

/** How a distributed Map groups items into batches. */
export interface AslItemBatcher {
  MaxItemsPerBatch?: number | AslJsonataExpression;
  MaxItemsPerBatchPath?: string;
  MaxInputBytesPerBatch?: number | AslJsonataExpression;
  MaxInputBytesPerBatchPath?: string;
  /** A payload template (JSONPath) or value (JSONata) added to every batch. */
  BatchInput?: JsonValue;
}

/** Where a distributed Map writes its results (S3). */
export interface AslResultWriter {
  Resource?: string;
  Parameters?: AslPayloadTemplate;
  Arguments?: JsonValue;
  WriterConfig?: { OutputType?: 'JSON' | 'JSONL'; Transformation?: 'NONE' | 'COMPACT' | 'FLATTEN' };
}

/** A Map state: runs its item processor once per item of an array. */
export interface AslMapState
  extends AslStateBase,
    AslTransition,
    AslJsonPathInputOutput,
    AslResultFields,
    AslErrorHandling {
  Type: 'Map';
  /** The machine run per item. */
  ItemProcessor?: AslItemProcessor;
  /** The former name of ItemProcessor (JSONPath only); exactly one of the two. */
  Iterator?: AslItemProcessor;
  /** JSONPath: a Reference Path to the array of items. */
  ItemsPath?: string;
  /** JSONata: the items, an array or a `{% %}` expression. */
  Items?: JsonValue;
  /** A template building each item's input (JSONPath payload template; JSONata values). */
  ItemSelector?: JsonObject;
  ItemReader?: AslItemReader;
  ItemBatcher?: AslItemBatcher;
  ResultWriter?: AslResultWriter;
  /** Items run at once (non-negative integer, 0 means no limit); JSONata also accepts `{% %}`. */
  MaxConcurrency?: number | AslJsonataExpression;
  /** JSONPath: a Reference Path to MaxConcurrency in the input. */
  MaxConcurrencyPath?: string;
  /** Failed items tolerated before the Map fails (non-negative integer). */
  ToleratedFailureCount?: number | AslJsonataExpression;
  ToleratedFailureCountPath?: string;
  /** Percentage of failed items tolerated (0 to 100). */
  ToleratedFailurePercentage?: number | AslJsonataExpression;
  ToleratedFailurePercentagePath?: string;
  /** Distributed mode: a label for child execution names (at most 40 characters). */
  Label?: string;
}

/** Every state type. */
export type AslStateType = 'Pass' | 'Task' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

/** Any state. */
export type AslState =
  | AslPassState
  | AslTaskState
  | AslChoiceState
  | AslWaitState
  | AslSucceedState
  | AslFailState
  | AslParallelState
  | AslMapState;

/** A complete state machine definition. */
export interface AslDefinition extends AslSubMachine {
  /** The ASL version; AWS knows only "1.0". */
  Version?: string;
  /** Seconds the whole execution may run (positive integer). */
  TimeoutSeconds?: number;
  /** The default query language of every state (JSONPath when absent). */
  QueryLanguage?: AslQueryLanguage;
}

export type { AslChoiceRule, AslTopLevelChoiceRule };
