// Map: one iteration per item, each a thread running the item processor on the item (or on what
// ItemSelector makes of it, with `$$.Map.Item` in scope), at most MaxConcurrency at a time, results
// in item order. Inline iterations record their events in this execution's history; distributed
// ones are child executions with histories of their own, so the parent sees only the map run.
// Failures beyond the tolerated count or percentage stop the remaining iterations, which AWS
// records aborted. Each worker (one per MaxConcurrency slot) chains its next iteration from its
// previous iteration's last event; the Map's own events continue from the last iteration event.
import { randomUUID } from 'node:crypto';
import type { JsonValue } from '@sfini/core';
import type { MapState } from '../compile/model.js';
import { StatesErrors, StatesFailure } from '../errors.js';
import { IterationDetails } from '../history/events.js';
import { HistoryRecorder } from '../history/recorder.js';
import type { Runtime, StateOutcomeMock, Thread } from '../run/runtime.js';
import type { StateRun } from '../run/state-run.js';
import { newArray } from '../values/json.js';
import { childThread, cutShort, endsExecution, linkedController, runChild } from './branches.js';
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
  const out = newArray<JsonValue>();
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
  const selected = newArray<JsonValue>();
  for (let i = 0; i < items.length; i++)
    selected.push(await itemInput(state, run, effective, i, items[i] as JsonValue));
  if (state.itemSelector !== undefined || state.itemSelectorJsonata !== undefined) {
    run.inspect('afterItemSelector', selected);
  }
  const inputs = batches(state, selected);
  if (state.itemBatcher !== undefined) run.inspect('afterItemBatcher', inputs);
  if (state.distributed)
    thread.event('MapRunStarted', 'mapRunStartedEventDetails', { mapRunArn: mapRunArn(runtime, state) });

  const results = newArray<JsonValue>(inputs.length);
  const { controller, stop, dispose } = linkedController(thread.signal);
  const running = new Set<Thread>();
  run.children = running;
  let failures = 0;
  let next = 0;
  const limit = maxConcurrency === 0 ? inputs.length : Math.min(maxConcurrency, inputs.length);
  const distributed = state.distributed;
  const childRuntime = distributed
    ? () => ({ ...runtime, history: new HistoryRecorder(runtime.clock, runtime.history.limit) })
    : () => runtime;
  // The Map's own events continue from the last iteration event, MapStateStarted when none ran.
  let lastIterationEventId = thread.lastEventId;
  const ended = (id: number) => {
    if (id > lastIterationEventId) lastIterationEventId = id;
  };

  /** Runs one iteration chained from `previousEventId`; resolves with its last event's id. */
  const iterate = async (index: number, previousEventId: number): Promise<number> => {
    const details = new IterationDetails(state.name, index);
    const child = childThread(
      thread,
      previousEventId,
      controller.signal,
      childRuntime(),
      distributed ? undefined : details,
      stop,
    );
    running.add(child);
    if (!distributed) child.event('MapIterationStarted', 'mapIterationStartedEventDetails', details);
    try {
      results[index] = await runChild(state.processor, inputs[index] as JsonValue, child);
    } catch (thrown) {
      if (controller.signal.aborted) throw thrown;
      if (endsExecution(thrown)) {
        controller.abort(thrown);
        if (!distributed) thread.lastEventId = child.lastEventId;
        throw thrown;
      }
      const failure = asFailure(thrown);
      failures++;
      results[index] = { Error: failure.error, Cause: failure.cause ?? '' };
      if (exceedsTolerance(tolerance, failures, inputs.length)) {
        const tolerated = distributed || tolerance.count !== undefined || tolerance.percentage !== undefined;
        const reason = tolerated
          ? new StatesFailure(
              StatesErrors.ExceedToleratedFailureThreshold,
              TOLERANCE_EXCEEDED_CAUSE,
              'branch',
            )
          : failure;
        // Distributed iterations are child executions: the parent records none of their events.
        if (distributed) {
          controller.abort(reason);
          throw reason;
        }
        const thrownInstead = cutShort(child, reason, running, thread, controller);
        runtime.history.add(
          'MapIterationFailed',
          child.lastEventId,
          'mapIterationFailedEventDetails',
          details,
        );
        throw thrownInstead;
      }
      if (!distributed)
        ended(child.sideEvent('MapIterationFailed', 'mapIterationFailedEventDetails', details));
      running.delete(child);
      return child.lastEventId;
    }
    running.delete(child);
    // The next iteration of this worker starts from this one's last state event, not its end event.
    if (!distributed)
      ended(child.sideEvent('MapIterationSucceeded', 'mapIterationSucceededEventDetails', details));
    return child.lastEventId;
  };

  const worker = async (): Promise<void> => {
    let previousEventId = thread.lastEventId;
    while (next < inputs.length) previousEventId = await iterate(next++, previousEventId);
  };

  try {
    await new Promise<void>((resolve, reject) => {
      if (inputs.length === 0) {
        resolve();
        return;
      }
      let workers = limit;
      for (let w = 0; w < limit; w++) {
        worker().then(
          () => {
            if (--workers === 0) resolve();
          },
          (error) => {
            if (!controller.signal.aborted) controller.abort(error);
            reject(error);
          },
        );
      }
    });
  } catch (error) {
    if (distributed && error instanceof StatesFailure) {
      const failed: Record<string, string> = { error: error.error };
      if (error.cause !== undefined) failed.cause = error.cause;
      thread.event('MapRunFailed', 'mapRunFailedEventDetails', failed);
    }
    throw error;
  } finally {
    run.children = undefined;
    dispose();
  }
  if (distributed) {
    thread.event('MapRunSucceeded');
  } else {
    thread.lastEventId = lastIterationEventId;
  }
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
      run.ended();
    },
  });
}
