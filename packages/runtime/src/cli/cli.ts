// The command line a machine's author gets for free, as sfini's CLI was: one call wires a
// machine and its activities to register, deregister, start, stop, executions, history,
// worker, definition, graph and local. `run` returns an exit code instead of exiting, so tests and
// embedding programs can call it; only a real process run sets `process.exitCode`.
import { basename } from 'node:path';
import type { AnyStateMachine } from '@sfini/core';
import {
  definitionCommand,
  executionsCommand,
  historyCommand,
  localCommand,
  redriveCommand,
  startCommand,
  stopCommand,
  workerCommand,
} from './commands.js';
import { CliContext, type CliOptions, type CliStreams } from './context.js';
import { deregisterCommand, registerCommand } from './deploy-commands.js';
import { GRAPH_FLAGS, graphCommand } from './graph-command.js';
import { type ArgsSpec, commandHelp, type FlagValues, parseCommandArgs, UsageError } from './parse.js';
import { didYouMean } from './suggest.js';

export type { CliOptions, CliStreams } from './context.js';

interface Command extends ArgsSpec {
  run(ctx: CliContext, values: FlagValues, positionals: string[]): Promise<number>;
}

const EXECUTION_ARG = 'EXECUTION is an execution name of this machine or a full execution ARN.';

