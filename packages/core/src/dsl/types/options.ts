// The options of each state, in their typed form. Generic slots are fixed per state (as tRPC
// does) so each path or template the user writes is its own inferred literal, checked against
// the data where it applies. Fields AWS only takes in one query language are documented as
// such; the definition validator rejects a mix.
import type { z } from 'zod';
import type { AslQueryLanguage } from '../../asl/types.js';
import type { JsonObject, JsonValue } from '../../json.js';
import type { ContextObject, PathOption, ReadPathArg, Select, TypedPathArg, WritePathArg } from './checks.js';
import type { AnyData, Materialize, Plain } from './data.js';
import type { ErrorName, RetryRulesArg } from './error-names.js';
import type { DeclaredOutput, Parametrize, ResultOfTarget, SelectResult, StateOutput } from './pipeline.js';
import type { Intrinsic, JsonataTemplateArg, TemplateArg, Widen } from './template.js';
import type { AssignArg, AssignObject, OpenVars } from './vars.js';

type Ctx = ContextObject;

/** A JSONata expression, written `{% ... %}`. */
export type JsonataExpression = `{%${string}%}`;

/** Options every state takes. */
export interface BaseOptions {
  /** A human-readable description of the state. */
  comment?: string;
  /** The state's query language; defaults to the machine's. */
  queryLanguage?: AslQueryLanguage;
}

/**
 * Options of states that can assign variables. `Over` is what the Assign's `$` paths read (a
 * Task's result, a Pass's result, a Wait's or Choice's input, a Catch's error output); `V` the
 * variables in scope, which the Assign's `$name` paths read.
 */
export interface AssignOptions<AS = AssignObject, Over = unknown, V = OpenVars, ASC = undefined> {
  /**
   * Variables to set when the state completes (`Assign`), readable as `$name` by the states
   * created after it. JSONPath: a payload template (`'total.$': '$.sum'`); JSONata: values or
   * `{% ... %}` expressions, whose types `assignSchema` declares. Inside a Parallel branch or Map
   * item processor, variables of the enclosing scope can be read but not assigned, and what is
   * assigned there is not visible outside. A transition to an existing state (a loop, a shared
   * target) is accepted only when every variable that state was created with is assigned on the
   * new path too.
   */
  assign?: AssignArg<AS, Over, V>;
  /** JSONata: the types of the assigned variables, as a zod object (`z.object({ total: z.number() })`). */
  assignSchema?: ASC;
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
  /** The errors the rule handles: AWS's (`States.Timeout`, ...) or your own. */
  errorEquals: readonly ErrorName[];
}

/** The error output a Catch passes on: AWS's `{ Error, Cause }`. */
export interface ErrorOutput {
  Error: string;
  Cause: string;
}

/** Options of a Catch rule; its Assign reads the error output (`$.Error`, `$.Cause`). */
export interface CatchOptions<In, RP, JO, OS, V = OpenVars, AS = AssignObject, ASC = undefined>
  extends AssignOptions<AS, Plain<ErrorOutput>, V, ASC> {
  /** Where the error output goes in the state's input (JSONPath); default: it replaces the input. */
  resultPath?: WritePathArg<RP, In>;
  /** JSONata: the catcher's output. Declare its shape with `outputSchema`. */
  output?: JO;
  /** The shape of `output`, which types the data the catcher passes on. */
  outputSchema?: OS;
  comment?: string;
}

/** Data a Catch passes on. */
export type CatchData<In extends AnyData, RP, JO, OS> = DeclaredOutput<
  JO,
  OS,
  RP extends undefined ? Plain<ErrorOutput> : StateOutput<In, ErrorOutput, undefined, RP, undefined>
>;

/** Timeouts and heartbeats of a Task. */
export interface TaskTimingOptions<D, TP, HP, V = OpenVars> {
  /** Seconds the Task may run; defaults to the activity's `timeoutSeconds`. JSONata: an expression. */
  timeoutSeconds?: number | JsonataExpression;
  /** A path to the number of seconds the Task may run. */
  timeoutSecondsPath?: TypedPathArg<TP, D, number, 'timeoutSecondsPath must name a number', V>;
  /** Seconds allowed between heartbeats; defaults to the activity's `heartbeatSeconds`. */
  heartbeatSeconds?: number | JsonataExpression;
  /** A path to the number of seconds allowed between heartbeats. */
  heartbeatSecondsPath?: TypedPathArg<HP, D, number, 'heartbeatSecondsPath must name a number', V>;
}

