// An existing ASL definition (CDK output, a console export, hand-written JSON) wrapped as a
// machine, so the runtime, the local engine and the graphs use it exactly like a DSL-built
// one. Its data is typed `unknown`: nothing in plain ASL says what flows through it. Given the
// activities it runs, it can re-point their Task ARNs at another region or account on emit,
// as DSL machines do.
import type { z } from 'zod';
import type { AnyActivity } from '../activity.js';
import { parseStatesArn } from '../arn.js';
import { parseDefinition } from '../asl/parse.js';
import type { AslDefinition } from '../asl/types.js';
import type { JsonObject, JsonValue } from '../json.js';
import type { EmitOptions, StateMachineLike } from '../machine-like.js';
import { assertResourceName } from '../names.js';
import { assertJsonSchema } from '../schema-json.js';
import { resourceArnOf } from './emit.js';

/** Options of {@link importMachine}. */
export interface ImportOptions<S extends z.ZodType | undefined = z.ZodType | undefined> {
  /** The activities the definition's Tasks run (matched by activity name in their ARNs). */
  activities?: readonly AnyActivity[];
  /** Validates execution input before a start, and types it. */
  inputSchema?: S;
}

/**
 * A machine imported from ASL: its output is `unknown`, and so is its input unless an input
 * schema was given. Made by {@link importMachine}; runs wherever a DSL machine does.
 * @example
 * ```ts
 * const orders = importMachine('orders', readFileSync('orders.asl.json', 'utf8'), {
 *   activities: [charge],
 *   inputSchema: z.object({ orderId: z.string() }),
 * });
 * orders.toDefinition({ region: 'eu-west-1', accountId: '111122223333' }); // charge's ARN re-emitted
 * ```
 */
export class ImportedStateMachine<Input = unknown> implements StateMachineLike<Input, unknown> {
  readonly kind = 'sfini.stateMachine';
  declare readonly '~types'?: { readonly input: Input; readonly output: unknown };
  readonly activities: readonly AnyActivity[];
  readonly inputSchema: z.ZodType | undefined;

  /** @internal built by {@link importMachine}. */
  constructor(
    readonly name: string,
    private readonly definition: AslDefinition,
    options: ImportOptions,
  ) {
    this.activities = Object.freeze([...(options.activities ?? [])]);
    this.inputSchema = options.inputSchema;
  }

  /**
   * The definition as imported; Task ARNs naming one of the given activities are re-emitted
   * for `options` (region, account, or `activityArn`).
   * @param options region, account and partition for activity ARNs, or `activityArn` to name them.
   */
  toDefinition(options: EmitOptions = {}): JsonObject {
    const byName = new Map(this.activities.map((a) => [a.name, a]));
    const copy = structuredClone(this.definition) as unknown as JsonObject;
    if (byName.size > 0) retarget(copy, byName, options);
    return copy;
  }
}

function retarget(machine: JsonObject, byName: Map<string, AnyActivity>, options: EmitOptions): void {
  const states = machine.States;
  if (typeof states !== 'object' || states === null || Array.isArray(states)) return;
  for (const state of Object.values(states) as JsonValue[]) {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) continue;
    if (state.Type === 'Task' && typeof state.Resource === 'string') {
      const arn = parseStatesArn(state.Resource);
      const activity = arn?.resourceType === 'activity' ? byName.get(arn.resource.join(':')) : undefined;
      if (activity) state.Resource = resourceArnOf(activity, options);
    }
    for (const branch of Array.isArray(state.Branches) ? state.Branches : []) {
      if (typeof branch === 'object' && branch !== null && !Array.isArray(branch))
        retarget(branch, byName, options);
    }
    for (const key of ['ItemProcessor', 'Iterator']) {
      const sub = state[key];
      if (typeof sub === 'object' && sub !== null && !Array.isArray(sub)) retarget(sub, byName, options);
    }
  }
}

/**
 * Wraps an existing ASL definition as a machine: parsed (from JSON text or an object),
 * validated, with its data typed `unknown`.
 * @param name the machine's name on AWS.
 * @param definition the ASL, as JSON text or an object.
 * @param options the activities its Tasks run, and an input schema to check and type its input.
 * @throws InvalidNameError when AWS would refuse `name`, NonJsonSchemaError for an input schema
 * JSON cannot carry: thrown at once, as they are, unlike `machine()`, which gathers its
 * problems into one MachineDefinitionError.
 * @throws InvalidDefinitionError listing every problem of the definition (or its JSON text)
 * with its location.
 * @example
 * const imported = importMachine('orders', fs.readFileSync('orders.asl.json', 'utf8'), { activities });
 */
export function importMachine<S extends z.ZodType | undefined = undefined>(
  name: string,
  definition: string | object,
  options: ImportOptions<S> = {},
): ImportedStateMachine<S extends z.ZodType ? z.input<S> : unknown> {
  assertResourceName('state machine', name);
  if (options.inputSchema) assertJsonSchema(options.inputSchema, `input schema of machine '${name}'`);
  return new ImportedStateMachine(name, parseDefinition(definition), options);
}
