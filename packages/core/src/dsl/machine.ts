// The entry point of the DSL: `machine(name, options, define)`. The definition runs once, at
// once, so every mistake the types cannot see (a duplicate state name, a promised target
// never created, an end missing from what the definition returns) is an error at the line
// that defines the machine, not at deployment.
import type { z } from 'zod';
import type { AnyActivity } from '../activity.js';
import { assertValidDefinition } from '../asl/validate.js';
import type { Flat, Jsonify, JsonObject } from '../json.js';
import type { EmitOptions, StateMachineLike } from '../machine-like.js';
import { assertResourceName } from '../names.js';
import { assertJsonSchema, assertJsonSchemas } from '../schema-json.js';
import { type FlowBuilder, runScope } from './builder.js';
import { emitScope } from './emit.js';
import { Scope } from './graph.js';
import type { Flow, OutputOf, Returned } from './types/api.js';
import type { Plain, UnknownObject } from './types/data.js';
import type { MachineOptions } from './types/options.js';
import type { SchemaInput, SchemaOutput, TaskResource } from './types/pipeline.js';
import type { NoVars } from './types/vars.js';

/**
 * The data a machine's first state receives: the parsed input, as JSON, rebuilt flat so
 * zod's layered types are not walked again at every later state.
 */
export type StartData<S> = S extends z.ZodType ? Plain<Flat<Jsonify<z.output<S>>>> : Plain<UnknownObject>;

/** What a start of the machine takes. */
export type StartInput<S> = S extends z.ZodType ? z.input<S> : unknown;

/**
 * A state machine built with the DSL. Its `Input` is what an execution is started with and
 * its `Output` what a successful execution returns. Made by {@link machine}.
 * @example
 * ```ts
 * const hello = machine('hello', { input: z.object({ who: z.string() }) }, (start) =>
 *   start.pass('greet', { parameters: { 'message.$': "States.Format('hello {}', $.who)" } }).succeed('done'),
 * );
 * hello.toDefinition(); // { StartAt: 'greet', States: { greet: { Type: 'Pass', ... }, done: { Type: 'Succeed' } } }
 * ```
 */
export class StateMachine<Input = unknown, Output = unknown> implements StateMachineLike<Input, Output> {
  readonly kind = 'sfini.stateMachine';
  declare readonly '~types'?: { readonly input: Input; readonly output: Output };
  readonly activities: readonly AnyActivity[];

  /** @internal built by {@link machine}. */
  constructor(
    readonly name: string,
    readonly inputSchema: z.ZodType | undefined,
    private readonly root: Scope,
    private readonly header: JsonObject,
    private readonly footer: JsonObject,
  ) {
    this.activities = Object.freeze([...root.activities()]);
  }

  /**
   * The machine's ASL definition, validated as AWS would validate it.
   * @param options Region, account and partition for activity ARNs, or `activityArn` to name them.
   * @throws InvalidDefinitionError listing every problem with its location in the definition.
   */
  toDefinition(options: EmitOptions = {}): JsonObject {
    const definition = { ...emitScope(this.root, options, this.header), ...this.footer };
    assertValidDefinition(definition);
    return definition;
  }
}

/**
 * Defines a state machine. `define` receives the place where the first state is created and
 * returns the state (or states) where the machine ends; the machine's output type is what
 * those states pass on.
 * @throws MachineDefinitionError listing every problem of the definition, each with where it
 * is: a name AWS would refuse (the machine's or a state's), an input schema JSON cannot carry,
 * an unknown or malformed option, a duplicate state name, a slot given two targets, a target
 * promised but never created, an end the definition does not return. Each problem is kept in
 * `error.problems` as the error it would be on its own (InvalidNameError, TypeError,
 * RangeError, NonJsonSchemaError, ...). What `define` itself throws propagates as it is (listed
 * after those problems, if there were any); so does an error of a helper called in it, like
 * `lambdaInvoke()` or `startExecution()`, which throw the bare error at once, as
 * `importMachine()` and `resource()` do: catch MachineDefinitionError around `machine()`, the
 * bare classes around the others.
 * @param name the machine's name on AWS.
 * @param options the input schema (types the first state's data and what a start accepts),
 * and the definition's Comment, TimeoutSeconds, Version and QueryLanguage.
 * @param define builds the states from `start` and returns where the machine ends.
 * @typeParam F - The definition function; the machine's output type is inferred from what it returns.
 * @typeParam S - The input schema; it types the first state's data and what a start accepts.
 * @example
 * const sm = machine('counter', { input: z.object({ increment: z.number() }) }, (start) => {
 *   const increment = start
 *     .pass('initialise', { result: 0, resultPath: '$.counter' })
 *     .task('increment', incrementActivity, { resultPath: '$.counter' });
 *   const check = increment.choice('checkCounter').when((r) => r.numericLessThan('$.counter', 10), increment);
 *   return check.otherwise().succeed('end', { outputPath: '$.counter' });
 * });
 * @example
 * // Variables: an Assign declares them (typed from its values), later states read `$name`.
 * machine('totals', { input: z.object({ id: z.string() }) }, (start) =>
 *   start
 *     .task('fetch', fetchActivity, { assign: { 'total.$': '$.total' }, resultPath: '$.fetched' })
 *     .choice('big')
 *     .when((r) => r.numericGreaterThan('$total', 100), (f) => f.succeed('yes'))
 *     .otherwise((f) => f.pass('no', { parameters: { 'id.$': '$.id', 'total.$': '$total' } })),
 * );
 * // Hovering a handle shows the internal form; `DataOf<typeof handle>` and
 * // `VarsOf<typeof handle>` show its data and variables as plain types.
 */
