// The typed surface of the builder. A Flow is a place where the next state can be created, with
// the data type found there; creating a state returns a handle that is itself a Flow (for
// states with a Next), so data types travel along the chain with no annotation. Handles also
// carry the union of data the machine can end with upstream of them (`E`), so the value
// returned from a definition gives the machine's output type.
import type { z } from 'zod';
import type { JsonObject } from '../../json.js';
import type { ChoiceRules, GuardedCondition } from '../conditions.js';
import type { StateType } from '../graph.js';
import type { PathOption, PathValue, ReadPathArg, Select, TypedPathArg } from './checks.js';
import type { AnyData, Materialize, Plain } from './data.js';
import type {
  CatchData,
  CatchOptions,
  ChoiceBranchOptions,
  ChoiceOptions,
  CompoundOptions,
  FailOptions,
  MapContext,
  PassOptions,
  PassOutput,
  RetryOptions,
  SelectOutput,
  SucceedOptions,
  TaskInput,
  TaskOptions,
  TaskOutput,
  WaitOptions,
} from './options.js';
import type {
  DeclaredOutput,
  FitProblem,
  Parametrize,
  Simplify,
  StateOutput,
  TargetArg,
  TaskTargetLike,
} from './pipeline.js';
import type { EvalTemplate, TemplateArg } from './template.js';

/** A state that data can be sent to; `In` is the data it expects. */
export interface StateRef<In extends AnyData = AnyData> {
  readonly kind: 'sfini.state';
  /** The state's name. */
  readonly name: string;
  /** The state's ASL type. */
  readonly type: StateType;
  /** Type-level only: the data the state expects. */
  readonly '~in'?: In;
}

/** Type-level only: what a handle can end its machine (or branch) with. */
export interface EndTypes<Open, Ends> {
  readonly '~ends'?: { readonly open: Open; readonly ends: Ends };
}

/** Any handle a definition can return. */
export type AnyHandle = StateRef<any> & EndTypes<any, any>;

/**
 * What a definition or branch returns: the state where it ends, or several. `ArrayLike`
 * rather than an array type: an array's methods (`map`) would be matched against the
 * builder's methods of the same name whenever a returned call is typed.
 */
export type Returned = AnyHandle | ArrayLike<AnyHandle>;

/** The data a returned handle (or handles) can end with, as state data. */
export type EndsOf<H> = H extends { readonly '~ends'?: { readonly open: infer O; readonly ends: infer E } }
  ? O | E
  : H extends ArrayLike<infer X>
    ? EndsOf<X>
    : never;

/** The plain type of what `H` can end with. */
export type OutputOf<H> = Simplify<MaterializeEach<EndsOf<H>>>;
type MaterializeEach<D> = D extends AnyData ? Materialize<D> : never;

/** A builder of a branch (Parallel) or item processor (Map) starting with data `D`. */
export type BranchBuilder<D extends AnyData> = (start: Flow<D, never>) => Returned;

/** A transition target: an existing state, or a builder of new states from data `D`. */
export type Target<D extends AnyData> = StateRef<any> | ((next: Flow<D, never>) => Returned);

/** A target argument: an existing state is accepted when data `D` fits what it expects. */
export type TargetArgument<T, D extends AnyData> = T extends (...args: never[]) => unknown
  ? T
  : T extends StateRef<infer In>
    ? [D] extends [In]
      ? T
      : [FitProblem<Materialize<D>, Materialize<In>, 'the next state'>] extends [never]
        ? T
        : FitProblem<Materialize<D>, Materialize<In>, 'the next state'>
    : T;

/** The ends a target adds: those of the states a builder creates (an existing state adds none). */
export type TargetEnds<T> = T extends (...args: never[]) => infer H ? EndsOf<H> : never;

type ZodOrNone = z.ZodType | undefined;

/** A place where the next state can be created; the data there has type `D`. */
export interface Flow<D extends AnyData, E> {
  /** A Pass state: passes its input on, optionally shaped (`parameters`) or with a fixed `result`. */
  pass<
    const IP extends PathOption = undefined,
    const PT = undefined,
    const RES = undefined,
    const RP extends PathOption = undefined,
    const OP extends PathOption = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
  >(
    name: string,
    options?: PassOptions<D, IP, PT, RES, RP, OP, JO, OS>,
  ): Chain<D, PassOutput<D, IP, PT, RES, RP, OP, JO, OS>, E>;

  /** A Task state running an activity (or a resource ARN); its input must fit the activity's. */
  task<
    const R extends TaskTargetLike,
    const IP extends PathOption = undefined,
    const PT = undefined,
    const RS = undefined,
    const RP extends PathOption = undefined,
    const OP extends PathOption = undefined,
    const JA = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
    const TP extends PathOption = undefined,
    const HP extends PathOption = undefined,
  >(
    name: string,
    resource: TargetArg<R, TaskInput<D, IP, PT, JA>>,
    options?: TaskOptions<D, R, IP, PT, RS, RP, OP, JA, JO, OS, TP, HP>,
  ): Catchable<D, TaskOutput<D, R, RS, RP, OP, JO, OS>, E>;

