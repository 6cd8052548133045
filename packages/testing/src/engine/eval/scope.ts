// The workflow variables (`$name`) a state can see. Variables live in nested scopes: a Parallel
// branch or a Map iteration reads the scopes around it and writes only its own. Each scope keeps
// the byte size of every value it holds, and all the scopes of one execution share a ledger of
// their total, because AWS caps what one execution holds at once (10 MiB): a scope's variables
// leave the ledger when its branch or iteration ends.
import type { JsonValue } from '@sfini/core';
import { NOT_FOUND } from '../paths/select.js';

/** The bytes of variables an execution holds now, over all its scopes. */
export class VariableLedger {
  bytes = 0;
}

/** Workflow variables visible to a state: its own scope first, then the enclosing ones. */
export class VariableScope {
  /** Made on the first assignment: most Map iterations and branches never assign. */
  #values: Map<string, JsonValue> | undefined;
  /** The byte size of each value held here, by name. */
  #sizes: Map<string, number> | undefined;
  /** The sum of #sizes. */
  #bytes = 0;
  readonly ledger: VariableLedger;
  constructor(readonly parent?: VariableScope) {
    this.ledger = parent === undefined ? new VariableLedger() : parent.ledger;
  }

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

  /** The byte size of the value this scope itself holds under `name` (0 when it holds none). */
  ownBytes(name: string): number {
    return this.#sizes?.get(name) ?? 0;
  }

  /** Sets `name` in this scope to `value`, whose JSON takes `bytes` bytes. */
  set(name: string, value: JsonValue, bytes: number): void {
    if (this.#values === undefined) {
      this.#values = new Map();
      this.#sizes = new Map();
    }
    const change = bytes - (this.#sizes!.get(name) ?? 0);
    this.#values.set(name, value);
    this.#sizes!.set(name, bytes);
    this.#bytes += change;
    this.ledger.bytes += change;
  }

  /** The scope's branch or iteration has ended: its variables no longer count. */
  release(): void {
    if (this.#bytes === 0) return;
    this.ledger.bytes -= this.#bytes;
    this.#bytes = 0;
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
