// A handle ties a machine definition (DSL-built or imported) to its deployment: the name, type,
// role and tags it is registered with, and the ARN Step Functions gave it. Registration emits
// the definition with the activity ARNs CreateActivity returned, so the ASL always names the
// activities that exist, in the account and partition they exist in. Execution input is
// checked against the machine's schema before it leaves the process, naming the bad field.
// The handle carries the machine's type (STANDARD or EXPRESS) as a type parameter, so what
// `start()` returns offers `wait()` and the history only where AWS keeps them.
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeStateMachineCommand,
  type DescribeStateMachineCommandOutput,
  type ExecutionListItem,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  TagResourceCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import {
  type AnyStateMachine,
  activityArn,
  assertResourceName,
  type MachineInput,
  type MachineOutput,
  parseMachineInput,
  parseStatesArn,
  toJsonValue,
} from '@sfini/core';
import { Backoff, sleep } from './backoff.js';
import { assertPayloadSize, awsErrorName, NotRegisteredError } from './errors.js';
import { Execution, resultOf } from './execution.js';
import { generateExecutionName } from './execution-name.js';
import {
  ExpressExecution,
  type StartedExecution,
  type StateMachineType,
  SyncExecution,
} from './express-execution.js';
import { type AliasOptions, pointAlias } from './machine-aliases.js';
import {
  assertAliasName,
  type ListExecutionsOptions,
  MachineConfigError,
  type MachineConfiguration,
  machineConfiguration,
  type RegisterOptions,
  type StartOptions,
  type StateMachineOptions,
} from './machine-config.js';
import type { Session } from './session.js';

/** The AWS partition a region belongs to: `aws-cn` for China, `aws-us-gov` for GovCloud, else `aws`. */
function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The role ARN used on the local endpoint when none is given; the endpoint accepts any. */
export const LOCAL_ROLE_ARN = 'arn:aws:iam::123456789012:role/sfini-local';

/**
 * A state machine as deployed (or to be deployed) through a session: `M` is the machine, `T` its
 * type (STANDARD, EXPRESS, or both when only known at run time).
 */
export class StateMachineHandle<M extends AnyStateMachine, T extends StateMachineType = 'STANDARD'> {
  readonly machine: M;
  readonly name: string;
  readonly type: T;
  readonly #session: Session;
  readonly #options: StateMachineOptions<T>;
  #arn: string | undefined;
  #versionArn: string | undefined;

  /** @throws InvalidNameError for a machine name AWS refuses. */
  constructor(session: Session, machine: M, options: StateMachineOptions<T> = {}) {
    assertResourceName('state machine', machine.name);
    this.#session = session;
    this.machine = machine;
    this.name = machine.name;
    this.type = (options.type ?? 'STANDARD') as T;
    this.#options = options;
  }

  /** The ARN, once registered or looked up. */
  get arn(): string | undefined {
    return this.#arn;
  }

  /** The ARN of the version the last `register()` published (with `publish: true`). */
  get versionArn(): string | undefined {
    return this.#versionArn;
  }

  /** True for an EXPRESS machine; narrows the handle so `startSync()` may be called. */
  isExpress(): this is StateMachineHandle<M, 'EXPRESS'> {
    return this.type === 'EXPRESS';
  }

