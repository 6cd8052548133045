// Proves the deployment options AWS offers and the local endpoint does not run (logging, X-Ray
// tracing, versions, aliases, redrive) against the in-memory FakeSfn: what each sends, what is
// refused before any call, and the error that says an operation needs AWS.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aslMachine } from '../test/asl-machine.js';
import { awsError, FakeSfn } from '../test/fake-sfn.js';
import { EndpointUnsupportedError } from './errors.js';
import { MachineConfigError } from './machine-config.js';
import { Session } from './session.js';

const ROLE = 'arn:aws:iam::111122223333:role/sfn';
const LOG_GROUP = 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/vendedlogs/states/counter';
const MACHINE_ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:counter';

function fixture() {
  const fake = new FakeSfn();
  const session = new Session({ client: fake.client, region: 'us-east-1' });
  const machine = aslMachine<{ n: number }, number>(
    'counter',
    () => ({ StartAt: 'p', States: { p: { Type: 'Pass', End: true } } }),
    { inputSchema: z.object({ n: z.number() }) },
  );
  return { fake, session, machine };
}

const inputOf = (fake: FakeSfn, name: string) => fake.sent.filter((c) => c.name === name).map((c) => c.input);

describe('logging and tracing', () => {
  it('sends them on create and on update, the log group ARN ending in :*', async () => {
    const { fake, session, machine } = fixture();
    const options = {
      roleArn: ROLE,
      logging: { level: 'ERROR', destination: LOG_GROUP, includeExecutionData: true },
      tracing: true,
    } as const;
    await session.stateMachine(machine, options).register();
    const expected = {
      loggingConfiguration: {
        level: 'ERROR',
        includeExecutionData: true,
        destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: `${LOG_GROUP}:*` } }],
      },
      tracingConfiguration: { enabled: true },
    };
    expect(inputOf(fake, 'CreateStateMachine')[0]).toMatchObject(expected);
    fake.machines.get('counter')!.definition = '{}'; // changed elsewhere: the next register updates
    await session.stateMachine(machine, options).register();
    expect(inputOf(fake, 'UpdateStateMachine')[0]).toMatchObject(expected);
  });

  it('sends neither when not given, so a machine keeps the logging it has', async () => {
    const { fake, session, machine } = fixture();
    await session.stateMachine(machine, { roleArn: ROLE }).register();
    const [create] = inputOf(fake, 'CreateStateMachine');
    expect(create).not.toHaveProperty('loggingConfiguration');
    expect(create).not.toHaveProperty('tracingConfiguration');
    expect(create).not.toHaveProperty('publish');
  });

  it('refuses before any call a level without destination, a bad log group, an unknown level', async () => {
    const { fake, session, machine } = fixture();
    const attempts = [
      { logging: { level: 'ALL' as const } },
      { logging: { level: 'ALL' as const, destination: 'arn:aws:s3:::bucket' } },
      { logging: { level: 'LOUD' as 'ALL', destination: LOG_GROUP } },
      { versionDescription: 'v2' },
    ];
    const messages: string[] = [];
    for (const options of attempts) {
      const error = await session
        .stateMachine(machine, { roleArn: ROLE, ...options })
        .register()
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(MachineConfigError);
      messages.push((error as Error).message);
    }
    expect(messages).toEqual([
      "logging.level ALL of state machine 'counter' needs logging.destination, the ARN of the CloudWatch Logs log group to write to",
      "logging.destination of state machine 'counter' must be a CloudWatch Logs log group ARN (arn:aws:logs:<region>:<account>:log-group:<name>), got 'arn:aws:s3:::bucket'",
      "logging.level of state machine 'counter' must be one of ALL, ERROR, FATAL, OFF, got 'LOUD'",
      "versionDescription of state machine 'counter' describes a published version: set publish: true too",
    ]);
    expect(fake.sent).toEqual([]);
  });

  it('turns logging off without a destination', async () => {
    const { fake, session, machine } = fixture();
    await session
      .stateMachine(machine, { roleArn: ROLE, logging: { level: 'OFF' }, tracing: false })
      .register();
    expect(inputOf(fake, 'CreateStateMachine')[0]).toMatchObject({
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
    });
  });
});