  /** A Wait state: a delay in `seconds`, or until a `timestamp`, either fixed or read from a path. */
  wait<
    const IP extends PathOption = undefined,
    const OP extends PathOption = undefined,
    const SP extends PathOption = undefined,
    const TP extends PathOption = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
  >(
    name: string,
    options: WaitOptions<D, IP, OP, SP, TP, JO, OS>,
  ): Chain<D, SelectOutput<D, IP, OP, JO, OS>, E>;

  /** A Choice state; add rules with `when` and a default with `otherwise`. */
  choice<
    const IP extends PathOption = undefined,
    const OP extends PathOption = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
  >(
    name: string,
    options?: ChoiceOptions<D, IP, OP, JO, OS>,
  ): ChoiceState<D, Select<D, IP>, SelectOutput<D, IP, OP, JO, OS>, E>;

  /** A Succeed state: ends the machine (or branch) with its output. */
  succeed<
    const IP extends PathOption = undefined,
    const OP extends PathOption = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
  >(
    name: string,
    options?: SucceedOptions<D, IP, OP, JO, OS>,
  ): Terminal<D, E | SelectOutput<D, IP, OP, JO, OS>>;

  /** A Fail state: ends the execution with an error. */
  fail<const EP extends PathOption = undefined, const CP extends PathOption = undefined>(
    name: string,
    options?: FailOptions<D, EP, CP>,
  ): Terminal<D, E>;

  /** A Parallel state: runs every branch on the same input; its result is the tuple of their outputs. */
  parallel<
    const B extends readonly BranchBuilder<Parametrize<Select<D, IP>, PT>>[],
    const IP extends PathOption = undefined,
    const PT = undefined,
    const RS = undefined,
    const RP extends PathOption = undefined,
    const OP extends PathOption = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
  >(
    name: string,
    options: ParallelOptions<D, B, IP, PT, RS, RP, OP, JO, OS>,
  ): Catchable<
    D,
    DeclaredOutput<JO, OS, StateOutput<D, SelectResultOf<ParallelResult<B>, RS>, undefined, RP, OP>>,
    E
  >;

  /** A Map state: runs the item processor on each item; its result is the array of their outputs. */
  map<
    const P extends BranchBuilder<MapItemData<D, IP, ITP, IS, ISC>>,
    const IP extends PathOption = undefined,
    const ITP extends PathOption = undefined,
    const IS = undefined,
    const ISC extends ZodOrNone = undefined,
    const RS = undefined,
    const RP extends PathOption = undefined,
    const OP extends PathOption = undefined,
    const RW = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
  >(
    name: string,
    options: MapOptions<D, P, IP, ITP, IS, ISC, RS, RP, OP, RW, JO, OS>,
  ): Catchable<
    D,
    DeclaredOutput<JO, OS, StateOutput<D, SelectResultOf<MapResult<P, RW>, RS>, undefined, RP, OP>>,
    E
  >;
}

type SelectResultOf<R, RS> = RS extends undefined ? R : EvalTemplate<RS, Plain<R>>;

/** The result of a Parallel state: each branch's output, in order. */
export type ParallelResult<B> = {
  -readonly [I in keyof B]: OutputOf<B[I] extends (...args: never[]) => infer H ? H : never>;
};

/** The result of a Map state: the item processor's outputs (unknown when a ResultWriter writes them). */
export type MapResult<P, RW> = RW extends undefined
  ? OutputOf<P extends (...args: never[]) => infer H ? H : never>[]
  : unknown;

type ItemsOf<D extends AnyData, IP, ITP> = ITP extends string
  ? PathValue<ITP, Select<D, IP>>
  : Materialize<Select<D, IP>>;

type ElementOf<T> = T extends readonly (infer E)[] ? E : unknown;

/** The data each Map iteration starts with. */
export type MapItemData<D extends AnyData, IP, ITP, IS, ISC> = ISC extends z.ZodType
  ? Plain<z.output<ISC>>
  : IS extends undefined
    ? Plain<ElementOf<ItemsOf<D, IP, ITP>>>
    : Plain<EvalTemplate<IS, Select<D, IP>, MapContext<ElementOf<ItemsOf<D, IP, ITP>>>>>;

/** Options of a Parallel state. */
export interface ParallelOptions<D extends AnyData, B, IP, PT, RS, RP, OP, JO, OS>
  extends CompoundOptions<D, IP, RS, RP, OP, ParallelResult<B>> {
  /** The branches, each built from the state's (parametrised) input. */
  branches: B;
  parameters?: TemplateArg<PT, Select<D, IP>>;
  /** JSONata: the input given to each branch. */
  arguments?: unknown;
  output?: JO;
  outputSchema?: OS;
}

