// The contract between the interpreter loop and the state modules: run a state on an input and
// say where to go next. States that need no waiting answer synchronously, so a chain of Pass and
// Choice states runs without a promise per transition.
import type { JsonValue } from '@sfini/core';
import type { CompiledGraph, CompiledState } from '../compile/model.js';
import type { Thread } from '../run/runtime.js';

/**
 * Where a state left the data and where the execution goes next (undefined: end of graph). A
 * class rather than an object literal, like every object that can outlive a young collection
 * while holding execution data (see history/events.ts).
 */
export class StepResult {
  constructor(
    readonly output: JsonValue,
    readonly next: string | undefined,
  ) {}
}

export type StepOutcome = StepResult | Promise<StepResult>;

/** Runs one state of a graph. */
export type StateRunner<S extends CompiledState = CompiledState> = (
  state: S,
  input: JsonValue,
  thread: Thread,
  graph: CompiledGraph,
) => StepOutcome;

/** The step that follows a state that finished normally. */
export function stepAfter(state: CompiledState, output: JsonValue): StepResult {
  return new StepResult(output, state.end ? undefined : state.next);
}
