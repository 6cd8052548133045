// AWS's quotas on variables, checked when an Assign is about to take effect: no value over
// 256 KiB, no Assign over 256 KiB in all, and no more than 10 MiB held by the execution at once
// (a re-assigned variable counts with its new value only). A failing Assign fails its state with
// States.DataLimitExceeded before any variable changes, so nothing of it is ever visible.
import type { JsonValue } from '@sfini/core';
import { StatesErrors, StatesFailure } from '../errors.js';
import type { VariableScope } from '../eval/scope.js';
import {
  ASSIGN_LIMIT_BYTES,
  jsonByteSize,
  VARIABLE_LIMIT_BYTES,
  VARIABLES_TOTAL_LIMIT_BYTES,
} from '../values/size.js';

function overLimit(cause: string): StatesFailure {
  return new StatesFailure(StatesErrors.DataLimitExceeded, cause, 'runtime');
}

/**
 * The byte size of each assigned value, in the order of `names`, once every quota holds.
 * @throws StatesFailure (States.DataLimitExceeded) naming the state and, for one value, the variable.
 */
export function assignedSizes(
  stateName: string,
  scope: VariableScope,
  values: Record<string, JsonValue>,
  names: readonly string[],
): number[] {
  const sizes: number[] = [];
  let total = 0;
  let change = 0;
  for (const name of names) {
    const bytes = jsonByteSize(values[name] as JsonValue);
    if (bytes > VARIABLE_LIMIT_BYTES) {
      throw overLimit(
        `The state/task '${stateName}' assigned the variable '${name}' a value with a size exceeding the maximum number of bytes service limit.`,
      );
    }
    sizes.push(bytes);
    total += bytes;
    change += bytes - scope.ownBytes(name);
  }
  if (total > ASSIGN_LIMIT_BYTES) {
    throw overLimit(
      `The state/task '${stateName}' assigned variables with a total size exceeding the maximum number of bytes service limit.`,
    );
  }
  if (scope.ledger.bytes + change > VARIABLES_TOTAL_LIMIT_BYTES) {
    throw overLimit(
      `The state/task '${stateName}' assigned variables that would bring the variables the execution holds over the maximum number of bytes service limit (${VARIABLES_TOTAL_LIMIT_BYTES} bytes).`,
    );
  }
  return sizes;
}
