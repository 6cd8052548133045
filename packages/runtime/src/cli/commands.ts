// The CLI's commands, each a thin layer over the session API, so that the command line and a
// program doing the same thing behave alike. Long-running commands (worker, local) stop on
// SIGINT/SIGTERM, or on a caller's AbortSignal, and shut down gracefully. The deployment
// commands (register, deregister) live in deploy-commands.ts.
import { readFile } from 'node:fs/promises';
import { type AnyActivity, DEFAULT_ACCOUNT_ID, taskFailureOf } from '@sfini/core';
import { match } from 'ts-pattern';
import { activitiesOf } from '../activities.js';
import { Execution, type ExecutionResult } from '../execution.js';
import { heartbeatIntervalFor } from '../heartbeat.js';
import { formatHistory } from '../history.js';
import type { Session } from '../session.js';
import type { Worker, WorkerEvent } from '../worker.js';
import type { CliContext } from './context.js';
import { choiceFlag, type FlagValues, integerFlag, stringFlag, UsageError } from './parse.js';

const EXECUTION_STATUSES = [
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
  'PENDING_REDRIVE',
] as const;

/** Writes a line of the command's result to standard output. */
export function print(ctx: CliContext, text: string): void {
  ctx.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function note(ctx: CliContext, text: string): void {
  ctx.io.stderr.write(`${text}\n`);
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

async function readInput(ctx: CliContext, values: FlagValues, file: string | undefined): Promise<unknown> {
  if (file !== undefined && typeof values.input === 'string') {
    throw new UsageError('give the input either as FILE or with --input, not both', 'start');
  }
  let text: string;
  let source: string;
  if (typeof values.input === 'string') {
    text = values.input;
    source = '--input';
  } else if (file === '-') {
    if (!ctx.io.stdin) throw new UsageError('no standard input to read', 'start');
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.io.stdin) chunks.push(Buffer.from(chunk as Buffer));
    text = Buffer.concat(chunks).toString('utf8');
    source = 'standard input';
  } else if (file !== undefined) {
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read input file '${file}': ${(error as Error).message}`, 'start');
    }
    source = `input file '${file}'`;
  } else {
    return {};
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not valid JSON: ${(error as Error).message}`, 'start');
  }
}

function printResult(ctx: CliContext, result: ExecutionResult<unknown>): number {
  if (result.status === 'SUCCEEDED') {
    print(ctx, json(result.output));
    return 0;
  }
  note(ctx, `status: ${result.status}`);
  if (result.error) note(ctx, `error: ${result.error}`);
  if (result.cause) note(ctx, `cause: ${result.cause}`);
  return 1;
}

/** `start`: an execution, optionally waited for. */
export async function startCommand(
  ctx: CliContext,
  values: FlagValues,
  positionals: string[],
): Promise<number> {
  const timeoutSeconds = integerFlag(values, 'timeout', 1, 'start');
  const input = await readInput(ctx, values, positionals[0]);
  const session = ctx.session();
  const handle = ctx.handle(session);
  const alias = stringFlag(values, 'alias');
  const name = {
    ...(typeof values.name === 'string' ? { name: values.name } : {}),
    ...(alias !== undefined ? { alias } : {}),
  };
  if (values.sync === true) {
    if (!handle.isExpress()) {
      throw new UsageError(
        `--sync runs EXPRESS machines; state machine '${handle.name}' is ${handle.type}`,
        'start',
      );
    }
    const execution = await handle.startSync(input, name);
    note(ctx, execution.arn);
    return printResult(ctx, execution.result);
  }
  if (values.wait === true && handle.isExpress()) {
    throw new UsageError(
      `--wait cannot follow an EXPRESS execution (AWS keeps no record of it to poll): use --sync`,
      'start',
    );
  }
  const execution = await handle.start(input, name);
  print(ctx, execution.arn);
  if (values.wait !== true || !(execution instanceof Execution)) return 0;
  const result = await execution.wait({
    ...(timeoutSeconds !== undefined ? { timeoutMs: timeoutSeconds * 1000 } : {}),
    signal: ctx.stopSignal(),
  });
  return printResult(ctx, result);
}

/** The execution named on the command line: a full ARN, or a name of this machine's executions. */
export async function executionOf(ctx: CliContext, nameOrArn: string) {
  const session = ctx.session();
  if (nameOrArn.startsWith('arn:')) return session.execution(nameOrArn);
  const machineArn = await ctx.handle(session).resolveArn();
  return session.execution(`${machineArn.replace(':stateMachine:', ':execution:')}:${nameOrArn}`);
}

