// An in-memory stand-in for SFNClient.send, for unit tests of the runtime's own logic (retry,
// reporting, shutdown) without a server. It models just enough of Step Functions: activities,
// state machines by name, and a task queue that long polls wait on and that honour abort
// signals. End-to-end behaviour is tested against the real local endpoint instead.
import type { SFNClient } from '@aws-sdk/client-sfn';

export interface SentCommand {
  name: string;
  input: Record<string, any>;
}

export interface FakeTask {
  token: string;
  input: string;
}

type Handler = (input: Record<string, any>, signal?: AbortSignal) => Promise<unknown> | unknown;

/** An AWS-shaped modeled error, as the SDK throws it. */
export function awsError(name: string, status = 400, message = name): Error {
  const error = new Error(message) as Error & { $metadata: object; $fault: string };
  error.name = name;
  error.$metadata = { httpStatusCode: status };
  error.$fault = status >= 500 ? 'server' : 'client';
  return error;
}

export class FakeSfn {
  readonly sent: SentCommand[] = [];
  readonly activities = new Map<string, string>();
  readonly machines = new Map<string, { arn: string; definition: string; type: string; roleArn: string }>();
  readonly tasks: FakeTask[] = [];
  readonly reports: {
    kind: 'success' | 'failure';
    token: string;
    output?: string;
    error?: string;
    cause?: string;
  }[] = [];
  /** Errors thrown by the next calls of an operation, in order. */
  readonly failNext = new Map<string, Error[]>();
  readonly overrides = new Map<string, Handler>();
  #waiters: (() => void)[] = [];
  #taskSerial = 0;
  #versions = 0;

  /** A version ARN for a request that asked to publish one, as AWS answers it. */
  #published(arn: string, input: Record<string, any>): { stateMachineVersionArn?: string } {
    return input.publish ? { stateMachineVersionArn: `${arn}:${++this.#versions}` } : {};
  }

  get client(): SFNClient {
    return {
      send: (command: any, options?: { abortSignal?: AbortSignal }) => this.send(command, options),
    } as any;
  }

  count(name: string): number {
    return this.sent.filter((c) => c.name === name).length;
  }

  enqueue(input: unknown): string {
    const token = `token-${++this.#taskSerial}`;
    this.tasks.push({ token, input: JSON.stringify(input) });
    for (const wake of this.#waiters.splice(0)) wake();
    return token;
  }

  /** Resolves once `n` reports have arrived. */
  async waitForReports(n: number, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.reports.length < n) {
      if (Date.now() > until) throw new Error(`only ${this.reports.length} of ${n} reports arrived`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async send(
    command: { constructor: { name: string }; input: Record<string, any> },
    options?: { abortSignal?: AbortSignal },
  ) {
    const name = command.constructor.name.replace(/Command$/, '');
    this.sent.push({ name, input: command.input });
    const queued = this.failNext.get(name);
    if (queued && queued.length > 0) throw queued.shift();
    const override = this.overrides.get(name);
    if (override) return override(command.input, options?.abortSignal);
    switch (name) {
      case 'CreateActivity': {
        const arn = `arn:aws:states:us-east-1:111122223333:activity:${command.input.name}`;
        this.activities.set(command.input.name, arn);
        return { activityArn: arn, creationDate: new Date() };
      }
      case 'ListActivities':
        return { activities: [...this.activities].map(([n, arn]) => ({ name: n, activityArn: arn })) };
      case 'DeleteActivity': {
        for (const [n, arn] of this.activities)
          if (arn === command.input.activityArn) this.activities.delete(n);
        return {};
      }
      case 'CreateStateMachine': {
        const { name: machineName, definition, type, roleArn } = command.input;
        const existing = this.machines.get(machineName);
        if (existing) {
          if (existing.definition === definition && existing.roleArn === roleArn)
            return { stateMachineArn: existing.arn };
          throw awsError('StateMachineAlreadyExists', 400, `State Machine Already Exists: '${existing.arn}'`);
        }
        const arn = `arn:aws:states:us-east-1:111122223333:stateMachine:${machineName}`;
        this.machines.set(machineName, { arn, definition, type: type ?? 'STANDARD', roleArn });
        return { stateMachineArn: arn, ...this.#published(arn, command.input) };
      }
      case 'ListStateMachines':
        return { stateMachines: [...this.machines].map(([n, m]) => ({ name: n, stateMachineArn: m.arn })) };
      case 'DescribeStateMachine': {
        const found = [...this.machines.values()].find((m) => m.arn === command.input.stateMachineArn);
        if (!found) throw awsError('StateMachineDoesNotExist');
        return { ...found, stateMachineArn: found.arn };
      }
      case 'UpdateStateMachine': {
        const found = [...this.machines.values()].find((m) => m.arn === command.input.stateMachineArn)!;
        found.definition = command.input.definition;
        found.roleArn = command.input.roleArn;
        return { updateDate: new Date(), ...this.#published(found.arn, command.input) };
      }
      case 'DeleteStateMachine': {
        for (const [n, m] of this.machines)
          if (m.arn === command.input.stateMachineArn) this.machines.delete(n);
        return {};
      }
      case 'GetActivityTask':
        return this.#poll(options?.abortSignal);
      case 'SendTaskSuccess':
        this.reports.push({ kind: 'success', token: command.input.taskToken, output: command.input.output });
        return {};
      case 'SendTaskFailure':
        this.reports.push({
          kind: 'failure',
          token: command.input.taskToken,
          error: command.input.error,
          cause: command.input.cause,
        });
        return {};
      case 'SendTaskHeartbeat':
        return {};
      default:
        throw new Error(`FakeSfn does not model ${name}`);
    }
  }

  async #poll(signal: AbortSignal | undefined): Promise<{ taskToken?: string; input?: string }> {
    for (;;) {
      if (signal?.aborted) throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
      const task = this.tasks.shift();
      if (task) return { taskToken: task.token, input: task.input };
      await new Promise<void>((resolve) => {
        const wake = () => {
          signal?.removeEventListener('abort', wake);
          resolve();
        };
        this.#waiters.push(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
  }
}
