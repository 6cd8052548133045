// Wait, in its four forms: Seconds, SecondsPath, Timestamp, TimestampPath (and their JSONata
// forms). The wait itself is a sleep on the execution's clock, so a virtual clock skips it and a
// stopped execution cuts it short. Bad values fail with AWS's wording.
import type { JsonValue } from '@sfini/core';
import { parseTimestamp } from '../../choice/timestamp.js';
import type { WaitState } from '../compile/model.js';
import { StatesFailure } from '../errors.js';
import { unexpectedTypeMessage } from '../eval/jsonata.js';
import { NOT_FOUND } from '../paths/select.js';
import type { Thread } from '../run/runtime.js';
import { StateRun } from '../run/state-run.js';
import { stringify } from '../values/json.js';
import { readNumberField } from './number-fields.js';
import { checkPayloadSize, checkSelectedOutput, knownBytes } from './payload-bound.js';
import { StepResult } from './step.js';

/** The instant of an RFC 3339 timestamp, in epoch milliseconds; undefined when it is not one. */
function timestampMs(text: string): number | undefined {
  const nanos = parseTimestamp(text);
  return nanos === undefined ? undefined : Number(nanos / 1_000_000n);
}

function secondsFrom(run: StateRun, state: WaitState, effective: JsonValue): number | undefined {
  const source = state.seconds;
  if (source === undefined || source.kind === 'expression') return undefined;
  if (source.kind === 'value') return source.value;
  const value = run.select(source.path, effective);
  if (value === NOT_FOUND) {
    throw run.runtimeFailure(
      `The SecondsPath parameter does not reference an input value: ${source.path.source}`,
    );
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw run.runtimeFailure(
      `The SecondsPath parameter cannot be parsed as a long value: ${source.path.source} == ${stringify(value)}`,
    );
  }
  if (value < 0) {
    throw run.runtimeFailure(
      `The SecondsPath parameter references a negative value: ${source.path.source} == ${value}`,
    );
  }
  return value;
}

function timestampFrom(run: StateRun, state: WaitState, effective: JsonValue): number | undefined {
  const source = state.timestamp;
  if (source === undefined || source.kind === 'expression' || source.kind === 'intrinsic') return undefined;
  if (source.kind === 'value') return timestampMs(source.value);
  const value = run.select(source.path, effective);
  if (value === NOT_FOUND) {
    throw run.runtimeFailure(
      `The TimestampPath parameter does not reference an input value: ${source.path.source}`,
    );
  }
  const at = typeof value === 'string' ? timestampMs(value) : undefined;
  if (at === undefined) {
    throw run.runtimeFailure(
      `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${source.path.source} == ${typeof value === 'string' ? value : stringify(value)}`,
    );
  }
  return at;
}

async function jsonataWait(run: StateRun, state: WaitState): Promise<number> {
  const states = run.states();
  if (state.seconds?.kind === 'expression') {
    const { value } = await readNumberField(run, state.seconds, run.input);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw run.runtimeFailure(`The Seconds parameter cannot be parsed as a long value: ${stringify(value)}`);
    }
    return value * 1000;
  }
  if (state.timestamp?.kind === 'expression') {
    const value = await run.jsonata(
      { kind: 'expression', expression: state.timestamp.expression, field: 'Timestamp' },
      states,
    );
    if (typeof value !== 'string') {
      throw run.queryFailure(
        unexpectedTypeMessage(state.timestamp.expression.source, 'Timestamp', 'string', value),
        'Timestamp',
      );
    }
    const at = timestampMs(value);
    if (at === undefined) {
      throw run.runtimeFailure(
        `The Timestamp parameter does not reference a valid ISO-8601 extended offset date-time format string: ${value}`,
      );
    }
    return at - run.thread.runtime.clock.now();
  }
  const seconds = secondsFrom(run, state, run.input);
  if (seconds !== undefined) return seconds * 1000;
  const at = timestampFrom(run, state, run.input);
  return at === undefined ? 0 : at - run.thread.runtime.clock.now();
}

export async function runWait(state: WaitState, input: JsonValue, thread: Thread): Promise<StepResult> {
  const run = new StateRun(state, thread, input);
  const clock = thread.runtime.clock;
  if (state.queryLanguage === 'JSONata') {
    let output: JsonValue;
    let assigned: Record<string, JsonValue> | undefined;
    try {
      const ms = await jsonataWait(run, state);
      await clock.sleep(Math.max(0, ms), thread.signal);
      const states = run.states();
      output = state.output ? await run.jsonata(state.output, states) : input;
      assigned = await run.assignJsonata(state.assign, states);
    } catch (error) {
      if (error instanceof StatesFailure && error.kind === 'evaluation') run.evaluationFailed(error);
      throw error;
    }
    checkPayloadSize(run, output, knownBytes(thread, output));
    run.commitAssign(assigned);
    run.exit(output, assigned);
    return new StepResult(output, state.end ? undefined : state.next);
  }
  const effective = run.applyPath(state.inputPath, input);
  run.inspect('afterInputPath', effective);
  const seconds = secondsFrom(run, state, effective);
  const ms =
    seconds !== undefined
      ? seconds * 1000
      : (timestampFrom(run, state, effective) ?? clock.now()) - clock.now();
  await clock.sleep(Math.max(0, ms), thread.signal);
  const assigned = run.assignJsonPath(state.assign, effective);
  const output = run.applyPath(state.outputPath, effective);
  checkSelectedOutput(run, output, state.inputPath, state.outputPath);
  run.commitAssign(assigned);
  run.exit(output, assigned);
  return new StepResult(output, state.end ? undefined : state.next);
}
