// Task, Map and Parallel share one shape: evaluate the input, run an attempt, shape its result;
// on failure, retry by the first retrier whose ErrorEquals matches (each retrier counts its own
// attempts), else hand the error to the first matching catcher, else fail. The failure wording
// and which errors may be retried or caught follow AWS (see errors.ts).
import type { JsonValue } from '@sfini/core';
import type { Catcher, MapState, ParallelState, Retrier, TaskState } from '../compile/model.js';
import {
  describeThrown,
  errorMatches,
  StatesErrors,
  StatesFailure,
  StoppedError,
  TaskFailedError,
} from '../errors.js';
import type { Thread } from '../run/runtime.js';
import { StateRun } from '../run/state-run.js';
import { jsonByteSize } from '../values/size.js';
import {
  checkParameterSize,
  checkPayloadSize,
  knownBytes,
  pipelineBound,
  selectedBound,
} from './payload-bound.js';
import { StepResult } from './step.js';

export type ExecutionState = TaskState | MapState | ParallelState;

/** The part that differs per state type: one attempt, and the event recorded when it fails. */
export interface AttemptProgram {
  /** Runs the work on the effective input (after Parameters/Arguments); resolves with the raw result. */
  attempt(run: StateRun, effective: JsonValue): Promise<JsonValue>;
  /** Records the state's own failure event (MapStateFailed, ParallelStateFailed). */
  failed?(run: StateRun, failure: StatesFailure): void;
  /** Evaluates the effective input (Parameters) itself, for Map whose Parameters are per item. */
  readonly ownsParameters?: boolean;
  /** Runs at the start of every attempt, before Parameters (a Task makes its task token here). */
  prepare?(run: StateRun): void;
}

/**
 * The delay before retry number `attempt` (0 for the first retry) of `retrier`, in seconds;
 * `random` (uniform in [0, 1)) draws the FULL jitter.
 */
export function retryDelaySeconds(
  retrier: Retrier,
  attempt: number,
  random: () => number = Math.random,
): number {
  let delay = retrier.IntervalSeconds * retrier.BackoffRate ** attempt;
  if (retrier.MaxDelaySeconds !== undefined) delay = Math.min(delay, retrier.MaxDelaySeconds);
  if (retrier.JitterStrategy === 'FULL') delay = random() * delay;
  return delay;
}

/** Turns anything thrown inside a state into a StatesFailure; a stop passes through. */
export function asFailure(thrown: unknown): StatesFailure {
  if (thrown instanceof StatesFailure) return thrown;
  if (thrown instanceof StoppedError) throw thrown;
  if (thrown instanceof TaskFailedError) return new StatesFailure(thrown.error, thrown.cause, 'task');
  if (thrown instanceof RangeError && /call stack/i.test(thrown.message)) {
    return new StatesFailure(StatesErrors.Runtime, 'The data is nested too deeply to process.', 'runtime');
  }
  const { error, cause } = describeThrown(thrown);
  return new StatesFailure(error, cause, 'task');
}

async function attemptOnce(
  state: ExecutionState,
  run: StateRun,
  effective: JsonValue,
  program: AttemptProgram,
): Promise<StepResult> {
  program.prepare?.(run);
  if (state.queryLanguage === 'JSONata') {
    const evaluated = state.arguments !== undefined && !program.ownsParameters;
    const args = evaluated ? await run.jsonata(state.arguments!, run.states()) : run.input;
    if (state.type === 'Task') {
      run.inspect('afterArguments', args);
      checkParameterSize(run, args, evaluated ? Number.POSITIVE_INFINITY : knownBytes(run.thread, args));
    }
    const result = await program.attempt(run, args);
    if (state.type === 'Task') run.inspect('result', result);
    const states = run.states({ result });
    const output = state.output ? await run.jsonata(state.output, states) : result;
    const assigned = await run.assignJsonata(state.assign, states);
    checkPayloadSize(run, output);
    run.commitAssign(assigned);
    run.exit(output, assigned);
    return new StepResult(output, state.end ? undefined : state.next);
  }
  const evaluated = state.parameters !== undefined && !program.ownsParameters;
  const parameters = evaluated ? run.payload(state.parameters!, effective) : effective;
  if (state.type === 'Task') {
    run.inspect('afterParameters', parameters);
    checkParameterSize(
      run,
      parameters,
      evaluated
        ? Number.POSITIVE_INFINITY
        : selectedBound(state.inputPath, knownBytes(run.thread, run.input)),
    );
  }
  const result = await program.attempt(run, parameters);
  if (state.type === 'Task') run.inspect('result', result);
  const assigned = run.assignJsonPath(state.assign, result);
  const selected = state.resultSelector ? run.payload(state.resultSelector, result) : result;
  run.inspect('afterResultSelector', selected);
  const placed = run.applyResultPath(state.resultPath, selected);
  run.inspect('afterResultPath', placed);
  const output = run.applyPath(state.outputPath, placed);
  const inputBytes = knownBytes(run.thread, run.input);
  checkPayloadSize(
    run,
    output,
    pipelineBound(state.resultPath, state.outputPath, inputBytes, Number.POSITIVE_INFINITY, () =>
      jsonByteSize(selected),
    ),
  );
  run.commitAssign(assigned);
  run.exit(output, assigned);
  return new StepResult(output, state.end ? undefined : state.next);
}

