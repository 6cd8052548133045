// The data pipeline of a state, as types: InputPath -> Parameters -> result -> ResultSelector
// -> ResultPath -> OutputPath, plus the checks that compare whole shapes (a Task's input
// against its activity, a transition's data against the state it enters). Messages name the
// first field that differs rather than printing both types.
import type { z } from 'zod';
import type { Activity } from '../../activity.js';
import type { Flat, Jsonify } from '../../json.js';
import type { ContextObject, Select } from './checks.js';
import type { AnyData, Data, Materialize, Plain, UnknownObject, WriteAt } from './data.js';
import type { FitProblem } from './fit.js';
import type { ParsePath, PathSegment } from './path.js';
import type { Rebuilt } from './rebuild.js';
import type { EvalTemplate } from './template.js';
import type { OpenVars } from './vars.js';

/** A Task resource that is not an activity: an ARN with a declared input and output. */
export interface TaskResource<Input = unknown, Output = unknown> {
  readonly kind: 'sfini.resource';
  readonly arn: string;
  readonly inputSchema: z.ZodType | undefined;
  readonly outputSchema: z.ZodType | undefined;
  /** Type-level only. */
  readonly '~types'?: { readonly input: Input; readonly output: Output };
}

/** The type of what a declared input schema accepts, in JSON form, rebuilt flat; `unknown` without one. */
export type SchemaInput<S> = S extends z.ZodType ? Flat<Jsonify<z.input<S>>> : unknown;
/** The type of what a declared output schema gives, in JSON form, rebuilt flat; `unknown` without one. */
export type SchemaOutput<S> = S extends z.ZodType ? Flat<Jsonify<z.output<S>>> : unknown;

/** What a Task can run: any activity or resource (their types are read-only, so `unknown` covers all). */
export type TaskTargetLike = Activity<string, unknown, unknown> | TaskResource<unknown, unknown>;

/** The result a Task's resource returns. */
export type ResultOfTarget<R> =
  R extends Activity<string, unknown, infer O> ? O : R extends TaskResource<unknown, infer O> ? O : unknown;

/** The input a Task's resource takes. */
export type InputOfTarget<R> =
  R extends Activity<string, infer I, unknown> ? I : R extends TaskResource<infer I, unknown> ? I : unknown;

/** How messages name a Task's resource. */
export type TargetName<R> =
  R extends Activity<infer N, unknown, unknown>
    ? string extends N
      ? 'the activity'
      : `activity '${N}'`
    : 'the resource';

/** Data after a Parameters template (`undefined`: the input unchanged); `V`: variables in scope. */
export type Parametrize<D extends AnyData, T, V = OpenVars> = T extends undefined
  ? D
  : Plain<Rebuilt<EvalTemplate<T, D, ContextObject, V>>>;

/** A result after a ResultSelector template. */
export type SelectResult<R, T, V = OpenVars> = T extends undefined
  ? R
  : Rebuilt<EvalTemplate<T, Plain<R>, ContextObject, V>>;

/** Data after ResultPath places `R` in `D` (`undefined`/`'$'`: replace, `null`: discard). */
export type PlaceResult<D extends AnyData, R, P> = P extends undefined
  ? Plain<R>
  : P extends null
    ? D
    : P extends '$'
      ? Plain<R>
      : P extends string
        ? ParsePath<P> extends infer S
          ? S extends readonly PathSegment[]
            ? WriteAt<D, S, R>
            : Plain<UnknownObject>
          : never
        : Plain<R>;

/** Data declared by a JSONata `Output` schema, or `Fallback` when there is none. */
export type DeclaredOutput<O, S, Fallback extends AnyData> = S extends z.ZodType
  ? Plain<Jsonify<z.output<S>>>
  : O extends undefined
    ? Fallback
    : Plain<unknown>;

/** The whole JSONPath pipeline for a state with a result. */
export type StateOutput<D extends AnyData, R, RS, RP, OP, V = OpenVars> = Select<
  PlaceResult<D, SelectResult<R, RS, V>, RP>,
  OP,
  V
>;

export type { FitProblem } from './fit.js';

/** A Task resource argument: accepted when the Task's effective input fits its input type. */
export type TargetArg<R, Input extends AnyData> = R extends TaskTargetLike
  ? [FitProblem<Materialize<Input>, InputOfTarget<R>, TargetName<R>, 'given to it'>] extends [never]
    ? R
    : FitProblem<Materialize<Input>, InputOfTarget<R>, TargetName<R>, 'given to it'>
  : R;

/** A deep, readable copy of `T`: intersections flattened, for machine outputs and hovers. */
export type Simplify<T> = T extends readonly unknown[]
  ? { [I in keyof T]: Simplify<T[I]> }
  : T extends object
    ? { [K in keyof T]: Simplify<T[K]> }
    : T;

/** The plain type of state data, for users: `DataType<typeof handle>` via {@link DataOf}. */
export type Plainly<D> = D extends Data ? Simplify<Materialize<D>> : never;
