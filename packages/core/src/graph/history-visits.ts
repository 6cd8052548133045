// Ties each history event to the visit it belongs to. A visit is one entry into a state; while
// Parallel branches and Map iterations run, several visits of the same state can be open at
// once and their events interleave, so an event is matched in three steps:
//   1. the candidates: open visits of the right state (or kind of state);
//   2. what the machine's structure allows: a Parallel or Map cannot leave while a branch or
//      iteration inside it still runs, only one with a failed branch can fail, and a failed
//      visit can leave only through a Catch of its state;
//   3. among those, the visit the event's `previousEventId` chain leads to, else the latest.
// Chains are how AWS links each branch and iteration; structure decides when a chain is
// missing (hand-written histories) or links an event to the wrong thread.
import type { HistoryEventLike } from './history-events.js';

/** One entry into a state, up to its exit. */
export interface Visit {
  readonly name: string;
  /** `Task`, `Parallel`, ... as the Entered event says. */
  readonly type: string;
  /** The Parallel or Map visit this one runs inside. */
  readonly parent: Visit | undefined;
  readonly children: Visit[];
  open: boolean;
  exited: boolean;
  aborted: boolean;
  /** Failed, and neither retried nor left yet. */
  pendingFailure: boolean;
  failures: number;
  retries: number;
  readonly errors: string[];
}

/** What a matched visit must be. */
export interface VisitQuery {
  readonly type?: string | undefined;
  readonly name?: string | undefined;
  readonly accept: (visit: Visit) => boolean;
  /** Narrows the candidates when any of them qualify. */
  readonly prefer?: (visit: Visit) => boolean;
}

/** True when a visit ended badly or is failing: its failure is not (yet) handled. */
export const hasFailed = (visit: Visit): boolean =>
  visit.pendingFailure || visit.aborted || visit.type === 'Fail';

/** True while a visit is running normally. */
const isLive = (visit: Visit): boolean => visit.open && !visit.pendingFailure;

/**
 * Whether a visit may be the one an exit event closes: nothing inside it still runs, a failure
 * inside it has become its own, and a failed visit leaves only through a Catch it has.
 */
export const canLeave =
  (hasCatch: (name: string) => boolean) =>
  (visit: Visit): boolean =>
    !visit.children.some(isLive) &&
    (visit.pendingFailure ? hasCatch(visit.name) : !visit.children.some(hasFailed));

/** A Parallel or Map visit can fail only when something inside it failed. */
export const canFail = (visit: Visit): boolean => visit.children.some(hasFailed);

export class VisitTracker {
  readonly visits: Visit[] = [];
  private readonly open = new Set<Visit>();
  /** Visits by the id of an event that belongs to them (entered, attempt or iteration start). */
  private readonly byEvent = new Map<number, Visit>();
  /** Visits by the id of the event that left them. */
  private readonly byExit = new Map<number, Visit>();

  constructor(private readonly byId: ReadonlyMap<number, HistoryEventLike>) {}

  /** The event `event` follows from; only smaller ids count, so chains cannot loop. */
  previous(event: HistoryEventLike): HistoryEventLike | undefined {
    const prev = event.previousEventId;
    if (typeof prev !== 'number' || typeof event.id !== 'number' || prev >= event.id) return undefined;
    return this.byId.get(prev);
  }

  /** Opens a visit for an Entered event, inside the open visit of `containerName` if any. */
  enter(event: HistoryEventLike, name: string, type: string, containerName: string | undefined): Visit {
    const parent =
      containerName === undefined
        ? undefined
        : this.find(event, { name: containerName, accept: (v) => v.open });
    const visit: Visit = {
      name,
      type,
      parent,
      children: [],
      open: type !== 'Fail',
      exited: false,
      aborted: false,
      pendingFailure: false,
      failures: 0,
      retries: 0,
      errors: [],
    };
    parent?.children.push(visit);
    this.visits.push(visit);
    if (visit.open) this.open.add(visit);
    this.attach(event, visit);
    return visit;
  }

  /** Records that `event` belongs to `visit`, so later chains through it lead there. */
  attach(event: HistoryEventLike, visit: Visit): void {
    if (typeof event.id === 'number') this.byEvent.set(event.id, visit);
  }

  /** Closes a visit: it exited (normally or through a Catch) or was aborted. */
  close(event: HistoryEventLike, visit: Visit, how: 'exited' | 'aborted'): void {
    visit.open = false;
    if (how === 'exited') visit.exited = true;
    else visit.aborted = true;
    this.open.delete(visit);
    if (typeof event.id === 'number') this.byExit.set(event.id, visit);
  }

  /** The visit a state-exit event closed. */
  exitedBy(event: HistoryEventLike | undefined): Visit | undefined {
    return typeof event?.id === 'number' ? this.byExit.get(event.id) : undefined;
  }

  /** The visit `event` belongs to, per the steps in this file's header. */
  find(event: HistoryEventLike, query: VisitQuery): Visit | undefined {
    let pool = [...this.open].filter(
      (v) =>
        (query.type === undefined || v.type === query.type) &&
        (query.name === undefined || v.name === query.name) &&
        query.accept(v),
    );
    if (query.prefer) {
      const preferred = pool.filter(query.prefer);
      if (preferred.length > 0) pool = preferred;
    }
    if (pool.length <= 1) return pool[0];
    return this.chainVisit(event, (v) => pool.includes(v)) ?? pool.at(-1);
  }

  private chainVisit(event: HistoryEventLike, matches: (v: Visit) => boolean): Visit | undefined {
    for (let e = this.previous(event); e; e = this.previous(e)) {
      const visit = typeof e.id === 'number' ? this.byEvent.get(e.id) : undefined;
      if (visit && matches(visit)) return visit;
    }
    return undefined;
  }
}
