// An activity is the unit of work a worker runs for a Task state. It carries its schemas so the
// same object serves three places: the DSL (the Task's input is checked against `Input` at
// compile time), the worker (input validated before the handler runs, output turned to JSON),
// and the local engine (the handler runs in process). Type parameters are plain object types
// inferred once from the schemas, never the schemas themselves, to keep the DSL's types cheap.
import { z } from 'zod';
import { type Flat, type Jsonify, type JsonValue, toJsonValue } from './json.js';
import { assertResourceName } from './names.js';
import { assertJsonSchemas } from './schema-json.js';

/** What a handler can use while it runs. */
export interface ActivityContext {
  /** Aborted when the task can no longer succeed: timed out, heartbeat lost, or worker stopping. */
  readonly signal: AbortSignal;
  /** Reports progress now; workers also heartbeat on a timer while the handler runs. */
  heartbeat(): Promise<void>;
  /** The task token when the activity runs on Step Functions (or the local endpoint). */
  readonly taskToken?: string;
}

/** Options common to both activity forms. */
export interface ActivityOptions {
  /** Seconds between heartbeats a Task using this activity requires (the Task's HeartbeatSeconds). */
  heartbeatSeconds?: number;
  /** Seconds a Task using this activity may run (the Task's TimeoutSeconds). */
  timeoutSeconds?: number;
  /** A sentence on what the activity does; emitted as the Task's Comment when it has none. */
  description?: string;
}

/**
 * An activity: a named handler with typed input and output.
 * `Input` is what a Task must feed it (the schema's input type, defaults optional);
 * `Output` is what it adds to the state data (its JSON form).
 */
export interface Activity<Name extends string = string, Input = unknown, Output = unknown> {
  readonly kind: 'sfini.activity';
  /** The full name registered on AWS: the registration's prefix, then the local name. */
  readonly name: string;
  /** The name the activity was declared with, before the prefix. */
  readonly localName: Name;
  readonly prefix: string;
  readonly inputSchema: z.ZodType;
  readonly outputSchema: z.ZodType | undefined;
  readonly heartbeatSeconds: number | undefined;
  readonly timeoutSeconds: number | undefined;
  readonly description: string | undefined;
  /** True for the "smart" form, whose handler receives the named fields of an object input. */
  readonly smart: boolean;
  /**
   * Validates `rawInput`, runs the handler, validates its result and returns it as JSON.
   * @throws ActivityInputError when the input does not satisfy the input schema.
   * @throws ActivityOutputError when the result does not satisfy the output schema.
   * Errors the handler throws pass through unchanged.
   */
  invoke(rawInput: unknown, context: ActivityContext): Promise<JsonValue>;
  /** Type-level only: the input and output types. Never set at run time. */
  readonly '~types'?: { readonly input: Input; readonly output: Output };
}

/**
 * Any activity, whatever its name and types. `Input` and `Output` appear only in read-only
 * positions, so every activity is assignable to this `unknown` form.
 */
export type AnyActivity = Activity<string, unknown, unknown>;
/** The input type a Task must supply to activity `A`. */
export type ActivityInput<A> = A extends Activity<string, infer I, unknown> ? I : never;
/** The JSON output activity `A` adds to the state data. */
export type ActivityOutput<A> = A extends Activity<string, unknown, infer O> ? O : never;

/**
 * A zod issue path rendered as a JSONPath, for messages that point at the offending field.
 * @param path the issue's `path`.
 * @example
 * ```ts
 * issuePath(['items', 0, 'first name']); // '$.items[0]["first name"]'
 * ```
 */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/**
 * Every issue of a failed parse as `at <path>: <message>`, joined by `; `.
 * @param error a zod error, or anything with its `issues`.
 * @example
 * ```ts
 * const parsed = z.object({ n: z.number() }).safeParse({ n: 'one' });
 * if (!parsed.success) describeIssues(parsed.error); // 'at $.n: Invalid input: expected number, received string'
 * ```
 */
export function describeIssues(error: { readonly issues: readonly z.core.$ZodIssue[] }): string {
  return error.issues.map((issue) => `at ${issuePath(issue.path)}: ${issue.message}`).join('; ');
}

/**
 * The input given to an activity does not satisfy its input schema.
 * @example
 * ```ts
 * const context = { signal: new AbortController().signal, heartbeat: async () => {} };
 * await increment.invoke({ counter: 'one', increment: 1 }, context);
 * // rejects with ActivityInputError: input of activity 'increment' is invalid: at $.counter: ...
 * ```
 */
export class ActivityInputError extends Error {
  override readonly name = 'ActivityInputError';
  /**
   * @param activity the activity's full name.
   * @param issues the input schema's issues.
   * @param summary the issues as one line (see {@link describeIssues}).
   */
  constructor(
    readonly activity: string,
    readonly issues: readonly z.core.$ZodIssue[],
    summary: string,
  ) {
    super(`input of activity '${activity}' is invalid: ${summary}`);
  }
}

