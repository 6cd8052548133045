// How a deployed machine reports on itself: execution logs to CloudWatch Logs and X-Ray traces.
// The options are checked here, before any call, because Step Functions refuses a log level
// without a destination and a log group ARN without its `:*` suffix with terse
// ValidationExceptions; a program gets a sentence naming the option instead. Options left out
// are not sent at all, so a register() that does not mention logging keeps whatever logging the
// machine has (set in the console, by CloudFormation, or by an earlier register()).
import type {
  CreateStateMachineCommandInput,
  ExecutionStatus,
  LoggingConfiguration,
  TracingConfiguration,
} from '@aws-sdk/client-sfn';
import type { StateMachineType } from './express-execution.js';

/** What Step Functions logs: every event (ALL), failures (ERROR), fatal ones (FATAL), or none. */
export type LogLevel = 'ALL' | 'ERROR' | 'FATAL' | 'OFF';

/** The log levels Step Functions accepts. */
export const LOG_LEVELS: readonly LogLevel[] = ['ALL', 'ERROR', 'FATAL', 'OFF'];

/** Where and what a machine logs (CloudWatch Logs). */
export interface StateMachineLogging {
  /** ALL, ERROR, FATAL or OFF. */
  level: LogLevel;
  /**
   * The CloudWatch Logs log group ARN, e.g.
   * `arn:aws:logs:eu-west-1:111122223333:log-group:/aws/vendedlogs/states/counter`; the `:*`
   * AWS expects at its end is added when missing. Required unless `level` is OFF. The machine's
   * role needs the CloudWatch Logs delivery permissions (`logs:CreateLogDelivery`, ...).
   */
  destination?: string;
  /** Log each event's input, output and error details too (default false: names and types only). */
  includeExecutionData?: boolean;
}

/** Tracing of a machine's executions with AWS X-Ray. */
export type StateMachineTracing = boolean | { enabled: boolean };

/**
 * A deployment or usage mistake: an option Step Functions would refuse (thrown before any call),
 * a missing role ARN on AWS, a type change on an existing machine, an alias or version asked for
 * wrongly, or `startSync()` on a STANDARD machine.
 * @example
 * ```ts
 * const handle = session.stateMachine(counter, { roleArn, logging: { level: 'ALL' } });
 * await handle.register(); // rejects with MachineConfigError: level ALL needs a destination
 * ```
 */
export class MachineConfigError extends Error {
  override readonly name = 'MachineConfigError';
}

const LOG_GROUP_ARN = /^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[^:]+(:\*)?$/;

/** The log group ARN as AWS wants it, ending in `:*`. @throws MachineConfigError when malformed. */
export function logGroupArn(machine: string, arn: string): string {
  if (!LOG_GROUP_ARN.test(arn)) {
    throw new MachineConfigError(
      `logging.destination of state machine '${machine}' must be a CloudWatch Logs log group ARN ` +
        `(arn:aws:logs:<region>:<account>:log-group:<name>), got '${arn}'`,
    );
  }
  return arn.endsWith(':*') ? arn : `${arn}:*`;
}

/**
 * The LoggingConfiguration sent to Step Functions for `logging`, or undefined when not given.
 * @throws MachineConfigError for an unknown level, or a level other than OFF without destination.
 */
function loggingConfigurationOf(
  machine: string,
  logging: StateMachineLogging | undefined,
): LoggingConfiguration | undefined {
  if (logging === undefined) return undefined;
  if (!LOG_LEVELS.includes(logging.level)) {
    throw new MachineConfigError(
      `logging.level of state machine '${machine}' must be one of ${LOG_LEVELS.join(', ')}, got '${String(logging.level)}'`,
    );
  }
  if (logging.level !== 'OFF' && !logging.destination) {
    throw new MachineConfigError(
      `logging.level ${logging.level} of state machine '${machine}' needs logging.destination, ` +
        'the ARN of the CloudWatch Logs log group to write to',
    );
  }
  return {
    level: logging.level,
    includeExecutionData: logging.includeExecutionData ?? false,
    ...(logging.destination
      ? {
          destinations: [
            { cloudWatchLogsLogGroup: { logGroupArn: logGroupArn(machine, logging.destination) } },
          ],
        }
      : {}),
  };
}

