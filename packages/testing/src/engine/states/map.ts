// Map: one iteration per item, each a thread running the item processor on the item (or on what
// ItemSelector makes of it, with `$$.Map.Item` in scope), at most MaxConcurrency at a time, results
// in item order. Inline iterations record their events in this execution's history; distributed
// ones are child executions with histories of their own, so the parent sees only the map run.
// Failures beyond the tolerated count or percentage stop the remaining iterations.
import { randomUUID } from 'node:crypto';
import type { JsonValue } from '@sfini/core';
import type { MapState } from '../compile/model.js';
import { StatesErrors, StatesFailure, StoppedError } from '../errors.js';
import { HistoryRecorder } from '../history/recorder.js';
import type { Runtime, StateOutcomeMock, Thread } from '../run/runtime.js';
import type { StateRun } from '../run/state-run.js';
import { childThread, linkedController, runChild } from './branches.js';
import { exceedsTolerance, mapItems, mapMaxConcurrency, mapTolerance, type Tolerance } from './map-config.js';
import { asFailure, runWithRetry } from './retry-catch.js';
import type { StepResult } from './step.js';

const TOLERANCE_EXCEEDED_CAUSE = 'The specified tolerated failure threshold was exceeded';

async function itemInput(
  state: MapState,
  run: StateRun,
  effective: JsonValue,
  index: number,
  value: JsonValue,
) {
  if (state.itemSelector === undefined && state.itemSelectorJsonata === undefined) return value;
  run.mapItem = { index, value };
  run.contextChanged();
  if (state.itemSelector !== undefined) return run.payload(state.itemSelector, effective);
  return run.jsonata(state.itemSelectorJsonata!, run.states());
}

function batches(state: MapState, inputs: JsonValue[]): JsonValue[] {
  const batcher = state.itemBatcher;
  if (batcher === undefined) return inputs;
  const size =
    typeof batcher.MaxItemsPerBatch === 'number' && batcher.MaxItemsPerBatch > 0
      ? batcher.MaxItemsPerBatch
      : 1;
  const out: JsonValue[] = [];
  for (let i = 0; i < inputs.length; i += size) {
    const batch: Record<string, JsonValue> = { Items: inputs.slice(i, i + size) };
    if (batcher.BatchInput !== undefined) batch.BatchInput = batcher.BatchInput as JsonValue;
    out.push(batch);
  }
  return out;
}

function mapRunArn(runtime: Runtime, state: MapState): string {
  const label = state.label ?? state.name;
  return `arn:aws:states:${runtime.region}:${runtime.accountId}:mapRun:${runtime.stateMachine.Name}/${label}:${randomUUID()}`;
}

/** TestState: the mock stands for the iterations; simulated failures still meet the tolerance. */
function mockedOutcome(mocked: StateOutcomeMock, tolerance: Tolerance, total: number): JsonValue {
  if (mocked.error) throw new StatesFailure(mocked.error.error, mocked.error.cause, 'task');
  const failures = mocked.mapIterationFailureCount ?? 0;
  const configured = tolerance.count !== undefined || tolerance.percentage !== undefined;
  if (configured && exceedsTolerance(tolerance, failures, total)) {
    throw new StatesFailure(StatesErrors.ExceedToleratedFailureThreshold, TOLERANCE_EXCEEDED_CAUSE, 'branch');
  }
  return mocked.result ?? null;
}

