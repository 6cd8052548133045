// The typed surface of the builder. A Flow is a place where the next state can be created, with
// the data type found there and the variables in scope; creating a state returns a handle that
// is itself a Flow (for states with a Next), so data and variable types travel along the chain
// with no annotation. Handles also carry the union of data the machine can end with upstream of
// them (`E`), so the value returned from a definition gives the machine's output type.
//
// What the editor shows when hovering a handle is this internal form (`Chain<Data<...>, ...>`);
// `DataOf<typeof handle>` and `VarsOf<typeof handle>` give the plain data and variable types.
import type { z } from 'zod';
import type { AslStateType } from '../../asl/types.js';
import type { PathOption, ReadPathArg, Select } from './checks.js';
import type { ChoiceState } from './choice.js';
import type {
  BranchBuilder,
  IsDistributed,
  MapItemData,
  MapOptions,
  MapResult,
  ParallelOptions,
  ParallelResult,
  SelectResultOf,
} from './compound.js';
import type { AnyData, Materialize, Plain } from './data.js';
import type { ErrorName, ErrorNamesArg } from './error-names.js';
import type {
  CatchData,
  CatchOptions,
  ChoiceOptions,
  ErrorOutput,
  FailOptions,
  PassOptions,
  PassOutput,
  PassResultData,
  RetryOptions,
  RetryRule,
  SelectOutput,
  SucceedOptions,
  TaskInput,
  TaskOptions,
  TaskOutput,
  WaitOptions,
} from './options.js';
import type {
  DeclaredOutput,
  Parametrize,
  ResultOfTarget,
  Simplify,
  StateOutput,
  TargetArg,
  TaskTargetLike,
} from './pipeline.js';
import type { CatchReads, DataFitProblem, ReadsAll } from './reads.js';
import type { InnerVars, OpenVars, VarsAfterAssign, VarsFitProblem, VarsRecord } from './vars.js';

/**
 * A state that data can be sent to; `In` is the data it was created with, `VIn` the variables,
 * and `Reads` what of its input it reads (reads.ts), which decides what data entering it from
 * elsewhere must hold.
 */
export interface StateRef<In extends AnyData = AnyData, VIn = unknown, Reads = ReadsAll> {
  readonly kind: 'sfini.state';
  /** The state's name. */
  readonly name: string;
  /** The state's ASL type. */
  readonly type: AslStateType;
  /** Type-level only: the data the state expects. */
  readonly '~in'?: In;
  /** Type-level only: the variables in scope where the state was created. */
  readonly '~varsIn'?: VIn;
  /** Type-level only: what the state reads of its input. */
  readonly '~reads'?: Reads;
}

/** Type-level only: what a handle can end its machine (or branch) with. */
export interface EndTypes<Open, Ends> {
  readonly '~ends'?: { readonly open: Open; readonly ends: Ends };
}

/**
 * Any handle a definition can return.
 *
 * `any`, not `unknown`, on purpose: this is the return type every definition, branch and item
 * processor is checked against. With `EndTypes<unknown, unknown>` TypeScript infers a builder's
 * ends against the constraint and a Map's item type degrades (vars.test-d.ts), and with
 * `StateRef<AnyData, unknown>` every returned handle's data is compared with `AnyData`, which
 * bench:types measures as extra instantiations. `any` here accepts every handle without either.
 */
export type AnyHandle = StateRef<any, any, any> & EndTypes<any, any>;

/**
 * What a definition or branch returns: the state where it ends, or several. `ArrayLike`
 * rather than an array type: an array's methods (`map`) would be matched against the
 * builder's methods of the same name whenever a returned call is typed. The `0` member makes
 * a returned array literal a tuple: typed as an array, its element type would be the union of
 * the handles, which TypeScript reduces by comparing them structurally (TS2589).
 */
export type Returned = AnyHandle | (ArrayLike<AnyHandle> & { readonly 0?: AnyHandle });

