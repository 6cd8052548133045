// Typed service integrations: Task resources for the integrations most machines use (a Lambda
// function through `lambda:invoke`, a nested machine through `states:startExecution`, and the
// callback pattern `.waitForTaskToken`). Each is a plain `TaskResource`, so a Task types and
// emits it like any `resource(arn, ...)`: its input type is what the Task's Parameters must
// build and its result type is the envelope AWS returns, so a ResultSelector or ResultPath reads
// `$.Payload` or `$.Output` with checked paths. The `parameters(...)` helpers build the request
// AWS expects (FunctionName, StateMachineArn) so users write only their own payload.
import type { z } from 'zod';
import type { Flat, Jsonify } from '../json.js';
import type { MachineInput, MachineOutput, StateMachineLike } from '../machine-like.js';
import { assertResourceName } from '../names.js';
import { assertJsonSchemas } from '../schema-json.js';
import { literal, States } from './intrinsic-helpers.js';
import type { SchemaInput, SchemaOutput, TaskResource } from './types/pipeline.js';

/** The HTTP metadata the AWS SDK adds to a service integration's response. */
export interface SdkHttpMetadata {
  AllHttpHeaders?: { [name: string]: string[] };
  HttpHeaders: { [name: string]: string };
  HttpStatusCode: number;
}

/** The request metadata the AWS SDK adds to a service integration's response. */
export interface SdkResponseMetadata {
  RequestId: string;
}

/** What a `lambda:invoke` Task's Parameters build: Lambda's Invoke request. */
export interface LambdaInvokeRequest<Payload = unknown> {
  /** The function's name, partial ARN or ARN, optionally with `:version` or `:alias`. */
  FunctionName: string;
  Payload?: Payload;
  /**
   * `RequestResponse` (the default) waits for the result; `Event` returns at once (StatusCode
   * 202); `DryRun` only checks access. A `string`: Parameters templates carry strings, not literals.
   */
  InvocationType?: string;
  /** A version or alias to invoke. */
  Qualifier?: string;
  /** Base64-encoded context for the function (up to 3,583 bytes). */
  ClientContext?: string;
  /** `None` or `Tail`. */
  LogType?: string;
}

/** The result of a `lambda:invoke` Task: the function's output as JSON in `Payload`, inside AWS's envelope. */
export interface LambdaInvokeResult<Payload = unknown> {
  Payload: Payload;
  /** 200 for RequestResponse, 202 for Event, 204 for DryRun. */
  StatusCode: number;
  /** The version that ran, `$LATEST` unless a version or alias was invoked. */
  ExecutedVersion: string;
  SdkHttpMetadata: SdkHttpMetadata;
  SdkResponseMetadata: SdkResponseMetadata;
}

/** A payload or input template: any JSON value but a string, which the helpers read as a path. */
export type NonStringJson =
  | { readonly [key: string]: unknown }
  | readonly unknown[]
  | number
  | boolean
  | null;

/**
 * A string given to a `parameters()` helper is a path to the value to send; one that does not
 * start with `$` is no path (AWS would refuse the definition), so it is refused at once.
 */
function pathOrTemplate(helper: string, field: string, value: unknown): { [key: string]: unknown } {
  if (typeof value !== 'string') return { [field]: value };
  if (!value.startsWith('$'))
    throw new TypeError(
      `${helper}: the string ${JSON.stringify(value)} is read as a path to the ${field} and must start with '$'; write the Parameters by hand to send a literal string`,
    );
  return { [`${field}.$`]: value };
}

/** What `lambdaInvoke(...).parameters(payload)` builds: a path (`'$.order'`) or a payload template. */
export type LambdaInvokeParameters<P> = P extends string
  ? { readonly FunctionName: string; readonly 'Payload.$': P }
  : { readonly FunctionName: string; readonly Payload: P };

