// Reads an execution history into one outcome per state. Events are grouped into visits (one
// entry into a state, up to its exit) and each visit ends succeeded, retried (failed attempts,
// then a later attempt got through), caught (its last failure was taken by a Catch: the state
// still exited), failed or running. A state's outcome is its worst visit, with counts, which
// is how Map iterations and loops are summed up.
//
// Parallel branches and Map iterations interleave in a history, so events are tied to their
// visit through `previousEventId`, the chain AWS keeps per branch and iteration. When a chain
// is missing or leads nowhere (hand-written or partial histories) the latest matching open
// visit is used, which is exact for sequential histories. Walks only go to smaller ids, so a
// malformed chain cannot loop.
import {
  ABORT_EVENTS,
  ATTEMPT_EVENTS,
  type AttemptKind,
  EXECUTION_END_EVENTS,
  type ExecutionStatus,
  enteredStateType,
  eventError,
  exitedStateType,
  FAILURE_EVENTS,
  type HistoryEventLike,
} from './history-events.js';
import { GraphInputError, type GraphProblem, type MachineGraph } from './model.js';

/** What happened to a state in an execution. */
export type StateOutcome = 'succeeded' | 'retried' | 'caught' | 'failed' | 'running' | 'notReached';

/** Outcomes from worst to best: a state shows the worst outcome of its visits. */
export const OUTCOMES_BY_SEVERITY: readonly StateOutcome[] = [
  'failed',
  'running',
  'caught',
  'retried',
  'succeeded',
  'notReached',
];

/** What happened to one state over a whole execution. */
export interface StateRun {
  /** The worst outcome over all visits; `notReached` when never entered. */
  readonly outcome: StateOutcome;
  /** How often the state was entered (loops and Map iterations each count). */
  readonly visits: number;
  /** Visits by outcome. */
  readonly counts: Readonly<Record<StateOutcome, number>>;
  /** Failed attempts that were retried, over all visits. */
  readonly retries: number;
  /** Distinct error names reported for this state, in the order first seen. */
  readonly errors: readonly string[];
}

/** A history read against a machine's graph. */
export interface HistoryReading {
  readonly status: ExecutionStatus;
  /** By state name; every state of the machine is present. */
  readonly states: ReadonlyMap<string, StateRun>;
  /** Ids of graph edges the execution went along. */
  readonly takenEdges: ReadonlySet<string>;
  /** Names of states the history mentions that the machine does not have. */
  readonly unknownStates: readonly string[];
}

/** AWS keeps at most this many events per execution. */
export const MAX_HISTORY_EVENTS = 25_000;

interface Visit {
  readonly name: string;
  readonly type: string;
  readonly enteredId: number | undefined;
  open: boolean;
  exited: boolean;
  aborted: boolean;
  pendingFailure: boolean;
  failures: number;
  retries: number;
  readonly errors: string[];
}

