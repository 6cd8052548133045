// How the builder wires states together and checks the result, apart from the handles that
// do the building (builder.ts). Every created state is wired at once through a Slot (a
// predecessor's Next, a Choice rule, a default, a Catch, a branch start), and each handle
// records which states end its scope upstream of it, mirroring the type-level `E`. When a
// definition returns, closeScope compares those ends with the states that really end the scope
// and runs the checks that were left pending (targets promised but never created), so a
// definition missing an end is refused: the machine's output type would otherwise be wrong.
import type { Scope, StateNode } from './graph.js';

/** The state a handle stands for. */
export const NODE = Symbol('sfini.node');
/** The states upstream of a handle that end its scope (the run-time mirror of the type's `E`). */
export const ENDS = Symbol('sfini.ends');
/**
 * Set on handles whose state takes a Next (Pass, Task, Wait, Parallel, Map): returned from a
 * definition, such a handle ends its scope itself.
 */
export const OPEN = Symbol('sfini.open');

/** Where a new state is wired: checked before the state is created, set after. */
export interface Slot {
  /** Throws when the slot is already taken. */
  check(name: string): void;
  set(node: StateNode): void;
}

/** Checks run when the definition returns (targets promised but never created). */
export type Pending = () => string | undefined;

/** What every handle carries, whatever its state's type. */
export interface HandleLike {
  readonly [NODE]: StateNode;
  readonly [ENDS]: ReadonlySet<StateNode>;
  readonly [OPEN]?: boolean;
}

/** True for the handles the builder returns. */
export function isHandle(value: unknown): value is HandleLike {
  return typeof value === 'object' && value !== null && NODE in value;
}

/** The states a returned value (a handle or an array of them) can end with. */
export function endsOfReturned(returned: unknown, where: string): Set<StateNode> {
  const list = Array.isArray(returned) ? returned : [returned];
  const ends = new Set<StateNode>();
  for (const item of list) {
    if (!isHandle(item)) {
      throw new TypeError(`${where} must return the state(s) where it ends, got ${describeValue(item)}`);
    }
    for (const end of item[ENDS]) ends.add(end);
    if (item[OPEN]) ends.add(item[NODE]);
  }
  return ends;
}

/** How a message names a value that is not what was expected. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object that is not a state' : `a ${typeof value}`;
}

/**
 * Checks that every state ending `scope` is among `accounted`, and that every promised target
 * was created.
 */
export function closeScope(
  scope: Scope,
  accounted: ReadonlySet<StateNode>,
  pending: readonly Pending[],
): void {
  const problems: string[] = [];
  if (!scope.start) problems.push(`${scope.describe()} no state was created`);
  for (const check of pending) {
    const problem = check();
    if (problem) problems.push(problem);
  }
  for (const node of scope.states.values()) {
    if (node.endsScope && !accounted.has(node)) {
      problems.push(
        `${node.describe()} ends ${scope.parent ? 'the branch' : 'the machine'}, but the definition does not return it (nor a state after it); return every state where it ends, e.g. [a, b], so the output type includes it`,
      );
    }
  }
  scope.sealed = true;
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
