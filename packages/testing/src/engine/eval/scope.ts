// What a path can see while a state runs: the state data (`$`), the context object (`$$`) and the
// workflow variables (`$name`). Variables live in nested scopes: a Parallel branch or a Map
// iteration reads the scopes around it and writes only its own. The context object is passed as
// a function because it is built lazily: most states never read it.
import type { JsonValue } from '@sfini/core';
import type { ParsedPath } from '../paths/parse.js';
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