/**
 * The value an activity's handler returned does not satisfy its output schema.
 * @example
 * ```ts
 * const count = activity('count', { input: z.object({}), output: z.number().int() }, () => 2.5);
 * await count.invoke({}, { signal: new AbortController().signal, heartbeat: async () => {} });
 * // rejects with ActivityOutputError: output of activity 'count' is invalid: at $: ...
 * ```
 */
export class ActivityOutputError extends Error {
  override readonly name = 'ActivityOutputError';
  /**
   * @param activity the activity's full name.
   * @param issues the output schema's issues.
   * @param summary the issues as one line (see {@link describeIssues}).
   */
  constructor(
    readonly activity: string,
    readonly issues: readonly z.core.$ZodIssue[],
    summary: string,
  ) {
    super(`output of activity '${activity}' is invalid: ${summary}`);
  }
}

function assertPositiveSeconds(what: string, value: number | undefined, activity: string): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 1 || value > 99_999_999) {
    throw new RangeError(
      `activity '${activity}': ${what} must be a whole number of seconds from 1, got ${value}`,
    );
  }
}

interface BuildSpec {
  prefix: string;
  localName: string;
  inputSchema: z.ZodType;
  outputSchema: z.ZodType | undefined;
  options: ActivityOptions;
  smart: boolean;
  handler: (input: any, context: ActivityContext) => unknown;
}

function buildActivity(spec: BuildSpec): AnyActivity {
  const name = spec.prefix + spec.localName;
  assertResourceName('activity', name);
  assertJsonSchemas(`activity '${name}'`, { input: spec.inputSchema, output: spec.outputSchema });
  const { heartbeatSeconds, timeoutSeconds, description } = spec.options;
  assertPositiveSeconds('heartbeatSeconds', heartbeatSeconds, name);
  assertPositiveSeconds('timeoutSeconds', timeoutSeconds, name);
  if (heartbeatSeconds !== undefined && timeoutSeconds !== undefined && heartbeatSeconds >= timeoutSeconds) {
    throw new RangeError(
      `activity '${name}': heartbeatSeconds (${heartbeatSeconds}) must be below timeoutSeconds (${timeoutSeconds})`,
    );
  }

  const invoke = async (rawInput: unknown, context: ActivityContext): Promise<JsonValue> => {
    const parsed = await spec.inputSchema.safeParseAsync(rawInput);
    if (!parsed.success)
      throw new ActivityInputError(name, parsed.error.issues, describeIssues(parsed.error));
    const result = await spec.handler(parsed.data, context);
    if (!spec.outputSchema) return toJsonValue(result) as JsonValue;
    const checked = await spec.outputSchema.safeParseAsync(result);
    if (!checked.success)
      throw new ActivityOutputError(name, checked.error.issues, describeIssues(checked.error));
    return toJsonValue(checked.data) as JsonValue;
  };

  return Object.freeze({
    kind: 'sfini.activity' as const,
    name,
    localName: spec.localName,
    prefix: spec.prefix,
    inputSchema: spec.inputSchema,
    outputSchema: spec.outputSchema,
    heartbeatSeconds,
    timeoutSeconds,
    description,
    smart: spec.smart,
    invoke,
  });
}

type Awaitable<T> = T | Promise<T>;

/** Options of an activity whose result is checked by an output schema. */
export interface TypedActivityOptions<I extends z.ZodType, O extends z.ZodType> extends ActivityOptions {
  input: I;
  output: O;
}
/** Options of an activity whose result type is inferred from the handler. */
export interface InferredActivityOptions<I extends z.ZodType> extends ActivityOptions {
  input: I;
  output?: undefined;
}

/** Options of a "smart" activity: named input fields, each with its own schema and default. */
export interface SmartActivityOptions<F extends z.ZodRawShape, O extends z.ZodType | undefined>
  extends ActivityOptions {
  fields: F;
  output?: O;
}

// The implementations behind the DefineActivity and DefineSmartActivity overloads. Their
// parameters are `any` because one body serves every overload (typed, inferred, smart): the
// overloads check options and handler at each call site, and the result is typed by them.
function defineActivity(prefix: string, localName: string, options: any, handler: any): AnyActivity {
  return buildActivity({
    prefix,
    localName,
    inputSchema: options.input,
    outputSchema: options.output,
    options,
    smart: false,
    handler,
  });
}

function defineSmartActivity(prefix: string, localName: string, options: any, handler: any): AnyActivity {
  return buildActivity({
    prefix,
    localName,
    inputSchema: z.object(options.fields),
    outputSchema: options.output,
    options,
    smart: true,
    handler,
  });
}

