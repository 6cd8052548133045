// A Choice state as types. Its rules are bound to the data the Choice reads and the variables
// in scope; a rule's target sees the data narrowed by what the rule proves (narrow.ts) and the
// variables of the rule's Assign, while the default target sees the data unnarrowed and the
// variables of the state's own Assign, which AWS applies only when no rule matches.
import type { z } from 'zod';
import type { FactsOfCondition, GuardedCondition } from '../conditions.js';
import type { EndTypes, Flow, StateRef, Target, TargetArgument, TargetEnds } from './api.js';
import type { AnyData } from './data.js';
import type { Fact, Narrow } from './narrow.js';
import type { ChoiceBranchOptions } from './options.js';
import type { ReadsAll } from './reads.js';
import type { ChoiceRules } from './rules.js';
import type { OpenVars, VarsAfterAssign } from './vars.js';

type ZodOrNone = z.ZodType | undefined;

/** The data a rule's target receives: narrowed by what condition `C` proves, when `N` allows. */
export type NarrowData<D extends AnyData, C, N> = N extends true
  ? FactsOfCondition<C> extends infer F extends readonly Fact[]
    ? F extends readonly []
      ? D
      : Narrow<D, F>
    : D
  : D;

/**
 * A Choice state. `R` is the data rules read; `D` the data passed to the chosen state; `VIn`
 * the variables in scope, and `VD` those the default target sees (after the state's Assign).
 * `N` is true when `D` is `R` (no OutputPath or JSONata output), so rules can narrow it.
 */
export interface ChoiceState<
  In extends AnyData,
  R extends AnyData,
  D extends AnyData,
  E,
  VIn = OpenVars,
  VD = VIn,
  N = false,
  Reads = ReadsAll,
> extends StateRef<In, VIn, Reads>,
    EndTypes<never, E> {
  /** The rule operators, bound to the data this Choice reads. */
  readonly rules: ChoiceRules<R, VIn>;
  /**
   * Adds a rule: when `condition` holds, go to `target`. A target built here sees the data
   * narrowed by what the condition proves (`isPresent`, `isString`, a comparison, ...), and
   * the variables of the rule's `assign`. Returns the Choice for more rules.
   */
  when<
    C extends GuardedCondition,
    T extends Target<NarrowData<D, C, N>, VarsAfterAssign<VIn, AS, R, ASC>>,
    const AS = undefined,
    const ASC extends ZodOrNone = undefined,
  >(
    condition: C | ((rules: ChoiceRules<R, VIn>) => C),
    target: TargetArgument<T, NarrowData<D, C, N>, VarsAfterAssign<VIn, AS, R, ASC>>,
    options?: ChoiceBranchOptions<AS, ASC, R, VIn>,
  ): ChoiceState<In, R, D, E | TargetEnds<T>, VIn, VD, N, Reads>;
  /** Adds a rule and returns the place its target is created: `choice.when(c).task(...)`. */
  when<C extends GuardedCondition>(
    condition: C | ((rules: ChoiceRules<R, VIn>) => C),
  ): Flow<NarrowData<D, C, N>, E, VIn>;
  /** Sets the default (sfini's `set_default`); its target keeps the unnarrowed data. Returns the Choice. */
  otherwise<T extends Target<D, VD>>(
    target: TargetArgument<T, D, VD>,
  ): ChoiceState<In, R, D, E | TargetEnds<T>, VIn, VD, N, Reads>;
  /** Sets the default and returns the place it is created: `choice.otherwise().succeed(...)`. */
  otherwise(): Flow<D, E, VD>;
}
