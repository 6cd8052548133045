// The run-time side of the builder. One class per kind of handle, all untyped inside: the
// public types (types/api.ts) carry the data types, and these classes only build the graph.
// The handles and FlowBuilder share one file because each kind of handle is itself a place to
// create the next state (ChainHandle extends FlowBuilder) and FlowBuilder creates every kind of
// handle; the Choice's handle, which only opens flows, is in choice-handle.ts. How states are wired and a definition's ends checked is in wiring.ts; how options
// become ASL fields is in fields.ts (a state's own, and what a Task runs) and rule-fields.ts
// (its Retry, Catch and Choice rules).
import type { AslStateType } from '../asl/types.js';
import { ChoiceHandle } from './choice-handle.js';
import { aslFields, checkAssignSchema, taskOptions } from './fields.js';
import { assertStateName, Scope, StateNode, type TaskTarget } from './graph.js';
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
export function buildTarget(
  scope: Scope,
  pending: Pending[],
  target: unknown,
  slot: Slot,
  where: string,
  carriesInputOf?: StateNode,
): { ends: Set<StateNode> } {
  const log = scope.problems;
  if (typeof target === 'function') {
    let tried = false;
    const flow = new FlowBuilder(
      scope,
      {
        check: (name) => {
          tried = true;
          slot.check(name);
        },
        set: (node) => slot.set(node),
      },
      new Set(),
      pending,
    );
    // The target builder is the caller's code: what it throws is not a problem to record.
    const returned = target(flow);
    if (!tried) {
      log.add(new Error(`${where}: the target builder created no state`));
      return { ends: new Set() };
    }
    return { ends: log.attempt(() => endsOfReturned(returned, `${where}: the target builder`), new Set()) };
  }
  if (isHandle(target)) {
    log.attempt(() => {
      const node = target[NODE];
      if (node.scope !== scope) {
        throw new Error(
          `${where}: ${node.describe()} is in another scope; a transition stays within its machine, branch or item processor`,
        );
      }
      slot.check(node.name);
      checkJoin(target, where, carriesInputOf);
      slot.set(node);
    }, undefined);
    return { ends: new Set() };
  }
  log.add(
    new TypeError(
      `${where}: a target is a state or a function building states, got ${describeValue(target)}`,
    ),
  );
  return { ends: new Set() };
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

  /**
   * Creates a state and wires it into this flow's slot. Each problem (its name, an option, the
   * slot already taken, a duplicate name) is recorded and the state still created, so the
   * definition runs on and every problem is found.
   */
  protected create(name: unknown, type: AslStateType, options: unknown): StateNode {
    const log = this.scope.problems;
    const label = String(name);
    const where = `${this.scope.describe()} state '${label}'`;
    log.attempt(() => assertStateName(name, this.scope.describe()), undefined);
    let given: Record<string, unknown> = {};
    if (typeof options === 'object' && options !== null) given = options as Record<string, unknown>;
    else if (options !== undefined) log.add(new TypeError(`${where}: options must be an object`));
    const node = new StateNode(label, type, this.scope, aslFields(type, given, where, log));
    log.attempt(() => checkAssignSchema(given, where), undefined);
    const wired = log.attempt(() => {
      this.slot.check(label);
      return true;
    }, false);
    log.attempt(() => this.scope.add(node), undefined);
    if (wired) this.slot.set(node);
    else node.unwired = true;
    const retries = Array.isArray(given.retry) ? (given.retry as Record<string, unknown>[]) : [];
    for (const [i, rule] of retries.entries()) {
      log.attempt(
        () => node.retriers.push(retrier(rule?.errorEquals, rule ?? {}, `${where} retry[${i}]`)),
        0,
      );
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
    const { target, options: merged } = this.scope.problems.attempt<{
      target: TaskTarget | undefined;
      options: Record<string, unknown>;
    }>(() => taskOptions(resource, options, where), { target: undefined, options });
    const node = this.create(name, 'Task', merged);
    node.target = target;
    return new CatchableHandle(node, this[ENDS], this.pending);
  }

  wait(name: string, options: Record<string, unknown> = {}): unknown {
    const given = ['seconds', 'timestamp', 'secondsPath', 'timestampPath'].filter(
      (k) => options[k] !== undefined,
    );
    if (given.length !== 1) {
      this.scope.problems.add(
        new TypeError(
          `${this.scope.describe()} state '${name}': a Wait takes exactly one of seconds, timestamp, secondsPath, timestampPath (got ${given.length === 0 ? 'none' : given.join(', ')})`,
        ),
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
    const branches: unknown[] = Array.isArray(options?.branches) ? options.branches : [];
    if (branches.length === 0 || branches.some((b) => typeof b !== 'function')) {
      this.scope.problems.add(
        new TypeError(
          `${this.scope.describe()} state '${name}': branches must be a non-empty array of functions`,
        ),
      );
    }
    const node = this.create(name, 'Parallel', options);
    branches.forEach((branch, i) => {
      if (typeof branch !== 'function') return;
      const define = branch as (flow: FlowBuilder) => unknown;
      const scope = new Scope(`branch ${i + 1} of '${name}'`, this.scope);
      node.branches.push(scope);
      runScope(scope, define, `branch ${i + 1} of '${name}'`);
    });
    return new CatchableHandle(node, this[ENDS], this.pending);
  }

  map(name: string, options: Record<string, unknown>): unknown {
    const processor = options?.itemProcessor;
    const node = this.create(name, 'Map', options);
    if (typeof processor !== 'function') {
      this.scope.problems.add(
        new TypeError(
          `${this.scope.describe()} state '${name}': itemProcessor must be a function building the item's states`,
        ),
      );
      return new CatchableHandle(node, this[ENDS], this.pending);
    }
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
  // The definition is the caller's code: what it throws propagates (machine() adds the
  // problems recorded so far).
  const returned = define(start);
  let ends = new Set<StateNode>();
  if (returned && typeof (returned as { then?: unknown }).then === 'function') {
    scope.problems.add(new TypeError(`${what} must build its states synchronously; it returned a promise`));
  } else {
    ends = scope.problems.attempt(() => endsOfReturned(returned, what), ends);
  }
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
    if (isHandle(target)) this.build(target, this.slot, this[NODE].describe());
    else this.scope.problems.add(new TypeError(`${this[NODE].describe()}: next() takes a state`));
    return new TerminalHandle(this[NODE], this[ENDS], this[KNOWS_INPUT_CATCH]);
  }
}

/** A Task, Parallel or Map handle: adds Retry and Catch. */
class CatchableHandle extends ChainHandle {
  retry(errorEquals: unknown, options: Record<string, unknown> = {}): this {
    const node = this[NODE];
    const where = `${node.describe()} retry[${node.retriers.length}]`;
    this.scope.problems.attempt(() => node.retriers.push(retrier(errorEquals, options, where)), 0);
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
      this.scope.problems.add(
        new TypeError(`${where}: errorEquals must be a non-empty array of error names`),
      );
    }
    const fields = entryFields('Catch', options, where, this.scope.problems);
    const passesInput = catchPassesInput(options);
    if (passesInput) this.scope.problems.attempt(() => checkInputCatch(node, where), undefined);
    const catcher = {
      errorEquals: Array.isArray(errorEquals) ? [...errorEquals] : [],
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
