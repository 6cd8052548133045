// The run-time side of the builder. One class per kind of handle, all untyped inside: the
// public types (types/api.ts) carry the data types, and these classes only build the graph.
// The handles and FlowBuilder share one file because each kind of handle is itself a place to
// create the next state (ChainHandle extends FlowBuilder) and FlowBuilder creates every kind of
// handle. How states are wired and a definition's ends checked is in wiring.ts; how options
// become ASL fields is in fields.ts (a state's own, and what a Task runs) and rule-fields.ts
// (its Retry, Catch and Choice rules).
import type { AslStateType } from '../asl/types.js';
import { type AnyCondition, choiceRules, isCondition } from './conditions.js';
import { aslFields, checkAssignSchema, taskOptions } from './fields.js';
import { assertStateName, type ChoiceBranch, Scope, StateNode } from './graph.js';
import { entryFields, retrier } from './rule-fields.js';
import {
  catchPassesInput,
  checkInputCatch,
  checkJoin,
  closeScope,
  describeValue,
  ENDS,
  endsOfReturned,
  type HandleLike,
  isHandle,
  KNOWS_INPUT_CATCH,
  NODE,
  OPEN,
  type Pending,
  type Slot,
} from './wiring.js';

/** Wires `target` (an existing state, or a function building new ones) into `slot`. */
function buildTarget(
  scope: Scope,
  pending: Pending[],
  target: unknown,
  slot: Slot,
  where: string,
  carriesInputOf?: StateNode,
): { ends: Set<StateNode> } {
  if (typeof target === 'function') {
    let created: StateNode | undefined;
    const flow = new FlowBuilder(
      scope,
      {
        check: (name) => slot.check(name),
        set: (node) => {
          created = node;
          slot.set(node);
        },
      },
      new Set(),
      pending,
    );
    const returned = target(flow);
    if (!created) throw new Error(`${where}: the target builder created no state`);
    return { ends: endsOfReturned(returned, `${where}: the target builder`) };
  }
  if (isHandle(target)) {
    const node = target[NODE];
    if (node.scope !== scope) {
      throw new Error(
        `${where}: ${node.describe()} is in another scope; a transition stays within its machine, branch or item processor`,
      );
    }
    slot.check(node.name);
    checkJoin(target, where, carriesInputOf);
    slot.set(node);
    return { ends: new Set() };
  }
  throw new TypeError(
    `${where}: a target is a state or a function building states, got ${describeValue(target)}`,
  );
}

/** A place where a state can be created. */
export class FlowBuilder {
  readonly [ENDS]: ReadonlySet<StateNode>;

  constructor(
    readonly scope: Scope,
    protected readonly slot: Slot,
    ends: ReadonlySet<StateNode>,
    protected readonly pending: Pending[],
  ) {
    this[ENDS] = ends;
  }

