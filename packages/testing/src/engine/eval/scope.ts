// What an expression can see while a state runs: the state data (`$`), the context object (`$$`)
// and the workflow variables (`$name`). Intrinsic functions and Choice rules receive this scope
// and resolve their paths through it, so they never need to know how the engine stores
// variables or when it builds the context object (lazily: most states never read it).
import type { JsonValue } from '@sfini/core';
import { type ParsedPath, parsePathCached } from '../paths/parse.js';
import { NOT_FOUND, type Selected, selectAt } from '../paths/select.js';

/** Workflow variables visible to a state: its own scope first, then the enclosing ones. */
export class VariableScope {
  readonly #values: Map<string, JsonValue> = new Map();
  constructor(readonly parent?: VariableScope) {}

  get(name: string): JsonValue | typeof NOT_FOUND {
    let scope: VariableScope | undefined = this;
    while (scope !== undefined) {
      const value = scope.#values.get(name);
      if (value !== undefined || scope.#values.has(name)) return value as JsonValue;
      scope = scope.parent;
    }
    return NOT_FOUND;
  }

  set(name: string, value: JsonValue): void {
    this.#values.set(name, value);
  }

  /** Every visible variable, inner scopes shadowing outer ones. */
  all(): Record<string, JsonValue> {
    const chain: VariableScope[] = [];
    for (let scope: VariableScope | undefined = this; scope; scope = scope.parent) chain.unshift(scope);
    const out: Record<string, JsonValue> = Object.create(null);
    for (const scope of chain) for (const [name, value] of scope.#values) out[name] = value;
    return out;
  }

  /** True when no variable is visible at all (lets JSONata skip building bindings). */
  get empty(): boolean {
    for (let scope: VariableScope | undefined = this; scope; scope = scope.parent) {
      if (scope.#values.size > 0) return false;
    }
    return true;
  }
}

/** The scope passed to intrinsic functions and Choice rules. */
export interface EvaluationScope {
  /** The state data `$` paths start from. */
  readonly input: JsonValue;
  /** The context object `$$` paths start from. */
  context(): JsonValue;
  /** The value of workflow variable `name`, or undefined when no such variable exists. */
  variable(name: string): JsonValue | undefined;
  /**
   * The value `path` names (`$...`, `$$...` or `$name...`). Throws a StatesFailure with AWS's
   * wording when it names nothing.
   */
  resolvePath(path: string): JsonValue;
  /** Like resolvePath, but `{ found: false }` instead of throwing when the path names nothing. */
  tryResolvePath(path: string): { found: true; value: JsonValue } | { found: false };
}

/** Selects a parsed path against the right root. */
export function selectInScope(
  path: ParsedPath,
  input: JsonValue,
  context: () => JsonValue,
  variables: VariableScope,
): Selected {
  switch (path.root) {
    case 'input':
      return path.segments.length === 0 ? input : selectAt(path, input);
    case 'context':
      return selectAt(path, context());
    case 'variable': {
      const value = variables.get(path.variable!);
      if (value === NOT_FOUND) return NOT_FOUND;
      return path.segments.length === 0 ? value : selectAt(path, value);
    }
  }
}

/** Builds an EvaluationScope; `notFound` makes the failure thrown for a path that names nothing. */
export function makeScope(
  input: JsonValue,
  context: () => JsonValue,
  variables: VariableScope,
  notFound: (path: string, root: JsonValue) => Error,
): EvaluationScope {
  const rootOf = (parsed: ParsedPath): JsonValue => {
    if (parsed.root === 'context') return context();
    if (parsed.root === 'variable') {
      const value = variables.get(parsed.variable!);
      return value === NOT_FOUND ? null : value;
    }
    return input;
  };
  return {
    input,
    context,
    variable(name) {
      const value = variables.get(name);
      return value === NOT_FOUND ? undefined : value;
    },
    resolvePath(path) {
      const parsed = parsePathCached(path);
      const value = selectInScope(parsed, input, context, variables);
      if (value === NOT_FOUND) throw notFound(path, rootOf(parsed));
      return value;
    },
    tryResolvePath(path) {
      const value = selectInScope(parsePathCached(path), input, context, variables);
      return value === NOT_FOUND ? { found: false } : { found: true, value };
    },
  };
}
