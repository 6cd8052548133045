// What one execution shares across all its states (clock, history, identity, task means) and what
// each thread of work carries (its variables and the last event of its chain). A Parallel branch
// and a Map iteration are threads: they read the variables of the scopes around them, write
// their own, and chain their history events from the event that started them.
import type { AnyActivity, JsonValue } from '@sfini/core';
import type { EngineClock } from '../clock.js';
import { type StatesFailure, StoppedError } from '../errors.js';
import type { JsonataLimits } from '../eval/jsonata.js';
import type { VariableScope } from '../eval/scope.js';
import type { HistoryRecorder } from '../history/recorder.js';
import type { ChildMachines } from '../task/children.js';
import { TaskTokens } from '../task/task-tokens.js';
import type { CallbackMode, LambdaHandler, StateMock, TaskResolver } from '../types.js';
import type { StateRun } from './state-run.js';

/** The Execution and StateMachine parts of the context object. */
export interface ExecutionIdentity {
  readonly Id: string;
  readonly Input: JsonValue;
  readonly StartTime: string;
  readonly Name: string;
  readonly RoleArn: string | null;
  /** Absent in TestState's context object. */
  readonly RedriveCount?: number;
}

export interface MachineIdentity {
  readonly Id: string;
  readonly Name: string;
}

/** Ways a Task can be run, in the order they are tried. */
export interface TaskMeans {
  readonly resolver: TaskResolver | undefined;
  readonly mocks: Readonly<Record<string, StateMock>>;
  /** Mocks by activity name: they answer for every Task running that activity. */
  readonly activityMocks: Readonly<Record<string, StateMock>>;
  readonly activities: ReadonlyMap<string, AnyActivity>;
  readonly lambdas: Readonly<Record<string, LambdaHandler>>;
  /** Child machines for `states:startExecution` Tasks. */
  readonly children?: ChildMachines;
  /** Whether a `.waitForTaskToken` handler's return completes its Task (`auto`, the default). */
  readonly callbacks?: CallbackMode;
  /** Where `.waitForTaskToken` Tasks wait for their answer when `callbacks` is `manual`. */
  readonly tokens?: TaskTokens;
}

/** A retrier matched a failure: TestState reports it instead of waiting. */
export interface RetryDecision {
  readonly failure: StatesFailure;
  readonly retrierIndex: number;
  readonly delaySeconds: number;
  /** The retrier has no attempts left: the failure goes on to the catchers. */
  readonly exhausted: boolean;
}

/** What TestState's mock makes of a Map or Parallel state as a whole. */
export interface StateOutcomeMock {
  readonly result?: JsonValue;
  readonly error?: { readonly error: string; readonly cause: string | undefined };
  /** Failed iterations to count against the Map's tolerance (stateConfiguration). */
  readonly mapIterationFailureCount?: number;
}

/** Hooks TestState installs to observe and steer a single state. */
export interface InspectionHooks {
  /** Records a named stage of the state's input/output pipeline. */
  record(stage: string, value: JsonValue): void;
  /** Called when a retrier matches; TestState throws here to report RETRIABLE without waiting. */
  retry?(decision: RetryDecision): void;
  /** Retries already made (stateConfiguration.retrierRetryCount). */
  readonly retrierRetryCount?: number;
  /** Items a Map's ItemReader would have read (TestState's mapItemReaderData). */
  readonly itemReaderData?: JsonValue[];
  /** Called when a catcher takes the error: TestState reports CAUGHT_ERROR. */
  caught?(failure: StatesFailure, catcherIndex: number): void;
  /** When set, a Map or Parallel state takes this result (or error) instead of running. */
  readonly stateOutcome?: StateOutcomeMock;
}

/**
 * The ways an execution's Tasks run. A class, not an object literal, like every object that lives
 * as long as an execution and holds its data (see history/events.ts).
 */
export class ExecutionTaskMeans implements TaskMeans {
  constructor(
    readonly resolver: TaskResolver | undefined,
    readonly mocks: Readonly<Record<string, StateMock>>,
    readonly activityMocks: Readonly<Record<string, StateMock>>,
    readonly activities: ReadonlyMap<string, AnyActivity>,
    readonly lambdas: Readonly<Record<string, LambdaHandler>>,
    readonly children?: ChildMachines,
    readonly callbacks: CallbackMode = 'auto',
    readonly tokens: TaskTokens = new TaskTokens(),
  ) {}
}

