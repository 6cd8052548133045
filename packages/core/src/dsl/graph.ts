// The run-time model behind the typed builder: states as nodes holding their ASL fields and
// their transitions as references to other nodes, grouped in scopes (the machine, each Parallel
// branch, each Map item processor). Transitions are node references rather than names so a
// state can be referred to before it has a successor, and emit turns them into names.
import type { AnyActivity } from '../activity.js';
import type { AslRetrier, AslStateType } from '../asl/types.js';
import { MAX_STATE_NAME_LENGTH } from '../asl/validate.js';
import type { JsonObject, JsonValue } from '../json.js';
import type { AnyCondition } from './conditions.js';
import { ProblemLog } from './problems.js';

/** A Catch entry, its target kept as a node until emit. */
export interface Catcher {
  errorEquals: string[];
  next: StateNode;
  fields: JsonObject;
}

/** A Choice rule, its target kept as a node until emit. */
export interface ChoiceBranch {
  condition: AnyCondition;
  next: StateNode;
  fields: JsonObject;
}

/** How a Task names what it runs: an activity (ARN decided at emit) or a fixed ARN. */
export type TaskTarget = { kind: 'activity'; activity: AnyActivity } | { kind: 'arn'; arn: string };

/** One state of a machine. */
export class StateNode {
  next: StateNode | undefined;
  readonly catchers: Catcher[] = [];
  readonly retriers: AslRetrier[] = [];
  readonly choices: ChoiceBranch[] = [];
  defaultNext: StateNode | undefined;
  readonly branches: Scope[] = [];
  processor: Scope | undefined;
  target: TaskTarget | undefined;
  /**
   * Where the state first gained a Catch that passes its input on to its target (reads.ts): from
   * then on it needs all its input, and only handles made since know it.
   */
  inputCatch: string | undefined;
  /** Where a transition first went into the state through a handle made before such a Catch. */
  joinedBefore: string | undefined;
  /** Set when the state could not be wired where it was created (a problem already recorded). */
  unwired = false;

  constructor(
    readonly name: string,
    readonly type: AslStateType,
    readonly scope: Scope,
    /** The state's other ASL fields, already in ASL form. */
    readonly fields: Record<string, JsonValue | undefined>,
  ) {}

  /** True for states that take `Next`/`End`. */
  get continues(): boolean {
    return this.type !== 'Choice' && this.type !== 'Succeed' && this.type !== 'Fail';
  }

  /** True when the machine (or branch) ends after this state succeeds. */
  get endsScope(): boolean {
    return this.type === 'Succeed' || (this.continues && this.next === undefined);
  }

  /** Where this state sits, for messages: `myMachine > branch 1 of 'split' > 'log'`. */
  describe(): string {
    return `${this.scope.describe()} state '${this.name}'`;
  }
}

/** A set of states with one start: a machine, a Parallel branch or a Map item processor. */
export class Scope {
  readonly states = new Map<string, StateNode>();
  start: StateNode | undefined;
  /** Every state name of the machine: AWS wants names unique across branches too. */
  readonly #allNames: Map<string, StateNode>;
  /** Set once the definition (or branch builder) has returned: no state can be added after. */
  sealed = false;
  /** The problems of the whole machine's definition, shared by every scope of it. */
  readonly problems: ProblemLog;

  constructor(
    /** How messages name this scope. */
    readonly label: string,
    readonly parent: Scope | undefined,
  ) {
    this.#allNames = parent ? parent.#allNames : new Map();
    this.problems = parent ? parent.problems : new ProblemLog();
  }

  describe(): string {
    return this.parent ? `${this.label},` : `${this.label}:`;
  }

  /** Adds a state, refusing a name already used anywhere in the machine. */
  add(node: StateNode): void {
    if (this.sealed || this.root().sealed) {
      throw new Error(
        `${this.describe()} cannot add state '${node.name}': the definition has already returned`,
      );
    }
    const existing = this.#allNames.get(node.name);
    if (existing) {
      throw new Error(
        `${this.describe()} a state named '${node.name}' already exists (${existing.describe()}); AWS wants state names unique in the whole machine`,
      );
    }
    this.#allNames.set(node.name, node);
    this.states.set(node.name, node);
  }

  /** The root scope (the machine). */
  root(): Scope {
    let scope: Scope = this;
    while (scope.parent) scope = scope.parent;
    return scope;
  }

  /** Every activity a Task in this scope or a nested one runs, each once, in definition order. */
  activities(into: Set<AnyActivity> = new Set()): Set<AnyActivity> {
    for (const node of this.states.values()) {
      if (node.target?.kind === 'activity') into.add(node.target.activity);
      for (const branch of node.branches) branch.activities(into);
      node.processor?.activities(into);
    }
    return into;
  }
}

/**
 * Thrown when a state name would be refused by AWS. `machine()` lists it among the problems of
 * its {@link MachineDefinitionError}.
 * @example
 * ```ts
 * machine('m', {}, (start) => start.pass('x'.repeat(81)));
 * // throws MachineDefinitionError whose problems hold an InvalidStateNameError (too long)
 * ```
 */
export class InvalidStateNameError extends Error {
  override readonly name = 'InvalidStateNameError';
  constructor(
    /** The name refused. */
    readonly stateName: string,
    /** Why AWS would refuse it. */
    readonly reason: string,
    /** Where the name was given (`machine 'm':`), when known. */
    where?: string,
  ) {
    super(`${where ? `${where} ` : ''}invalid state name ${JSON.stringify(stateName)}: ${reason}`);
  }
}

/**
 * Checks a state name against AWS's rules (1 to 80 characters, no control characters).
 * @param where Where the name was given, for the message.
 * @throws InvalidStateNameError naming the rule broken.
 */
export function assertStateName(name: unknown, where?: string): asserts name is string {
  const refuse = (reason: string) => new InvalidStateNameError(String(name), reason, where);
  if (typeof name !== 'string') throw refuse('a state name must be a string');
  if (name.length === 0) throw refuse('a state name cannot be empty');
  if ([...name].length > MAX_STATE_NAME_LENGTH) {
    throw refuse(`it is ${[...name].length} characters long; AWS allows at most ${MAX_STATE_NAME_LENGTH}`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what AWS refuses
  if (/[\u0000-\u001f\u007f-\u009f]/u.test(name)) throw refuse('it contains a control character');
}
