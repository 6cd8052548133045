// How Task states reach workers: the endpoint gives the engine a task resolver that claims
// every activity resource. A registered activity's task is queued for GetActivityTask pollers;
// an activity the endpoint does not know is refused before it is scheduled, failing the execution
// with States.Runtime and the cause AWS gives ("The activity ... does not exist."), which no Retry
// or Catch can intercept, and no activity events, as on AWS.
// Every other resource (Lambda, service integrations), and any Task state the endpoint was
// given a mock for, is left to the engine's own means.
import { parseStatesArn } from '@sfini/core';
import { TaskFailedError, TaskNotScheduledError } from '../engine/errors.js';
import { NOT_HANDLED, type TaskResolver } from '../engine/types.js';
import type { EndpointState } from './state.js';
import { type ActivityTaskBroker, WorkerReportedFailure } from './task-broker.js';

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
      throw new TaskNotScheduledError(`The activity ${request.resource} does not exist.`);
    }
    return broker.schedule(request.resource, request).catch((error: unknown) => {
      if (error instanceof WorkerReportedFailure) {
        throw new TaskFailedError(error.failure.error ?? '', error.failure.cause);
      }
      throw error;
    });
  };
}