/** Shared by every state of one execution. */
export interface Runtime {
  readonly clock: EngineClock;
  readonly history: HistoryRecorder;
  readonly executionArn: string;
  readonly execution: ExecutionIdentity;
  readonly stateMachine: MachineIdentity;
  readonly tasks: TaskMeans;
  /** Aborted when the execution must stop (stopped, timed out, failed elsewhere). */
  readonly signal: AbortSignal;
  /** Invocation counters of mocked states, by state name. */
  readonly mockInvocations: Map<string, number>;
  readonly region: string;
  readonly accountId: string;
  readonly inspection?: InspectionHooks;
  /** A uniform source in [0, 1) for States.MathRandom, States.UUID, $random and $uuid. */
  readonly random?: () => number;
  /** Step Functions' JSONata functions bound to `random`, when it is given. */
  readonly jsonataFunctions?: Readonly<Record<string, unknown>>;
  /** The budget of each JSONata evaluation; the default when absent. */
  readonly jsonataLimits?: JsonataLimits;
  /** TestState: the context object given by the caller, used as is. */
  readonly contextOverride?: JsonValue;
  /** TestState: the name the context object gives the state. */
  readonly contextStateName?: string;
  /** TestState: causes carry no "An error occurred while executing the state" prefix. */
  readonly plainCauses?: boolean;
}

/**
 * Whether a thread's signal has aborted, as a plain flag: read on every event and transition,
 * where AbortSignal's own getter costs more. Threads of one Map or Parallel share one flag.
 */
export interface StopFlag {
  stopped: boolean;
}

class Flag implements StopFlag {
  constructor(public stopped: boolean) {}
}

/** A flag that turns true when `signal` aborts. */
export function stopFlag(signal: AbortSignal): StopFlag {
  const flag = new Flag(signal.aborted);
  if (!flag.stopped) {
    signal.addEventListener(
      'abort',
      () => {
        flag.stopped = true;
      },
      { once: true },
    );
  }
  return flag;
}

/** Names a Map iteration in its history events. */
export interface MapIterationDetails {
  readonly name: string;
  readonly index: number;
}

/** The Runtime of an execution (TestState builds its own). A class, for the reason above. */
export class ExecutionRuntime implements Runtime {
  readonly mockInvocations = new Map<string, number>();
  readonly inspection: InspectionHooks | undefined = undefined;
  readonly contextOverride: JsonValue | undefined = undefined;
  readonly contextStateName: string | undefined = undefined;
  readonly plainCauses: boolean | undefined = undefined;
  constructor(
    readonly clock: EngineClock,
    readonly history: HistoryRecorder,
    readonly executionArn: string,
    readonly execution: ExecutionIdentity,
    readonly stateMachine: MachineIdentity,
    readonly region: string,
    readonly accountId: string,
    readonly signal: AbortSignal,
    readonly tasks: TaskMeans,
    readonly random: (() => number) | undefined,
    readonly jsonataFunctions: Readonly<Record<string, unknown>> | undefined,
    readonly jsonataLimits: JsonataLimits,
  ) {}
}

/** One thread of work: the top level, a Parallel branch, or a Map iteration. */
export class Thread {
  /**
   * The state this thread is in: entered and not yet ended. A Task whose failure ended the thread
   * stays open, because AWS records it aborted when the enclosing Map or Parallel fails.
   */
  current: StateRun | undefined = undefined;
  /** False once the thread's graph has ended, whichever way. */
  running = true;
  /**
   * The last value this thread proved to fit AWS's payload quota, and an upper bound on its size
   * in bytes. A state whose input is this very value (values are never mutated) can bound its
   * output's size from it instead of measuring the whole document again.
   */
  sizedValue: JsonValue | undefined = undefined;
  sizedBytes = 0;

  constructor(
    readonly runtime: Runtime,
    readonly variables: VariableScope,
    public lastEventId: number,
    readonly signal: AbortSignal,
    /** Set for a Map iteration. */
    readonly iteration?: MapIterationDetails,
    /** Mirrors `signal`; shared by the threads of one Map or Parallel. */
    readonly stop: StopFlag = stopFlag(signal),
  ) {}

  /**
   * Records an event chained on this thread and returns its id. A thread that was stopped records
   * nothing more: it throws StoppedError instead.
   */
  event(type: string, detailsKey?: string, details?: object): number {
    if (this.stop.stopped) throw new StoppedError('the thread was stopped');
    const id = this.runtime.history.add(type, this.lastEventId, detailsKey, details);
    this.lastEventId = id;
    return id;
  }

  /**
   * Records an event that points at the thread's last event without becoming it, as AWS records
   * MapIterationSucceeded, MapStateSucceeded and ParallelStateSucceeded: what follows still points
   * at the last state event.
   */
  sideEvent(type: string, detailsKey?: string, details?: object): number {
    if (this.stop.stopped) throw new StoppedError('the thread was stopped');
    return this.runtime.history.add(type, this.lastEventId, detailsKey, details);
  }
}