/** Reads `events` against `graph`. @throws GraphInputError when the history is malformed. */
export function readHistory(graph: MachineGraph, events: readonly HistoryEventLike[]): HistoryReading {
  const ordered = checkedEvents(events);
  const byId = new Map<number, HistoryEventLike>();
  for (const event of ordered) if (typeof event.id === 'number') byId.set(event.id, event);
  const previous = (event: HistoryEventLike): HistoryEventLike | undefined => {
    const prev = event.previousEventId;
    if (typeof prev !== 'number' || typeof event.id !== 'number' || prev >= event.id) return undefined;
    return byId.get(prev);
  };
  /** The nearest event up the chain from `event` that `match` accepts. */
  const walkBack = (event: HistoryEventLike, match: (e: HistoryEventLike) => boolean) => {
    for (let e = previous(event); e; e = previous(e)) if (match(e)) return e;
    return undefined;
  };

  const visits: Visit[] = [];
  const visitByEntered = new Map<number, Visit>();
  const visitByExited = new Map<number, Visit>();
  const edgeIndex = indexEdges(graph);
  const takenEdges = new Set<string>();
  const unknown = new Set<string>();
  let status: ExecutionStatus = 'running';

  const visitOf = (
    event: HistoryEventLike,
    accept: (v: Visit) => boolean,
    enteredType?: string,
    name?: string,
  ) => {
    const entered = walkBack(event, (e) => {
      const type = enteredStateType(e.type ?? '');
      if (type === undefined || (enteredType && type !== enteredType)) return false;
      if (name !== undefined && e.stateEnteredEventDetails?.name !== name) return false;
      const visit = typeof e.id === 'number' ? visitByEntered.get(e.id) : undefined;
      return visit !== undefined && accept(visit);
    });
    if (entered && typeof entered.id === 'number') return visitByEntered.get(entered.id);
    for (let i = visits.length - 1; i >= 0; i--) {
      const v = visits[i]!;
      if ((!enteredType || v.type === enteredType) && (name === undefined || v.name === name) && accept(v))
        return v;
    }
    return undefined;
  };

  for (const event of ordered) {
    const type = event.type as string;
    const entered = enteredStateType(type);
    if (entered !== undefined) {
      const name = event.stateEnteredEventDetails?.name ?? '';
      if (!graph.byName.has(name)) unknown.add(name);
      const visit: Visit = {
        name,
        type: entered,
        enteredId: event.id,
        open: entered !== 'Fail',
        exited: false,
        aborted: false,
        pendingFailure: false,
        failures: 0,
        retries: 0,
        errors: [],
      };
      visits.push(visit);
      if (typeof event.id === 'number') visitByEntered.set(event.id, visit);
      markTransition(event, name, previous(event), visitByExited, edgeIndex, takenEdges);
      if (entered === 'Fail') markEnd(name, edgeIndex, takenEdges);
      continue;
    }
    const exited = exitedStateType(type);
    if (exited !== undefined) {
      const name = event.stateExitedEventDetails?.name ?? '';
      const visit = visitOf(event, (v) => v.open, exited, name);
      if (visit) {
        visit.open = false;
        visit.exited = true;
        if (typeof event.id === 'number') visitByExited.set(event.id, visit);
        if (!visit.pendingFailure) markEnd(name, edgeIndex, takenEdges);
      }
      continue;
    }
    const attempt = ATTEMPT_EVENTS.get(type);
    if (attempt) {
      const visit = visitOf(event, (v) => v.open, attempt);
      if (visit?.pendingFailure) {
        visit.pendingFailure = false;
        visit.retries++;
      }
      continue;
    }
    const failure = FAILURE_EVENTS.get(type);
    if (failure) {
      const [kind, detailsKey] = failure;
      recordFailure(
        visitOf(event, (v) => v.open && !v.pendingFailure, kind),
        eventError(event, detailsKey),
      );
      continue;
    }
    if (type === 'EvaluationFailed') {
      const details = event.evaluationFailedEventDetails;
      const name = details?.state;
      recordFailure(
        visitOf(event, (v) => v.open && !v.pendingFailure, undefined, name),
        typeof details?.error === 'string' ? details.error : undefined,
      );
      continue;
    }
    if (ABORT_EVENTS.has(type)) {
      const kind = type.slice(0, -'StateAborted'.length) as AttemptKind | 'Wait';
      const visit = visitOf(event, (v) => v.open, kind);
      if (visit) {
        visit.open = false;
        visit.aborted = true;
      }
      continue;
    }
    const end = EXECUTION_END_EVENTS.get(type);
    if (end) status = end;
    else if (type === 'ExecutionRedriven') status = 'running';
  }

  return { status, states: summarize(graph, visits, status), takenEdges, unknownStates: [...unknown] };
}

function recordFailure(visit: Visit | undefined, error: string | undefined): void {
  if (!visit) return;
  visit.failures++;
  visit.pendingFailure = true;
  if (error && !visit.errors.includes(error)) visit.errors.push(error);
}

function visitOutcome(visit: Visit, status: ExecutionStatus): StateOutcome {
  if (visit.type === 'Fail') return 'failed';
  if (visit.exited) {
    if (visit.pendingFailure) return 'caught';
    return visit.failures > 0 ? 'retried' : 'succeeded';
  }
  if (visit.aborted || status !== 'running') return 'failed';
  return 'running';
}

function summarize(
  graph: MachineGraph,
  visits: readonly Visit[],
  status: ExecutionStatus,
): Map<string, StateRun> {
  const grouped = new Map<string, Visit[]>();
  for (const visit of visits) {
    const list = grouped.get(visit.name);
    if (list) list.push(visit);
    else grouped.set(visit.name, [visit]);
  }
  const states = new Map<string, StateRun>();
  for (const name of graph.byName.keys()) {
    const counts: Record<StateOutcome, number> = {
      succeeded: 0,
      retried: 0,
      caught: 0,
      failed: 0,
      running: 0,
      notReached: 0,
    };
    const errors: string[] = [];
    let retries = 0;
    const own = grouped.get(name) ?? [];
    for (const visit of own) {
      counts[visitOutcome(visit, status)]++;
      retries += visit.retries;
      for (const error of visit.errors) if (!errors.includes(error)) errors.push(error);
    }
    const outcome = OUTCOMES_BY_SEVERITY.find((o) => counts[o] > 0) ?? 'notReached';
    states.set(name, { outcome, visits: own.length, counts, retries, errors });
  }
  return states;
}

