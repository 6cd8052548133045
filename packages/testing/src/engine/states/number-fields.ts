// Numeric fields that may come from the input (…Path) or from JSONata: TimeoutSeconds,
// HeartbeatSeconds, Seconds, MaxConcurrency, ToleratedFailure*. Reading them fails the way AWS
// words it: a path that names nothing is a States.Runtime failure, an expression that yields no
// number a States.QueryEvaluationError.
import type { JsonValue } from '@sfini/core';
import type { NumberSource } from '../compile/model.js';
import { unexpectedTypeMessage } from '../eval/jsonata.js';
import { NOT_FOUND } from '../paths/select.js';
import type { StateRun } from '../run/state-run.js';

/** The raw value of a numeric field, and the path it came from when it came from one. */
export interface NumberFieldValue {
  readonly value: JsonValue;
  readonly path?: string;
}

export async function readNumberField(
  run: StateRun,
  source: NumberSource,
  dollar: JsonValue,
): Promise<NumberFieldValue> {
  if (source.kind === 'value') return { value: source.value };
  if (source.kind === 'path') {
    const value = run.select(source.path, dollar);
    if (value === NOT_FOUND) {
      throw run.runtimeFailure(
        `The ${source.field} parameter does not reference an input value: ${source.path.source}`,
      );
    }
    return { value, path: source.path.source };
  }
  const value = await run.jsonata(
    { kind: 'expression', expression: source.expression, field: source.field },
    run.states(),
  );
  if (typeof value !== 'number') {
    throw run.queryFailure(
      unexpectedTypeMessage(source.expression.source, source.field, 'number', value),
      source.field,
    );
  }
  return { value };
}