/** A `lambda:invoke` Task resource for one function. */
export interface LambdaInvokeResource<Payload = unknown, Output = unknown>
  extends TaskResource<LambdaInvokeRequest<Payload>, LambdaInvokeResult<Output>> {
  /** The function the {@link LambdaInvokeResource.parameters} helper names. */
  readonly functionName: string;
  /** Describes the payload the function takes, when given. */
  readonly payloadSchema: z.ZodType | undefined;
  /** Describes what the function returns (the envelope's `Payload`), when given. */
  readonly payloadOutputSchema: z.ZodType | undefined;
  /**
   * Parameters invoking this function with the value at a path (`'$'`, `'$.order'`).
   * @throws TypeError when the string does not start with `$` (it would be no path).
   */
  parameters<const P extends `$${string}`>(path: P): LambdaInvokeParameters<P>;
  /**
   * Parameters invoking this function with a payload template (`{ 'id.$': '$.id' }`). Omit it to
   * send no payload; write the Parameters by hand to send a literal string.
   */
  parameters<const P extends NonStringJson>(payload: P): LambdaInvokeParameters<P>;
  /** Parameters invoking this function with no payload. */
  parameters(): { readonly FunctionName: string };
}

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';

/**
 * A Task resource invoking a Lambda function through Step Functions' optimised integration
 * (`arn:aws:states:::lambda:invoke`). The Task's Parameters must build Lambda's request
 * (`FunctionName`, `Payload`, ...): use `.parameters(payload)`. The result is AWS's envelope, the
 * function's output in `Payload`, so `resultSelector: { 'out.$': '$.Payload' }` keeps just it.
 * @param functionName The function's name or ARN (a version or alias may follow it).
 * @param schemas `payload` describes what the function takes, `output` what it returns.
 * @throws TypeError when `functionName` is empty.
 * @throws NonJsonSchemaError when a schema describes values JSON cannot carry.
 * @example
 * const resize = lambdaInvoke('resize', {
 *   payload: z.object({ key: z.string() }),
 *   output: z.object({ width: z.number() }),
 * });
 * start.task('resize', resize, {
 *   parameters: resize.parameters({ 'key.$': '$.key' }),
 *   resultSelector: { 'width.$': '$.Payload.width' },
 *   resultPath: '$.size',
 * });
 */
export function lambdaInvoke<
  P extends z.ZodType | undefined = undefined,
  O extends z.ZodType | undefined = undefined,
>(
  functionName: string,
  schemas: { payload?: P; output?: O } = {},
): LambdaInvokeResource<SchemaInput<P>, SchemaOutput<O>> {
  if (typeof functionName !== 'string' || functionName.length === 0)
    throw new TypeError('lambdaInvoke(): the function name must be a non-empty string');
  assertJsonSchemas(`Lambda function '${functionName}'`, {
    payload: schemas.payload,
    output: schemas.output,
  });
  return Object.freeze({
    kind: 'sfini.resource' as const,
    arn: LAMBDA_INVOKE,
    inputSchema: undefined,
    outputSchema: undefined,
    payloadSchema: schemas.payload,
    payloadOutputSchema: schemas.output,
    functionName,
    parameters(...payload: [unknown?]): never {
      if (payload.length === 0 || payload[0] === undefined) return { FunctionName: functionName } as never;
      const helper = `lambdaInvoke('${functionName}').parameters()`;
      return { FunctionName: functionName, ...pathOrTemplate(helper, 'Payload', payload[0]) } as never;
    },
  });
}

/** The integration pattern of a nested execution: wait for the child (`sync`) or only start it. */
export type StartExecutionPattern = 'sync' | 'async';

/** What a `states:startExecution` Task's Parameters build: StartExecution's request. */
export interface StartExecutionRequest<Input = unknown> {
  StateMachineArn: string;
  /**
   * The child's input, as JSON; a string is the input's JSON text, as StartExecution takes it.
   * (`parameters('$.job')` builds `Input.$`, sending the value at that path instead.)
   */
  Input: Input;
  /** The child execution's name; generated when absent. */
  Name?: string;
}

/** The result of `startExecution.sync:2`: the child's description, its Output as JSON. */
export interface ChildExecutionResult<Input = unknown, Output = unknown> {
  ExecutionArn: string;
  StateMachineArn: string;
  Name: string;
  /** Only a successful child returns; a failed one fails the Task. */
  Status: 'SUCCEEDED';
  /** Epoch milliseconds. */
  StartDate: number;
  /** Epoch milliseconds. */
  StopDate: number;
  Input: Input;
  InputDetails: { Included: boolean };
  Output: Output;
  OutputDetails: { Included: boolean };
  RedriveCount: number;
  RedriveStatus: string;
  RedriveStatusReason?: string;
  StateMachineAliasArn?: string;
  StateMachineVersionArn?: string;
}

