// A Choice state as types. Its rules are bound to the data the Choice reads and the variables
// in scope; a rule's target sees the data narrowed by what the rule proves (narrow.ts) and the
// variables of the rule's Assign, while the default target sees the data unnarrowed and the
// variables of the state's own Assign, which AWS applies only when no rule matches.
import type { z } from 'zod';
import type { AnyCondition, FactsOfCondition } from '../conditions.js';
import type { EndTypes, Flow, StateRef, Target, TargetArgument, TargetEnds } from './api.js';
import type { AnyData } from './data.js';
import type { Fact, Narrow } from './narrow.js';
import type { ChoiceBranchOptions } from './options.js';
import type { ReadsAll } from './reads.js';
import type { ChoiceRules } from './rules.js';
import type { OpenVars, VarsAfterAssign } from './vars.js';

type ZodOrNone = z.ZodType | undefined;

/** What `when` takes: a condition, or a function of the rules returning one. */
type ConditionLike<R, V> = AnyCondition | ((rules: ChoiceRules<R, V>) => AnyCondition);

/** The condition `F` gives: itself, or what the function returns. */
type ConditionOf<F> = F extends (rules: never) => infer C ? C : F;

type NeedsOf<C> = C extends { readonly '~condition'?: { readonly needs: infer S } } ? S : never;

/** Condition `C` when it needs no presence guard, else the sentence saying which path does. */
type Guarded<C> = [NeedsOf<C>] extends [never] ? C : NeedsOf<C>;

/**
 * The type `when` checks its condition against. For a function it is a function again, not a
 * union with the condition form: TypeScript then reports a refused condition at the expression
 * the function returns (the comparison itself) and with the sentence as the expected type,
 * where a union would print both forms of the parameter first.
 */
type ConditionArg<F, Rules> = F extends (rules: never) => infer C ? (rules: Rules) => Guarded<C> : Guarded<F>;

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
   * Adds a rule and returns the place its target is created: `choice.when(c).task(...)`.
   * Declared before the form with a target so that a call refusing its condition still
   * returns this Flow, and the chain after it is checked on, not reported as a second error.
   */
  when<F extends ConditionLike<R, VIn>>(
    condition: ConditionArg<F, ChoiceRules<R, VIn>>,
  ): Flow<NarrowData<D, ConditionOf<F>, N>, E, VIn>;
  /**
   * Adds a rule: when `condition` holds, go to `target`. A target built here sees the data
   * narrowed by what the condition proves (`isPresent`, `isString`, a comparison, ...), and
   * the variables of the rule's `assign`. Returns the Choice for more rules.
   *
   * A comparison on a field that may be absent must follow `isPresent` inside `and(...)`;
   * otherwise the comparison is refused where it is written, with the sentence saying so.
   */
  when<
    F extends ConditionLike<R, VIn>,
    T extends Target<NarrowData<D, ConditionOf<F>, N>, VarsAfterAssign<VIn, AS, R, ASC>>,
    const AS = undefined,
    const ASC extends ZodOrNone = undefined,
  >(
    condition: ConditionArg<F, ChoiceRules<R, VIn>>,
    target: TargetArgument<T, NarrowData<D, ConditionOf<F>, N>, VarsAfterAssign<VIn, AS, R, ASC>>,
    options?: ChoiceBranchOptions<AS, ASC, R, VIn>,
  ): ChoiceState<In, R, D, E | TargetEnds<T>, VIn, VD, N, Reads>;
  /** Sets the default (sfini's `set_default`); its target keeps the unnarrowed data. Returns the Choice. */
  otherwise<T extends Target<D, VD>>(
    target: TargetArgument<T, D, VD>,
  ): ChoiceState<In, R, D, E | TargetEnds<T>, VIn, VD, N, Reads>;
  /** Sets the default and returns the place it is created: `choice.otherwise().succeed(...)`. */
  otherwise(): Flow<D, E, VD>;
}