  /**
   * The ASL definition with activity ARNs: those given, else those the session knows, else
   * built from the session's region (and its partition) and account (placeholder when unknown).
   */
  definition(
    activityArns: ReadonlyMap<string, string> = this.#session.activities.knownArns,
  ): Record<string, unknown> {
    const first = activityArns.values().next().value;
    const parsed = first ? parseStatesArn(first) : undefined;
    const region = parsed?.region ?? this.#session.region;
    const scope = {
      region,
      partition: parsed?.partition ?? partitionOf(region),
      ...((parsed?.accountId ?? this.#session.accountId)
        ? { accountId: parsed?.accountId ?? this.#session.accountId }
        : {}),
    };
    return this.machine.toDefinition({
      ...scope,
      activityArn: (activity) => activityArns.get(activity.name) ?? activityArn(activity.name, scope),
    });
  }

  #roleArn(): string {
    if (this.#options.roleArn) return this.#options.roleArn;
    if (this.#session.isLocal) return LOCAL_ROLE_ARN;
    throw new Error(
      `state machine '${this.name}' needs a role ARN to register on AWS: pass roleArn (an IAM role ` +
        'that Step Functions can assume, e.g. arn:aws:iam::<account>:role/<name>)',
    );
  }

  /**
   * Registers the machine: registers its activities (unless `activities: false`), then creates
   * the machine, or updates its definition, role, and the logging and tracing given, when it
   * already exists. With `publish`, also publishes a version ({@link versionArn}).
   * @returns the machine's ARN.
   * @throws when the role ARN is missing on AWS, the definition is invalid, the machine exists
   * with another type, or logging is misconfigured (MachineConfigError, before any call).
   */
  async register(options: RegisterOptions = {}): Promise<string> {
    const roleArn = this.#roleArn();
    const config = machineConfiguration(this.name, this.#options);
    const activities = this.machine.activities;
    const names = activities.map((a) => a.name);
    const arns =
      options.activities === false
        ? await this.#session.activities.lookup(names)
        : await this.#session.activities.register(activities);
    for (const name of names) if (!arns.has(name)) throw new NotRegisteredError('activity', name);
    const definition = JSON.stringify(this.definition(arns));
    const tags = Object.entries(this.#options.tags ?? {}).map(([key, value]) => ({ key, value }));
    const { arn, versionArn } = await this.#createOrUpdate(definition, roleArn, tags, config);
    this.#arn = arn;
    this.#versionArn = versionArn;
    this.#session.learnFromArn(arn);
    return arn;
  }

  async #createOrUpdate(
    definition: string,
    roleArn: string,
    tags: { key: string; value: string }[],
    config: MachineConfiguration,
  ): Promise<{ arn: string; versionArn: string | undefined }> {
    const client = this.#session.client;
    const deleting = new Backoff({ initialMs: 500, maxMs: 5000 });
    for (;;) {
      try {
        const created = await client.send(
          new CreateStateMachineCommand({
            name: this.name,
            definition,
            roleArn,
            type: this.type,
            ...config,
            ...(tags.length > 0 ? { tags } : {}),
          }),
        );
        return { arn: created.stateMachineArn!, versionArn: created.stateMachineVersionArn };
      } catch (error) {
        const name = awsErrorName(error);
        // A machine being deleted frees its name only when the deletion completes.
        if (name === 'StateMachineDeleting' && deleting.attempt < 12) {
          await sleep(deleting.next());
          continue;
        }
        if (name !== 'StateMachineAlreadyExists') throw error;
      }
      const arn = await this.resolveArn();
      const existing = await this.describe();
      if (existing.type && existing.type !== this.type) {
        throw new Error(
          `state machine '${this.name}' exists as ${existing.type}; its type cannot change to ${this.type}. ` +
            'Deregister it first.',
        );
      }
      const updated = await client.send(
        new UpdateStateMachineCommand({ stateMachineArn: arn, definition, roleArn, ...config }),
      );
      if (tags.length > 0) await client.send(new TagResourceCommand({ resourceArn: arn, tags }));
      return { arn, versionArn: updated.stateMachineVersionArn };
    }
  }

  /**
   * Creates alias `name`, or moves it, to point at a published version (AWS only): by default the
   * version the last `register()` published. Executions started with `{ alias: name }` then run
   * that version, whatever is registered later.
   * @returns the alias ARN (`<machine ARN>:<name>`).
   * @throws MachineConfigError for a bad alias name, or when no version is given or published.
   */
  async alias(name: string, options: AliasOptions = {}): Promise<string> {
    assertAliasName(this.name, name);
    const versionArn = options.versionArn ?? this.#versionArn;
    if (!versionArn) {
      throw new MachineConfigError(
        `alias '${name}' of state machine '${this.name}' needs a version: register with publish: true ` +
          'first, or pass versionArn',
      );
    }
    return pointAlias(this.#session, await this.resolveArn(), name, versionArn, options.description);
  }

  /**
   * The machine's ARN: known from registration, else found by exact name.
   * @throws NotRegisteredError when no machine has this name.
   */
  async resolveArn(): Promise<string> {
    if (this.#arn) return this.#arn;
    let nextToken: string | undefined;
    do {
      const page = await this.#session.client.send(
        new ListStateMachinesCommand({ maxResults: 1000, nextToken }),
      );
      const found = page.stateMachines?.find((item) => item.name === this.name);
      if (found?.stateMachineArn) {
        this.#arn = found.stateMachineArn;
        this.#session.learnFromArn(found.stateMachineArn);
        return found.stateMachineArn;
      }
      nextToken = page.nextToken;
    } while (nextToken);
    throw new NotRegisteredError('state machine', this.name);
  }

  /** Step Functions' description of the machine (definition, role, type, status, ...). */
  async describe(): Promise<DescribeStateMachineCommandOutput> {
    const stateMachineArn = await this.resolveArn();
    return this.#session.client.send(new DescribeStateMachineCommand({ stateMachineArn }));
  }

  /** The machine's executions, newest first, page by page. */
  async *executions(options: ListExecutionsOptions = {}): AsyncGenerator<ExecutionListItem, void, undefined> {
    const stateMachineArn = await this.resolveArn();
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    let nextToken: string | undefined;
    while (remaining > 0) {
      const page = await this.#session.client.send(
        new ListExecutionsCommand({
          stateMachineArn,
          maxResults: Math.min(1000, remaining),
          nextToken,
          ...(options.status ? { statusFilter: options.status } : {}),
        }),
      );
      for (const item of page.executions ?? []) {
        if (remaining-- <= 0) return;
        yield item;
      }
      nextToken = page.nextToken;
      if (!nextToken) return;
    }
  }

  /** The machine's executions as an array (see {@link executions}). */
  async listExecutions(options: ListExecutionsOptions = {}): Promise<ExecutionListItem[]> {
    const items: ExecutionListItem[] = [];
    for await (const item of this.executions(options)) items.push(item);
    return items;
  }

  /** The ARN to start: the machine's, or that of the alias or version asked for. */
  async #startTarget(options: StartOptions): Promise<string> {
    if (options.alias !== undefined && options.version !== undefined) {
      throw new MachineConfigError(`start state machine '${this.name}' by alias or by version, not both`);
    }
    const arn = await this.resolveArn();
    if (options.alias !== undefined) {
      assertAliasName(this.name, options.alias);
      return `${arn}:${options.alias}`;
    }
    if (options.version !== undefined) {
      if (!Number.isInteger(options.version) || options.version < 1) {
        throw new MachineConfigError(
          `version of state machine '${this.name}' must be a whole number from 1, got ${options.version}`,
        );
      }
      return `${arn}:${options.version}`;
    }
    return arn;
  }

  /** The fields StartExecution and StartSyncExecution share, the input validated first. */
  async #startRequest(input: unknown, options: StartOptions) {
    const value = parseMachineInput({ name: this.name, inputSchema: this.machine.inputSchema }, input);
    const json = JSON.stringify(toJsonValue(value));
    assertPayloadSize(`input of state machine '${this.name}'`, json);
    return {
      stateMachineArn: await this.#startTarget(options),
      name: options.name ?? generateExecutionName(this.name),
      input: json,
      ...(options.traceHeader ? { traceHeader: options.traceHeader } : {}),
    };
  }

  /**
   * Starts an execution with `input`, validated by the machine's input schema first. A STANDARD
   * machine gives an {@link Execution} to wait for; an EXPRESS one an {@link ExpressExecution}
   * (AWS keeps no record of it to wait for: use {@link startSync} for its result).
   * @throws ExecutionInputError naming every invalid field; PayloadTooLargeError above 256 KiB.
   */
  async start(
    input: MachineInput<M>,
    options: StartOptions = {},
  ): Promise<StartedExecution<T, MachineOutput<M>>> {
    const request = await this.#startRequest(input, options);
    const out = await this.#session.client.send(new StartExecutionCommand(request));
    const execution =
      this.type === 'EXPRESS'
        ? new ExpressExecution(out.executionArn!, out.startDate)
        : new Execution<MachineOutput<M>>(this.#session, out.executionArn!);
    return execution as StartedExecution<T, MachineOutput<M>>;
  }

  /**
   * Runs an EXPRESS machine synchronously (StartSyncExecution, at most 5 minutes) and returns
   * the finished execution, its `result` and `output` set. Callable on EXPRESS handles only
   * (narrow one typed at run time with {@link isExpress}).
   * @throws ExecutionInputError naming every invalid field; an Error for a STANDARD machine.
   */
  async startSync(
    this: StateMachineHandle<M, 'EXPRESS'>,
    input: MachineInput<M>,
    options: StartOptions = {},
  ): Promise<SyncExecution<MachineOutput<M>>> {
    if (this.type !== 'EXPRESS') {
      throw new Error(
        `state machine '${this.name}' is ${String(this.type)}; only EXPRESS machines start synchronously`,
      );
    }
    const request = await this.#startRequest(input, options);
    const out = await this.#session.client.send(new StartSyncExecutionCommand(request));
    const result = resultOf<MachineOutput<M>>(out);
    if (!result)
      throw new Error(`StartSyncExecution answered status ${String(out.status)} for ${out.executionArn}`);
    return new SyncExecution(out.executionArn!, result);
  }

  /**
   * Deletes the machine (and, with `activities: true`, the activities its Tasks run).
   * @returns false when the machine did not exist.
   */
  async deregister(options: { activities?: boolean } = {}): Promise<boolean> {
    let existed = true;
    try {
      const stateMachineArn = await this.resolveArn();
      await this.#session.client.send(new DeleteStateMachineCommand({ stateMachineArn }));
    } catch (error) {
      if (!(error instanceof NotRegisteredError) && awsErrorName(error) !== 'StateMachineDoesNotExist')
        throw error;
      existed = false;
    }
    this.#arn = undefined;
    if (options.activities) await this.#session.activities.deregister(this.machine.activities);
    return existed;
  }
}