/** The result of `startExecution` (request-response): the started execution. */
export interface StartedExecutionResult {
  ExecutionArn: string;
  /** Epoch milliseconds. */
  StartDate: number;
  SdkHttpMetadata: SdkHttpMetadata;
  SdkResponseMetadata: SdkResponseMetadata;
}

/** What `startExecution(...).parameters(input)` builds: a path (`'$.order'`) or an input template. */
export type StartExecutionParameters<I, A extends string | undefined> = (A extends string
  ? { readonly StateMachineArn: A }
  : { readonly 'StateMachineArn.$': `States.Format(${string}` }) &
  (I extends string ? { readonly 'Input.$': I } : { readonly Input: I }) & { readonly Name?: string };

/** A `states:startExecution` Task resource starting one child machine. */
export interface StartExecutionResource<
  Input = unknown,
  Result = unknown,
  Arn extends string | undefined = undefined,
> extends TaskResource<StartExecutionRequest<Input>, Result> {
  /** The child machine. */
  readonly child: StateMachineLike<unknown, unknown>;
  /** The child's ARN when given; otherwise `parameters()` derives it from the parent's. */
  readonly stateMachineArn: Arn;
  /**
   * Parameters starting the child with the value at a path (`'$'`, `'$.order'`) as its input.
   * Without a `stateMachineArn` option, the child's ARN is computed at run time from the
   * parent's (`$$.StateMachine.Id`): same partition, region and account. `name` names the child
   * execution.
   * @throws TypeError when the string does not start with `$` (it would be no path).
   */
  parameters<const I extends `$${string}`>(
    input: I,
    options?: { name?: string },
  ): StartExecutionParameters<I, Arn>;
  /** Parameters starting the child with an input template (`{ 'id.$': '$.id' }`); as above otherwise. */
  parameters<const I extends NonStringJson>(
    input: I,
    options?: { name?: string },
  ): StartExecutionParameters<I, Arn>;
}

/** The result type of a nested execution for `pattern`. */
export type StartExecutionResult<M, P extends StartExecutionPattern> = P extends 'sync'
  ? ChildExecutionResult<Flat<Jsonify<MachineInput<M>>>, MachineOutput<M>>
  : StartedExecutionResult;

/** Options of {@link startExecution}. */
export interface StartExecutionOptions<P extends StartExecutionPattern, A extends string | undefined> {
  /** `sync` waits for the child and returns its output (`startExecution.sync:2`); `async` only starts it. */
  pattern: P;
  /** The child's ARN, when it is not in the parent's account and region. */
  stateMachineArn?: A;
}

const START_EXECUTION = 'arn:aws:states:::states:startExecution';

/** The child's ARN, computed when the Task runs from its parent's: same partition, region and account. */
function siblingArn(name: string): `States.Format(${string}` {
  const part = (index: number) => States.arrayGetItem(States.stringSplit('$$.StateMachine.Id', ':'), index);
  return States.format(
    literal(`arn:{}:states:{}:{}:stateMachine:${name}`),
    part(1),
    part(3),
    part(4),
  ) as `States.Format(${string}`;
}

/**
 * A Task resource starting a child machine (`arn:aws:states:::states:startExecution`, with
 * `.sync:2` for `pattern: 'sync'`). The Task's Parameters must build StartExecution's request,
 * the input typed as the child's: use `.parameters(input)`. With `sync` the result is the
 * child's description with its typed `Output`; with `async` it is the started execution.
 * @param child The machine to start (its name and input and output types are used).
 * @param options The pattern, and the child's ARN when it lives in another account or region.
 * @throws InvalidNameError when the child's name is not one AWS accepts.
 * @throws TypeError when the pattern is neither 'sync' nor 'async'.
 * @example
 * const runChild = startExecution(child, { pattern: 'sync' });
 * start.task('child', runChild, {
 *   parameters: runChild.parameters({ 'id.$': '$.id' }),
 *   resultSelector: { 'output.$': '$.Output' },
 * });
 */
export function startExecution<
  M extends StateMachineLike<unknown, unknown>,
  const P extends StartExecutionPattern,
  const A extends string | undefined = undefined,