async function runIterations(state: MapState, run: StateRun, effective: JsonValue): Promise<JsonValue> {
  const thread = run.thread;
  const runtime = thread.runtime;
  const items = await mapItems(state, run, effective);
  if (state.queryLanguage === 'JSONPath') run.inspect('afterItemsPath', items);
  const maxConcurrency = await mapMaxConcurrency(state, run, effective);
  run.inspect('maxConcurrency', maxConcurrency);
  thread.event('MapStateStarted', 'mapStateStartedEventDetails', { length: items.length });
  const tolerance = await mapTolerance(state, run, effective);
  if (tolerance.count !== undefined) run.inspect('toleratedFailureCount', tolerance.count);
  if (tolerance.percentage !== undefined) run.inspect('toleratedFailurePercentage', tolerance.percentage);
  const mocked = runtime.inspection?.stateOutcome;
  if (mocked !== undefined) return mockedOutcome(mocked, tolerance, items.length);
  const selected: JsonValue[] = [];
  for (let i = 0; i < items.length; i++)
    selected.push(await itemInput(state, run, effective, i, items[i] as JsonValue));
  if (state.itemSelector !== undefined || state.itemSelectorJsonata !== undefined) {
    run.inspect('afterItemSelector', selected);
  }
  const inputs = batches(state, selected);
  if (state.itemBatcher !== undefined) run.inspect('afterItemBatcher', inputs);
  if (state.distributed)
    thread.event('MapRunStarted', 'mapRunStartedEventDetails', { mapRunArn: mapRunArn(runtime, state) });

  const results: JsonValue[] = new Array(inputs.length);
  const { controller, dispose } = linkedController(thread.signal);
  let failures = 0;
  let next = 0;
  const limit = maxConcurrency === 0 ? inputs.length : Math.min(maxConcurrency, inputs.length);

  const iterate = async (index: number): Promise<void> => {
    const childRuntime = state.distributed
      ? { ...runtime, history: new HistoryRecorder(runtime.clock, runtime.history.limit) }
      : runtime;
    const child = childThread(thread, thread.lastEventId, controller.signal, childRuntime);
    const details = { name: state.name, index };
    if (!state.distributed) child.event('MapIterationStarted', 'mapIterationStartedEventDetails', details);
    try {
      results[index] = await runChild(state.processor, inputs[index] as JsonValue, child);
      if (!state.distributed) {
        // The next iteration starts from this one's last state event, not from its end event.
        thread.lastEventId = child.lastEventId;
        child.sideEvent('MapIterationSucceeded', 'mapIterationSucceededEventDetails', details);
      }
    } catch (thrown) {
      if (thrown instanceof StoppedError || controller.signal.aborted) throw thrown;
      const failure = asFailure(thrown);
      if (failure.error === StatesErrors.Runtime) throw failure;
      if (!state.distributed) {
        thread.lastEventId = child.lastEventId;
        child.sideEvent('MapIterationFailed', 'mapIterationFailedEventDetails', details);
      }
      failures++;
      results[index] = { Error: failure.error, Cause: failure.cause ?? '' };
      if (exceedsTolerance(tolerance, failures, inputs.length)) {
        const tolerated =
          state.distributed || tolerance.count !== undefined || tolerance.percentage !== undefined;
        throw tolerated
          ? new StatesFailure(
              StatesErrors.ExceedToleratedFailureThreshold,
              TOLERANCE_EXCEEDED_CAUSE,
              'branch',
            )
          : failure;
      }
    }
  };

  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const index = next++;
      await iterate(index);
    }
  };

  try {
    await new Promise<void>((resolve, reject) => {
      if (inputs.length === 0) {
        resolve();
        return;
      }
      let running = limit;
      for (let w = 0; w < limit; w++) {
        worker().then(
          () => {
            if (--running === 0) resolve();
          },
          (error) => {
            if (!controller.signal.aborted) controller.abort(error);
            reject(error);
          },
        );
      }
    });
  } catch (error) {
    if (state.distributed && error instanceof StatesFailure) {
      thread.lastEventId = runtime.history.lastId;
      const failed: Record<string, string> = { error: error.error };
      if (error.cause !== undefined) failed.cause = error.cause;
      thread.event('MapRunFailed', 'mapRunFailedEventDetails', failed);
    }
    throw error;
  } finally {
    dispose();
  }
  if (state.distributed) {
    thread.lastEventId = runtime.history.lastId;
    thread.event('MapRunSucceeded');
  }
  // MapStateSucceeded follows the last event; the state's exit points where it points.
  thread.lastEventId = runtime.history.lastId;
  thread.sideEvent('MapStateSucceeded');
  return results;
}

export function runMap(state: MapState, input: JsonValue, thread: Thread): Promise<StepResult> {
  return runWithRetry(state, input, thread, {
    ownsParameters: true,
    attempt: (run, effective) => runIterations(state, run, effective),
    failed: (run, failure) => {
      if (failure.error === StatesErrors.Runtime) return;
      run.thread.event('MapStateFailed');
    },
  });
}