/** `stop EXECUTION`. */
export async function stopCommand(
  ctx: CliContext,
  values: FlagValues,
  positionals: string[],
): Promise<number> {
  const execution = await executionOf(ctx, positionals[0]!);
  await execution.stop({
    ...(typeof values.error === 'string' ? { error: values.error } : {}),
    ...(typeof values.cause === 'string' ? { cause: values.cause } : {}),
  });
  print(ctx, `stopped ${execution.arn}`);
  return 0;
}

/** `redrive EXECUTION`: restarts a failed execution from where it stopped (AWS only). */
export async function redriveCommand(
  ctx: CliContext,
  values: FlagValues,
  positionals: string[],
): Promise<number> {
  const execution = await executionOf(ctx, positionals[0]!);
  await execution.redrive();
  print(ctx, `redriven ${execution.arn}`);
  if (values.wait !== true) return 0;
  return printResult(ctx, await execution.wait({ signal: ctx.stopSignal() }));
}

function isoOf(date: Date | undefined): string {
  return date ? date.toISOString() : '-';
}

/** `executions`: the machine's executions, newest first. */
export async function executionsCommand(ctx: CliContext, values: FlagValues): Promise<number> {
  const status = choiceFlag(values, 'status', EXECUTION_STATUSES, 'executions');
  const limit = integerFlag(values, 'limit', 1, 'executions') ?? 100;
  const session = ctx.session();
  const items = await ctx.handle(session).listExecutions({ ...(status ? { status } : {}), limit });
  if (values.json === true) {
    print(ctx, json(items));
    return 0;
  }
  if (items.length === 0) {
    note(ctx, `no executions${status ? ` with status ${status}` : ''}`);
    return 0;
  }
  for (const item of items) {
    print(
      ctx,
      `${String(item.status).padEnd(16)}${isoOf(item.startDate)}  ${isoOf(item.stopDate)}  ${item.name}`,
    );
  }
  return 0;
}

/** `history EXECUTION`: readable, or `--json` for the raw events. */
export async function historyCommand(
  ctx: CliContext,
  values: FlagValues,
  positionals: string[],
): Promise<number> {
  const events = await (await executionOf(ctx, positionals[0]!)).historyEvents();
  print(ctx, values.json === true ? json(events) : formatHistory(events));
  return 0;
}

/** Checks `--account-id`: AWS account ids are twelve digits. */
function accountIdFlag(values: FlagValues, command: string): string | undefined {
  const raw = values['account-id'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d{12}$/.test(raw)) {
    throw new UsageError(`--account-id must be a 12-digit AWS account id, got '${String(raw)}'`, command);
  }
  return raw;
}

/**
 * `definition`: the ASL the machine registers. Activity ARNs are built for the session's region
 * and account (`--account-id`), or, with `--resolve`, are those Step Functions lists.
 */
export async function definitionCommand(ctx: CliContext, values: FlagValues): Promise<number> {
  const accountId = accountIdFlag(values, 'definition');
  const resolve = values.resolve === true;
  if (resolve && accountId !== undefined) {
    throw new UsageError('give --account-id or --resolve, not both', 'definition');
  }
  const session = ctx.session();
  const handle = ctx.handle(session);
  const names = [...new Set(handle.machine.activities.map((activity) => activity.name))];
  let arns: ReadonlyMap<string, string> | undefined;
  if (resolve) {
    const found = await session.activities.lookup(names);
    const missing = names.filter((name) => !found.has(name));
    if (missing.length > 0) {
      const where = session.endpoint ? `at ${session.endpoint}` : `in region ${session.region}`;
      throw new Error(
        `cannot resolve the activity ARNs: ${missing.map((name) => `'${name}'`).join(', ')} ` +
          `${missing.length === 1 ? 'is' : 'are'} not registered ${where}; run 'register' first, or drop --resolve`,
      );
    }
    arns = found;
  } else if (names.length > 0 && session.accountId === undefined && !session.isLocal) {
    note(
      ctx,
      `note: activity ARNs use the placeholder account ${DEFAULT_ACCOUNT_ID}; ` +
        'pass --account-id or --resolve for a definition to deploy',
    );
  }
  print(ctx, json(handle.definition(arns)));
  return 0;
}

function pickActivities(ctx: CliContext, names: string[]): AnyActivity[] {
  const all = activitiesOf(ctx.activities());
  if (names.length === 0) return [...all];
  return names.map((name) => {
    const found = all.find((a) => a.name === name || a.localName === name);
    if (!found) {
      throw new UsageError(
        `no activity '${name}'; known: ${all.map((a) => a.localName).join(', ')}`,
        'worker',
      );
    }
    return found;
  });
}