const COMMANDS: Record<string, Command> = {
  register: {
    usage: 'register',
    summary: 'Register the activities, then the state machine (created, or updated when it exists).',
    flags: {
      type: { type: 'string', value: 'TYPE', description: 'STANDARD (default) or EXPRESS' },
      'role-arn': {
        type: 'string',
        value: 'ARN',
        description: 'IAM role Step Functions assumes (required on AWS)',
      },
      'skip-activities': { type: 'boolean', description: 'register only the state machine' },
      'log-level': {
        type: 'string',
        value: 'LEVEL',
        description: 'CloudWatch Logs level: ALL, ERROR, FATAL or OFF (needs --log-group unless OFF)',
      },
      'log-group': {
        type: 'string',
        value: 'ARN',
        description: 'the CloudWatch Logs log group ARN to log to',
      },
      'log-execution-data': { type: 'boolean', description: 'log inputs and outputs too' },
      tracing: { type: 'boolean', description: 'trace executions with AWS X-Ray' },
      'no-tracing': { type: 'boolean', description: 'turn X-Ray tracing off' },
      publish: { type: 'boolean', description: 'publish a version (AWS only)' },
      'version-description': {
        type: 'string',
        value: 'TEXT',
        description: 'with --publish: its description',
      },
      alias: {
        type: 'string',
        value: 'NAME',
        description: 'with --publish: point alias NAME at the new version (AWS only)',
      },
    },
    positionals: { min: 0, max: 0 },
    run: registerCommand,
  },
  deregister: {
    usage: 'deregister',
    summary: 'Delete the state machine, then the activities this program defines (and no others).',
    flags: { 'keep-activities': { type: 'boolean', description: 'delete only the state machine' } },
    positionals: { min: 0, max: 0 },
    run: deregisterCommand,
  },
  start: {
    usage: 'start [FILE|-]',
    summary: 'Start an execution and print its ARN.',
    details: "Input is JSON from FILE, from standard input with '-', from --input, or {} when none is given.",
    flags: {
      input: { type: 'string', value: 'JSON', description: 'the input as JSON text' },
      name: { type: 'string', value: 'NAME', description: 'execution name (default: machine_time_random)' },
      wait: { type: 'boolean', short: 'w', description: 'wait for the execution and print its output' },
      timeout: { type: 'string', value: 'SECONDS', description: 'with --wait: give up after SECONDS' },
      sync: { type: 'boolean', description: 'run an EXPRESS machine synchronously and print its output' },
      alias: {
        type: 'string',
        value: 'NAME',
        description: 'start the version alias NAME points at (AWS only)',
      },
    },
    positionals: { min: 0, max: 1 },
    run: startCommand,
  },
  stop: {
    usage: 'stop EXECUTION',
    summary: 'Stop a running execution.',
    details: EXECUTION_ARG,
    flags: {
      error: { type: 'string', value: 'ERROR', description: 'error code recorded on the execution' },
      cause: { type: 'string', value: 'CAUSE', description: 'cause recorded on the execution' },
    },
    positionals: { min: 1, max: 1 },
    run: stopCommand,
  },
  redrive: {
    usage: 'redrive EXECUTION',
    summary: 'Redrive a failed, timed out or aborted execution from where it stopped (AWS only).',
    details: `${EXECUTION_ARG}\n\nAWS allows it within 14 days of the stop; the local endpoint does not model redrive.`,
    flags: {
      wait: { type: 'boolean', short: 'w', description: 'wait for the execution and print its output' },
    },
    positionals: { min: 1, max: 1 },
    run: redriveCommand,
  },
  executions: {
    usage: 'executions',
    summary: "List the state machine's executions, newest first.",
    flags: {
      status: {
        type: 'string',
        value: 'STATUS',
        description: 'only RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE',
      },
      limit: { type: 'string', value: 'N', description: 'at most N executions (default 100)' },
      json: { type: 'boolean', description: 'print JSON' },
    },
    positionals: { min: 0, max: 0 },
    run: executionsCommand,
  },
  history: {
    usage: 'history EXECUTION',
    summary: "Print an execution's history, one event a line.",
    details: EXECUTION_ARG,
    flags: { json: { type: 'boolean', description: 'print the raw events as JSON' } },
    positionals: { min: 1, max: 1 },
    run: historyCommand,
  },
  worker: {
    usage: 'worker [ACTIVITY...]',
    summary: 'Run workers for the activities (all of them when none is named) until interrupted.',
    details:
      'On SIGINT or SIGTERM, polling stops and tasks in flight finish (or fail at the shutdown timeout).\n\n' +
      'While a task runs, heartbeats go at a third of the smallest HeartbeatSeconds among the Tasks ' +
      "running the activity and the activity's heartbeatSeconds, else every 5 s.",
    flags: {
      concurrency: { type: 'string', value: 'N', description: 'tasks run at once per activity (default 1)' },
      'shutdown-timeout': {
        type: 'string',
        value: 'SECONDS',
        description: 'time tasks in flight get at shutdown (default 30)',
      },
    },
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    run: workerCommand,
  },
  definition: {
    usage: 'definition',
    summary: "Print the state machine's definition (Amazon States Language JSON).",
    details:
      'Activity ARNs are built for --region and --account-id (default: the placeholder account ' +
      '123456789012), or, with --resolve, looked up in Step Functions where the activities are registered.',
    flags: {
      'account-id': {
        type: 'string',
        value: 'ID',
        description: 'AWS account of the activity ARNs (12 digits)',
      },
      resolve: {
        type: 'boolean',
        description: 'use the ARNs of the registered activities (lists them from Step Functions)',
      },
    },
    positionals: { min: 0, max: 0 },
    run: definitionCommand,
  },
  graph: {
    usage: 'graph',
    summary: "Draw the state machine as SVG or Mermaid, optionally coloured by an execution's history.",
    details:
      'Without --execution, nothing is read from Step Functions. With it, the whole history is read ' +
      'and every state is coloured by what happened to it: succeeded, retried, caught, failed, or not ' +
      'reached. EXECUTION is an execution name of this machine or a full execution ARN.',
    flags: GRAPH_FLAGS,
    positionals: { min: 0, max: 0 },
    run: graphCommand,
  },
  local: {
    usage: 'local',
    summary: 'Serve a local Step Functions endpoint (from @sfini/testing) until interrupted.',
    flags: {
      port: { type: 'string', value: 'PORT', description: 'port to listen on (default: any free port)' },
      host: { type: 'string', value: 'HOST', description: 'address to listen on (default 127.0.0.1)' },
    },
    positionals: { min: 0, max: 0 },
    run: localCommand,
  },
};

