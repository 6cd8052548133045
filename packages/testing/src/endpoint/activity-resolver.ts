// How Task states reach workers: the endpoint gives the engine a task resolver that claims
// every activity resource. A registered activity's task is queued for GetActivityTask pollers;
// an activity the endpoint does not know fails the execution with States.Runtime and the cause
// AWS gives ("The activity ... does not exist."), which no Retry or Catch can intercept.
// Every other resource (Lambda, service integrations), and any Task state the endpoint was
// given a mock for, is left to the engine's own means.
import { parseStatesArn } from '@sfini/core';
import { TaskFailedError } from '../engine/errors.js';
import { type HistoryEvent, NOT_HANDLED, type TaskResolver } from '../engine/types.js';
import type { EndpointState } from './state.js';
import { type ActivityTaskBroker, WorkerReportedFailure } from './task-broker.js';

/** The id of the event that entered `stateName` most recently, as AWS cites it in causes. */
function enteredEventId(history: readonly HistoryEvent[] | undefined, stateName: string): number | undefined {
  if (!history) return undefined;
  for (let i = history.length - 1; i >= 0; i--) {
    const event = history[i]!;
    if (event.type.endsWith('StateEntered') && event.stateEnteredEventDetails?.name === stateName)
      return event.id;
  }
  return undefined;
}

/**
 * Builds the resolver the endpoint passes to every execution it starts.
 * @param mockedStates names of Task states the endpoint's `mocks` answer; they skip the workers.
 */
export function activityTaskResolver(
  state: EndpointState,
  broker: ActivityTaskBroker,
  mockedStates: ReadonlySet<string> = new Set(),
): TaskResolver {
  return (request) => {
    if (mockedStates.has(request.stateName)) return NOT_HANDLED;
    const parsed = parseStatesArn(request.resource);
    if (parsed?.resourceType !== 'activity') return NOT_HANDLED;
    if (!state.activities.has(request.resource)) {
      const history = state.executions.get(request.executionArn)?.handle.history;
      const entered = enteredEventId(history, request.stateName);
      const where = `An error occurred while executing the state '${request.stateName}' (entered at the event id #${entered ?? '?'}).`;
      return Promise.reject(
        new TaskFailedError('States.Runtime', `${where} The activity ${request.resource} does not exist.`),
      );
    }
    return broker.schedule(request.resource, request).catch((error: unknown) => {
      if (error instanceof WorkerReportedFailure) {
        throw new TaskFailedError(error.failure.error ?? '', error.failure.cause);
      }
      throw error;
    });
  };
}
