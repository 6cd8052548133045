// Execution histories of the machines in machines.test-support.ts, in AWS's event shape (ids,
// previousEventId links, per-type details) rather than the local engine's, so the history
// reader is tested against what GetExecutionHistory returns: a hand-written run of the
// error-handling example, and a builder for the interleaved threads of Parallel branches and
// Map iterations that are too long to write event by event.
import { activityArn } from '../arn.js';
import type { HistoryEventLike } from './history-events.js';

const at = (second: number) => new Date(Date.UTC(2024, 0, 1, 12, 0, second));
const raiseArn = activityArn('myPackage-raiseActivity');

/**
 * The error-handling example's execution: `raise` times out, is retried, then fails with
 * MyError, which its Catch sends to `fail`.
 */
export const errorHandlingHistory: (HistoryEventLike & Record<string, unknown>)[] = [
  { id: 1, type: 'ExecutionStarted', timestamp: at(0), previousEventId: 0 },
  {
    id: 2,
    type: 'TaskStateEntered',
    timestamp: at(0),
    previousEventId: 1,
    stateEnteredEventDetails: { name: 'raise' },
  },
  {
    id: 3,
    type: 'ActivityScheduled',
    timestamp: at(0),
    previousEventId: 2,
    activityScheduledEventDetails: { resource: raiseArn },
  },
  { id: 4, type: 'ActivityStarted', timestamp: at(1), previousEventId: 3 },
  {
    id: 5,
    type: 'ActivityTimedOut',
    timestamp: at(11),
    previousEventId: 4,
    activityTimedOutEventDetails: { error: 'States.Timeout' },
  },
  { id: 6, type: 'ActivityScheduled', timestamp: at(14), previousEventId: 5 },
  { id: 7, type: 'ActivityStarted', timestamp: at(14), previousEventId: 6 },
  {
    id: 8,
    type: 'ActivityFailed',
    timestamp: at(19),
    previousEventId: 7,
    activityFailedEventDetails: { error: 'MyError', cause: 'foobar' },
  },
  {
    id: 9,
    type: 'TaskStateExited',
    timestamp: at(19),
    previousEventId: 8,
    stateExitedEventDetails: { name: 'raise' },
  },
  {
    id: 10,
    type: 'FailStateEntered',
    timestamp: at(19),
    previousEventId: 9,
    stateEnteredEventDetails: { name: 'fail' },
  },
  {
    id: 11,
    type: 'ExecutionFailed',
    timestamp: at(19),
    previousEventId: 10,
    executionFailedEventDetails: { error: 'WorkerError', cause: 'MyError was raised' },
  },
];

type Event = HistoryEventLike & Record<string, unknown>;

/**
 * Builds a history the way AWS links it: each branch or iteration is a thread whose events
 * point back (`previousEventId`) to the thread's previous event.
 */
export class HistoryBuilder {
  readonly events: Event[] = [];
  private clock = 0;

  /** A thread continuing from event `from` (0 for the execution's first event). */
  thread(from = 0): { last: number } {
    return { last: from };
  }

  emit(thread: { last: number }, type: string, details: Record<string, unknown> = {}): number {
    const id = this.events.length + 1;
    this.events.push({
      id,
      type,
      timestamp: at(this.clock++ % 60),
      previousEventId: thread.last,
      ...details,
    });
    thread.last = id;
    return id;
  }

  enter(thread: { last: number }, stateType: string, name: string): number {
    return this.emit(thread, `${stateType}StateEntered`, { stateEnteredEventDetails: { name } });
  }

  exit(thread: { last: number }, stateType: string, name: string): number {
    return this.emit(thread, `${stateType}StateExited`, { stateExitedEventDetails: { name } });
  }

  /** A Task that runs its activity once and succeeds. */
  task(thread: { last: number }, name: string): void {
    this.enter(thread, 'Task', name);
    this.emit(thread, 'ActivityScheduled');
    this.emit(thread, 'ActivityStarted');
    this.emit(thread, 'ActivitySucceeded');
    this.exit(thread, 'Task', name);
  }
}

/**
 * `parallelInMap` over three orders, iterations interleaved as with MaxConcurrency 4:
 * order 0 is reserved, order 1 backordered, and in order 2 `price` fails while `reserve` is
 * still running (so it is aborted), failing the Parallel, the iteration and the Map, whose
 * Catch sends the execution to `reportFailure`.
 */