/** Options of a Task state. Its Assign reads the Task's result (before ResultSelector). */
export interface TaskOptions<
  D extends AnyData,
  R,
  IP,
  PT,
  RS,
  RP,
  OP,
  JA,
  JO,
  OS,
  TP,
  HP,
  V = OpenVars,
  AS = AssignObject,
  ASC = undefined,
  RT = undefined,
> extends BaseOptions,
    AssignOptions<AS, Plain<ResultOfTarget<R>>, V, ASC>,
    TaskTimingOptions<D, TP, HP, V> {
  inputPath?: ReadPathArg<IP, D, Ctx, V>;
  parameters?: TemplateArg<PT, Select<D, IP, V>, Ctx, V>;
  resultSelector?: TemplateArg<RS, Plain<ResultOfTarget<R>>, Ctx, V>;
  resultPath?: WritePathArg<RP, D>;
  outputPath?: ReadPathArg<
    OP,
    StateOutput<D, SelectResult<ResultOfTarget<R>, RS, V>, undefined, RP, undefined, V>,
    Ctx,
    V
  >;
  /** JSONata: the input sent to the resource (replaces `parameters`). */
  arguments?: JsonataTemplateArg<JA>;
  /** JSONata: the state's output. Declare its shape with `outputSchema`. */
  output?: JO;
  /** The shape of `output`, which types the data after this state. */
  outputSchema?: OS;
  /** Retry rules, tried in order. */
  retry?: RetryRulesArg<RT>;
  /** Credentials for a cross-account Task (`Credentials`). */
  credentials?: JsonObject;
}

/** The input a Task sends to its resource. */
export type TaskInput<D extends AnyData, IP, PT, JA, V = OpenVars> = JA extends undefined
  ? Parametrize<Select<D, IP, V>, PT, V>
  : Plain<unknown>;

/** The data after a Task. */
export type TaskOutput<D extends AnyData, R, RS, RP, OP, JO, OS, V = OpenVars> = DeclaredOutput<
  JO,
  OS,
  StateOutput<D, SelectResult<ResultOfTarget<R>, RS, V>, undefined, RP, OP, V>
>;

/** Options of a Pass state. Its Assign reads the Pass's result (`result`, or the parametrised input). */
export interface PassOptions<
  D extends AnyData,
  IP,
  PT,
  RES,
  RP,
  OP,
  JO,
  OS,
  V = OpenVars,
  AS = AssignObject,
  ASC = undefined,
> extends BaseOptions,
    AssignOptions<AS, PassResultData<D, IP, PT, RES, V>, V, ASC> {
  inputPath?: ReadPathArg<IP, D, Ctx, V>;
  parameters?: TemplateArg<PT, Select<D, IP, V>, Ctx, V>;
  /** A fixed result (`Result`); without it the result is the (parametrised) input. */
  result?: RES;
  resultPath?: WritePathArg<RP, D>;
  outputPath?: ReadPathArg<OP, PassPlaced<D, IP, PT, RES, RP, V>, Ctx, V>;
  /** JSONata: the state's output. Declare its shape with `outputSchema`. */
  output?: JO;
  outputSchema?: OS;
}

/** The result of a Pass state: its `result`, or its (parametrised) input. */
export type PassResultData<D extends AnyData, IP, PT, RES, V = OpenVars> = RES extends undefined
  ? Parametrize<Select<D, IP, V>, PT, V>
  : Plain<Widen<RES>>;

type PassPlaced<D extends AnyData, IP, PT, RES, RP, V> = RP extends undefined | '$'
  ? PassResultData<D, IP, PT, RES, V>
  : StateOutput<D, Materialize<PassResultData<D, IP, PT, RES, V>>, undefined, RP, undefined, V>;

/** The data after a Pass state. */
export type PassOutput<D extends AnyData, IP, PT, RES, RP, OP, JO, OS, V = OpenVars> = DeclaredOutput<
  JO,
  OS,
  Select<PassPlaced<D, IP, PT, RES, RP, V>, OP, V>
>;

/**
 * Options of a Wait state: exactly one of `seconds`, `timestamp`, `secondsPath`, `timestampPath`.
 * Its Assign reads the state's input (after InputPath).
 */
