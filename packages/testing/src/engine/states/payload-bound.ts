// AWS's 256 KiB quota on every state's output, checked without re-measuring whole documents: a
// thread remembers the last value it proved to fit and a bound on its size, and a state whose
// input is that very value (values are never mutated) bounds its output from it, by what its
// ResultPath write can add and what its OutputPath can keep. Only a bound over the quota makes
// the engine measure the output itself, so the check stays exact. The same quota holds for the
// parameters a Task is given, bounded the same way when they are the state's input.
import type { JsonValue } from '@sfini/core';
import { StatesErrors, StatesFailure } from '../errors.js';
import type { ParsedPath } from '../paths/parse.js';
import type { Thread } from '../run/runtime.js';
import type { StateRun } from '../run/state-run.js';
import { jsonByteSize, PAYLOAD_LIMIT_BYTES } from '../values/size.js';

/**
 * Fails with States.DataLimitExceeded when `value` is over AWS's payload quota. `bound`, an upper
 * bound on its size known without measuring it, spares the measurement when it is within quota.
 * The value is remembered as fitting, for the states that follow.
 */
export function checkPayloadSize(run: StateRun, value: JsonValue, bound = Number.POSITIVE_INFINITY): void {
  let bytes = bound;
  if (bytes > PAYLOAD_LIMIT_BYTES) {
    bytes = jsonByteSize(value);
    if (bytes > PAYLOAD_LIMIT_BYTES) {
      throw new StatesFailure(
        StatesErrors.DataLimitExceeded,
        `The state/task '${run.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
        'runtime',
      );
    }
  }
  run.thread.sizedValue = value;
  run.thread.sizedBytes = bytes;
}

/**
 * Fails with States.DataLimitExceeded when the parameters a Task is about to be given (after
 * Parameters or Arguments) are over AWS's payload quota; `bound` spares measuring them, as above.
 */
export function checkParameterSize(run: StateRun, value: JsonValue, bound = Number.POSITIVE_INFINITY): void {
  if (bound <= PAYLOAD_LIMIT_BYTES || jsonByteSize(value) <= PAYLOAD_LIMIT_BYTES) return;
  throw new StatesFailure(
    StatesErrors.DataLimitExceeded,
    `The state/task '${run.name}' provided parameters with a size exceeding the maximum number of bytes service limit.`,
    'runtime',
  );
}

/**
 * Checks the output of a state that only selects from its input (Choice, Wait, Succeed in
 * JSONPath): definite InputPath and OutputPath keep it within the input's proven size, so only an
 * indefinite path (`$..*`) makes the engine measure it.
 */
export function checkSelectedOutput(
  run: StateRun,
  output: JsonValue,
  inputPath: ParsedPath | null | undefined,
  outputPath: ParsedPath | null | undefined,
): void {
  const inputBytes = knownBytes(run.thread, run.input);
  checkPayloadSize(run, output, selectedBound(outputPath, selectedBound(inputPath, inputBytes)));
}

/** An upper bound on `value`'s size known to the thread without measuring: its last proven value. */
export function knownBytes(thread: Thread, value: JsonValue): number {
  return value === thread.sizedValue ? thread.sizedBytes : Number.POSITIVE_INFINITY;
}

/** The bound a sub-node selected by `path` from a document of `bytes` bytes inherits. */
export function selectedBound(path: ParsedPath | null | undefined, bytes: number): number {
  if (path === undefined) return bytes;
  if (path === null) return 2;
  return path.definite && path.root === 'input' ? bytes : Number.POSITIVE_INFINITY;
}

/**
 * An upper bound on the size of what the JSONPath pipeline outputs: OutputPath over ResultPath's
 * write of a result of `resultBytes` into a raw input of `inputBytes` (Infinity: unknown). The
 * result is measured (by `measure`) only when its size can spare measuring the whole output.
 */
export function pipelineBound(
  resultPath: ParsedPath | null | undefined,
  outputPath: ParsedPath | null | undefined,
  inputBytes: number,
  resultBytes: number,
  measure: () => number,
): number {
  let placed: number;
  if (resultPath === null) placed = inputBytes;
  else {
    const replaces = resultPath === undefined || resultPath.segments.length === 0;
    if (!replaces && inputBytes === Number.POSITIVE_INFINITY) return inputBytes;
    const result = resultBytes === Number.POSITIVE_INFINITY ? measure() : resultBytes;
    placed = replaces ? result : inputBytes + result + resultPath.writeOverhead;
  }
  return selectedBound(outputPath, placed);
}