async function caught(run: StateRun, catcher: Catcher, failure: StatesFailure): Promise<StepResult> {
  const errorOutput: JsonValue = { Error: failure.error, Cause: failure.cause ?? '' };
  let output: JsonValue;
  let assigned: Record<string, JsonValue> | undefined;
  if (run.state.queryLanguage === 'JSONata') {
    const states = run.states({ errorOutput });
    output = catcher.output ? await run.jsonata(catcher.output, states) : errorOutput;
    assigned = await run.assignJsonata(catcher.assign, states);
    checkPayloadSize(run, output);
  } else {
    assigned = run.assignJsonPath(catcher.assign, errorOutput);
    output = run.applyResultPath(catcher.resultPath, errorOutput);
    const inputBytes = knownBytes(run.thread, run.input);
    checkPayloadSize(
      run,
      output,
      pipelineBound(catcher.resultPath, undefined, inputBytes, Number.POSITIVE_INFINITY, () =>
        jsonByteSize(errorOutput),
      ),
    );
  }
  run.commitAssign(assigned);
  run.exit(output, assigned);
  return new StepResult(output, catcher.next);
}

/** Runs a Task, Map or Parallel state with its Retry and Catch. */
export async function runWithRetry(
  state: ExecutionState,
  input: JsonValue,
  thread: Thread,
  program: AttemptProgram,
): Promise<StepResult> {
  const run = new StateRun(state, thread, input);
  const effective = state.queryLanguage === 'JSONPath' ? run.applyPath(state.inputPath, input) : input;
  // AWS's TestState reports no afterInputPath for Parallel states.
  if (state.queryLanguage === 'JSONPath' && state.type !== 'Parallel')
    run.inspect('afterInputPath', effective);
  const inspection = thread.runtime.inspection;
  const attempts = state.retriers.map(() => inspection?.retrierRetryCount ?? 0);
  for (;;) {
    let failure: StatesFailure;
    try {
      return await attemptOnce(state, run, effective, program);
    } catch (thrown) {
      if (thread.signal.aborted) throw thrown;
      failure = asFailure(thrown);
    }
    if (failure.kind === 'evaluation') run.evaluationFailed(failure);
    const index = state.retriers.findIndex((r) => errorMatches(r.ErrorEquals, failure.error));
    const retrier = index >= 0 ? state.retriers[index]! : undefined;
    if (retrier) {
      const exhausted = attempts[index]! >= retrier.MaxAttempts;
      const delay = exhausted ? 0 : retryDelaySeconds(retrier, attempts[index]!, thread.runtime.random);
      inspection?.retry?.({ failure, retrierIndex: index, delaySeconds: delay, exhausted });
      if (!exhausted) {
        attempts[index]!++;
        await thread.runtime.clock.sleep(delay * 1000, thread.signal);
        run.retryCount = (run.retryCount ?? 0) + 1;
        run.contextChanged();
        continue;
      }
    }
    // The state's own failure event (MapStateFailed...) marks its final failure, not each attempt.
    program.failed?.(run, failure);
    const catcherIndex = state.catchers.findIndex((c) => errorMatches(c.errorEquals, failure.error));
    if (catcherIndex >= 0) {
      inspection?.caught?.(failure, catcherIndex);
      return caught(run, state.catchers[catcherIndex]!, failure);
    }
    throw failure;
  }
}