/** The TracingConfiguration sent to Step Functions for `tracing`, or undefined when not given. */
function tracingConfigurationOf(tracing: StateMachineTracing | undefined): TracingConfiguration | undefined {
  if (tracing === undefined) return undefined;
  return { enabled: typeof tracing === 'boolean' ? tracing : tracing.enabled };
}

/**
 * Checks a state machine alias name: AWS's resource name rules, and not a whole number (which
 * would read as a version). @throws MachineConfigError naming the problem.
 */
export function assertAliasName(machine: string, alias: string): void {
  if (!/^[A-Za-z0-9_.-]{1,80}$/.test(alias) || /^\d+$/.test(alias)) {
    throw new MachineConfigError(
      `alias '${alias}' of state machine '${machine}' must be 1 to 80 letters, digits, '-', '_' or '.', ` +
        'and not a whole number (numbers name versions)',
    );
  }
}

/** How a machine is deployed. */
export interface StateMachineOptions<T extends StateMachineType = StateMachineType> {
  /** The IAM role Step Functions assumes to run the machine. Required on AWS. */
  roleArn?: string;
  /**
   * STANDARD (default) or EXPRESS. Cannot change once registered. Given literally, it types
   * what `start()` returns: EXPRESS executions cannot be waited for or read back.
   */
  type?: T;
  /** Tags set on the machine at registration. */
  tags?: Record<string, string>;
  /**
   * Execution logs in CloudWatch Logs. Sent by `register()` when given; left out, the machine
   * keeps the logging it has. The local endpoint stores it (DescribeStateMachine shows it) and
   * logs nothing.
   */
  logging?: StateMachineLogging;
  /**
   * X-Ray tracing of executions (`true`, or `{ enabled }`). Sent by `register()` when given.
   * The local endpoint stores it and traces nothing.
   */
  tracing?: StateMachineTracing;
  /**
   * Publish a version each time `register()` creates or changes the machine; its ARN is then
   * the handle's `versionArn`. AWS only: the local endpoint refuses it.
   */
  publish?: boolean;
  /** The description of the version `publish` creates (at most 256 characters). */
  versionDescription?: string;
}

/** The fields CreateStateMachine and UpdateStateMachine share beyond definition and role. */
export type MachineConfiguration = Pick<
  CreateStateMachineCommandInput,
  'loggingConfiguration' | 'tracingConfiguration' | 'publish' | 'versionDescription'
>;

/** Options of {@link StateMachineHandle.register}. */
export interface RegisterOptions {
  /** Register the machine's activities first (default true); false looks their ARNs up instead. */
  activities?: boolean;
}

/** Options of {@link StateMachineHandle.start}. */
export interface StartOptions {
  /** The execution name; generated (`machine_timestamp_random`) when omitted. */
  name?: string;
  /** An X-Ray trace header. */
  traceHeader?: string;
  /** Start the version this alias points at (AWS only), instead of the latest revision. */
  alias?: string;
  /** Start this published version (AWS only), instead of the latest revision. */
  version?: number;
}

/** Options of {@link StateMachineHandle.executions}. */
export interface ListExecutionsOptions {
  status?: ExecutionStatus;
  /** Stop after this many executions. */
  limit?: number;
}

/**
 * Logging, tracing and publishing of `options` as CreateStateMachine and UpdateStateMachine take
 * them; options not given are left out. @throws MachineConfigError before any call is made.
 */
export function machineConfiguration(machine: string, options: StateMachineOptions): MachineConfiguration {
  const { logging, tracing, publish, versionDescription } = options;
  if (versionDescription !== undefined && !publish) {
    throw new MachineConfigError(
      `versionDescription of state machine '${machine}' describes a published version: set publish: true too`,
    );
  }
  const loggingConfiguration = loggingConfigurationOf(machine, logging);
  const tracingConfiguration = tracingConfigurationOf(tracing);
  return {
    ...(loggingConfiguration ? { loggingConfiguration } : {}),
    ...(tracingConfiguration ? { tracingConfiguration } : {}),
    ...(publish ? { publish: true } : {}),
    ...(versionDescription !== undefined ? { versionDescription } : {}),
  };
}
