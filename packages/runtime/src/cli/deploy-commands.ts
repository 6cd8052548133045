// The deployment commands: `register` (activities, then the machine, with the logging, tracing
// and publishing its flags ask for) and `deregister`. Kept apart from the execution commands
// because their flags map onto StateMachineOptions rather than onto one call.
import { STATE_MACHINE_TYPES } from '../express-execution.js';
import { LOG_LEVELS, type StateMachineOptions } from '../machine-config.js';
import { print } from './commands.js';
import type { CliContext } from './context.js';
import { choiceFlag, type FlagValues, stringFlag, UsageError } from './parse.js';

/** The logging, tracing and publishing `register` was asked for; the program's own otherwise. */
function deploymentFlags(values: FlagValues): StateMachineOptions {
  const level = choiceFlag(values, 'log-level', LOG_LEVELS, 'register');
  const destination = stringFlag(values, 'log-group');
  const executionData = values['log-execution-data'] === true;
  if (level === undefined && (destination !== undefined || executionData)) {
    throw new UsageError('--log-group and --log-execution-data need --log-level', 'register');
  }
  if (values.tracing === true && values['no-tracing'] === true) {
    throw new UsageError('give --tracing or --no-tracing, not both', 'register');
  }
  const publish = values.publish === true;
  for (const flag of ['version-description', 'alias']) {
    if (!publish && values[flag] !== undefined) throw new UsageError(`--${flag} needs --publish`, 'register');
  }
  const type = choiceFlag(values, 'type', STATE_MACHINE_TYPES, 'register');
  const roleArn = stringFlag(values, 'role-arn');
  const versionDescription = stringFlag(values, 'version-description');
  return {
    ...(type ? { type } : {}),
    ...(roleArn !== undefined ? { roleArn } : {}),
    ...(level
      ? {
          logging: {
            level,
            ...(destination !== undefined ? { destination } : {}),
            ...(executionData ? { includeExecutionData: true } : {}),
          },
        }
      : {}),
    ...(values.tracing === true
      ? { tracing: true }
      : values['no-tracing'] === true
        ? { tracing: false }
        : {}),
    ...(publish ? { publish: true } : {}),
    ...(versionDescription !== undefined ? { versionDescription } : {}),
  };
}

/** `register`: the activities, then the machine (created or updated), optionally published. */
export async function registerCommand(ctx: CliContext, values: FlagValues): Promise<number> {
  const overrides = deploymentFlags(values);
  const session = ctx.session();
  if (values['skip-activities'] !== true) {
    const arns = await session.registerActivities(ctx.activities());
    for (const [name, arn] of arns) print(ctx, `activity ${name}: ${arn}`);
  }
  const handle = ctx.handle(session, overrides);
  const arn = await handle.register({ activities: false });
  print(ctx, `state machine ${handle.name}: ${arn}`);
  if (handle.versionArn) print(ctx, `version: ${handle.versionArn}`);
  const alias = stringFlag(values, 'alias');
  if (alias !== undefined) print(ctx, `alias ${alias}: ${await handle.alias(alias)}`);
  return 0;
}

/** `deregister`: the machine, then the activities the registration owns. */
export async function deregisterCommand(ctx: CliContext, values: FlagValues): Promise<number> {
  const session = ctx.session();
  const handle = ctx.handle(session);
  const existed = await handle.deregister();
  print(
    ctx,
    existed ? `deleted state machine ${handle.name}` : `state machine ${handle.name} was not registered`,
  );
  if (values['keep-activities'] !== true) {
    const deleted = await session.deregisterActivities(ctx.activities());
    for (const name of deleted) print(ctx, `deleted activity ${name}`);
  }
  return 0;
}
