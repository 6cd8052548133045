// Parallel branches and Map iterations are threads of the same execution: each gets its own
// variable scope (reading the enclosing ones), its own chain of history events, and a signal
// that stops it when a sibling fails or the execution ends. When a failing sibling ends the Map
// or Parallel, AWS records how the threads still running were cut short: the aborted events are
// recorded here, on their behalf, all pointing at the failing thread's last event.
import { setMaxListeners } from 'node:events';
import type { JsonValue } from '@sfini/core';
import type { CompiledGraph, StateType } from '../compile/model.js';
import { StatesErrors, StoppedError } from '../errors.js';
import { VariableScope } from '../eval/scope.js';
import { HistoryLimitError, type HistoryRecorder } from '../history/recorder.js';
import { runGraph } from '../run/interpreter.js';
import { type MapIterationDetails, type Runtime, type StopFlag, stopFlag, Thread } from '../run/runtime.js';
import { asFailure } from './retry-catch.js';

/** A child thread of `parent`, chaining its events from `previousEventId`. */
export function childThread(
  parent: Thread,
  previousEventId: number,
  signal: AbortSignal,
  runtime: Runtime = parent.runtime,
  iteration?: MapIterationDetails,
  stop: StopFlag = stopFlag(signal),
): Thread {
  const child = new Thread(
    runtime,
    new VariableScope(parent.variables),
    previousEventId,
    signal,
    iteration,
    stop,
  );
  // A branch given the very value its parent proved to fit knows its size too.
  child.sizedValue = parent.sizedValue;
  child.sizedBytes = parent.sizedBytes;
  return child;
}

/** Runs a graph in a child thread; the thread stops counting as running once the graph ends. */
export async function runChild(graph: CompiledGraph, input: JsonValue, thread: Thread): Promise<JsonValue> {
  try {
    return await runGraph(graph, input, thread);
  } finally {
    thread.running = false;
    thread.variables.release();
  }
}

/**
 * An AbortController that also aborts when `parent` does, and the stop flag its threads share.
 * Every branch or iteration of one Map or Parallel shares its signal, and each task attempt
 * running in them listens to it, so it may have far more than Node's default of ten listeners
 * (which would warn of a leak): its limit is lifted. Attempts remove their listener when done.
 */
export function linkedController(parent: AbortSignal): {
  controller: AbortController;
  stop: StopFlag;
  dispose: () => void;
} {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const stop = stopFlag(controller.signal);
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { controller, stop, dispose: () => {} };
  }
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return { controller, stop, dispose: () => parent.removeEventListener('abort', onAbort) };
}

/** The event that ends a state cut short; the other state types end without one. */
const ABORTED_EVENT: Partial<Record<StateType, string>> = {
  Task: 'TaskStateAborted',
  Wait: 'WaitStateAborted',
  Parallel: 'ParallelStateAborted',
  Map: 'MapStateAborted',
};

/**
 * Records how AWS ends the threads a failing sibling cuts short, in the order they started: a
 * MapIterationAborted for each iteration still running, then the aborted event of the state each
 * thread is in, then the same for that state's own branches or iterations (outer first). The
 * failing thread itself contributes the Task its failure left open. Every event points at
 * `previousEventId`, the failing thread's last event.
 */
export function recordAborted(
  threads: Iterable<Thread>,
  history: HistoryRecorder,
  previousEventId: number,
): void {
  for (const thread of threads) {
    if (thread.running && thread.iteration !== undefined) {
      history.add('MapIterationAborted', previousEventId, 'mapIterationAbortedEventDetails', {
        name: thread.iteration.name,
        index: thread.iteration.index,
      });
    }
    const open = thread.current;
    const type = open === undefined ? undefined : ABORTED_EVENT[open.state.type];
    if (open === undefined || type === undefined) continue;
    history.add(type, previousEventId);
    if (open.children !== undefined) recordAborted(open.children, history, previousEventId);
  }
}

/** Failures that end the whole execution: no Map or Parallel records anything for them. */
export function endsExecution(thrown: unknown): boolean {
  if (thrown instanceof StoppedError || thrown instanceof HistoryLimitError) return true;
  try {
    return asFailure(thrown).error === StatesErrors.Runtime;
  } catch {
    return true;
  }
}

/**
 * A branch or iteration failed and its Map or Parallel fails with it: the failing thread's last
 * event becomes the parent's, the threads still running are recorded aborted (unless the failure
 * ends the execution, which records nothing more) and stopped. Returns what to fail with. When
 * the siblings were already stopped (an earlier failure, or the execution ended), it only passes
 * the error on.
 */
export function cutShort(
  failing: Thread,
  thrown: unknown,
  running: ReadonlySet<Thread>,
  parent: Thread,
  controller: AbortController,
): unknown {
  if (controller.signal.aborted) return thrown;
  let reason = thrown;
  parent.lastEventId = failing.lastEventId;
  try {
    if (!endsExecution(thrown)) recordAborted(running, parent.runtime.history, failing.lastEventId);
  } catch (limit) {
    reason = limit;
  }
  controller.abort(reason);
  return reason;
}