/** The data a returned handle (or handles) can end with, as state data. */
export type EndsOf<H> = H extends { readonly '~ends'?: { readonly open: infer O; readonly ends: infer E } }
  ? O | E
  : H extends ArrayLike<infer X>
    ? EndsOf<X>
    : never;

/** The plain type of what `H` can end with. */
export type OutputOf<H> = Simplify<MaterializeEach<EndsOf<H>>>;
type MaterializeEach<D> = D extends AnyData ? Materialize<D> : never;

/**
 * A transition target: an existing state, or a builder of new states from data `D` and variables `V`.
 * The state is `StateRef<any, any>` rather than `StateRef<AnyData, unknown>`: whether it fits is
 * judged by `TargetArgument`, and the `unknown` form would only add a comparison of its
 * data with `AnyData` per target (measured by bench:types).
 */
export type Target<D extends AnyData, V = OpenVars> =
  | StateRef<any, any, any>
  | ((next: Flow<D, never, V>) => Returned);

/**
 * A target argument: an existing state is accepted when data `D` holds what it reads (reads.ts)
 * and every variable it was created with is assigned here (`V`) with a fitting type.
 */
export type TargetArgument<T, D extends AnyData, V = OpenVars> = T extends (...args: never[]) => unknown
  ? T
  : T extends StateRef<infer In, infer VIn, infer Reads>
    ? DataFitProblem<D, In, Reads> extends infer P
      ? [P] extends [never]
        ? [VarsFitProblem<V, VIn>] extends [never]
          ? T
          : VarsFitProblem<V, VIn>
        : P
      : never
    : T;

/** The ends a target adds: those of the states a builder creates (an existing state adds none). */
export type TargetEnds<T> = T extends (...args: never[]) => infer H ? EndsOf<H> : never;

type ZodOrNone = z.ZodType | undefined;

/**
 * A place where the next state can be created; the data there has type `D`, and the variables
 * in scope are `V` (see {@link VarsOf}).
 */
export interface Flow<D extends AnyData, E, V = OpenVars> {
  /** Type-level only: the data here. */
  readonly '~data'?: D;
  /** Type-level only: the variables in scope here. */
  readonly '~vars'?: V;

  /** A Pass state: passes its input on, optionally shaped (`parameters`) or with a fixed `result`. */
  pass<
    const IP extends PathOption = undefined,
    const PT = undefined,
    const RES = undefined,
    const RP extends PathOption = undefined,
    const OP extends PathOption = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
    const AS = undefined,
    const ASC extends ZodOrNone = undefined,
  >(
    name: string,
    options?: PassOptions<D, IP, PT, RES, RP, OP, JO, OS, V, AS, ASC>,
  ): Chain<
    D,
    PassOutput<D, IP, PT, RES, RP, OP, JO, OS, V>,
    E,
    V,
    VarsAfterAssign<V, AS, PassResultData<D, IP, PT, RES, V>, ASC>,
    readonly ['pass', IP, PT, RES, RP, OP, JO, AS]
  >;

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
    const AS = undefined,
    const ASC extends ZodOrNone = undefined,
    const RT extends readonly RetryRule[] | undefined = undefined,
  >(
    name: string,
    resource: TargetArg<R, TaskInput<D, IP, PT, JA, V>>,
    options?: TaskOptions<D, R, IP, PT, RS, RP, OP, JA, JO, OS, TP, HP, V, AS, ASC, RT>,
  ): Catchable<
    D,
    TaskOutput<D, R, RS, RP, OP, JO, OS, V>,
    E,
    V,
    VarsAfterAssign<V, AS, Plain<ResultOfTarget<R>>, ASC>,
    readonly ['task', R, IP, PT, RP, OP, JA, JO, TP, HP, AS]
  >;

