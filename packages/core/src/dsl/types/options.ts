// The options of each state, in their typed form. Generic slots are fixed per state (as tRPC
// does) so each path or template the user writes is its own inferred literal, checked against
// the data where it applies. Fields AWS only takes in one query language are documented as
// such; the definition validator rejects a mix.
import type { z } from 'zod';
import type { JsonObject, JsonValue } from '../../json.js';
import type { ContextObject, PathOption, ReadPathArg, Select, TypedPathArg, WritePathArg } from './checks.js';
import type { AnyData, Materialize, Plain } from './data.js';
import type { DeclaredOutput, Parametrize, ResultOfTarget, SelectResult, StateOutput } from './pipeline.js';
import type { Intrinsic, TemplateArg, Widen } from './template.js';

/** A JSONata expression, written `{% ... %}`. */
export type JsonataExpression = `{%${string}%}`;

/** Options every state takes. */
export interface BaseOptions {
  /** A human-readable description of the state. */
  comment?: string;
  /** The state's query language; defaults to the machine's. */
  queryLanguage?: 'JSONPath' | 'JSONata';
}

/** Options of states that can assign variables. */
export interface AssignOptions {
  /** Variables to set when the state completes (`Assign`); values may use paths or JSONata. */
  assign?: JsonObject;
}

/** One Retry rule. */
export interface RetryOptions {
  /** Seconds before the first retry (default 1). */
  intervalSeconds?: number;
  /** Retries before giving up (default 3; 0 never retries). */
  maxAttempts?: number;
  /** Multiplier of the interval after each attempt (default 2.0). */
  backoffRate?: number;
  /** The longest wait between attempts. */
  maxDelaySeconds?: number;
  /** `FULL` randomises each wait between 0 and its computed length. */
  jitterStrategy?: 'FULL' | 'NONE';
  comment?: string;
}

/** A Retry rule with the errors it handles, for the `retry` option. */
export interface RetryRule extends RetryOptions {
  errorEquals: readonly string[];
}

/** The error output a Catch passes on: AWS's `{ Error, Cause }`. */
export interface ErrorOutput {
  Error: string;
  Cause: string;
}

/** Options of a Catch rule. */
export interface CatchOptions<In, RP, JO, OS> {
  /** Where the error output goes in the state's input (JSONPath); default: it replaces the input. */
  resultPath?: WritePathArg<RP, In>;
  /** JSONata: the catcher's output. Declare its shape with `outputSchema`. */
  output?: JO;
  /** The shape of `output`, which types the data the catcher passes on. */
  outputSchema?: OS;
  assign?: JsonObject;
  comment?: string;
}

/** Data a Catch passes on. */
export type CatchData<In extends AnyData, RP, JO, OS> = DeclaredOutput<
  JO,
  OS,
  RP extends undefined ? Plain<ErrorOutput> : StateOutput<In, ErrorOutput, undefined, RP, undefined>
>;

/** Timeouts and heartbeats of a Task. */
export interface TaskTimingOptions<D, TP, HP> {
  /** Seconds the Task may run; defaults to the activity's `timeoutSeconds`. JSONata: an expression. */
  timeoutSeconds?: number | JsonataExpression;
  /** A path to the number of seconds the Task may run. */
  timeoutSecondsPath?: TypedPathArg<TP, D, number, 'timeoutSecondsPath must name a number'>;
  /** Seconds allowed between heartbeats; defaults to the activity's `heartbeatSeconds`. */
  heartbeatSeconds?: number | JsonataExpression;
  /** A path to the number of seconds allowed between heartbeats. */
  heartbeatSecondsPath?: TypedPathArg<HP, D, number, 'heartbeatSecondsPath must name a number'>;
}

/** Options of a Task state. */
export interface TaskOptions<D extends AnyData, R, IP, PT, RS, RP, OP, JA, JO, OS, TP, HP>
  extends BaseOptions,
    AssignOptions,
    TaskTimingOptions<D, TP, HP> {
  inputPath?: ReadPathArg<IP, D>;
  parameters?: TemplateArg<PT, Select<D, IP>>;
  resultSelector?: TemplateArg<RS, Plain<ResultOfTarget<R>>>;
  resultPath?: WritePathArg<RP, D>;
  outputPath?: ReadPathArg<OP, StateOutput<D, SelectResult<ResultOfTarget<R>, RS>, undefined, RP, undefined>>;
  /** JSONata: the input sent to the resource (replaces `parameters`). */
  arguments?: JA;
  /** JSONata: the state's output. Declare its shape with `outputSchema`. */
  output?: JO;
  /** The shape of `output`, which types the data after this state. */
  outputSchema?: OS;
  /** Retry rules, tried in order. */
  retry?: readonly RetryRule[];
  /** Credentials for a cross-account Task (`Credentials`). */
  credentials?: JsonObject;
}

/** The input a Task sends to its resource. */
export type TaskInput<D extends AnyData, IP, PT, JA> = JA extends undefined
  ? Parametrize<Select<D, IP>, PT>
  : Plain<unknown>;

/** The data after a Task. */
export type TaskOutput<D extends AnyData, R, RS, RP, OP, JO, OS> = DeclaredOutput<
  JO,
  OS,
  StateOutput<D, SelectResult<ResultOfTarget<R>, RS>, undefined, RP, OP>