/** Options of a Map state (inline or distributed). */
export interface MapOptions<D extends AnyData, P, IP, ITP, IS, ISC, RS, RP, OP, RW, JO, OS>
  extends CompoundOptions<D, IP, RS, RP, OP, MapResult<P, RW>> {
  /** Builds the states run on each item. */
  itemProcessor: P;
  /** The array to iterate (default `$`). */
  itemsPath?: TypedPathArg<ITP, Select<D, IP>, readonly unknown[], 'itemsPath must name an array'>;
  /** JSONata: the items (an array or an expression). */
  items?: unknown;
  /** Shapes each item; `$$.Map.Item.Value` is the item. */
  itemSelector?: TemplateArg<IS, Select<D, IP>, MapContext<ElementOf<ItemsOf<D, IP, ITP>>>>;
  /** The shape of each item when it cannot be inferred (an ItemReader, JSONata `items`). */
  itemSchema?: ISC;
  maxConcurrency?: number;
  maxConcurrencyPath?: string;
  /** `INLINE` (default) or `DISTRIBUTED`, and for distributed maps the child execution type. */
  processorConfig?: { mode?: 'INLINE' | 'DISTRIBUTED'; executionType?: 'STANDARD' | 'EXPRESS' };
  /** Distributed: where items come from (S3). */
  itemReader?: JsonObject;
  /** Distributed: how items are batched. */
  itemBatcher?: JsonObject;
  /** Distributed: where results are written; the state's result is then a manifest. */
  resultWriter?: RW;
  toleratedFailurePercentage?: number;
  toleratedFailurePercentagePath?: string;
  toleratedFailureCount?: number;
  toleratedFailureCountPath?: string;
  /** Distributed: a label for child executions. */
  label?: string;
  output?: JO;
  outputSchema?: OS;
}

/** A state that continues to a next one: a Flow for its successor, and a target for others. */
export interface Chain<In extends AnyData, D extends AnyData, E>
  extends Flow<D, E>,
    StateRef<In>,
    EndTypes<D, E> {
  /** Goes to an existing state next (sfini's `goes_to`); the data here must fit what it expects. */
  next<T extends StateRef<any>>(target: TargetArgument<T, D>): Terminal<In, E>;
}

/** A state with Retry and Catch (Task, Parallel, Map). */
export interface Catchable<In extends AnyData, D extends AnyData, E> extends Chain<In, D, E> {
  /** Adds a Retry rule for `errorEquals` (e.g. `['States.Timeout']`). */
  retry(errorEquals: readonly string[], options?: RetryOptions): Catchable<In, D, E>;
  /**
   * Adds a Catch rule: on one of `errorEquals`, go to `target` with the error output
   * (`{ Error, Cause }`) at `resultPath` of this state's input.
   */
  catch<
    T extends Target<CatchData<In, RP, JO, OS>>,
    const RP extends PathOption = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
  >(
    errorEquals: readonly string[],
    target: TargetArgument<T, CatchData<In, RP, JO, OS>>,
    options?: CatchOptions<In, RP, JO, OS>,
  ): Catchable<In, D, E | TargetEnds<T>>;
}

/** A state that ends its machine or branch (Succeed, Fail), or one whose successor is set. */
export interface Terminal<In extends AnyData, E> extends StateRef<In>, EndTypes<never, E> {}

/** A Choice state. `R` is the data rules read; `D` the data passed to the chosen state. */
export interface ChoiceState<In extends AnyData, R extends AnyData, D extends AnyData, E>
  extends StateRef<In>,
    EndTypes<never, E> {
  /** The rule operators, bound to the data this Choice reads. */
  readonly rules: ChoiceRules<R>;
  /** Adds a rule: when `condition` holds, go to `target`. Returns the Choice for more rules. */
  when<T extends Target<D>>(
    condition: GuardedCondition | ((rules: ChoiceRules<R>) => GuardedCondition),
    target: TargetArgument<T, D>,
    options?: ChoiceBranchOptions,
  ): ChoiceState<In, R, D, E | TargetEnds<T>>;
  /** Adds a rule and returns the place its target is created: `choice.when(c).task(...)`. */
  when(condition: GuardedCondition | ((rules: ChoiceRules<R>) => GuardedCondition)): Flow<D, E>;
  /** Sets the default (sfini's `set_default`). Returns the Choice. */
  otherwise<T extends Target<D>>(target: TargetArgument<T, D>): ChoiceState<In, R, D, E | TargetEnds<T>>;
  /** Sets the default and returns the place it is created: `choice.otherwise().succeed(...)`. */
  otherwise(): Flow<D, E>;
}

/** The data a handle's state passes on, as a plain type. */
export type DataOf<H> = H extends EndTypes<infer O, unknown> ? Simplify<MaterializeEach<O>> : never;

/** The data a state expects, as a plain type. */
export type InputOf<H> = H extends StateRef<infer In> ? Simplify<Materialize<In>> : never;

export type { ReadPathArg };
