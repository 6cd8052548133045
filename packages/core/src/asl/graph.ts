// The transitions of one (sub-)machine: every StartAt, Next, Default, choice rule Next and
// catcher Next must name a state of the same scope (a branch cannot jump out to its parent,
// nor the parent into a branch), every state must be reachable from StartAt, and some state
// must end the scope. Only well-typed transition fields are read; their type problems were
// already reported by the state checks.
import { at, type CheckContext, isObject, quote, report } from './check-context.js';
import type { DefinitionLocation } from './problems.js';

/** A transition found in a state: its target and where it is written. */
interface Edge {
  target: string;
  location: DefinitionLocation;
  field: string;
}

/** Lists the transitions a state makes (Next, Default, choice rules, catchers). */
export function edgesOf(state: Record<string, unknown>, location: DefinitionLocation): Edge[] {
  const edges: Edge[] = [];
  const add = (value: unknown, loc: DefinitionLocation, field: string) => {
    if (typeof value === 'string') edges.push({ target: value, location: loc, field });
  };
  // Only fields the state's type has count: a stray Next on a Succeed is reported as unknown, once.
  const type = state.Type;
  if (type !== 'Choice' && type !== 'Succeed' && type !== 'Fail')
    add(state.Next, [...location, 'Next'], 'Next');
  if (type === 'Choice') {
    add(state.Default, [...location, 'Default'], 'Default');
    if (Array.isArray(state.Choices)) {
      state.Choices.forEach((rule, i) => {
        if (isObject(rule)) add(rule.Next, [...location, 'Choices', i, 'Next'], `Choices[${i}].Next`);
      });
    }
  }
  if ((type === 'Task' || type === 'Parallel' || type === 'Map') && Array.isArray(state.Catch)) {
    state.Catch.forEach((catcher, i) => {
      if (isObject(catcher)) add(catcher.Next, [...location, 'Catch', i, 'Next'], `Catch[${i}].Next`);
    });
  }
  return edges;
}

/** True when a state ends its scope: Succeed, Fail, or `"End": true`. */
function isTerminal(state: Record<string, unknown>): boolean {
  return state.Type === 'Succeed' || state.Type === 'Fail' || state.End === true;
}

/**
 * Checks the transitions of the machine at `ctx.location` with the given states.
 * `startAt` is undefined when it was missing or not a string (already reported).
 */
export function checkGraph(
  ctx: CheckContext,
  startAt: string | undefined,
  states: Record<string, unknown>,
): void {
  const names = Object.keys(states);
  const known = new Set(names);
  const edges = new Map<string, Edge[]>();
  for (const name of names) {
    const state = states[name];
    const list = isObject(state) ? edgesOf(state, [...ctx.location, 'States', name]) : [];
    edges.set(name, list);
    for (const edge of list) {
      if (!known.has(edge.target)) {
        ctx.problems.add(
          'MISSING_TRANSITION_TARGET',
          edge.location,
          `State ${quote(name)}: ${edge.field} names ${quote(edge.target)}, which is not a state of ${scopeName(ctx)}.`,
        );
      }
    }
  }
  if (startAt !== undefined && !known.has(startAt)) {
    report(
      at(ctx, 'StartAt'),
      'MISSING_TRANSITION_TARGET',
      `StartAt names ${quote(startAt)}, which is not a state of ${scopeName(ctx)}.`,
    );
  }
  if (startAt !== undefined && known.has(startAt)) {
    const reached = new Set<string>([startAt]);
    const queue = [startAt];
    while (queue.length > 0) {
      for (const edge of edges.get(queue.pop()!) ?? []) {
        if (known.has(edge.target) && !reached.has(edge.target)) {
          reached.add(edge.target);
          queue.push(edge.target);
        }
      }
    }
    for (const name of names) {
      if (!reached.has(name)) {
        ctx.problems.add(
          'UNREACHABLE_STATE',
          [...ctx.location, 'States', name],
          `State ${quote(name)} is not reachable: no transition from StartAt leads to it.`,
        );
      }
    }
  }
  if (names.length > 0 && !names.some((name) => isObject(states[name]) && isTerminal(states[name]))) {
    report(
      at(ctx, 'States'),
      'MISSING_END_STATE',
      'no state ends it: add a Succeed or Fail state, or "End": true on a state.',
    );
  }
}

/** The scope's owner as the end of a sentence: "the state machine", "branch 0 of state \"p\"". */
function scopeName(ctx: CheckContext): string {
  return ctx.owner.charAt(0).toLowerCase() + ctx.owner.slice(1);
}
