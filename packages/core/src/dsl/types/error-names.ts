// Error names of Retry and Catch rules as types. The parameter takes AWS's own names (so editors
// complete them) or any custom name, and refuses a name with the reserved `States.` prefix that
// Step Functions never raises: AWS accepts such a name at creation, but the rule never matches,
// so a typo like `States.Timout` silently disables it. The nearest known name is suggested when
// one is a single edit away (compared without case), which costs nothing unless a name is wrong.
// Once `States.` is typed, an editor lists the known names that continue what is written.
import type { AslStatesErrorName } from '../../asl/types.js';

/** An error name for Retry and Catch: one Step Functions raises, or one of your own. */
export type ErrorName = AslStatesErrorName | (string & {});

/** True when `A` becomes `B` by one insertion, deletion or substitution. */
type OneEdit<A extends string, B extends string> = A extends `${infer X}${infer AR}`
  ? B extends `${infer Y}${infer BR}`
    ? X extends Y
      ? OneEdit<AR, BR>
      : AR extends BR
        ? true
        : A extends BR
          ? true
          : AR extends B
            ? true
            : false
    : AR extends ''
      ? true
      : false
  : B extends `${string}${infer BR}`
    ? BR extends ''
      ? true
      : false
    : false;

type Near<A extends string, B extends string> =
  Lowercase<A> extends Lowercase<B> ? true : OneEdit<Lowercase<A>, Lowercase<B>>;

type Suggestion<N extends string> = {
  [K in AslStatesErrorName]: Near<N, K> extends true ? `; did you mean '${K}'?` : never;
}[AslStatesErrorName];

/** The sentence refusing error name `N`, or `never` when it is fine. */
export type ErrorNameProblem<N> = N extends `States.${string}`
  ? N extends AslStatesErrorName
    ? never
    : `'${N}' is not an error Step Functions raises${[Suggestion<N>] extends [never] ? '' : Suggestion<N>}`
  : never;

/**
 * What an unknown `States.` name is checked against: while it is still the start of known names
 * (`'States.Ti'`), those names, so an editor completes them; otherwise the sentence.
 */
type Mark<N> = [ErrorNameProblem<N>] extends [never]
  ? N
  : N extends string
    ? [Extract<AslStatesErrorName, `${N}${string}`>] extends [never]
      ? ErrorNameProblem<N>
      : Extract<AslStatesErrorName, `${N}${string}`>
    : N;

/** An `errorEquals` argument: accepted as written when no `States.` name is unknown. */
export type ErrorNamesArg<E> = E extends readonly unknown[]
  ? [ErrorNameProblem<E[number]>] extends [never]
    ? E
    : { [I in keyof E]: Mark<E[I]> }
  : E;

type RulesProblem<RT> = RT extends readonly unknown[]
  ? ErrorNameProblem<
      RT[number] extends infer R
        ? R extends { readonly errorEquals: readonly (infer N)[] }
          ? N
          : never
        : never
    >
  : never;

/** A `retry` option: accepted as written when no rule names an unknown `States.` error. */
export type RetryRulesArg<RT> = [RulesProblem<RT>] extends [never]
  ? RT
  : {
      [I in keyof RT]: RT[I] extends { readonly errorEquals: infer E }
        ? Omit<RT[I], 'errorEquals'> & { readonly errorEquals: ErrorNamesArg<E> }
        : RT[I];
    };