  /** A Wait state: a delay in `seconds`, or until a `timestamp`, either fixed or read from a path. */
  wait<
    const IP extends PathOption = undefined,
    const OP extends PathOption = undefined,
    const SP extends PathOption = undefined,
    const TP extends PathOption = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
    const AS = undefined,
    const ASC extends ZodOrNone = undefined,
  >(
    name: string,
    options: WaitOptions<D, IP, OP, SP, TP, JO, OS, V, AS, ASC>,
  ): Chain<
    D,
    SelectOutput<D, IP, OP, JO, OS, V>,
    E,
    V,
    VarsAfterAssign<V, AS, Select<D, IP, V>, ASC>,
    readonly ['wait', IP, OP, SP, TP, JO, AS]
  >;

  /** A Choice state; add rules with `when` and a default with `otherwise`. */
  choice<
    const IP extends PathOption = undefined,
    const OP extends PathOption = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
    const AS = undefined,
    const ASC extends ZodOrNone = undefined,
  >(
    name: string,
    options?: ChoiceOptions<D, IP, OP, JO, OS, V, AS, ASC>,
  ): ChoiceState<
    D,
    Select<D, IP, V>,
    SelectOutput<D, IP, OP, JO, OS, V>,
    E,
    V,
    VarsAfterAssign<V, AS, Select<D, IP, V>, ASC>,
    [OP, JO, OS] extends [undefined, undefined, undefined] ? true : false,
    readonly ['choice', IP]
  >;

  /** A Succeed state: ends the machine (or branch) with its output. */
  succeed<
    const IP extends PathOption = undefined,
    const OP extends PathOption = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
  >(
    name: string,
    options?: SucceedOptions<D, IP, OP, JO, OS, V>,
  ): Terminal<D, E | SelectOutput<D, IP, OP, JO, OS, V>, V, readonly ['succeed', IP, OP, JO]>;

  /** A Fail state: ends the execution with an error. */
  fail<const EP extends PathOption = undefined, const CP extends PathOption = undefined>(
    name: string,
    options?: FailOptions<D, EP, CP, V>,
  ): Terminal<D, E, V, readonly ['fail', EP, CP]>;

  /**
   * A Parallel state: runs every branch on the same input; its result is the tuple of their
   * outputs. Branches read the variables in scope here but assign their own.
   */
  parallel<
    const B extends readonly BranchBuilder<Parametrize<Select<D, IP, V>, PT, V>, InnerVars<V>>[],
    const IP extends PathOption = undefined,
    const PT = undefined,
    const RS = undefined,
    const RP extends PathOption = undefined,
    const OP extends PathOption = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
    const AS = undefined,
    const ASC extends ZodOrNone = undefined,
    const RT extends readonly RetryRule[] | undefined = undefined,
  >(
    name: string,
    options: ParallelOptions<D, B, IP, PT, RS, RP, OP, JO, OS, V, AS, ASC, RT>,
  ): Catchable<
    D,
    DeclaredOutput<JO, OS, StateOutput<D, SelectResultOf<ParallelResult<B>, RS, V>, undefined, RP, OP, V>>,
    E,
    V,
    VarsAfterAssign<V, AS, Plain<ParallelResult<B>>, ASC>,
    readonly ['parallel', IP, PT, RP, OP, JO, AS]
  >;

  /**
   * A Map state: runs the item processor on each item; its result is the array of their
   * outputs. The item processor reads the variables in scope here (unless distributed) but
   * assigns its own.
   */
  map<
    const P extends BranchBuilder<MapItemData<D, IP, ITP, IS, ISC, V>, InnerVars<V, IsDistributed<PC>>>,
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
    const AS = undefined,
    const ASC extends ZodOrNone = undefined,
    const PC = undefined,
    const MCP extends PathOption = undefined,
    const TFPP extends PathOption = undefined,
    const TFCP extends PathOption = undefined,
    const RT extends readonly RetryRule[] | undefined = undefined,
  >(
    name: string,
    options: MapOptions<D, P, IP, ITP, IS, ISC, RS, RP, OP, RW, JO, OS, V, AS, ASC, PC, MCP, TFPP, TFCP, RT>,
  ): Catchable<
    D,
    DeclaredOutput<JO, OS, StateOutput<D, SelectResultOf<MapResult<P, RW>, RS, V>, undefined, RP, OP, V>>,
    E,
    V,
    VarsAfterAssign<V, AS, Plain<MapResult<P, RW>>, ASC>,
    readonly ['map', IP, ITP, IS, RP, OP, JO, MCP, TFPP, TFCP, AS]
  >;
}