/** The overloads of {@link activity}, shared with {@link ActivityRegistration.activity}. */
export interface DefineActivity {
  <const N extends string, I extends z.ZodType, O extends z.ZodType>(
    name: N,
    options: TypedActivityOptions<I, O>,
    handler: (input: z.output<I>, context: ActivityContext) => Awaitable<z.input<O>>,
  ): Activity<N, Flat<z.input<I>>, Flat<Jsonify<z.output<O>>>>;
  <const N extends string, I extends z.ZodType, R>(
    name: N,
    options: InferredActivityOptions<I>,
    handler: (input: z.output<I>, context: ActivityContext) => Awaitable<R>,
  ): Activity<N, Flat<z.input<I>>, Flat<Jsonify<R>>>;
}

/** The overloads of {@link smartActivity}, shared with {@link ActivityRegistration.smartActivity}. */
export interface DefineSmartActivity {
  <const N extends string, F extends z.ZodRawShape, O extends z.ZodType>(
    name: N,
    options: SmartActivityOptions<F, O> & { output: O },
    handler: (fields: z.output<z.ZodObject<F>>, context: ActivityContext) => Awaitable<z.input<O>>,
  ): Activity<N, Flat<z.input<z.ZodObject<F>>>, Flat<Jsonify<z.output<O>>>>;
  <const N extends string, F extends z.ZodRawShape, R>(
    name: N,
    options: SmartActivityOptions<F, undefined>,
    handler: (fields: z.output<z.ZodObject<F>>, context: ActivityContext) => Awaitable<R>,
  ): Activity<N, Flat<z.input<z.ZodObject<F>>>, Flat<Jsonify<R>>>;
}

/**
 * Defines an activity whose handler receives the whole (validated) Task input.
 * @example
 * const increment = activity('increment', { input: z.object({ counter: z.number(), increment: z.number() }) },
 *   ({ counter, increment }) => counter + increment);
 */
export const activity: DefineActivity = (name: string, options: any, handler: any) =>
  defineActivity('', name, options, handler) as any;

/**
 * Defines a "smart" activity: the Task input is an object whose named fields are picked,
 * validated and defaulted one by one, and other fields are ignored.
 * @example
 * const resize = smartActivity('resize', { fields: { imageDir: z.string(), size: z.number().default(64) } },
 *   ({ imageDir, size }) => resizeAll(imageDir, size));
 */
export const smartActivity: DefineSmartActivity = (name: string, options: any, handler: any) =>
  defineSmartActivity('', name, options, handler) as any;

/**
 * A group of activities whose AWS names share a prefix, registered and deregistered together.
 * Deregistering removes only the activities defined through this registration.
 * @example
 * ```ts
 * const images = new ActivityRegistration('images-');
 * const resize = images.activity('resize', { input: z.object({ url: z.string() }) }, ({ url }) => url);
 * resize.name; // 'images-resize'
 * images.get('resize') === resize; // true
 * // session.registerActivities(images) registers them all
 * ```
 */
export class ActivityRegistration {
  readonly #activities = new Map<string, AnyActivity>();

  /**
   * @param prefix put before every activity's name on AWS; default none.
   * @throws InvalidNameError for a prefix AWS would refuse in a name.
   */
  constructor(readonly prefix: string = '') {
    if (prefix !== '') assertResourceName('activity prefix', prefix);
  }

  /** Every activity defined through this registration, in definition order. */
  get activities(): readonly AnyActivity[] {
    return [...this.#activities.values()];
  }

  /**
   * Looks an activity up by its local name or its full name.
   * @param name the local name (`resize`) or the full name (`images-resize`).
   */
  get(name: string): AnyActivity | undefined {
    return this.#activities.get(name) ?? this.#activities.get(name.slice(this.prefix.length));
  }

  #add(created: AnyActivity): AnyActivity {
    if (this.#activities.has(created.localName)) {
      throw new Error(`activity '${created.localName}' is already defined in registration '${this.prefix}'`);
    }
    this.#activities.set(created.localName, created);
    return created;
  }

  /** Defines an activity in this registration; its AWS name is the prefix followed by `name`. */
  readonly activity: DefineActivity = (name: string, options: any, handler: any) =>
    this.#add(defineActivity(this.prefix, name, options, handler)) as any;

  /** Defines a "smart" activity in this registration (see {@link smartActivity}). */
  readonly smartActivity: DefineSmartActivity = (name: string, options: any, handler: any) =>
    this.#add(defineSmartActivity(this.prefix, name, options, handler)) as any;
}

/**
 * True when `value` is an activity made by this package.
 * @param value anything.
 * @example
 * ```ts
 * const activities = Object.values(await import('./activities.js')).filter(isActivity);
 * ```
 */
export function isActivity(value: unknown): value is AnyActivity {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'sfini.activity'
  );
}
