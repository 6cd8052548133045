// Machines the graph tests draw: the ASL of the five examples sfini has always shipped (file
// processing, looping, parallel, CLI, error handling), a Parallel nested in a Map, and a large
// generated machine. Plain ASL on purpose: the graph module must draw any definition, not only
// the DSL's. Their executions are in histories.test-support.ts.
import { activityArn } from '../arn.js';

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

/** The five examples, by name. */
export const seedExamples = { fileProcessing, looping, parallel, cli, errorHandling } as const;

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