/**
 * A state that continues to a next one: a Flow for its successor, and a target for others.
 * `VIn` are the variables where it was created, `V` those after its Assign.
 */
export interface Chain<In extends AnyData, D extends AnyData, E, VIn = OpenVars, V = VIn, Reads = ReadsAll>
  extends Flow<D, E, V>,
    StateRef<In, VIn, Reads>,
    EndTypes<D, E> {
  /**
   * Goes to an existing state next (sfini's `goes_to`): the data here must hold what that state
   * reads, and the variables it was created with must be assigned here.
   */
  next<T extends StateRef<AnyData, unknown, unknown>>(
    target: TargetArgument<T, D, V>,
  ): Terminal<In, E, VIn, Reads>;
}

/** A state with Retry and Catch (Task, Parallel, Map). */
export interface Catchable<
  In extends AnyData,
  D extends AnyData,
  E,
  VIn = OpenVars,
  V = VIn,
  Reads = ReadsAll,
> extends Chain<In, D, E, VIn, V, Reads> {
  /**
   * Adds a Retry rule for `errorEquals`: AWS's error names (`['States.Timeout']`) or your own; a
   * `States.` name Step Functions never raises is refused.
   */
  retry<const EQ extends readonly ErrorName[]>(
    errorEquals: ErrorNamesArg<EQ>,
    options?: RetryOptions,
  ): Catchable<In, D, E, VIn, V, Reads>;
  /**
   * Adds a Catch rule: on one of `errorEquals`, go to `target` with the error output
   * (`{ Error, Cause }`) at `resultPath` of this state's input. The state's own Assign does not
   * apply when it fails; the catcher's does, reading the error output.
   */
  catch<
    T extends Target<CatchData<In, RP, JO, OS>, VarsAfterAssign<VIn, AS, Plain<ErrorOutput>, ASC>>,
    const RP extends PathOption = undefined,
    const JO = undefined,
    const OS extends ZodOrNone = undefined,
    const AS = undefined,
    const ASC extends ZodOrNone = undefined,
    const EQ extends readonly ErrorName[] = readonly ErrorName[],
  >(
    errorEquals: ErrorNamesArg<EQ>,
    target: TargetArgument<T, CatchData<In, RP, JO, OS>, VarsAfterAssign<VIn, AS, Plain<ErrorOutput>, ASC>>,
    options?: CatchOptions<In, RP, JO, OS, VIn, AS, ASC>,
  ): Catchable<In, D, E | TargetEnds<T>, VIn, V, CatchReads<Reads, RP, JO, AS>>;
}

/** A state that ends its machine or branch (Succeed, Fail), or one whose successor is set. */
export interface Terminal<In extends AnyData, E, VIn = OpenVars, Reads = ReadsAll>
  extends StateRef<In, VIn, Reads>,
    EndTypes<never, E> {}

/**
 * The data a handle's state passes on (or, for a Flow, the data there), as a plain type. Hover
 * `DataOf<typeof handle>` to read it: the handle itself shows the internal `Data<...>` form.
 */
export type DataOf<H> = H extends { readonly '~data'?: infer D } ? Simplify<MaterializeEach<D>> : never;

/** The variables in scope after a handle's state (or at a Flow), as a plain record: name to type. */
export type VarsOf<H> = H extends { readonly '~vars'?: infer V } ? Simplify<VarsRecord<V>> : never;

/** The data a state expects, as a plain type. */
export type InputOf<H> = H extends StateRef<infer In> ? Simplify<Materialize<In>> : never;

export type {
  BranchBuilder,
  ChoiceState,
  MapItemData,
  MapOptions,
  MapResult,
  ParallelOptions,
  ParallelResult,
  ReadPathArg,
};
