// What a command may use: the program's machine and activities, the streams it writes to, and
// a session built from the command line's --endpoint, --region and --account-id on first use (so `--help`
// and `definition` never touch the network or need credentials).
import type { AnyStateMachine } from '@sfini/core';
import type { ActivitySource } from '../activities.js';
import type { StateMachineType } from '../express-execution.js';
import type { StateMachineLogging, StateMachineOptions, StateMachineTracing } from '../machine-config.js';
import { Session, type SessionOptions } from '../session.js';
import { StateMachineHandle } from '../state-machine.js';
import { type FlagValues, stringFlag } from './parse.js';

/** Where the CLI reads and writes, and what stops its long-running commands. */
export interface CliStreams {
  /** Where results go (the output of `start --wait`, `definition`, `executions`, ...). */
  stdout: {
    /** Writes `text` as it is (lines end with a newline). */
    write(text: string): unknown;
  };
  /** Where errors, progress and worker notes go. */
  stderr: {
    /** Writes `text` as it is (lines end with a newline). */
    write(text: string): unknown;
  };
  /** Read by `start -`. */
  stdin?: AsyncIterable<unknown>;
  /** Environment for defaults (SFINI_ENDPOINT, AWS_REGION); defaults to `process.env`. */
  env?: Record<string, string | undefined>;
  /** Stops `worker`, `local` and `start --wait`; defaults to SIGINT or SIGTERM. */
  signal?: AbortSignal;
}

/** What `cli()` is built from. */
export interface CliOptions<M extends AnyStateMachine = AnyStateMachine> {
  /** The machine the commands act on. */
  stateMachine: M;
  /** The activities registered, deregistered and worked; default: the machine's activities. */
  activities?: ActivitySource;
  /** The IAM role for `register` on AWS (overridable with --role-arn). */
  roleArn?: string;
  /** Printed by --version. */
  version?: string;
  /** STANDARD (default) or EXPRESS (overridable with register --type). */
  type?: 'STANDARD' | 'EXPRESS';
  /** Tags set on the machine at registration. */
  tags?: Record<string, string>;
  /** CloudWatch Logs logging set at registration (overridable with register --log-level ...). */
  logging?: StateMachineLogging;
  /** X-Ray tracing set at registration (overridable with register --tracing / --no-tracing). */
  tracing?: StateMachineTracing;
  /** The program name shown in help; default: the script's file name. */
  program?: string;
  /** Connection settings; --endpoint and --region override them. */
  session?: SessionOptions;
}

/** Per-run state shared by the commands. */
export class CliContext {
  readonly #options: CliOptions;
  readonly #values: FlagValues;
  #session: Session | undefined;
  #stop: AbortSignal | undefined;
  #onSignal: ((name: NodeJS.Signals) => void) | undefined;

  constructor(
    options: CliOptions,
    readonly io: CliStreams,
    values: FlagValues,
  ) {
    this.#options = options;
    this.#values = values;
  }

  /** The session, created on first use from flags, then options, then the environment. */
  session(): Session {
    if (this.#session) return this.#session;
    const endpoint = stringFlag(this.#values, 'endpoint');
    const region = stringFlag(this.#values, 'region');
    const accountId = stringFlag(this.#values, 'account-id');
    this.#session = new Session({
      ...this.#options.session,
      ...(endpoint ? { endpoint } : {}),
      ...(region ? { region } : {}),
      ...(accountId ? { accountId } : {}),
      ...(this.io.env ? { env: this.io.env } : {}),
    });
    return this.#session;
  }

  /** A handle on the machine with the CLI's role, type and tags, overridden by `overrides`. */
  handle(
    session: Session,
    overrides: StateMachineOptions = {},
  ): StateMachineHandle<AnyStateMachine, StateMachineType> {
    const o = this.#options;
    return new StateMachineHandle<AnyStateMachine, StateMachineType>(session, o.stateMachine, {
      ...(o.roleArn ? { roleArn: o.roleArn } : {}),
      ...(o.type ? { type: o.type } : {}),
      ...(o.tags ? { tags: o.tags } : {}),
      ...(o.logging ? { logging: o.logging } : {}),
      ...(o.tracing !== undefined ? { tracing: o.tracing } : {}),
      ...overrides,
    });
  }

  /** The machine the commands act on. */
  machine(): AnyStateMachine {
    return this.#options.stateMachine;
  }

  /** The activities the program owns. */
  activities(): ActivitySource {
    return this.#options.activities ?? this.#options.stateMachine.activities;
  }

  /** Aborts on the caller's signal, else on the first SIGINT or SIGTERM. */
  stopSignal(): AbortSignal {
    if (this.io.signal) return this.io.signal;
    if (this.#stop) return this.#stop;
    const controller = new AbortController();
    this.#onSignal = (name: NodeJS.Signals) => {
      this.#removeSignalHandlers();
      controller.abort(new Error(`received ${name}`));
    };
    process.on('SIGINT', this.#onSignal);
    process.on('SIGTERM', this.#onSignal);
    this.#stop = controller.signal;
    return this.#stop;
  }

  #removeSignalHandlers(): void {
    if (!this.#onSignal) return;
    process.off('SIGINT', this.#onSignal);
    process.off('SIGTERM', this.#onSignal);
    this.#onSignal = undefined;
  }

  /** Releases the session's sockets and signal handlers. */
  close(): void {
    this.#removeSignalHandlers();
    this.#session?.destroy();
  }
}
