// What a path can see while a state runs: the state data (`$`), the context object (`$$`) and the
// workflow variables (`$name`). Variables live in nested scopes: a Parallel branch or a Map
// iteration reads the scopes around it and writes only its own. The context object is passed as
// a function because it is built lazily: most states never read it.
import type { JsonValue } from '@sfini/core';
import { NOT_FOUND } from '../paths/select.js';

/** Workflow variables visible to a state: its own scope first, then the enclosing ones. */
export class VariableScope {
  /** Made on the first assignment: most Map iterations and branches never assign. */
  #values: Map<string, JsonValue> | undefined;
  constructor(readonly parent?: VariableScope) {}

  get(name: string): JsonValue | typeof NOT_FOUND {
    let scope: VariableScope | undefined = this;
    while (scope !== undefined) {
      const values = scope.#values;
      if (values !== undefined) {
        const value = values.get(name);
        if (value !== undefined || values.has(name)) return value as JsonValue;
      }
      scope = scope.parent;
    }
    return NOT_FOUND;
  }

  set(name: string, value: JsonValue): void {
    if (this.#values === undefined) this.#values = new Map();
    this.#values.set(name, value);
  }

  /** Every visible variable, inner scopes shadowing outer ones. */
  all(): Record<string, JsonValue> {
    const chain: VariableScope[] = [];
    for (let scope: VariableScope | undefined = this; scope; scope = scope.parent) chain.unshift(scope);
    const out: Record<string, JsonValue> = Object.create(null);
    for (const scope of chain) for (const [name, value] of scope.#values ?? []) out[name] = value;
    return out;
  }

  /** True when no variable is visible at all (lets JSONata skip building bindings). */
  get empty(): boolean {
    for (let scope: VariableScope | undefined = this; scope; scope = scope.parent) {
      if (scope.#values !== undefined && scope.#values.size > 0) return false;
    }
    return true;
  }
}
