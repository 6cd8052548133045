// Parallel: every branch runs on the same input, each in its own thread; the result is the array
// of branch outputs in branch order. The first branch to fail stops the others and fails the
// state with its error, which Retry and Catch then see.
import type { JsonValue } from '@sfini/core';
import type { CompiledGraph, ParallelState } from '../compile/model.js';
import { StatesErrors, StatesFailure } from '../errors.js';
import type { Thread } from '../run/runtime.js';
import type { StateRun } from '../run/state-run.js';
import { childThread, linkedController, runChild } from './branches.js';
import { runWithRetry } from './retry-catch.js';
import type { StepResult } from './step.js';

async function runBranches(state: ParallelState, run: StateRun, input: JsonValue): Promise<JsonValue> {
  const thread = run.thread;
  const mocked = thread.runtime.inspection?.stateOutcome;
  if (mocked !== undefined) {
    if (mocked.error) throw new StatesFailure(mocked.error.error, mocked.error.cause, 'task');
    return mocked.result ?? null;
  }
  const startedId = thread.event('ParallelStateStarted');
  const { controller, dispose } = linkedController(thread.signal);
  try {
    const results = await new Promise<JsonValue[]>((resolve, reject) => {
      const outputs: JsonValue[] = new Array(state.branches.length);
      let remaining = state.branches.length;
      state.branches.forEach((branch: CompiledGraph, index) => {
        const branchThread = childThread(thread, startedId, controller.signal);
        runChild(branch, input, branchThread).then(
          (output) => {
            outputs[index] = output;
            if (--remaining === 0) resolve(outputs);
          },
          (error) => {
            if (!controller.signal.aborted) controller.abort(error);
            reject(error);
          },
        );
      });
    });
    thread.lastEventId = thread.runtime.history.lastId;
    thread.sideEvent('ParallelStateSucceeded');
    return results;
  } finally {
    dispose();
  }
}

export function runParallel(state: ParallelState, input: JsonValue, thread: Thread): Promise<StepResult> {
  return runWithRetry(state, input, thread, {
    attempt: (run, effective) => runBranches(state, run, effective),
    failed: (run, failure) => {
      if (failure.error === StatesErrors.Runtime) return;
      run.thread.lastEventId = run.thread.runtime.history.lastId;
      run.thread.event('ParallelStateFailed');
    },
  });
}