function overview(program: string, options: CliOptions): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length)) + 2;
  return [
    `Usage: ${program} <command> [options]`,
    '',
    `Manage state machine '${options.stateMachine.name}' on AWS Step Functions or a local endpoint.`,
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}${c.summary}`),
    '',
    `Run '${program} <command> --help' for a command's options. --version prints the version.`,
    '',
  ].join('\n');
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED') {
    return `${error.message}: is the endpoint running? ('local' serves one; --endpoint or SFINI_ENDPOINT points at it)`;
  }
  const isSdkError = '$metadata' in error;
  return isSdkError ? `${error.name}: ${error.message}` : error.message;
}

/** The AWS SDK's switch for its notice about Node versions it will stop supporting. */
export const NODE_VERSION_WARNING_ENV = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * Quiets the AWS SDK's Node-version notice for this process unless the user has set the switch
 * (to anything). On Node versions the SDK plans to drop, every SDK client prints a nine-line
 * warning to standard error; in a command line that is printed by every command, around the
 * output a user reads or a script parses, and nobody can act on it mid-command: upgrading Node
 * is a decision for another time. Programs that use the Session API directly keep the notice.
 */
function quietNodeVersionNotice(): void {
  if (process.env[NODE_VERSION_WARNING_ENV] === undefined) process.env[NODE_VERSION_WARNING_ENV] = 'true';
}

/** A CLI bound to one machine. */
export interface SfiniCli {
  /**
   * Runs one command. @param argv the arguments after the program (default: process.argv).
   * @param io streams (default: the process's); with the default, sets `process.exitCode`.
   * @returns the exit code: 0 success, 1 failure, 2 bad arguments.
   */
  run(argv?: readonly string[], io?: CliStreams): Promise<number>;
}

/**
 * A command line for a state machine and its activities, as sfini's CLI: register,
 * deregister, start, stop, redrive, executions, history, worker, definition, graph and local.
 * Nothing is called until `run()`; errors become a message on standard error and exit code 1
 * (2 for bad arguments), never an exception.
 * @param options the machine, its activities, and the defaults the commands' flags override.
 * @example
 * ```ts
 * // my-machine.ts
 * cli({ stateMachine: machine, activities, roleArn: 'arn:aws:iam::123456789012:role/sfn', version: '1.0' }).run();
 * // $ node my-machine.js register && node my-machine.js start input.json --wait
 * ```
 */
export function cli<M extends AnyStateMachine>(options: CliOptions<M>): SfiniCli {
  const program = options.program ?? basename(process.argv[1] ?? 'sfini');
  const runOnce = async (argv: readonly string[], io: CliStreams): Promise<number> => {
    quietNodeVersionNotice();
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      const command = topic ? COMMANDS[topic] : undefined;
      io.stdout.write(command ? commandHelp(program, command) : overview(program, options));
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-V') {
      io.stdout.write(`${options.version ?? 'unknown'}\n`);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
      const hint = name.startsWith('-')
        ? `unknown command '${name}' (options go after the command)`
        : `unknown command '${name}'${didYouMean(name, Object.keys(COMMANDS))}`;
      io.stderr.write(`error: ${hint}\n\n${overview(program, options)}`);
      return 2;
    }
    let ctx: CliContext | undefined;
    try {
      const { values, positionals } = parseCommandArgs(name, command, rest);
      if (values.help) {
        io.stdout.write(commandHelp(program, command));
        return 0;
      }
      ctx = new CliContext(options, io, values);
      return await command.run(ctx, values, positionals);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr.write(
          `error: ${error.message}\nusage: ${program} ${command.usage} [options]\n` +
            `Run '${program} ${name} --help' for help.\n`,
        );
        return 2;
      }
      io.stderr.write(`error: ${describeError(error)}\n`);
      return 1;
    } finally {
      ctx?.close();
    }
  };
  return {
    async run(argv, io) {
      const code = await runOnce(
        argv ?? process.argv.slice(2),
        io ?? { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
      );
      if (!io) process.exitCode = code;
      return code;
    },
  };
}
