// How often a worker heartbeats. GetActivityTask does not say what HeartbeatSeconds the Task
// set, so a worker cannot learn it from the task itself: it takes the interval it is given,
// else a third of the activity's declared heartbeatSeconds, else a default short enough for
// the heartbeat limits people set in practice. A heartbeat is only sent once a handler has run
// for a whole interval, so quick tasks never send one, and a long task sends one call per
// interval, which keeps even hundreds of long tasks well inside Step Functions' API throttling.
// A program that knows the machine (the CLI does) can read the smallest HeartbeatSeconds of the
// Tasks running an activity with heartbeatIntervalFor and leave nothing to the default.
import { type AnyActivity, parseStatesArn, type StateMachineLike } from '@sfini/core';

/**
 * Milliseconds between heartbeats when neither the worker's `heartbeatIntervalMs` nor the
 * activity's `heartbeatSeconds` says: often enough for any Task `HeartbeatSeconds` of 10 or
 * more, and only for handlers that run longer than this.
 */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 5_000;

/**
 * The interval a worker heartbeats at: `intervalMs` when given (0 turns heartbeats off), else
 * a third of the activity's `heartbeatSeconds`, else {@link DEFAULT_HEARTBEAT_INTERVAL_MS}.
 * @param activity the activity the worker runs (its `heartbeatSeconds`, if declared).
 * @param intervalMs the interval asked for, in milliseconds; 0 for none.
 * @returns milliseconds, or undefined for no heartbeat timer.
 * @throws RangeError when `intervalMs` is negative or not a finite number.
 * @example
 * ```ts
 * heartbeatInterval(resize); // resize declares heartbeatSeconds: 30, so 10_000
 * heartbeatInterval(resize, 0); // undefined: no heartbeats
 * ```
 */
export function heartbeatInterval(activity: AnyActivity, intervalMs?: number): number | undefined {
  if (intervalMs !== undefined) {
    if (!Number.isFinite(intervalMs) || intervalMs < 0) {
      throw new RangeError(`heartbeatIntervalMs must be a number of milliseconds from 0, got ${intervalMs}`);
    }
    return intervalMs === 0 ? undefined : intervalMs;
  }
  const seconds = activity.heartbeatSeconds;
  return seconds === undefined ? DEFAULT_HEARTBEAT_INTERVAL_MS : (seconds * 1000) / 3;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The smallest static HeartbeatSeconds of the Tasks in `states` (and nested) running `name`. */
function smallestHeartbeat(states: unknown, name: string, depth: number): number | undefined {
  if (!isObject(states) || depth > 64) return undefined;
  let smallest: number | undefined;
  const consider = (seconds: number | undefined) => {
    if (seconds !== undefined && (smallest === undefined || seconds < smallest)) smallest = seconds;
  };
  for (const state of Object.values(states)) {
    if (!isObject(state)) continue;
    if (state.Type === 'Task' && typeof state.Resource === 'string') {
      const arn = parseStatesArn(state.Resource);
      const runsActivity = arn?.resourceType === 'activity' && arn.resource[0] === name;
      if (runsActivity && typeof state.HeartbeatSeconds === 'number' && state.HeartbeatSeconds > 0) {
        consider(state.HeartbeatSeconds);
      }
    }
    for (const branch of Array.isArray(state.Branches) ? state.Branches : []) {
      if (isObject(branch)) consider(smallestHeartbeat(branch.States, name, depth + 1));
    }
    for (const field of ['ItemProcessor', 'Iterator']) {
      const processor = state[field];
      if (isObject(processor)) consider(smallestHeartbeat(processor.States, name, depth + 1));
    }
  }
  return smallest;
}

/**
 * The heartbeat interval a worker for `activity` needs to keep every Task of `machine` that
 * runs it alive: a third of the smallest HeartbeatSeconds among those Tasks and the activity's
 * own `heartbeatSeconds`. Undefined when none sets one (the worker's default then applies).
 * @param machine the machine whose definition's Tasks are read (nested branches and Maps too).
 * @param activity the activity the worker runs.
 * @example
 * session.worker(resize, { heartbeatIntervalMs: heartbeatIntervalFor(thumbnails, resize) });
 */
export function heartbeatIntervalFor(
  machine: Pick<StateMachineLike, 'toDefinition'>,
  activity: AnyActivity,
): number | undefined {
  const definition: unknown = machine.toDefinition();
  const fromTasks = isObject(definition) ? smallestHeartbeat(definition.States, activity.name, 0) : undefined;
  const declared = activity.heartbeatSeconds;
  const seconds =
    fromTasks === undefined ? declared : declared === undefined ? fromTasks : Math.min(fromTasks, declared);
  return seconds === undefined ? undefined : (seconds * 1000) / 3;
}
