// Which transitions an execution went along, so a picture can draw the path taken. A state
// entered right after another state's exit (by `previousEventId`) took the edge between them:
// the Catch edge when that exit followed a failure, a normal edge otherwise. A state entered
// first in its scope took the scope's start edge; a state that ended its scope took the end.
import type { HistoryEventLike } from './history-events.js';
import { exitedStateType } from './history-events.js';
import type { Visit } from './history-visits.js';
import type { MachineGraph } from './model.js';

/** Events after which the next state entered is the first of its scope. */
const SCOPE_OPENERS = new Set([
  'ExecutionStarted',
  'ParallelStateStarted',
  'MapIterationStarted',
  'ExecutionRedriven',
]);

/** Collects the ids of the graph edges an execution took. */
export class TakenEdges {
  readonly ids = new Set<string>();
  /** Catch and other edge ids by `fromId>toId`. */
  private readonly between = new Map<string, { catch: string[]; other: string[] }>();
  private readonly startOf = new Map<string, string>();
  private readonly endOf = new Map<string, string>();
  private readonly stateIds = new Map<string, readonly string[]>();

  constructor(graph: MachineGraph) {
    for (const edge of graph.edges) {
      if (edge.kind === 'start') this.startOf.set(edge.to, edge.id);
      else if (edge.kind === 'end') this.endOf.set(edge.from, edge.id);
      else {
        const key = `${edge.from}>${edge.to}`;
        const entry = this.between.get(key) ?? { catch: [], other: [] };
        (edge.kind === 'catch' ? entry.catch : entry.other).push(edge.id);
        this.between.set(key, entry);
      }
    }
    for (const [name, states] of graph.byName)
      this.stateIds.set(
        name,
        states.map((s) => s.id),
      );
  }

  /**
   * Marks the edge into state `name`, entered by `event`; `before` is the event it follows
   * and `left` the visit that event closed, if it was a state's exit.
   */
  entered(
    event: HistoryEventLike,
    name: string,
    before: HistoryEventLike | undefined,
    left: Visit | undefined,
  ): void {
    const targets = this.stateIds.get(name) ?? [];
    if (!before || SCOPE_OPENERS.has(before.type ?? '') || event.previousEventId === 0) {
      for (const to of targets) this.add(this.startOf.get(to));
      return;
    }
    if (exitedStateType(before.type ?? '') === undefined || !left) return;
    for (const from of this.stateIds.get(left.name) ?? []) {
      for (const to of targets) {
        const entry = this.between.get(`${from}>${to}`);
        for (const id of (left.pendingFailure ? entry?.catch : entry?.other) ?? []) this.ids.add(id);
      }
    }
  }

  /** Marks the end edge of state `name`, which ended its scope. */
  ended(name: string): void {
    for (const id of this.stateIds.get(name) ?? []) this.add(this.endOf.get(id));
  }

  private add(id: string | undefined): void {
    if (id !== undefined) this.ids.add(id);
  }
}
