// The history a Task records depends on what its Resource names: ActivityScheduled/Started/...,
// LambdaFunctionScheduled/..., or TaskScheduled/... for service integrations, each with the
// details AWS puts there.
import type { JsonValue } from '@sfini/core';
import { InputDetails, OutputDetails } from '../history/details.js';
import type { Thread } from '../run/runtime.js';
import { stringify } from '../values/json.js';
import type { ResourceKind } from './resources.js';

/** Records a Task's own events on its thread. */
export class TaskEvents {
  constructor(
    readonly thread: Thread,
    readonly kind: ResourceKind,
  ) {}

  #service(): { resourceType: string; resource: string } {
    const kind = this.kind as Extract<ResourceKind, { kind: 'service' }>;
    return { resourceType: kind.service, resource: kind.action };
  }

  scheduled(
    input: JsonValue,
    timeoutSeconds: number | undefined,
    heartbeatSeconds: number | undefined,
  ): void {
    const timing: Record<string, number> = {};
    if (timeoutSeconds !== undefined) timing.timeoutInSeconds = timeoutSeconds;
    if (heartbeatSeconds !== undefined) timing.heartbeatInSeconds = heartbeatSeconds;
    switch (this.kind.kind) {
      case 'activity':
        this.thread.event(
          'ActivityScheduled',
          'activityScheduledEventDetails',
          new InputDetails(input, { resource: this.kind.arn, ...timing }),
        );
        return;
      case 'lambda':
        this.thread.event(
          'LambdaFunctionScheduled',
          'lambdaFunctionScheduledEventDetails',
          new InputDetails(input, {
            resource: this.kind.arn,
            ...(timeoutSeconds === undefined ? {} : { timeoutInSeconds: timeoutSeconds }),
          }),
        );
        return;
      case 'service':
        this.thread.event('TaskScheduled', 'taskScheduledEventDetails', {
          ...this.#service(),
          region: this.thread.runtime.region,
          parameters: stringify(input),
          ...timing,
        });
        return;
    }
  }

  started(workerName?: string): void {
    switch (this.kind.kind) {
      case 'activity':
        this.thread.event(
          'ActivityStarted',
          'activityStartedEventDetails',
          workerName === undefined ? {} : { workerName },
        );
        return;
      case 'lambda':
        this.thread.event('LambdaFunctionStarted');
        return;
      case 'service':
        this.thread.event('TaskStarted', 'taskStartedEventDetails', this.#service());
        return;
    }
  }

  succeeded(output: JsonValue): void {
    switch (this.kind.kind) {
      case 'activity':
        this.thread.event('ActivitySucceeded', 'activitySucceededEventDetails', new OutputDetails(output));
        return;
      case 'lambda':
        this.thread.event(
          'LambdaFunctionSucceeded',
          'lambdaFunctionSucceededEventDetails',
          new OutputDetails(output),
        );
        return;
      case 'service':
        this.thread.event(
          'TaskSucceeded',
          'taskSucceededEventDetails',
          new OutputDetails(output, this.#service()),
        );
        return;
    }
  }

  #failure(error: string, cause: string | undefined): Record<string, string> {
    const details: Record<string, string> = { error };
    if (cause !== undefined) details.cause = cause;
    return details;
  }

  failed(error: string, cause: string | undefined): void {
    const details = this.#failure(error, cause);
    switch (this.kind.kind) {
      case 'activity':
        this.thread.event('ActivityFailed', 'activityFailedEventDetails', details);
        return;
      case 'lambda':
        this.thread.event('LambdaFunctionFailed', 'lambdaFunctionFailedEventDetails', details);
        return;
      case 'service':
        this.thread.event('TaskFailed', 'taskFailedEventDetails', { ...this.#service(), ...details });
        return;
    }
  }

  timedOut(error: string, cause: string | undefined): void {
    const details = this.#failure(error, cause);
    switch (this.kind.kind) {
      case 'activity':
        this.thread.event('ActivityTimedOut', 'activityTimedOutEventDetails', details);
        return;
      case 'lambda':
        this.thread.event('LambdaFunctionTimedOut', 'lambdaFunctionTimedOutEventDetails', details);
        return;
      case 'service':
        this.thread.event('TaskTimedOut', 'taskTimedOutEventDetails', { ...this.#service(), ...details });
        return;
    }
  }
}
