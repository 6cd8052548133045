// The history a Task records depends on what its Resource names: Activity*, LambdaFunction* or,
// for service integrations, Task* events (ActivityScheduled, LambdaFunctionFailed, TaskSucceeded,
// ...). The event names and their details fields follow one pattern, so one method records each
// outcome for all three kinds; service integrations add their resourceType and resource.
import type { JsonValue } from '@sfini/core';
import { InputDetails, OutputDetails } from '../history/details.js';
import type { Thread } from '../run/runtime.js';
import { stringify } from '../values/json.js';
import type { ResourceKind } from './resources.js';

const PREFIX: Readonly<Record<ResourceKind['kind'], string>> = {
  activity: 'Activity',
  lambda: 'LambdaFunction',
  service: 'Task',
};

type Outcome = 'Scheduled' | 'Started' | 'Submitted' | 'Succeeded' | 'Failed' | 'TimedOut';

/** Records a Task's own events on its thread. */
export class TaskEvents {
  readonly #service: Readonly<Record<string, string>>;

  constructor(
    readonly thread: Thread,
    readonly kind: ResourceKind,
  ) {
    this.#service = kind.kind === 'service' ? { resourceType: kind.service, resource: kind.action } : {};
  }

  #record(outcome: Outcome, details?: object): void {
    const type = PREFIX[this.kind.kind] + outcome;
    if (details === undefined) {
      this.thread.event(type);
      return;
    }
    this.thread.event(type, `${type[0]!.toLowerCase()}${type.slice(1)}EventDetails`, details);
  }

  scheduled(
    input: JsonValue,
    timeoutSeconds: number | undefined,
    heartbeatSeconds: number | undefined,
  ): void {
    const timing: Record<string, number> = {};
    if (timeoutSeconds !== undefined) timing.timeoutInSeconds = timeoutSeconds;
    if (heartbeatSeconds !== undefined && this.kind.kind !== 'lambda')
      timing.heartbeatInSeconds = heartbeatSeconds;
    if (this.kind.kind === 'service') {
      this.#record('Scheduled', {
        ...this.#service,
        region: this.thread.runtime.region,
        parameters: stringify(input),
        ...timing,
      });
      return;
    }
    this.#record('Scheduled', new InputDetails(input, { resource: this.kind.arn, ...timing }));
  }

  started(workerName?: string): void {
    if (this.kind.kind === 'lambda') this.#record('Started');
    else if (this.kind.kind === 'service') this.#record('Started', this.#service);
    else this.#record('Started', workerName === undefined ? {} : { workerName });
  }

  /**
   * A `.waitForTaskToken` integration was started and the Task now waits for its token; `output`
   * is the service's response to the start, when there is one.
   */
  submitted(output: JsonValue | undefined): void {
    this.#record(
      'Submitted',
      output === undefined ? this.#service : new OutputDetails(output, this.#service),
    );
  }

  succeeded(output: JsonValue): void {
    this.#record('Succeeded', new OutputDetails(output, this.#service));
  }

  failed(error: string, cause: string | undefined): void {
    this.#record('Failed', this.#failure(error, cause));
  }

  timedOut(error: string, cause: string | undefined): void {
    this.#record('TimedOut', this.#failure(error, cause));
  }

  #failure(error: string, cause: string | undefined): Record<string, string> {
    const details: Record<string, string> = { ...this.#service, error };
    if (cause !== undefined) details.cause = cause;
    return details;
  }
}