describe('versions and aliases', () => {
  it('publishes a version, points an alias at it, and starts executions through the alias', async () => {
    const { fake, session, machine } = fixture();
    const handle = session.stateMachine(machine, {
      roleArn: ROLE,
      publish: true,
      versionDescription: 'first',
    });
    await handle.register();
    expect(inputOf(fake, 'CreateStateMachine')[0]).toMatchObject({
      publish: true,
      versionDescription: 'first',
    });
    expect(handle.versionArn).toBe(`${MACHINE_ARN}:1`);

    let aliasExists = false;
    fake.overrides.set('DescribeStateMachineAlias', () => {
      if (!aliasExists) throw awsError('ResourceNotFound');
      return {};
    });
    fake.overrides.set('CreateStateMachineAlias', (input) => {
      aliasExists = true;
      return { stateMachineAliasArn: `${MACHINE_ARN}:${input.name}` };
    });
    fake.overrides.set('UpdateStateMachineAlias', () => ({ updateDate: new Date() }));
    expect(await handle.alias('prod', { description: 'live' })).toBe(`${MACHINE_ARN}:prod`);
    expect(inputOf(fake, 'CreateStateMachineAlias')).toEqual([
      {
        name: 'prod',
        description: 'live',
        routingConfiguration: [{ stateMachineVersionArn: `${MACHINE_ARN}:1`, weight: 100 }],
      },
    ]);

    fake.machines.get('counter')!.definition = '{}';
    await handle.register(); // changed: updated, and a second version published
    expect(handle.versionArn).toBe(`${MACHINE_ARN}:2`);
    await handle.alias('prod');
    expect(inputOf(fake, 'UpdateStateMachineAlias')).toEqual([
      {
        stateMachineAliasArn: `${MACHINE_ARN}:prod`,
        routingConfiguration: [{ stateMachineVersionArn: `${MACHINE_ARN}:2`, weight: 100 }],
      },
    ]);

    fake.overrides.set('StartExecution', (input) => ({
      executionArn: `arn:aws:states:us-east-1:111122223333:execution:counter:${input.name}`,
    }));
    await handle.start({ n: 1 }, { alias: 'prod', name: 'a' });
    await handle.start({ n: 1 }, { version: 1, name: 'b' });
    expect(inputOf(fake, 'StartExecution').map((input) => input.stateMachineArn)).toEqual([
      `${MACHINE_ARN}:prod`,
      `${MACHINE_ARN}:1`,
    ]);
  });

  it('refuses an alias without a version, a numeric alias, and alias with version', async () => {
    const { session, machine } = fixture();
    const handle = session.stateMachine(machine, { roleArn: ROLE });
    await handle.register();
    await expect(handle.alias('prod')).rejects.toThrow(/needs a version: register with publish: true first/);
    await expect(handle.alias('42', { versionArn: `${MACHINE_ARN}:1` })).rejects.toThrow(
      /not a whole number \(numbers name versions\)/,
    );
    await expect(handle.start({ n: 1 }, { alias: 'prod', version: 1 })).rejects.toThrow(
      /by alias or by version, not both/,
    );
  });

  it('says that aliases need AWS when the endpoint does not know the operation', async () => {
    const { fake, session, machine } = fixture();
    const handle = session.stateMachine(machine, { roleArn: ROLE });
    await handle.register();
    fake.overrides.set('DescribeStateMachineAlias', () => {
      throw awsError('UnknownOperationException');
    });
    const error = await handle.alias('prod', { versionArn: `${MACHINE_ARN}:1` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointUnsupportedError);
    expect((error as Error).message).toMatch(/^state machine aliases: .* This needs AWS Step Functions/);
  });
});

describe('redrive', () => {
  const EXECUTION = 'arn:aws:states:us-east-1:111122223333:execution:counter:failed-run';

  it('calls RedriveExecution, then waits for the redriven run', async () => {
    const { fake, session } = fixture();
    const statuses = ['FAILED', 'RUNNING', 'SUCCEEDED'];
    fake.overrides.set('DescribeExecution', () => ({ status: statuses.shift(), output: '7' }));
    const redriveDate = new Date('2030-01-01T00:00:00Z');
    fake.overrides.set('RedriveExecution', () => ({ redriveDate }));
    const execution = session.execution<number>(EXECUTION);
    expect((await execution.wait()).status).toBe('FAILED');
    expect(await execution.redrive({ clientToken: 'once' })).toEqual(redriveDate);
    expect(inputOf(fake, 'RedriveExecution')).toEqual([{ executionArn: EXECUTION, clientToken: 'once' }]);
    expect((await execution.wait({ initialIntervalMs: 1 })).status).toBe('SUCCEEDED');
    expect(execution.output).toBe(7);
  });

  it('says that redrive needs AWS on an endpoint without it, and passes AWS refusals on', async () => {
    const { fake, session } = fixture();
    fake.overrides.set('RedriveExecution', () => {
      throw awsError('UnknownOperationException');
    });
    const error = await session
      .execution(EXECUTION)
      .redrive()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointUnsupportedError);
    expect((error as Error).message).toContain(`redriving execution ${EXECUTION}`);
    fake.overrides.set('RedriveExecution', () => {
      throw awsError('ExecutionNotRedrivable');
    });
    await expect(session.execution(EXECUTION).redrive()).rejects.toMatchObject({
      name: 'ExecutionNotRedrivable',
    });
  });
});
