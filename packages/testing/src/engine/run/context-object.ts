// The context object (`$$` in JSONPath, `$states.context` in JSONata). It is rebuilt per state
// and only when something reads it, since most states never do; the Execution and StateMachine
// parts are shared objects made once per execution.
import type { JsonValue } from '@sfini/core';
import type { ExecutionIdentity, MachineIdentity } from './runtime.js';

/** What varies per state in the context object. */
export interface StateContextParts {
  readonly name: string;
  readonly enteredTime: string;
  /** Present for Task, Map and Parallel states (they can retry). */
  readonly retryCount: number | undefined;
  readonly mapItem: { readonly index: number; readonly value: JsonValue } | undefined;
  readonly taskToken: string | undefined;
}

/** Builds the context object AWS exposes to a state. */
export function buildContextObject(
  execution: ExecutionIdentity,
  stateMachine: MachineIdentity,
  parts: StateContextParts,
): JsonValue {
  const state: Record<string, JsonValue> = { Name: parts.name, EnteredTime: parts.enteredTime };
  if (parts.retryCount !== undefined) state.RetryCount = parts.retryCount;
  const context: Record<string, JsonValue> = {
    Execution: execution as unknown as JsonValue,
    StateMachine: stateMachine as unknown as JsonValue,
    State: state,
  };
  if (parts.taskToken !== undefined) context.Task = { Token: parts.taskToken };
  if (parts.mapItem !== undefined) {
    context.Map = { Item: { Index: parts.mapItem.index, Value: parts.mapItem.value } };
  }
  return context;
}

/** ISO-8601 with milliseconds, as AWS writes times in the context object. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