  protected create(name: unknown, type: AslStateType, options: Record<string, unknown> = {}): StateNode {
    assertStateName(name);
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(`${this.scope.describe()} state '${name}': options must be an object`);
    }
    const where = `${this.scope.describe()} state '${name}'`;
    const node = new StateNode(name, type, this.scope, aslFields(type, options, where));
    checkAssignSchema(options, where);
    this.slot.check(name);
    this.scope.add(node);
    this.slot.set(node);
    for (const [i, rule] of ((options.retry as Record<string, unknown>[] | undefined) ?? []).entries()) {
      node.retriers.push(retrier(rule.errorEquals, rule, `${where} retry[${i}]`));
    }
    return node;
  }

  /** Creates the states a target builder makes, wired through `slot`; returns their ends. */
  protected build(
    target: unknown,
    slot: Slot,
    where: string,
    carriesInputOf?: StateNode,
  ): { ends: Set<StateNode> } {
    return buildTarget(this.scope, this.pending, target, slot, where, carriesInputOf);
  }

  pass(name: string, options?: Record<string, unknown>): unknown {
    return new ChainHandle(this.create(name, 'Pass', options), this[ENDS], this.pending);
  }

  task(name: string, resource: unknown, options: Record<string, unknown> = {}): unknown {
    const where = `${this.scope.describe()} state '${name}'`;
    const { target, options: merged } = taskOptions(resource, options, where);
    const node = this.create(name, 'Task', merged);
    node.target = target;
    return new CatchableHandle(node, this[ENDS], this.pending);
  }

  wait(name: string, options: Record<string, unknown> = {}): unknown {
    const given = ['seconds', 'timestamp', 'secondsPath', 'timestampPath'].filter(
      (k) => options[k] !== undefined,
    );
    if (given.length !== 1) {
      throw new TypeError(
        `${this.scope.describe()} state '${name}': a Wait takes exactly one of seconds, timestamp, secondsPath, timestampPath (got ${given.length === 0 ? 'none' : given.join(', ')})`,
      );
    }
    return new ChainHandle(this.create(name, 'Wait', options), this[ENDS], this.pending);
  }

  choice(name: string, options?: Record<string, unknown>): unknown {
    const node = this.create(name, 'Choice', options);
    this.pending.push(() =>
      node.choices.length > 0 ? undefined : `${node.describe()} has no rules; add one with when(...)`,
    );
    return new ChoiceHandle(node, this[ENDS], this.pending);
  }

  succeed(name: string, options?: Record<string, unknown>): unknown {
    const node = this.create(name, 'Succeed', options);
    return new TerminalHandle(node, new Set([...this[ENDS], node]));
  }

  fail(name: string, options?: Record<string, unknown>): unknown {
    return new TerminalHandle(this.create(name, 'Fail', options), this[ENDS]);
  }

  parallel(name: string, options: Record<string, unknown>): unknown {
    const branches = options?.branches;
    if (!Array.isArray(branches) || branches.length === 0 || branches.some((b) => typeof b !== 'function')) {
      throw new TypeError(
        `${this.scope.describe()} state '${name}': branches must be a non-empty array of functions`,
      );
    }
    const node = this.create(name, 'Parallel', options);
    branches.forEach((branch: (flow: FlowBuilder) => unknown, i) => {
      const scope = new Scope(`branch ${i + 1} of '${name}'`, this.scope);
      node.branches.push(scope);
      runScope(scope, branch, `branch ${i + 1} of '${name}'`);
    });
    return new CatchableHandle(node, this[ENDS], this.pending);
  }

  map(name: string, options: Record<string, unknown>): unknown {
    const processor = options?.itemProcessor;
    if (typeof processor !== 'function') {
      throw new TypeError(
        `${this.scope.describe()} state '${name}': itemProcessor must be a function building the item's states`,
      );
    }
    const node = this.create(name, 'Map', options);
    const scope = new Scope(`item processor of '${name}'`, this.scope);
    node.processor = scope;
    runScope(scope, processor as (flow: FlowBuilder) => unknown, `the item processor of '${name}'`);
    return new CatchableHandle(node, this[ENDS], this.pending);
  }
}

/** Runs a builder on a fresh scope (machine, branch, item processor) and closes it. */
export function runScope(scope: Scope, define: (flow: FlowBuilder) => unknown, what: string): Set<StateNode> {
  const pending: Pending[] = [];
  const start = new FlowBuilder(
    scope,
    {
      check: (name) => {
        if (scope.start)
          throw new Error(
            `${scope.describe()} '${name}' cannot start it: '${scope.start.name}' already does`,
          );
      },
      set: (node) => {
        scope.start = node;
      },
    },
    new Set(),
    pending,
  );
  const returned = define(start);
  if (returned && typeof (returned as { then?: unknown }).then === 'function') {
    throw new TypeError(`${what} must build its states synchronously; it returned a promise`);
  }
  const ends = endsOfReturned(returned, what);
  closeScope(scope, ends, pending);
  return ends;
}

/** A handle of a state that has a Next: a flow into its successor. */
class ChainHandle extends FlowBuilder implements HandleLike {
  readonly kind = 'sfini.state';
  readonly [NODE]: StateNode;
  readonly [OPEN] = true;
  readonly [KNOWS_INPUT_CATCH]: boolean;

  constructor(node: StateNode, ends: ReadonlySet<StateNode>, pending: Pending[], knowsInputCatch = false) {
    super(
      node.scope,
      {
        check: (name) => {
          if (node.next)
            throw new Error(
              `${node.describe()} cannot go to '${name}': it already goes to '${node.next.name}'`,
            );
        },
        set: (next) => {
          node.next = next;
        },
      },
      ends,
      pending,
    );
    this[NODE] = node;
    this[KNOWS_INPUT_CATCH] = knowsInputCatch;
  }

  get name(): string {
    return this[NODE].name;
  }

  get type(): AslStateType {
    return this[NODE].type;
  }

  /** Goes to an existing state next. */
  next(target: unknown): unknown {
    if (!isHandle(target)) throw new TypeError(`${this[NODE].describe()}: next() takes a state`);
    this.build(target, this.slot, this[NODE].describe());
    return new TerminalHandle(this[NODE], this[ENDS], this[KNOWS_INPUT_CATCH]);
  }
}

/** A Task, Parallel or Map handle: adds Retry and Catch. */
class CatchableHandle extends ChainHandle {
  retry(errorEquals: unknown, options: Record<string, unknown> = {}): this {
    const node = this[NODE];
    node.retriers.push(retrier(errorEquals, options, `${node.describe()} retry[${node.retriers.length}]`));
    return this;
  }

