// The shapes the Choice evaluator reads: rules as they appear in ASL JSON (loosely typed, since
// definitions arrive untyped from files, CDK and the endpoint), and the engine's path lookup.
// Lookups report "not found" instead of throwing because for Choice rules a missing path is
// data, not an error: IsPresent tests it, and every other operator turns it into AWS's
// "Invalid path" failure with the path it was given.

import type { JsonValue } from '@sfini/core';

/** A Choice rule as written in ASL JSON: a data test (`Variable` + one operator) or And/Or/Not. */
export interface ChoiceRuleDefinition {
  readonly Variable?: string;
  readonly And?: readonly ChoiceRuleDefinition[];
  readonly Or?: readonly ChoiceRuleDefinition[];
  readonly Not?: ChoiceRuleDefinition;
  /** Only on top-level rules: the state to go to when the rule matches. */
  readonly Next?: string;
  /** The comparison operator and its operand, e.g. `NumericGreaterThan: 20`. */
  readonly [field: string]: unknown;
}

/** The part of a JSONPath Choice state that decides the next state. */
export interface ChoiceStateDefinition {
  readonly Choices: readonly ChoiceRuleDefinition[];
  readonly Default?: string;
}

/** The result of looking a Reference Path up. */
export type PathLookup = { readonly found: true; readonly value: JsonValue } | { readonly found: false };

/** The engine's side of a Choice evaluation. */
export interface ChoiceScope {
  /** Looks a Reference Path up over the state input (`$`), the context (`$$`) or a variable (`$name`). */
  resolvePath(path: string): PathLookup;
}

/** Which rule a Choice state took. */
export interface ChoiceSelection {
  /** The name of the next state. */
  readonly next: string;
  /** The matching top-level rule, or undefined when the state fell through to `Default`. */
  readonly rule: ChoiceRuleDefinition | undefined;
  /** The index of that rule in `Choices`, or -1 for `Default`. */
  readonly index: number;
}
