// Pass: the whole JSONPath pipeline with Result (or Parameters, or the input) as the result, or in
// JSONata an Output over the input. Everything reads the variables as they were when the state
// was entered; Assign takes effect only once the output is decided, as on AWS.
import type { JsonValue } from '@sfini/core';
import type { PassState, SucceedState } from '../compile/model.js';
import { StatesFailure } from '../errors.js';
import type { Thread } from '../run/runtime.js';
import { StateRun } from '../run/state-run.js';
import { jsonByteSize } from '../values/size.js';
import {
  checkPayloadSize,
  checkSelectedOutput,
  knownBytes,
  pipelineBound,
  selectedBound,
} from './payload-bound.js';
import { type StepOutcome, StepResult, stepAfter } from './step.js';

export function runPass(state: PassState, input: JsonValue, thread: Thread): StepOutcome {
  const run = new StateRun(state, thread, input);
  if (state.queryLanguage === 'JSONata') return runPassJsonata(state, run);
  const inputBytes = knownBytes(thread, input);
  const effective = run.applyPath(state.inputPath, input);
  let result: JsonValue;
  let resultBytes: number;
  if (state.hasResult) {
    result = state.result as JsonValue;
    resultBytes = state.resultBytes;
    run.inspect('result', result);
  } else {
    run.inspect('afterInputPath', effective);
    result = state.parameters ? run.payload(state.parameters, effective) : effective;
    resultBytes = state.parameters ? Number.POSITIVE_INFINITY : selectedBound(state.inputPath, inputBytes);
    run.inspect('afterParameters', result);
  }
  run.inspect('afterResultSelector', result);
  const assigned = run.assignJsonPath(state.assign, result);
  const placed = run.applyResultPath(state.resultPath, result);
  run.inspect('afterResultPath', placed);
  const output = run.applyPath(state.outputPath, placed);
  checkPayloadSize(
    run,
    output,
    pipelineBound(state.resultPath, state.outputPath, inputBytes, resultBytes, () => jsonByteSize(result)),
  );
  run.commitAssign(assigned);
  run.exit(output, assigned);
  return stepAfter(state, output);
}

async function runPassJsonata(state: PassState, run: StateRun): Promise<StepResult> {
  let output: JsonValue;
  let assigned: Record<string, JsonValue> | undefined;
  try {
    const states = run.states();
    output = state.output ? await run.jsonata(state.output, states) : run.input;
    assigned = await run.assignJsonata(state.assign, states);
  } catch (error) {
    if (error instanceof StatesFailure && error.kind === 'evaluation') run.evaluationFailed(error);
    throw error;
  }
  checkPayloadSize(run, output);
  run.commitAssign(assigned);
  run.exit(output, assigned);
  return stepAfter(state, output);
}

/** Succeed: InputPath/OutputPath (JSONPath) or Output (JSONata), then the graph ends. */
export function runSucceed(state: SucceedState, input: JsonValue, thread: Thread): StepOutcome {
  const run = new StateRun(state, thread, input);
  if (state.queryLanguage === 'JSONata') {
    if (!state.output) {
      run.exit(input);
      return new StepResult(input, undefined);
    }
    return run.jsonata(state.output, run.states()).then(
      (output) => {
        checkPayloadSize(run, output);
        run.exit(output);
        return new StepResult(output, undefined);
      },
      (error) => {
        if (error instanceof StatesFailure && error.kind === 'evaluation') run.evaluationFailed(error);
        throw error;
      },
    );
  }
  const effective = run.applyPath(state.inputPath, input);
  run.inspect('afterInputPath', effective);
  const output = run.applyPath(state.outputPath, effective);
  checkSelectedOutput(run, output, state.inputPath, state.outputPath);
  run.exit(output);
  return new StepResult(output, undefined);
}
