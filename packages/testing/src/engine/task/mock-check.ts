// A mock that answers nothing makes a test that tests nothing: `mocks: { chrage: ... }` would
// leave the real Task to run and the test to pass for the wrong reason. So before an execution
// starts, every mock must name a Task state (or an activity a Task runs) of the machine, and a
// mock standing in for an activity with an output schema must return what that schema accepts,
// since the activity itself could never return anything else. Every problem is listed at once.
// Function mocks answer only at run time: their result is checked then, and a refused one fails
// the execution with States.Runtime, which no Retry or Catch can hide.
import { type AnyActivity, describeIssues, type JsonValue } from '@sfini/core';
import type { CompiledGraph, CompiledState } from '../compile/model.js';
import type { MockResponse, StateMock } from '../types.js';
import { toJson } from '../values/json.js';
import { classifyResource } from './resources.js';

/**
 * The mocks of a run name states or activities the machine does not have, or return what an activity cannot.
 * @example
 * ```ts
 * const definition = { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: chargeArn, End: true } } };
 * await runExecution(definition, {}, { mocks: { Chrage: { return: {} } } });
 * // rejects with MockSetupError; error.unknownStates is ['Chrage']
 * ```
 */
export class MockSetupError extends Error {
  override readonly name = 'MockSetupError';
  /**
   * @param unknownStates keys of `mocks` that name no Task state of the machine.
   * @param unknownActivities keys of `activityMocks` that name no activity a Task of the machine runs.
   * @param refusedReturns one line per mock response an activity's output schema refuses.
   * @param taskStates the machine's Task states, listed in the message as the names to use.
   */
  constructor(
    /** Keys of `mocks` that name no Task state of the machine. */
    readonly unknownStates: readonly string[],
    /** Keys of `activityMocks` that name no activity a Task of the machine runs. */
    readonly unknownActivities: readonly string[],
    /** One line per mock response an activity's output schema refuses. */
    readonly refusedReturns: readonly string[],
    taskStates: readonly string[],
  ) {
    const parts: string[] = [];
    if (unknownStates.length > 0) {
      const known = taskStates.length > 0 ? taskStates.map((n) => `'${n}'`).join(', ') : 'none';
      parts.push(
        `mocks name no Task state of the machine: ${unknownStates.map((n) => `'${n}'`).join(', ')} (its Task states: ${known})`,
      );
    }
    if (unknownActivities.length > 0) {
      parts.push(
        `activityMocks name no activity the machine runs: ${unknownActivities.map((n) => `'${n}'`).join(', ')}`,
      );
    }
    parts.push(...refusedReturns);
    super(parts.join('; '));
  }
}

/**
 * The Task states of a graph and of its branches and item processors, each name with every
 * activity a Task of that name runs (undefined for a Task running no activity): names may repeat
 * across branches, and a mock of that name answers each of them.
 */
type TaskActivities = Map<string, Set<string | undefined>>;

function collectTasks(graph: CompiledGraph, into: TaskActivities): void {
  for (const state of graph.states.values()) collectState(state, into);
}

function collectState(state: CompiledState, into: TaskActivities): void {
  if (state.type === 'Task') {
    const kind = classifyResource(state.resource);
    let activities = into.get(state.name);
    if (activities === undefined) {
      activities = new Set();
      into.set(state.name, activities);
    }
    activities.add(kind.kind === 'activity' ? kind.name : undefined);
  } else if (state.type === 'Parallel') {
    for (const branch of state.branches) collectTasks(branch, into);
  } else if (state.type === 'Map') {
    collectTasks(state.processor, into);
  }
}

function responsesOf(mock: StateMock): readonly MockResponse[] {
  if (typeof mock === 'function') return [];
  return Array.isArray(mock) ? (mock as readonly MockResponse[]) : [mock as MockResponse];
}

/**
 * Checks the mocks of a run against the machine before it starts. `graphs` are the machine's and
 * those of the child machines it may start, which run with the same mocks.
 * @throws MockSetupError listing every unknown state or activity and every refused return value.
 */
export function checkMocks(
  graphs: readonly CompiledGraph[],
  mocks: Readonly<Record<string, StateMock>>,
  activityMocks: Readonly<Record<string, StateMock>>,
  activities: ReadonlyMap<string, AnyActivity>,
): void {
  const tasks: TaskActivities = new Map();
  for (const graph of graphs) collectTasks(graph, tasks);
  const runActivities = new Set<string>();
  for (const names of tasks.values())
    for (const name of names) if (name !== undefined) runActivities.add(name);
  const unknownStates = Object.keys(mocks).filter((name) => !tasks.has(name));
  const unknownActivities = Object.keys(activityMocks).filter((name) => !runActivities.has(name));
  const refused: string[] = [];
  const checkAll = (what: string, mock: StateMock, activityName: string | undefined) => {
    if (activityName === undefined) return;
    const responses = responsesOf(mock);
    responses.forEach((response, index) => {
      if (!('return' in response)) return;
      const checked = mockResultFor(activities.get(activityName), response.return);
      if (checked.ok) return;
      const why = checked.refused;
      const which = Array.isArray(mock) ? `response ${index} of ${what}` : what;
      refused.push(`${which} returns what the output schema of activity '${activityName}' refuses: ${why}`);
    });
  };
  for (const [name, mock] of Object.entries(mocks)) {
    for (const activityName of tasks.get(name) ?? [])
      checkAll(`the mock of state '${name}'`, mock, activityName);
  }
  for (const [name, mock] of Object.entries(activityMocks)) {
    if (runActivities.has(name)) checkAll(`the mock of activity '${name}'`, mock, name);
  }
  if (unknownStates.length > 0 || unknownActivities.length > 0 || refused.length > 0) {
    throw new MockSetupError(unknownStates, unknownActivities, refused, [...tasks.keys()]);
  }
}

/** A mock result checked against an activity's output schema. */
export type CheckedMockResult = { ok: true; value: JsonValue } | { ok: false; refused: string };

/**
 * A mock's result as the activity it stands in for would return it: parsed by the activity's
 * output schema (defaults applied), as JSON; or why the schema refuses it.
 */
export function mockResultFor(activity: AnyActivity | undefined, value: JsonValue): CheckedMockResult {
  const schema = activity?.outputSchema;
  if (!schema) return { ok: true, value };
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, value: toJson(parsed.data) }
    : { ok: false, refused: describeIssues(parsed.error) };
}
