// The contract every consumer of a machine relies on: the runtime registers it, the local
// engine runs it, docs draw it. It is an interface rather than the DSL's class so an imported
// ASL definition and a DSL-built machine are used the same way, and so `Input`/`Output` reach
// `execution.output` without those packages knowing how the DSL computes them.
import type { z } from 'zod';
import type { AnyActivity } from './activity.js';
import type { ArnScope } from './arn.js';

/** How activities are named in emitted ASL. */
export interface EmitOptions extends ArnScope {
  /** The ARN to emit for an activity; defaults to `activityArn(activity.name, scope)`. */
  activityArn?: (activity: AnyActivity) => string;
}

/** A state machine, however it was made: built with the DSL or imported from ASL. */
export interface StateMachineLike<Input = unknown, Output = unknown> {
  readonly kind: 'sfini.stateMachine';
  readonly name: string;
  /** Validates execution input before a start; undefined when input is not described. */
  readonly inputSchema: z.ZodType | undefined;
  /** Every activity a Task of this machine (or of its branches and iterators) runs. */
  readonly activities: readonly AnyActivity[];
  /** Validates the machine and returns its ASL definition as a plain JSON object. */
  toDefinition(options?: EmitOptions): Record<string, unknown>;
  /** Type-level only: execution input and output types. Never set at run time. */
  readonly '~types'?: { readonly input: Input; readonly output: Output };
}

/**
 * Any state machine. `Input` and `Output` appear only in read-only positions, so every machine
 * is assignable to this `unknown` form.
 */
export type AnyStateMachine = StateMachineLike<unknown, unknown>;
/** The input type of a machine. */
export type MachineInput<M> = M extends StateMachineLike<infer I, unknown> ? I : never;
/** The output type of a machine. */
export type MachineOutput<M> = M extends StateMachineLike<unknown, infer O> ? O : never;

/**
 * True when `value` is a state machine made by this package (built with `machine()` or imported).
 * @param value anything.
 * @example
 * ```ts
 * const source: unknown = await import(file).then((module) => module.default);
 * if (isStateMachine(source)) console.log(JSON.stringify(source.toDefinition()));
 * ```
 */
export function isStateMachine(value: unknown): value is AnyStateMachine {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'sfini.stateMachine'
  );
}