>;

/** Options of a Pass state. */
export interface PassOptions<D extends AnyData, IP, PT, RES, RP, OP, JO, OS>
  extends BaseOptions,
    AssignOptions {
  inputPath?: ReadPathArg<IP, D>;
  parameters?: TemplateArg<PT, Select<D, IP>>;
  /** A fixed result (`Result`); without it the result is the (parametrised) input. */
  result?: RES;
  resultPath?: WritePathArg<RP, D>;
  outputPath?: ReadPathArg<OP, PassPlaced<D, IP, PT, RES, RP>>;
  /** JSONata: the state's output. Declare its shape with `outputSchema`. */
  output?: JO;
  outputSchema?: OS;
}

type PassResultData<D extends AnyData, IP, PT, RES> = RES extends undefined
  ? Parametrize<Select<D, IP>, PT>
  : Plain<Widen<RES>>;

type PassPlaced<D extends AnyData, IP, PT, RES, RP> = RP extends undefined | '$'
  ? PassResultData<D, IP, PT, RES>
  : StateOutput<D, Materialize<PassResultData<D, IP, PT, RES>>, undefined, RP, undefined>;

/** The data after a Pass state. */
export type PassOutput<D extends AnyData, IP, PT, RES, RP, OP, JO, OS> = DeclaredOutput<
  JO,
  OS,
  Select<PassPlaced<D, IP, PT, RES, RP>, OP>
>;

/** Options of a Wait state: exactly one of `seconds`, `timestamp`, `secondsPath`, `timestampPath`. */
export interface WaitOptions<D extends AnyData, IP, OP, SP, TP, JO, OS> extends BaseOptions, AssignOptions {
  inputPath?: ReadPathArg<IP, D>;
  outputPath?: ReadPathArg<OP, Select<D, IP>>;
  /** Seconds to wait (JSONata: an expression). */
  seconds?: number | JsonataExpression;
  /** An ISO 8601 time to wait until (JSONata: an expression). */
  timestamp?: string | Date;
  /** A path to the number of seconds to wait. */
  secondsPath?: TypedPathArg<SP, Select<D, IP>, number, 'a Wait needs a number of seconds'>;
  /** A path to the ISO 8601 time to wait until. */
  timestampPath?: TypedPathArg<TP, Select<D, IP>, string, 'a Wait needs a timestamp string'>;
  output?: JO;
  outputSchema?: OS;
}

/** The data after a state that only selects (Wait, Succeed, Choice). */
export type SelectOutput<D extends AnyData, IP, OP, JO, OS> = DeclaredOutput<
  JO,
  OS,
  Select<Select<D, IP>, OP>
>;

/** Options of a Succeed state. */
export interface SucceedOptions<D extends AnyData, IP, OP, JO, OS> extends BaseOptions {
  inputPath?: ReadPathArg<IP, D>;
  outputPath?: ReadPathArg<OP, Select<D, IP>>;
  output?: JO;
  outputSchema?: OS;
}

/** Options of a Fail state. */
export interface FailOptions<D extends AnyData, EP, CP> extends Omit<BaseOptions, never> {
  /** The error name (JSONata: may be an expression). */
  error?: string;
  /** A human-readable cause (JSONata: may be an expression). */
  cause?: string;
  /** A path (or intrinsic) giving the error name. */
  errorPath?: EP extends Intrinsic ? EP : TypedPathArg<EP, D, string, 'errorPath must name a string'>;
  /** A path (or intrinsic) giving the cause. */
  causePath?: CP extends Intrinsic ? CP : TypedPathArg<CP, D, string, 'causePath must name a string'>;
}

/** Options of a Choice state. */
export interface ChoiceOptions<D extends AnyData, IP, OP, JO, OS> extends BaseOptions, AssignOptions {
  inputPath?: ReadPathArg<IP, D>;
  outputPath?: ReadPathArg<OP, Select<D, IP>>;
  output?: JO;
  outputSchema?: OS;
}

/** Options of one Choice rule. */
export interface ChoiceBranchOptions {
  /** JSONata: the output passed to the rule's target. */
  output?: JsonValue;
  assign?: JsonObject;
  comment?: string;
}

/** Options shared by Parallel and Map. */
export interface CompoundOptions<D extends AnyData, IP, RS, RP, OP, Result>
  extends BaseOptions,
    AssignOptions {
  inputPath?: ReadPathArg<IP, D>;
  resultSelector?: TemplateArg<RS, Plain<Result>>;
  resultPath?: WritePathArg<RP, D>;
  outputPath?: ReadPathArg<OP, StateOutput<D, SelectResult<Result, RS>, undefined, RP, undefined>>;
  retry?: readonly RetryRule[];
}

/** The context a Map's ItemSelector sees. */
export type MapContext<Item> = ContextObject<Item>;

/** The machine-level options. */
export interface MachineOptions<S extends z.ZodType | undefined> {
  /** The execution input's schema: validates input before a start and types the first state's data. */
  input?: S;
  comment?: string;
  /** Seconds an execution may run. */
  timeoutSeconds?: number;
  /** The ASL version (only "1.0" exists). */
  version?: '1.0';
  /** The machine's default query language. */
  queryLanguage?: 'JSONPath' | 'JSONata';
}

export type { PathOption };