>(
  child: M,
  options: StartExecutionOptions<P, A>,
): StartExecutionResource<Flat<Jsonify<MachineInput<M>>>, StartExecutionResult<M, P>, A> {
  assertResourceName('state machine', child.name);
  const { pattern, stateMachineArn } = options;
  if (pattern !== 'sync' && pattern !== 'async')
    throw new TypeError(
      `startExecution(): pattern must be 'sync' or 'async', got ${JSON.stringify(pattern)}`,
    );
  if (stateMachineArn !== undefined && (typeof stateMachineArn !== 'string' || stateMachineArn.length === 0))
    throw new TypeError('startExecution(): stateMachineArn must be a non-empty string');
  return Object.freeze({
    kind: 'sfini.resource' as const,
    arn: pattern === 'sync' ? `${START_EXECUTION}.sync:2` : START_EXECUTION,
    inputSchema: undefined,
    outputSchema: undefined,
    child,
    stateMachineArn: stateMachineArn as A,
    parameters(input: unknown, parameterOptions: { name?: string } = {}): never {
      const target =
        stateMachineArn === undefined
          ? { 'StateMachineArn.$': siblingArn(child.name) }
          : { StateMachineArn: stateMachineArn };
      const payload = pathOrTemplate(`startExecution(${child.name}).parameters()`, 'Input', input);
      const name = parameterOptions.name === undefined ? {} : { Name: parameterOptions.name };
      return { ...target, ...payload, ...name } as never;
    },
  });
}

/**
 * The `.waitForTaskToken` form of resource `R` (an ARN or a typed resource, whose helpers it
 * keeps): the same input (`Input` from a schema for an ARN), the result what SendTaskSuccess sends.
 */
export type WaitForTaskTokenResource<R, Input, Output> =
  R extends TaskResource<unknown, unknown>
    ? Omit<R, '~types'> & TaskResource<Input, Output>
    : TaskResource<Input, Output>;

/**
 * The callback pattern: the Task starts the work (`resource` with `.waitForTaskToken`
 * appended) and waits until someone calls SendTaskSuccess with the task token
 * (`$$.Task.Token`, which the Parameters must pass on). The result is what SendTaskSuccess
 * sends, typed by `output`.
 * @param resource A service integration ARN (`arn:aws:states:::sqs:sendMessage`) or a
 *   {@link lambdaInvoke} or async {@link startExecution} resource, whose input type it keeps.
 * @param schemas `output` describes what SendTaskSuccess sends; `input` types the request when
 *   `resource` is an ARN.
 * @throws TypeError when the resource already has an integration suffix, or is empty.
 * @example
 * const approval = waitForTaskToken('arn:aws:states:::sqs:sendMessage', {
 *   output: z.object({ approved: z.boolean() }),
 * });
 */
export function waitForTaskToken<
  const R extends string | TaskResource<unknown, unknown>,
  I extends z.ZodType | undefined = undefined,
  O extends z.ZodType | undefined = undefined,
>(
  resource: R,
  schemas: { input?: I; output?: O } = {},
): WaitForTaskTokenResource<
  R,
  R extends TaskResource<infer RI, unknown> ? (I extends z.ZodType ? SchemaInput<I> : RI) : SchemaInput<I>,
  SchemaOutput<O>
> {
  const arn = typeof resource === 'string' ? resource : resource.arn;
  if (typeof arn !== 'string' || arn.length === 0)
    throw new TypeError('waitForTaskToken(): the resource ARN must be a non-empty string');
  if (/\.(sync(:\d+)?|waitForTaskToken)$/.test(arn))
    throw new TypeError(
      typeof resource === 'string'
        ? `waitForTaskToken(): '${arn}' already names an integration pattern; give the request-response ARN`
        : `waitForTaskToken(): the resource given runs '${arn}', which already names an integration pattern; give a lambdaInvoke or an async startExecution resource (pattern: 'async')`,
    );
  assertJsonSchemas(`resource '${arn}'`, { input: schemas.input, output: schemas.output });
  const base = typeof resource === 'string' ? {} : resource;
  return Object.freeze({
    ...base,
    kind: 'sfini.resource' as const,
    arn: `${arn}.waitForTaskToken`,
    inputSchema: schemas.input ?? (typeof resource === 'string' ? undefined : resource.inputSchema),
    outputSchema: schemas.output,
  }) as never;
}