export function machine<
  // The whole function is the type parameter, not its return type: a type parameter as the
  // contextual return type of the callback makes TypeScript expand the builder's types deeply.
  // NoInfer: the schema alone decides S; letting the callback take part expands the types deeply.
  F extends (start: Flow<StartData<NoInfer<S>>, never, NoVars>) => Returned,
  S extends z.ZodType | undefined = undefined,
>(name: string, options: MachineOptions<S>, define: F): StateMachine<StartInput<S>, OutputOf<ReturnType<F>>> {
  const root = new Scope(`machine '${name}'`, undefined);
  const log = root.problems;
  log.attempt(() => assertResourceName('state machine', name), undefined);
  const { input, comment, timeoutSeconds, version, queryLanguage, ...rest } = options ?? {};
  const unknown = Object.keys(rest);
  if (unknown.length > 0)
    log.add(new TypeError(`machine '${name}': unknown option(s) ${unknown.join(', ')}`));
  if (input !== undefined)
    log.attempt(() => assertJsonSchema(input, `input schema of machine '${name}'`), undefined);
  if (timeoutSeconds !== undefined && (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1)) {
    log.add(
      new RangeError(
        `machine '${name}': timeoutSeconds must be a whole number from 1, got ${timeoutSeconds}`,
      ),
    );
  }
  if (version !== undefined && version !== '1.0')
    log.add(new RangeError(`machine '${name}': version must be '1.0'`));
  try {
    runScope(
      root,
      define as unknown as (flow: FlowBuilder) => unknown,
      `the definition of machine '${name}'`,
    );
  } catch (thrown) {
    log.close(name, { value: thrown });
  }
  log.close(name);
  const header: JsonObject = {};
  if (comment !== undefined) header.Comment = comment;
  if (queryLanguage !== undefined) header.QueryLanguage = queryLanguage;
  const footer: JsonObject = {};
  if (timeoutSeconds !== undefined) footer.TimeoutSeconds = timeoutSeconds;
  if (version !== undefined) footer.Version = version;
  return new StateMachine(name, input, root, header, footer);
}

/**
 * A Task resource given by ARN (a Lambda function, a service integration), with the shapes of
 * what it takes and returns, so the Task is typed like an activity. Both are typed in their JSON
 * form (a Date as its ISO string): Parameters build, and the resource returns, only JSON.
 * @param arn the resource's ARN, as the Task's `Resource`.
 * @param schemas zod schemas of what the resource takes (`input`) and returns (`output`).
 * @throws TypeError for an empty ARN; NonJsonSchemaError for a schema JSON cannot carry. Thrown
 * at once, as they are: not gathered into a MachineDefinitionError as `machine()` does.
 * @example
 * const resizeFn = resource('arn:aws:lambda:us-east-1:123456789012:function:resize', {
 *   output: z.object({ width: z.number() }),
 * });
 */
export function resource<
  I extends z.ZodType | undefined = undefined,
  O extends z.ZodType | undefined = undefined,
>(arn: string, schemas: { input?: I; output?: O } = {}): TaskResource<SchemaInput<I>, SchemaOutput<O>> {
  if (typeof arn !== 'string' || arn.length === 0)
    throw new TypeError('resource(): the ARN must be a non-empty string');
  assertJsonSchemas(`resource '${arn}'`, { input: schemas.input, output: schemas.output });
  return Object.freeze({
    kind: 'sfini.resource' as const,
    arn,
    inputSchema: schemas.input,
    outputSchema: schemas.output,
  });
}