// Exhaustive on purpose: a new kind of worker event or task outcome must be given a line here
// (or an explicit silence) before the CLI compiles.
function describeEvent(worker: Worker, event: WorkerEvent): string | undefined {
  const who = `[${worker.activity.localName}]`;
  return match(event)
    .with({ type: 'task-started' }, () => undefined)
    .with({ type: 'task-finished' }, ({ outcome }) =>
      match(outcome)
        .with({ kind: 'succeeded' }, () => `${who} task succeeded`)
        .with({ kind: 'failed' }, ({ failure }) => `${who} task failed: ${failure.error}`)
        .with({ kind: 'expired' }, ({ reason }) => `${who} task expired: ${reason}`)
        .with({ kind: 'lost' }, ({ reason }) => `${who} task not reported: ${reason}`)
        .with({ kind: 'superseded' }, () => undefined)
        .exhaustive(),
    )
    .with(
      { type: 'transient-error' },
      (transient) =>
        `${who} ${transient.operation} failed, retrying: ${taskFailureOf(transient.error).error}`,
    )
    .with({ type: 'fatal-error' }, (fatal) => `${who} stopped: ${taskFailureOf(fatal.error).cause}`)
    .exhaustive();
}

/** `worker [ACTIVITY...]`: polls until interrupted, then shuts down gracefully. */
export async function workerCommand(
  ctx: CliContext,
  values: FlagValues,
  positionals: string[],
): Promise<number> {
  const concurrency = integerFlag(values, 'concurrency', 1, 'worker') ?? 1;
  const shutdownSeconds = integerFlag(values, 'shutdown-timeout', 0, 'worker') ?? 30;
  const activities = pickActivities(ctx, positionals);
  if (activities.length === 0) throw new UsageError('the state machine runs no activities', 'worker');
  const session: Session = ctx.session();
  const workers: Worker[] = [];
  for (const activity of activities) {
    // The machine says which HeartbeatSeconds its Tasks set; the activity alone may not.
    const heartbeatIntervalMs = heartbeatIntervalFor(ctx.machine(), activity);
    const worker: Worker = session.worker(activity, {
      concurrency,
      ...(heartbeatIntervalMs === undefined ? {} : { heartbeatIntervalMs }),
      onEvent: (event) => {
        const line = describeEvent(worker, event);
        if (line) note(ctx, line);
      },
    });
    workers.push(worker);
  }
  try {
    for (const worker of workers) await worker.start();
  } catch (error) {
    await Promise.all(workers.map((w) => w.stop({ timeoutMs: 0 })));
    throw error;
  }
  note(ctx, `polling ${activities.map((a) => a.name).join(', ')} (concurrency ${concurrency}); Ctrl-C stops`);
  const signal = ctx.stopSignal();
  await Promise.race([
    new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
    Promise.all(workers.map((w) => w.done)),
  ]);
  note(ctx, 'stopping: finishing tasks in flight');
  const summaries = await Promise.all(workers.map((w) => w.stop({ timeoutMs: shutdownSeconds * 1000 })));
  const totals = summaries.reduce(
    (sum, s) => ({
      succeeded: sum.succeeded + s.succeeded,
      failed: sum.failed + s.failed,
      expired: sum.expired + s.expired,
      lost: sum.lost + s.lost,
    }),
    { succeeded: 0, failed: 0, expired: 0, lost: 0 },
  );
  note(
    ctx,
    `stopped: ${totals.succeeded} succeeded, ${totals.failed} failed, ${totals.expired} expired, ` +
      `${totals.lost} not reported`,
  );
  return summaries.some((s) => s.error !== undefined) ? 1 : 0;
}

interface LocalEndpointModule {
  startLocalEndpoint(options: { port?: number; host?: string }): Promise<LocalEndpoint> | LocalEndpoint;
}
interface LocalEndpoint {
  url: string;
  close(): Promise<void> | void;
}

/** `local`: serves the local endpoint from @sfini/testing until interrupted. */
export async function localCommand(ctx: CliContext, values: FlagValues): Promise<number> {
  const port = integerFlag(values, 'port', 0, 'local');
  const host = typeof values.host === 'string' ? values.host : undefined;
  // Loaded only here: the runtime never needs the testing package otherwise.
  const specifier = '@sfini/testing';
  let testing: LocalEndpointModule;
  try {
    testing = (await import(specifier)) as LocalEndpointModule;
  } catch (error) {
    throw new Error(`the 'local' command needs @sfini/testing installed: ${(error as Error).message}`);
  }
  if (typeof testing.startLocalEndpoint !== 'function') {
    throw new Error('the installed @sfini/testing has no startLocalEndpoint');
  }
  const endpoint = await testing.startLocalEndpoint({
    ...(port !== undefined ? { port } : {}),
    ...(host !== undefined ? { host } : {}),
  });
  print(ctx, endpoint.url);
  note(ctx, `local Step Functions endpoint listening; use it with: export SFINI_ENDPOINT=${endpoint.url}`);
  const signal = ctx.stopSignal();
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await endpoint.close();
  note(ctx, 'local endpoint closed');
  return 0;
}