export function parallelInMapHistory(): Event[] {
  const h = new HistoryBuilder();
  const main = h.thread();
  h.emit(main, 'ExecutionStarted');
  h.enter(main, 'Pass', 'prepare');
  h.exit(main, 'Pass', 'prepare');
  h.enter(main, 'Map', 'eachOrder');
  const mapStarted = h.emit(main, 'MapStateStarted', { mapStateStartedEventDetails: { length: 3 } });
  const iterations = [0, 1, 2].map((index) => {
    const t = h.thread(mapStarted);
    h.emit(t, 'MapIterationStarted', { mapIterationStartedEventDetails: { name: 'eachOrder', index } });
    h.enter(t, 'Parallel', 'checkAndPrice');
    h.emit(t, 'ParallelStateStarted');
    return t;
  });
  const branches = iterations.map((t) => ({ check: h.thread(t.last), price: h.thread(t.last) }));
  // Every iteration's `check` and `price` run at once, interleaved event by event.
  for (const b of branches) h.enter(b.check, 'Task', 'check');
  for (const b of [...branches].reverse()) h.enter(b.price, 'Task', 'price');
  for (const b of branches) h.emit(b.check, 'ActivityScheduled');
  for (const b of branches) h.emit(b.price, 'ActivityScheduled');
  for (const b of branches) h.emit(b.check, 'ActivityStarted');
  for (const b of branches) h.emit(b.price, 'ActivityStarted');
  for (const b of branches) h.emit(b.check, 'ActivitySucceeded');
  for (const b of branches) h.exit(b.check, 'Task', 'check');
  for (const b of branches) {
    h.enter(b.check, 'Choice', 'inStock');
    h.exit(b.check, 'Choice', 'inStock');
  }
  const [b0, b1, b2] = branches as [(typeof branches)[0], (typeof branches)[0], (typeof branches)[0]];
  h.enter(b0.check, 'Task', 'reserve');
  h.enter(b2.check, 'Task', 'reserve');
  h.emit(b0.check, 'ActivityScheduled');
  h.emit(b2.check, 'ActivityScheduled');
  h.enter(b1.check, 'Pass', 'backorder');
  h.exit(b1.check, 'Pass', 'backorder');
  h.emit(b2.price, 'ActivityFailed', {
    activityFailedEventDetails: { error: 'PriceUnavailable', cause: 'no price' },
  });
  h.emit(b0.check, 'ActivityStarted');
  h.emit(b0.price, 'ActivitySucceeded');
  h.emit(b1.price, 'ActivitySucceeded');
  h.exit(b0.price, 'Task', 'price');
  h.exit(b1.price, 'Task', 'price');
  h.emit(b2.check, 'TaskStateAborted');
  // The Parallel's failure follows from the failing branch's event, as AWS links it.
  const failed2 = h.thread(b2.price.last);
  h.emit(failed2, 'ParallelStateFailed');
  h.emit(failed2, 'MapIterationFailed', { mapIterationFailedEventDetails: { name: 'eachOrder', index: 2 } });
  h.emit(b0.check, 'ActivitySucceeded');
  h.exit(b0.check, 'Task', 'reserve');
  const joins = [b0, b1].map((b) => {
    const t = h.thread(b.price.last);
    h.emit(t, 'ParallelStateSucceeded');
    h.exit(t, 'Parallel', 'checkAndPrice');
    return t;
  });
  for (const t of joins) h.enter(t, 'Task', 'store');
  for (const t of joins) {
    h.emit(t, 'ActivityScheduled');
    h.emit(t, 'ActivityStarted');
  }
  for (const t of joins) {
    h.emit(t, 'ActivitySucceeded');
    h.exit(t, 'Task', 'store');
    h.emit(t, 'MapIterationSucceeded');
  }
  const end = h.thread(failed2.last);
  h.emit(end, 'MapStateFailed');
  h.exit(end, 'Map', 'eachOrder');
  h.enter(end, 'Fail', 'reportFailure');
  h.emit(end, 'ExecutionFailed', { executionFailedEventDetails: { error: 'OrdersFailed' } });
  return h.events;
}

/** The looping example run to the end: `increment` four times (3, 6, 9, 12), then `end`. */
export function loopingHistory(): Event[] {
  const h = new HistoryBuilder();
  const t = h.thread();
  h.emit(t, 'ExecutionStarted');
  h.enter(t, 'Pass', 'initialise');
  h.exit(t, 'Pass', 'initialise');
  for (let i = 0; i < 4; i++) {
    h.task(t, 'increment');
    h.enter(t, 'Choice', 'checkCounter');
    h.exit(t, 'Choice', 'checkCounter');
  }
  h.enter(t, 'Succeed', 'end');
  h.exit(t, 'Succeed', 'end');
  h.emit(t, 'ExecutionSucceeded');
  return h.events;
}
