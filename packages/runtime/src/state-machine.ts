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
import { assertPayloadSize, awsErrorName, NotRegisteredError, UnexpectedSyncStatusError } from './errors.js';
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
 * type (STANDARD, EXPRESS, or both when only known at run time). Made by
 * `session.stateMachine(machine, options)`.
 * @example
 * ```ts
 * const handle = session.stateMachine(counter, { roleArn, tags: { team: 'data' } });
 * await handle.register();
 * const execution = await handle.start({ increment: 3 });
 * await execution.wait();
 * for (const item of await handle.listExecutions({ status: 'FAILED', limit: 10 })) {
 *   console.log(item.name, item.stopDate);
 * }
 * await handle.deregister({ activities: true });
 * ```
 */
export class StateMachineHandle<M extends AnyStateMachine, T extends StateMachineType = 'STANDARD'> {
  readonly machine: M;
  readonly name: string;
  readonly type: T;
  readonly #session: Session;
  readonly #options: StateMachineOptions<T>;
  #arn: string | undefined;
  #versionArn: string | undefined;

  /**
   * Prefer `session.stateMachine(machine, options)`.
   * @param session the session whose client makes the calls.
   * @param machine the machine, built with `machine()` or imported from ASL.
   * @param options its type, role ARN, tags, logging and tracing.
   * @throws InvalidNameError for a machine name AWS refuses.
   */
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
   * @param activityArns activity names mapped to ARNs; default: those the session knows.
   * @example
   * ```ts
   * await handle.register();
   * console.log(JSON.stringify(handle.definition(), null, 2)); // with the registered ARNs
   * ```
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
    throw new MachineConfigError(
      `state machine '${this.name}' needs a role ARN to register on AWS: pass roleArn (an IAM role ` +
        'that Step Functions can assume, e.g. arn:aws:iam::<account>:role/<name>)',
    );
  }

  /**
   * Registers the machine: registers its activities (unless `activities: false`), then creates
   * the machine, or updates its definition, role, and the logging and tracing given, when it
   * already exists. With `publish`, also publishes a version ({@link versionArn}).
   * @param options `activities: false` to look the activities up instead of creating them.
   * @returns the machine's ARN.
   * @throws MachineConfigError when the role ARN is missing on AWS or logging is misconfigured
   * (before any call), or when the machine exists with another type (before it is updated);
   * NotRegisteredError when `activities: false` and an activity is not registered; the SDK's
   * error (e.g. InvalidDefinition) when Step Functions refuses the definition.
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
        throw new MachineConfigError(
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
   * @param name the alias's name.
   * @param options the version to point at (default: the last published) and a description.
   * @returns the alias ARN (`<machine ARN>:<name>`).
   * @throws MachineConfigError for a bad alias name, or when no version is given or published;
   * EndpointUnsupportedError against the local endpoint, which models no aliases.
   * @example
   * ```ts
   * const handle = session.stateMachine(counter, { roleArn, publish: true });
   * await handle.register(); // publishes a version
   * await handle.alias('prod'); // points 'prod' at it
   * await handle.start({ increment: 3 }, { alias: 'prod' });
   * ```
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

  /**
   * The machine's executions, newest first, page by page.
   * @param options a status to keep, and the most to list.
   * @throws NotRegisteredError when no machine has this name.
   * @example
   * ```ts
   * for await (const item of handle.executions({ status: 'RUNNING' })) console.log(item.executionArn);
   * ```
   */
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

  /**
   * The machine's executions as an array (see {@link executions}).
   * @param options a status to keep, and the most to list.
   * @throws NotRegisteredError when no machine has this name.
   */
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
   * @param input the execution's input, typed by the machine's input schema.
   * @param options an execution name (default: machine_time_random), an alias or version to
   * start, and an X-Ray trace header.
   * @throws ExecutionInputError naming every invalid field; PayloadTooLargeError above 256 KiB;
   * MachineConfigError for both an alias and a version, or a bad one; NotRegisteredError when no
   * machine has this name.
   * @example
   * ```ts
   * const execution = await handle.start({ increment: 3 }, { name: 'nightly-2024-05-01' });
   * ```
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
   * @param input the execution's input, typed by the machine's input schema.
   * @param options an execution name, an alias or version to start, and an X-Ray trace header.
   * @throws ExecutionInputError naming every invalid field; PayloadTooLargeError above 256 KiB;
   * MachineConfigError for a STANDARD machine, both an alias and a version, or a bad one;
   * UnexpectedSyncStatusError when Step Functions answers with a status that is not final.
   * @example
   * ```ts
   * const orders = session.stateMachine(ordersMachine, { type: 'EXPRESS' });
   * const done = await orders.startSync({ orderId: '42' });
   * console.log(done.result.status);
   * ```
   */
  async startSync(
    this: StateMachineHandle<M, 'EXPRESS'>,
    input: MachineInput<M>,
    options: StartOptions = {},
  ): Promise<SyncExecution<MachineOutput<M>>> {
    if (this.type !== 'EXPRESS') {
      throw new MachineConfigError(
        `state machine '${this.name}' is ${String(this.type)}; only EXPRESS machines start synchronously`,
      );
    }
    const request = await this.#startRequest(input, options);
    const out = await this.#session.client.send(new StartSyncExecutionCommand(request));
    const result = resultOf<MachineOutput<M>>(out);
    if (!result) throw new UnexpectedSyncStatusError(String(out.executionArn), out.status);
    return new SyncExecution(out.executionArn!, result);
  }

  /**
   * Deletes the machine (and, with `activities: true`, the activities its Tasks run).
   * @param options `activities: true` to delete the machine's activities too.
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
