// Reads an execution history into one outcome per state. Events are grouped into visits (one
// entry into a state, up to its exit; see history-visits for how interleaved branches and
// iterations are told apart) and each visit ends succeeded, retried (failed attempts, then a
// later attempt got through), caught (its last failure was taken by a Catch: the state still
// exited), failed or running. A state's outcome is its worst visit, with counts, which is how
// Map iterations and loops are summed up.

import { TakenEdges } from './history-edges.js';
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
import { canFail, canLeave, type Visit, VisitTracker } from './history-visits.js';
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

/** Reads `events` against `graph`. @throws GraphInputError when the history is malformed. */
export function readHistory(graph: MachineGraph, events: readonly HistoryEventLike[]): HistoryReading {
  const ordered = checkedEvents(events);
  const byId = new Map<number, HistoryEventLike>();
  for (const event of ordered) if (typeof event.id === 'number') byId.set(event.id, event);
  const tracker = new VisitTracker(byId);
  const taken = new TakenEdges(graph);
  const containerOf = new Map<string, string>();
  for (const [name, states] of graph.byName) {
    const container = states[0] && graph.container.get(states[0].id);
    if (container) containerOf.set(name, container.name);
  }
  const nameOf = new Map(graph.states.map((state) => [state.id, state.name]));
  const catching = new Set(graph.edges.filter((e) => e.kind === 'catch').map((e) => nameOf.get(e.from)));
  const leavable = canLeave((name) => catching.has(name));
  const unknown = new Set<string>();
  let status: ExecutionStatus = 'running';
  const isContainer = (type: string) => type === 'Parallel' || type === 'Map';

  for (const event of ordered) {
    const type = event.type as string;
    const entered = enteredStateType(type);
    if (entered !== undefined) {
      const name = event.stateEnteredEventDetails?.name ?? '';
      if (!graph.byName.has(name)) unknown.add(name);
      const before = tracker.previous(event);
      tracker.enter(event, name, entered, containerOf.get(name));
      taken.entered(event, name, before, tracker.exitedBy(before));
      if (entered === 'Fail') taken.ended(name);
      continue;
    }
    const exited = exitedStateType(type);
    if (exited !== undefined) {
      const name = event.stateExitedEventDetails?.name ?? '';
      const visit = tracker.find(event, {
        type: exited,
        name,
        accept: (v) => v.open,
        prefer: leavable,
      });
      if (visit) {
        tracker.close(event, visit, 'exited');
        if (!visit.pendingFailure) taken.ended(name);
      }
      continue;
    }
    const attempt = ATTEMPT_EVENTS.get(type);
    if (attempt) {
      const visit = tracker.find(event, { type: attempt, accept: (v) => v.open });
      if (visit) {
        tracker.attach(event, visit);
        if (visit.pendingFailure) {
          visit.pendingFailure = false;
          visit.retries++;
        }
      }
      continue;
    }
    if (type === 'MapIterationStarted') {
      const name = event.mapIterationStartedEventDetails?.name;
      const visit = tracker.find(event, { type: 'Map', name, accept: (v) => v.open });
      if (visit) tracker.attach(event, visit);
      continue;
    }
    const failure = FAILURE_EVENTS.get(type);
    if (failure) {
      const [kind, detailsKey] = failure;
      const visit = tracker.find(event, {
        type: kind,
        accept: (v) => v.open && !v.pendingFailure,
        prefer: isContainer(kind) ? canFail : undefined,
      });
      recordFailure(visit, eventError(event, detailsKey));
      continue;
    }
    if (type === 'EvaluationFailed') {
      const details = event.evaluationFailedEventDetails;
      const visit = tracker.find(event, { name: details?.state, accept: (v) => v.open && !v.pendingFailure });
      recordFailure(visit, typeof details?.error === 'string' ? details.error : undefined);
      continue;
    }
    if (ABORT_EVENTS.has(type)) {
      const kind = type.slice(0, -'StateAborted'.length) as AttemptKind | 'Wait';
      const visit = tracker.find(event, { type: kind, accept: (v) => v.open });
      if (visit) tracker.close(event, visit, 'aborted');
      continue;
    }
    const end = EXECUTION_END_EVENTS.get(type);
    if (end) status = end;
    else if (type === 'ExecutionRedriven') status = 'running';
  }

  return {
    status,
    states: summarize(graph, tracker.visits, status),
    takenEdges: taken.ids,
    unknownStates: [...unknown],
  };
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
