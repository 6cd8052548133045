// A session is the one place that knows where Step Functions lives (AWS or a local endpoint),
// how to reach it (region, credentials, socket limits) and what it has learned (ARNs and the
// account). Everything else (activities, machines, executions, workers) borrows its client, so
// a program configures the connection once and every call, long poll included, obeys it.
import { SFNClient, type SFNClientConfig } from '@aws-sdk/client-sfn';
import { type AnyActivity, type AnyStateMachine, DEFAULT_REGION, parseStatesArn } from '@sfini/core';
import { ActivityDirectory, type ActivitySource } from './activities.js';
import { Execution } from './execution.js';
import type { StateMachineType } from './express-execution.js';
import type { StateMachineOptions } from './machine-config.js';
import { StateMachineHandle } from './state-machine.js';
import { Worker, type WorkerOptions } from './worker.js';

/** Environment variable naming the endpoint, e.g. `http://127.0.0.1:8083` for the local one. */
export const ENDPOINT_ENV = 'SFINI_ENDPOINT';

/**
 * Milliseconds a request may take before the SDK gives up on it. AWS holds a GetActivityTask
 * poll open for up to 60 s, so anything at or below that would cut healthy polls short.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 70_000;

/** How to reach Step Functions. */
export interface SessionOptions {
  /** The region; defaults to `AWS_REGION`, then `AWS_DEFAULT_REGION`, then us-east-1. */
  region?: string;
  /**
   * The endpoint URL; defaults to `SFINI_ENDPOINT`, else AWS's regional endpoint.
   * A loopback endpoint (127.0.0.1, localhost, ::1) is treated as the local endpoint: it gets
   * placeholder credentials when none are configured and accepts any role ARN.
   */
  endpoint?: string;
  /** Credentials or a provider; defaults to the SDK's chain (env, profile, SSO, IMDS, ...). */
  credentials?: SFNClientConfig['credentials'];
  /** Attempts per API call, including the first (the SDK's retry for 5xx and throttling). */
  maxAttempts?: number;
  /** Per-request timeout in milliseconds; keep it above 60 000 for long polls. */
  requestTimeoutMs?: number;
  /** Sockets per host; every concurrent long poll holds one. Default 256. */
  maxSockets?: number;
  /** The account id, when known; saves a lookup when an ARN must be built from a name. */
  accountId?: string;
  /** Use this client instead of creating one (tests, custom middleware). */
  client?: SFNClient;
  /** Environment to read defaults from; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0']);
const LOCAL_CREDENTIALS = { accessKeyId: 'sfini-local', secretAccessKey: 'sfini-local' };

/** True when `endpoint` points at this machine (the local endpoint). */
export function isLoopbackEndpoint(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  try {
    return LOCAL_HOSTS.has(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}

function hasEnvCredentials(env: Record<string, string | undefined>): boolean {
  return Boolean(env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE || env.AWS_WEB_IDENTITY_TOKEN_FILE);
}

/**
 * A connection to Step Functions (AWS or the local endpoint) and the entry point to the runtime.
 * @example
 * const session = new Session({ endpoint: 'http://127.0.0.1:8083' });
 * await session.registerActivities(activities);
 * const machine = session.stateMachine(myMachine, { roleArn });
 * await machine.register();
 * const worker = session.worker(increment).start();
 * const execution = await machine.start({ increment: 3 });
 * await execution.wait();
 * console.log(execution.output);
 * await worker.stop();
 */
export class Session {
  /** The SDK client every call goes through. */
  readonly client: SFNClient;
  readonly region: string;
  /** The endpoint URL, or undefined for AWS's regional endpoint. */
  readonly endpoint: string | undefined;
  /** True when the endpoint is on this machine. */
  readonly isLocal: boolean;
  /** Activity names to ARNs, as registered or looked up. */
  readonly activities: ActivityDirectory;
  #accountId: string | undefined;
  readonly #ownsClient: boolean;

  constructor(options: SessionOptions = {}) {
    const env = options.env ?? process.env;
    this.endpoint = options.endpoint ?? (env[ENDPOINT_ENV] || undefined);
    this.region = options.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || DEFAULT_REGION);
    this.isLocal = isLoopbackEndpoint(this.endpoint);
    this.#accountId = options.accountId;
    this.#ownsClient = options.client === undefined;
    this.client = options.client ?? new SFNClient(this.#clientConfig(options, env));
    this.activities = new ActivityDirectory(this);
  }

  #clientConfig(options: SessionOptions, env: Record<string, string | undefined>): SFNClientConfig {
    const timeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const agent = { keepAlive: true, maxSockets: options.maxSockets ?? 256 };
    const credentials =
      options.credentials ?? (this.isLocal && !hasEnvCredentials(env) ? LOCAL_CREDENTIALS : undefined);
    return {
      region: this.region,
      ...(this.endpoint ? { endpoint: this.endpoint } : {}),
      // StartSyncExecution goes to a `sync-` host on AWS; a local endpoint has no such host.
      ...(this.isLocal ? { disableHostPrefix: true } : {}),
      ...(credentials ? { credentials } : {}),
      ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
      requestHandler: {
        connectionTimeout: 10_000,
        requestTimeout: timeout,
        throwOnRequestTimeout: true,
        httpAgent: agent,
        httpsAgent: agent,
      },
    };
  }

  /** The account id if known: given, or learned from an ARN Step Functions returned. */
  get accountId(): string | undefined {
    return this.#accountId;
  }

  /** Records the account from an ARN Step Functions returned, so later ARNs can be built. */
  learnFromArn(arn: string | undefined): void {
    if (!arn || this.#accountId) return;
    const parsed = parseStatesArn(arn);
    if (parsed) this.#accountId = parsed.accountId;
  }

  /**
   * Registers every activity of a registration (or list), idempotently.
   * @returns activity names mapped to the ARNs Step Functions returned.
   */
  registerActivities(source: ActivitySource): Promise<ReadonlyMap<string, string>> {
    return this.activities.register(source);
  }

  /**
   * Deletes the activities of a registration (or list), and only those; activities that do not
   * exist are skipped. @returns the names deleted.
   */
  deregisterActivities(source: ActivitySource): Promise<string[]> {
    return this.activities.deregister(source);
  }

  /**
   * A handle on `machine` for registering, starting and listing its executions. The `type`
   * given (STANDARD by default) types what `start()` returns.
   * @throws InvalidNameError for a machine name AWS refuses.
   */
  stateMachine<M extends AnyStateMachine, T extends StateMachineType = 'STANDARD'>(
    machine: M,
    options: StateMachineOptions<T> = {},
  ): StateMachineHandle<M, T> {
    return new StateMachineHandle(this, machine, options);
  }

  /**
   * A handle on an existing execution, by ARN. Its output is untyped unless `Output` is given.
   * An EXPRESS execution's ARN gives a handle whose calls throw ExpressExecutionError.
   */
  execution<Output = unknown>(executionArn: string): Execution<Output> {
    return new Execution<Output>(this, executionArn);
  }

  /** A worker for `activity`; call `start()` to begin polling. */
  worker(activity: AnyActivity, options: WorkerOptions = {}): Worker {
    return new Worker(this, activity, options);
  }

  /** Closes the client's sockets when this session created the client. */
  destroy(): void {
    if (this.#ownsClient) this.client.destroy();
  }
}