  catch(errorEquals: unknown, target: unknown, options: Record<string, unknown> = {}): unknown {
    const node = this[NODE];
    const where = `${node.describe()} catch[${node.catchers.length}]`;
    if (
      !Array.isArray(errorEquals) ||
      errorEquals.length === 0 ||
      errorEquals.some((e) => typeof e !== 'string')
    ) {
      throw new TypeError(`${where}: errorEquals must be a non-empty array of error names`);
    }
    const fields = entryFields('Catch', options, where);
    const passesInput = catchPassesInput(options);
    if (passesInput) checkInputCatch(node, where);
    const catcher = {
      errorEquals: [...errorEquals],
      next: undefined as unknown as StateNode,
      fields: fields as never,
    };
    const { ends } = this.build(
      target,
      {
        check: () => {},
        set: (next) => {
          catcher.next = next;
        },
      },
      where,
      passesInput ? node : undefined,
    );
    node.catchers.push(catcher);
    return new CatchableHandle(
      node,
      new Set([...this[ENDS], ...ends]),
      this.pending,
      node.inputCatch !== undefined,
    );
  }
}

/** A Succeed or Fail state, or a state whose Next is already set. */
class TerminalHandle implements HandleLike {
  readonly kind = 'sfini.state';
  readonly [NODE]: StateNode;
  readonly [ENDS]: ReadonlySet<StateNode>;
  readonly [KNOWS_INPUT_CATCH]: boolean;

  constructor(node: StateNode, ends: ReadonlySet<StateNode>, knowsInputCatch = false) {
    this[NODE] = node;
    this[ENDS] = ends;
    this[KNOWS_INPUT_CATCH] = knowsInputCatch;
  }

  get name(): string {
    return this[NODE].name;
  }

  get type(): AslStateType {
    return this[NODE].type;
  }
}

/** A Choice state's handle. */
class ChoiceHandle implements HandleLike {
  readonly kind = 'sfini.state';
  readonly rules = choiceRules;
  readonly [NODE]: StateNode;
  readonly [ENDS]: ReadonlySet<StateNode>;

  constructor(
    node: StateNode,
    ends: ReadonlySet<StateNode>,
    private readonly pending: Pending[],
  ) {
    this[NODE] = node;
    this[ENDS] = ends;
  }

  private build(target: unknown, slot: Slot, where: string): { ends: Set<StateNode> } {
    return buildTarget(this[NODE].scope, this.pending, target, slot, where);
  }

  get name(): string {
    return this[NODE].name;
  }

  get type(): AslStateType {
    return this[NODE].type;
  }

  when(condition: unknown, ...rest: unknown[]): unknown {
    const node = this[NODE];
    const where = `${node.describe()} rule ${node.choices.length + 1}`;
    const resolved = typeof condition === 'function' ? condition(choiceRules) : condition;
    if (!isCondition(resolved))
      throw new TypeError(`${where}: the condition is not a rule built by the Choice's rules`);
    const [target, options] = rest;
    const fields = entryFields('Choice rule', (options as Record<string, unknown> | undefined) ?? {}, where);
    const branch: ChoiceBranch = {
      condition: resolved as AnyCondition,
      next: undefined as unknown as StateNode,
      fields: fields as never,
    };
    node.choices.push(branch);
    const slot: Slot = {
      check: (name) => {
        if (branch.next)
          throw new Error(`${where} cannot go to '${name}': it already goes to '${branch.next.name}'`);
      },
      set: (next) => {
        branch.next = next;
      },
    };
    if (rest.length === 0) {
      this.pending.push(() =>
        branch.next ? undefined : `${where} has no target: create a state from when(...)`,
      );
      return new FlowBuilder(node.scope, slot, this[ENDS], this.pending);
    }
    const { ends } = this.build(target, slot, where);
    return new ChoiceHandle(node, new Set([...this[ENDS], ...ends]), this.pending);
  }

  otherwise(...rest: unknown[]): unknown {
    const node = this[NODE];
    const where = `${node.describe()} default`;
    if (node.defaultNext) throw new Error(`${where} is already '${node.defaultNext.name}'`);
    const slot: Slot = {
      check: (name) => {
        if (node.defaultNext)
          throw new Error(`${where} cannot be '${name}': it is already '${node.defaultNext.name}'`);
      },
      set: (next) => {
        node.defaultNext = next;
      },
    };
    if (rest.length === 0) {
      this.pending.push(() =>
        node.defaultNext ? undefined : `${where} was opened but no state was created from it`,
      );
      return new FlowBuilder(node.scope, slot, this[ENDS], this.pending);
    }
    const { ends } = this.build(rest[0], slot, where);
    return new ChoiceHandle(node, new Set([...this[ENDS], ...ends]), this.pending);
  }
}
