// Fail: ends its graph with an error name and cause, literal or read from the input (ErrorPath,
// CausePath, which may also be intrinsic calls) or computed by JSONata. A Fail state inside a Map
// or Parallel branch fails that branch, which the enclosing state may then catch.
import type { JsonValue } from '@sfini/core';
import type { FailState, StringSource } from '../compile/model.js';
import { StatesFailure } from '../errors.js';
import { NOT_FOUND } from '../paths/select.js';
import type { Thread } from '../run/runtime.js';
import { StateRun } from '../run/state-run.js';
import { stringify } from '../values/json.js';
import type { StepOutcome } from './step.js';

function resolveJsonPath(run: StateRun, source: StringSource | undefined): string | undefined {
  if (source === undefined) return undefined;
  switch (source.kind) {
    case 'value':
      return source.value;
    case 'path': {
      const value = run.select(source.path, run.input);
      if (value === NOT_FOUND) {
        throw run.runtimeFailure(
          `The JSONPath '${source.path.source}' specified for the field '${source.field}' could not be found in the input '${stringify(run.input)}'`,
        );
      }
      return typeof value === 'string' ? value : stringify(value);
    }
    case 'intrinsic': {
      const value = run.intrinsic(source.expression, source.field, run.input);
      return typeof value === 'string' ? value : stringify(value);
    }
    case 'expression':
      return undefined;
  }
}

async function resolveJsonata(run: StateRun, source: StringSource | undefined): Promise<string | undefined> {
  if (source === undefined) return undefined;
  if (source.kind === 'value') return source.value;
  if (source.kind !== 'expression') return resolveJsonPath(run, source);
  const value = await run.jsonata(
    { kind: 'expression', expression: source.expression, field: source.field },
    run.states(),
  );
  return typeof value === 'string' ? value : stringify(value);
}

function failure(error: string | undefined, cause: string | undefined): StatesFailure {
  return new StatesFailure(error ?? '', cause, 'fail-state');
}

export function runFail(state: FailState, input: JsonValue, thread: Thread): StepOutcome {
  const run = new StateRun(state, thread, input);
  if (state.queryLanguage === 'JSONata') {
    return (async () => {
      let error: string | undefined;
      let cause: string | undefined;
      try {
        error = await resolveJsonata(run, state.error);
        cause = await resolveJsonata(run, state.cause);
      } catch (thrown) {
        if (thrown instanceof StatesFailure && thrown.kind === 'evaluation') run.evaluationFailed(thrown);
        throw thrown;
      }
      throw failure(error, cause);
    })();
  }
  run.inspect('afterInputPath', input);
  throw failure(resolveJsonPath(run, state.error), resolveJsonPath(run, state.cause));
}
