// How the builder wires states together and checks the result, apart from the handles that
// do the building (builder.ts). Every created state is wired at once through a Slot (a
// predecessor's Next, a Choice rule, a default, a Catch, a branch start), and each handle
// records which states end its scope upstream of it, mirroring the type-level `E`. When a
// definition returns, closeScope compares those ends with the states that really end the scope
// and runs the checks that were left pending (targets promised but never created), so a
// definition missing an end is refused: the machine's output type would otherwise be wrong.
// A join is also checked here against what a Catch added to its target passes on (reads.ts).
// Problems go to the machine's ProblemLog (problems.ts), to be listed together.
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

/**
 * Set on handles made once their state has a Catch passing its input on (`catchPassesInput`):
 * their type says the state needs all its input (reads.ts).
 */
export const KNOWS_INPUT_CATCH = Symbol('sfini.knowsInputCatch');

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
  readonly [KNOWS_INPUT_CATCH]?: boolean;
}

/** True for the handles the builder returns. */
export function isHandle(value: unknown): value is HandleLike {
  return typeof value === 'object' && value !== null && NODE in value;
}

/**
 * True when a Catch with these options passes the state's input on to its target, or may read
 * it: it merges the error output into the input (a resultPath other than `$`), keeps the input
 * (`null`), computes a JSONata output, or assigns a JSONata expression. The same rule as the
 * type-level `CatchReads`.
 */
export function catchPassesInput(options: Record<string, unknown>): boolean {
  const resultPath = options.resultPath;
  return (
    (resultPath !== undefined && resultPath !== '$') ||
    options.output !== undefined ||
    holdsJsonata(options.assign)
  );
}

function holdsJsonata(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('{%') && value.endsWith('%}');
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(holdsJsonata);
}

/**
 * A transition into an existing state was checked (by its type) against what the state reads
 * as the handle knows it. A handle made before the state gained a Catch passing its input on
 * does not know the state then needs all its input, so such a join is refused. `from` is the
 * state whose whole input the transition carries, if any (a Catch passing its input on).
 */
export function checkJoin(handle: HandleLike, where: string, from?: StateNode): void {
  const node = handle[NODE];
  // A Catch passing a state's input on back to the state itself brings all of that input.
  if (node === from) return;
  if (node.inputCatch === undefined) {
    node.joinedBefore ??= where;
    return;
  }
  if (!handle[KNOWS_INPUT_CATCH]) {
    throw new Error(
      `${where}: goes to ${node.describe()} through a handle made before its Catch at ${node.inputCatch}, which passes the state's input on; go to it through the handle catch() returned, so the data is checked against all the state's input`,
    );
  }
}

/**
 * A Catch passing the state's input on makes the state need all of it; a transition that went
 * into it earlier was checked against less, so the Catch is refused then.
 */
export function checkInputCatch(node: StateNode, where: string): void {
  if (node.joinedBefore !== undefined) {
    throw new Error(
      `${where}: this Catch passes the state's input on, so the state needs all of it, but ${node.joinedBefore} already goes to it with data checked against less; add the Catch where the state is created, before anything goes to it`,
    );
  }
  node.inputCatch ??= where;
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
 * was created; records each problem in the machine's log, then seals the scope.
 */
export function closeScope(
  scope: Scope,
  accounted: ReadonlySet<StateNode>,
  pending: readonly Pending[],
): void {
  const log = scope.problems;
  if (!scope.start) log.add(new Error(`${scope.describe()} no state was created`));
  for (const check of pending) {
    const problem = check();
    if (problem) log.add(new Error(problem));
  }
  for (const node of scope.states.values()) {
    if (node.endsScope && !node.unwired && !accounted.has(node)) {
      log.add(
        new Error(
          `${node.describe()} ends ${scope.parent ? 'the branch' : 'the machine'}, but the definition does not return it (nor a state after it); return every state where it ends, e.g. [a, b], so the output type includes it`,
        ),
      );
    }
  }
  scope.sealed = true;
}
