// Machines the graph tests draw: the ASL of the five examples sfini has always shipped (file
// processing, looping, parallel, CLI, error handling), a Parallel nested in a Map, and a large
// generated machine, plus a hand-written history of the error-handling example in AWS's event
// shape. Plain ASL on purpose: the graph module must draw any definition, not only the DSL's.
import { activityArn } from '../arn.js';
import type { HistoryEventLike } from './history-events.js';

const activity = (name: string) => activityArn(`myPackage-${name}`);

export const fileProcessing = {
  StartAt: 'resizeImages',
  States: {
    resizeImages: { Type: 'Task', Resource: activity('resizeActivity'), ResultPath: null, Next: 'getCentre' },
    getCentre: {
      Type: 'Task',
      Comment: 'get pixel values of centres of images',
      Resource: activity('getCentresActivity'),
      InputPath: '$.resized_image_dir',
      ResultPath: '$.res',
      End: true,
    },
  },
};

export const looping = {
  StartAt: 'initialise',
  States: {
    initialise: { Type: 'Pass', Result: 0, ResultPath: '$.counter', Next: 'increment' },
    increment: {
      Type: 'Task',
      Resource: activity('increment'),
      ResultPath: '$.counter',
      Next: 'checkCounter',
    },
    checkCounter: {
      Type: 'Choice',
      Choices: [{ Variable: '$.counter', NumericLessThan: 10, Next: 'increment' }],
      Default: 'end',
    },
    end: { Type: 'Succeed', OutputPath: '$.counter' },
  },
};

export const parallel = {
  StartAt: 'printAndLog',
  States: {
    printAndLog: {
      Type: 'Parallel',
      ResultPath: '$.parallel',
      OutputPath: '$.parallel',
      Branches: [
        {
          StartAt: 'log',
          States: { log: { Type: 'Task', Resource: activity('logActivity'), ResultPath: null, End: true } },
        },
        {
          StartAt: 'print',
          States: {
            print: { Type: 'Task', Resource: activity('printActivity'), ResultPath: '$.until', Next: 'wait' },
            wait: { Type: 'Wait', TimestampPath: '$.until', End: true },
          },
        },
      ],
      End: true,
    },
  },
};

export const cli = {
  StartAt: 'print',
  States: { print: { Type: 'Task', Resource: activity('printActivity'), End: true } },
};

export const errorHandling = {
  StartAt: 'raise',
  States: {
    raise: {
      Type: 'Task',
      Resource: activity('raiseActivity'),
      TimeoutSeconds: 10,
      Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 3 }],
      Catch: [{ ErrorEquals: ['MyError'], Next: 'fail', ResultPath: '$.error-info' }],
      End: true,
    },
    fail: { Type: 'Fail', Error: 'WorkerError', Cause: 'MyError was raised' },
  },
};

/** A Map whose iterator runs a Parallel whose first branch holds a Choice. */
export const parallelInMap = {
  Comment: 'Orders are checked and priced in parallel, one iteration per order',
  StartAt: 'prepare',
  States: {
    prepare: { Type: 'Pass', Next: 'eachOrder' },
    eachOrder: {
      Type: 'Map',
      ItemsPath: '$.orders',
      MaxConcurrency: 4,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'checkAndPrice',
        States: {
          checkAndPrice: {
            Type: 'Parallel',
            Branches: [
              {
                StartAt: 'check',
                States: {
                  check: { Type: 'Task', Resource: activity('check'), Next: 'inStock' },
                  inStock: {
                    Type: 'Choice',
                    Choices: [
                      {
                        And: [
                          { Variable: '$.stock', IsPresent: true },
                          { Variable: '$.stock', NumericGreaterThanPath: '$.quantity' },
                        ],
                        Next: 'reserve',
                      },
                    ],
                    Default: 'backorder',
                  },
                  reserve: { Type: 'Task', Resource: activity('reserve'), End: true },
                  backorder: { Type: 'Pass', Result: 'backorder', End: true },
                },
              },
              {
                StartAt: 'price',
                States: { price: { Type: 'Task', Resource: activity('price'), End: true } },
              },
            ],
            Next: 'store',
          },
          store: { Type: 'Task', Resource: activity('store'), End: true },
        },
      },
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'reportFailure' }],
      Next: 'summarize',
    },
    summarize: { Type: 'Succeed' },
    reportFailure: { Type: 'Fail', Error: 'OrdersFailed' },
  },
};

/**
 * A machine of `stages` sequential steps, each a Task with a Retry and a Catch to one shared
 * handler; every fifth step is followed by a Choice that may skip ahead, and the middle holds a
 * three-branch Parallel and a Map.
 */
export function largeMachine(stages = 40): Record<string, unknown> {
  const states: Record<string, unknown> = {};
  const name = (i: number) => `stage ${String(i).padStart(2, '0')}`;
  for (let i = 0; i < stages; i++) {
    const next = i + 1 < stages ? name(i + 1) : 'done';
    const task = {
      Type: 'Task',
      Resource: activity(`step${i}`),
      Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'handleError' }],
    };
    if (i % 5 === 4 && i + 3 < stages) {
      states[name(i)] = { ...task, Next: `route ${i}` };
      states[`route ${i}`] = {
        Type: 'Choice',
        Choices: [
          { Variable: '$.skip', BooleanEquals: true, Next: name(i + 3) },
          { Variable: '$.mode', StringEquals: 'fast', Next: name(i + 2) },
        ],
        Default: next,
      };
    } else if (i === Math.floor(stages / 2)) {
      states[name(i)] = { ...task, Next: 'fan out' };
      states['fan out'] = {
        Type: 'Parallel',
        Branches: ['a', 'b', 'c'].map((b) => ({
          StartAt: `branch ${b} work`,
          States: {
            [`branch ${b} work`]: {
              Type: 'Task',
              Resource: activity(`branch-${b}`),
              Next: `branch ${b} pause`,
            },
            [`branch ${b} pause`]: { Type: 'Wait', Seconds: 5, End: true },
          },
        })),
        Next: 'each item',
      };
      states['each item'] = {
        Type: 'Map',
        ItemsPath: '$.items',
        Iterator: {
          StartAt: 'item work',
          States: { 'item work': { Type: 'Task', Resource: activity('item'), End: true } },
        },
        Next: next,
      };
    } else {
      states[name(i)] = { ...task, Next: next };
    }
  }
  states.done = { Type: 'Succeed' };
  states.handleError = { Type: 'Fail', Error: 'StageFailed', Cause: 'a stage failed after its retries' };
  return { StartAt: name(0), States: states };
}

const at = (second: number) => new Date(Date.UTC(2024, 0, 1, 12, 0, second));
const raiseArn = activity('raiseActivity');

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

/** The five examples, by name. */
export const seedExamples = { fileProcessing, looping, parallel, cli, errorHandling } as const;

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

/** Every state name of an ASL definition, however deeply nested. */
export function collectStates(definition: Record<string, unknown>): string[] {
  const names: string[] = [];
  const visit = (scope: unknown) => {
    const states = (scope as { States?: Record<string, Record<string, unknown>> }).States ?? {};
    for (const [name, state] of Object.entries(states)) {
      names.push(name);
      for (const branch of (state.Branches as unknown[]) ?? []) visit(branch);
      if (state.ItemProcessor ?? state.Iterator) visit(state.ItemProcessor ?? state.Iterator);
    }
  };
  visit(definition);
  return names;
}
