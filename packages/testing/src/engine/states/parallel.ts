// Parallel: every branch runs on the same input, each in its own thread; the result is the array
// of branch outputs in branch order. The first branch to fail stops the others and fails the
// state with its error, which Retry and Catch then see. The state's own events continue the chain
// of the branch that decided it: the last branch to succeed, or the one that failed.
import type { JsonValue } from '@sfini/core';
import type { ParallelState } from '../compile/model.js';
import { StatesErrors, StatesFailure } from '../errors.js';
import type { Thread } from '../run/runtime.js';
import type { StateRun } from '../run/state-run.js';
import { newArray } from '../values/json.js';
import { childThread, cutShort, linkedController, runChild } from './branches.js';
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
  const { controller, stop, dispose } = linkedController(thread.signal);
  const running = new Set<Thread>();
  run.children = running;
  try {
    const results = await new Promise<JsonValue[]>((resolve, reject) => {
      const branches = state.branches;
      const outputs = newArray<JsonValue>(branches.length);
      let remaining = branches.length;
      let lastEventId = startedId;
      for (let index = 0; index < branches.length; index++) {
        const branchThread = childThread(
          thread,
          startedId,
          controller.signal,
          thread.runtime,
          undefined,
          stop,
        );
        running.add(branchThread);
        runChild(branches[index]!, input, branchThread).then(
          (output) => {
            running.delete(branchThread);
            outputs[index] = output;
            if (branchThread.lastEventId > lastEventId) lastEventId = branchThread.lastEventId;
            if (--remaining === 0) {
              thread.lastEventId = lastEventId;
              resolve(outputs);
            }
          },
          (error) => reject(cutShort(branchThread, error, running, thread, controller)),
        );
      }
    });
    thread.sideEvent('ParallelStateSucceeded');
    return results;
  } finally {
    run.children = undefined;
    dispose();
  }
}

export function runParallel(state: ParallelState, input: JsonValue, thread: Thread): Promise<StepResult> {
  return runWithRetry(state, input, thread, {
    attempt: (run, effective) => runBranches(state, run, effective),
    failed: (run, failure) => {
      if (failure.error === StatesErrors.Runtime) return;
      run.thread.event('ParallelStateFailed');
      run.ended();
    },
  });
}
