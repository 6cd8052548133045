// The handle of a Choice state: rules (`when`) and a default (`otherwise`), each wired to an
// existing state, a target builder, or a flow opened for the next state. Apart from builder.ts
// because it is no place to create a state itself; it only opens flows (FlowBuilder), and
// builder.ts creates it, an import cycle that is safe since neither module uses the other
// until a definition runs.
import type { AslStateType } from '../asl/types.js';
import { buildTarget, FlowBuilder } from './builder.js';
import { type AnyCondition, choiceRules, isCondition } from './conditions.js';
import type { ChoiceBranch, StateNode } from './graph.js';
import { entryFields } from './rule-fields.js';
import { ENDS, type HandleLike, NODE, type Pending, type Slot } from './wiring.js';

/** A Choice state's handle. */
export class ChoiceHandle implements HandleLike {
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
      node.scope.problems.add(
        new TypeError(`${where}: the condition is not a rule built by the Choice's rules`),
      );
    const [target, options] = rest;
    const fields = entryFields(
      'Choice rule',
      (options as Record<string, unknown> | undefined) ?? {},
      where,
      node.scope.problems,
    );
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