interface EdgeIndex {
  /** Edge ids by `fromId>toId`, split into catch edges and the rest. */
  readonly between: Map<string, { catch: string[]; other: string[] }>;
  /** Start edge id by the id of the state it points to. */
  readonly startOf: Map<string, string>;
  /** End edge id by the id of the state it leaves. */
  readonly endOf: Map<string, string>;
  readonly ids: ReadonlyMap<string, readonly string[]>;
}

function indexEdges(graph: MachineGraph): EdgeIndex {
  const between = new Map<string, { catch: string[]; other: string[] }>();
  const startOf = new Map<string, string>();
  const endOf = new Map<string, string>();
  for (const edge of graph.edges) {
    if (edge.kind === 'start') startOf.set(edge.to, edge.id);
    else if (edge.kind === 'end') endOf.set(edge.from, edge.id);
    else {
      const key = `${edge.from}>${edge.to}`;
      const entry = between.get(key) ?? { catch: [], other: [] };
      (edge.kind === 'catch' ? entry.catch : entry.other).push(edge.id);
      between.set(key, entry);
    }
  }
  const ids = new Map<string, string[]>();
  for (const [name, states] of graph.byName)
    ids.set(
      name,
      states.map((s) => s.id),
    );
  return { between, startOf, endOf, ids };
}

const SCOPE_OPENERS = new Set([
  'ExecutionStarted',
  'ParallelStateStarted',
  'MapIterationStarted',
  'ExecutionRedriven',
]);

/** Marks the edge that led into a state: from the state exited just before, or from a start. */
function markTransition(
  event: HistoryEventLike,
  name: string,
  before: HistoryEventLike | undefined,
  visitByExited: ReadonlyMap<number, Visit>,
  edges: EdgeIndex,
  taken: Set<string>,
): void {
  const targets = edges.ids.get(name) ?? [];
  if (!before || SCOPE_OPENERS.has(before.type ?? '') || event.previousEventId === 0) {
    for (const to of targets) {
      const start = edges.startOf.get(to);
      if (start) taken.add(start);
    }
    return;
  }
  if (exitedStateType(before.type ?? '') === undefined) return;
  const fromName = before.stateExitedEventDetails?.name ?? '';
  const caught = visitByExited.get(before.id as number)?.pendingFailure ?? false;
  for (const from of edges.ids.get(fromName) ?? []) {
    for (const to of targets) {
      const entry = edges.between.get(`${from}>${to}`);
      if (!entry) continue;
      for (const id of caught ? entry.catch : entry.other) taken.add(id);
    }
  }
}

function markEnd(name: string, edges: EdgeIndex, taken: Set<string>): void {
  for (const id of edges.ids.get(name) ?? []) {
    const end = edges.endOf.get(id);
    if (end) taken.add(end);
  }
}

/** Checks the history's shape, listing every bad event, and orders it by id. */
function checkedEvents(events: readonly HistoryEventLike[]): HistoryEventLike[] {
  if (!Array.isArray(events)) {
    throw new GraphInputError([{ path: 'history', message: 'expected an array of events' }], 'history');
  }
  const problems: GraphProblem[] = [];
  if (events.length > MAX_HISTORY_EVENTS) {
    problems.push({
      path: 'history',
      message: `has ${events.length} events; AWS keeps at most ${MAX_HISTORY_EVENTS} per execution`,
    });
  }
  events.forEach((event, i) => {
    if (typeof event !== 'object' || event === null)
      problems.push({ path: `history[${i}]`, message: 'expected an event object' });
    else if (typeof event.type !== 'string')
      problems.push({ path: `history[${i}].type`, message: 'expected the event type' });
    else if (event.id !== undefined && typeof event.id !== 'number') {
      problems.push({ path: `history[${i}].id`, message: 'expected a number' });
    }
  });
  if (problems.length > 0) throw new GraphInputError(problems, 'history');
  const allIds = events.every((e) => typeof e.id === 'number');
  return allIds ? [...events].sort((a, b) => (a.id as number) - (b.id as number)) : [...events];
}
