// The interpreter loop: run the current state, follow `next`, stop at the end of the graph. State
// runners answer synchronously when they can, so the loop awaits only real waits. Every graph
// (the machine, a Parallel branch, a Map iteration) runs through this one loop.
import type { JsonValue } from '@sfini/core';
import type { CompiledGraph, CompiledState } from '../compile/model.js';
import { StoppedError } from '../errors.js';
import { runChoice } from '../states/choice.js';
import { runFail } from '../states/fail.js';
import { runMap } from '../states/map.js';
import { runParallel } from '../states/parallel.js';
import { runPass, runSucceed } from '../states/pass.js';
import type { StepOutcome, StepResult } from '../states/step.js';
import { runTask } from '../states/task.js';
import { runWait } from '../states/wait.js';
import type { Thread } from './runtime.js';

/** Runs one state. */
export function runState(state: CompiledState, input: JsonValue, thread: Thread): StepOutcome {
  switch (state.type) {
    case 'Pass':
      return runPass(state, input, thread);
    case 'Succeed':
      return runSucceed(state, input, thread);
    case 'Fail':
      return runFail(state, input, thread);
    case 'Choice':
      return runChoice(state, input, thread);
    case 'Wait':
      return runWait(state, input, thread);
    case 'Task':
      return runTask(state, input, thread);
    case 'Parallel':
      return runParallel(state, input, thread);
    case 'Map':
      return runMap(state, input, thread);
  }
}

/** Runs a graph from `startAt` (or its StartAt) to its end; resolves with the last output. */
export async function runGraph(
  graph: CompiledGraph,
  input: JsonValue,
  thread: Thread,
  startAt: string = graph.startAt,
): Promise<JsonValue> {
  let name = startAt;
  let value = input;
  for (;;) {
    if (thread.signal.aborted) throw new StoppedError('stopped');
    const state = graph.states.get(name)!;
    const outcome = runState(state, value, thread);
    const step: StepResult = outcome instanceof Promise ? await outcome : outcome;
    if (step.next === undefined) return step.output;
    name = step.next;
    value = step.output;
  }
}