export interface WaitOptions<
  D extends AnyData,
  IP,
  OP,
  SP,
  TP,
  JO,
  OS,
  V = OpenVars,
  AS = AssignObject,
  ASC = undefined,
> extends SelectOptions<D, IP, OP, JO, OS, V>,
    AssignOptions<AS, Select<D, IP, V>, V, ASC> {
  /** Seconds to wait (JSONata: an expression). */
  seconds?: number | JsonataExpression;
  /** An ISO 8601 time to wait until (JSONata: an expression). */
  timestamp?: string | Date;
  /** A path to the number of seconds to wait. */
  secondsPath?: TypedPathArg<SP, Select<D, IP, V>, number, 'a Wait needs a number of seconds', V>;
  /** A path to the ISO 8601 time to wait until. */
  timestampPath?: TypedPathArg<TP, Select<D, IP, V>, string, 'a Wait needs a timestamp string', V>;
}

/** The data after a state that only selects (Wait, Succeed, Choice). */
export type SelectOutput<D extends AnyData, IP, OP, JO, OS, V = OpenVars> = DeclaredOutput<
  JO,
  OS,
  Select<Select<D, IP, V>, OP, V>
>;

/**
 * The input and output options of a state that only selects (Wait, Succeed, Choice): JSONPath
 * `inputPath` and `outputPath`, or a JSONata `output` with its declared `outputSchema`.
 */
export interface SelectOptions<D extends AnyData, IP, OP, JO, OS, V = OpenVars> extends BaseOptions {
  inputPath?: ReadPathArg<IP, D, Ctx, V>;
  outputPath?: ReadPathArg<OP, Select<D, IP, V>, Ctx, V>;
  output?: JO;
  outputSchema?: OS;
}

/** Options of a Succeed state. */
export interface SucceedOptions<D extends AnyData, IP, OP, JO, OS, V = OpenVars>
  extends SelectOptions<D, IP, OP, JO, OS, V> {}

/** Options of a Fail state. */
export interface FailOptions<D extends AnyData, EP, CP, V = OpenVars> extends Omit<BaseOptions, never> {
  /** The error name (JSONata: may be an expression). */
  error?: string;
  /** A human-readable cause (JSONata: may be an expression). */
  cause?: string;
  /** A path (or intrinsic) giving the error name. */
  errorPath?: EP extends Intrinsic ? EP : TypedPathArg<EP, D, string, 'errorPath must name a string', V>;
  /** A path (or intrinsic) giving the cause. */
  causePath?: CP extends Intrinsic ? CP : TypedPathArg<CP, D, string, 'causePath must name a string', V>;
}

/** Options of a Choice state. Its Assign applies when no rule matches, and reads the state's input. */
export interface ChoiceOptions<
  D extends AnyData,
  IP,
  OP,
  JO,
  OS,
  V = OpenVars,
  AS = AssignObject,
  ASC = undefined,
> extends SelectOptions<D, IP, OP, JO, OS, V>,
    AssignOptions<AS, Select<D, IP, V>, V, ASC> {}

/**
 * Options of one Choice rule. Its Assign applies when the rule matches, and reads the data the
 * Choice's rules read (`R`).
 */
export interface ChoiceBranchOptions<AS = AssignObject, ASC = undefined, R = unknown, V = OpenVars>
  extends AssignOptions<AS, R, V, ASC> {
  /** JSONata: the output passed to the rule's target. */
  output?: JsonValue;
  comment?: string;
}

/** Options shared by Parallel and Map. Their Assign reads the state's result (before ResultSelector). */
export interface CompoundOptions<
  D extends AnyData,
  IP,
  RS,
  RP,
  OP,
  Result,
  V = OpenVars,
  AS = AssignObject,
  ASC = undefined,
  RT = undefined,
> extends BaseOptions,
    AssignOptions<AS, Plain<Result>, V, ASC> {
  inputPath?: ReadPathArg<IP, D, Ctx, V>;
  resultSelector?: TemplateArg<RS, Plain<Result>, Ctx, V>;
  resultPath?: WritePathArg<RP, D>;
  outputPath?: ReadPathArg<
    OP,
    StateOutput<D, SelectResult<Result, RS, V>, undefined, RP, undefined, V>,
    Ctx,
    V
  >;
  /** Retry rules, tried in order. */
  retry?: RetryRulesArg<RT>;
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
  queryLanguage?: AslQueryLanguage;
}

export type { PathOption };
