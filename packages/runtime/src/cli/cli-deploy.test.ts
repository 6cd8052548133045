// Proves the deployment commands against the in-memory FakeSfn client: definitions for a
// region and account (or the ARNs Step Functions lists), registering with the logging, tracing
// and publishing flags ask for, and deregistering only the activities the program owns.
import { ActivityRegistration } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aslMachine } from '../../test/asl-machine.js';
import { setup } from '../../test/cli-setup.js';
import { awsError, FakeSfn } from '../../test/fake-sfn.js';
import { cli } from './cli.js';

describe('cli definition, register and deregister', () => {
  it("builds the definition for --region and --account-id, or the session's region", async () => {
    const { run, fake } = setup();
    const resourceOf = (stdout: string) => JSON.parse(stdout).States.print.Resource;
    const placeholder = await run(['definition', '--region', 'eu-west-1']);
    expect(resourceOf(placeholder.stdout)).toBe(
      'arn:aws:states:eu-west-1:123456789012:activity:myPackage-printActivity',
    );
    expect(placeholder.stderr).toContain('placeholder account 123456789012; pass --account-id or --resolve');
    const deployable = await run(['definition', '--region', 'eu-west-1', '--account-id', '444455556666']);
    expect(deployable.stderr).toBe('');
    expect(resourceOf(deployable.stdout)).toBe(
      'arn:aws:states:eu-west-1:444455556666:activity:myPackage-printActivity',
    );
    const china = await run(['definition', '--region', 'cn-north-1', '--account-id', '444455556666']);
    expect(resourceOf(china.stdout)).toBe(
      'arn:aws-cn:states:cn-north-1:444455556666:activity:myPackage-printActivity',
    );
    expect(fake.sent).toHaveLength(0);
    const bad = await run(['definition', '--account-id', '1234']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--account-id must be a 12-digit AWS account id, got '1234'");
    const both = await run(['definition', '--account-id', '444455556666', '--resolve']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give --account-id or --resolve, not both');
  });

  it("honours the region of cli()'s session options and of the environment", async () => {
    const activities = [new ActivityRegistration('r-').activity('a', { input: z.object({}) }, () => null)];
    const machine = aslMachine(
      'regional',
      (arnOf) => ({
        StartAt: 'a',
        States: { a: { Type: 'Task', Resource: arnOf(activities[0]!), End: true } },
      }),
      { activities },
    );
    const print = async (
      options: Parameters<typeof cli>[0],
      env: Record<string, string>,
      argv: string[] = [],
    ) => {
      let stdout = '';
      await cli(options).run(['definition', ...argv], {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: () => true },
        env,
      });
      return JSON.parse(stdout).States.a.Resource as string;
    };
    const fake = new FakeSfn();
    const base = { stateMachine: machine, session: { client: fake.client } };
    expect(await print({ ...base, session: { ...base.session, region: 'ap-south-1' } }, {})).toBe(
      'arn:aws:states:ap-south-1:123456789012:activity:r-a',
    );
    expect(await print(base, { AWS_REGION: 'sa-east-1' })).toBe(
      'arn:aws:states:sa-east-1:123456789012:activity:r-a',
    );
    expect(await print(base, { AWS_REGION: 'sa-east-1' }, ['--region', 'us-west-2'])).toBe(
      'arn:aws:states:us-west-2:123456789012:activity:r-a',
    );
  });

  it('resolves the activity ARNs from Step Functions with --resolve, naming those not registered', async () => {
    const { run, fake } = setup();
    const missing = await run(['definition', '--resolve']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      "cannot resolve the activity ARNs: 'myPackage-printActivity' is not registered in region us-east-1; run 'register' first",
    );
    fake.activities.set(
      'myPackage-printActivity',
      'arn:aws:states:eu-central-1:111122223333:activity:myPackage-printActivity',
    );
    const resolved = await run(['definition', '--resolve']);
    expect(resolved.code).toBe(0);
    expect(resolved.stderr).toBe('');
    expect(JSON.parse(resolved.stdout).States.print.Resource).toBe(
      'arn:aws:states:eu-central-1:111122223333:activity:myPackage-printActivity',
    );
    expect(fake.count('ListActivities')).toBe(2);
  });

  it('prints the definition', async () => {
    const { run } = setup();
    const { code, stdout } = await run(['definition']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).States.print.Resource).toBe(
      'arn:aws:states:us-east-1:123456789012:activity:myPackage-printActivity',
    );
  });

  it('registers, then deregisters only its own activities', async () => {
    const { run, fake } = setup();
    fake.activities.set('myPackage-other', 'arn:aws:states:us-east-1:111122223333:activity:myPackage-other');
    const registered = await run(['register']);
    expect(registered.code).toBe(0);
    expect(registered.stdout).toContain('activity myPackage-printActivity: arn:aws:states:');
    expect(registered.stdout).toContain('state machine myStateMachine: arn:aws:states:');
    const deregistered = await run(['deregister']);
    expect(deregistered.stdout).toContain('deleted state machine myStateMachine');
    expect(deregistered.stdout).toContain('deleted activity myPackage-printActivity');
    expect([...fake.activities.keys()]).toEqual(['myPackage-other']);
  });

  it('registers with logging, tracing, a published version and an alias from flags', async () => {
    const { run, fake } = setup();
    const logGroup = 'arn:aws:logs:us-east-1:111122223333:log-group:sfn';
    fake.overrides.set('DescribeStateMachineAlias', () => {
      throw awsError('ResourceNotFound');
    });
    fake.overrides.set('CreateStateMachineAlias', (input) => ({
      stateMachineAliasArn: `arn:aws:states:us-east-1:111122223333:stateMachine:myStateMachine:${input.name}`,
    }));
    const registered = await run([
      'register',
      '--log-level',
      'error',
      '--log-group',
      logGroup,
      '--log-execution-data',
      '--tracing',
      '--publish',
      '--version-description',
      'first',
      '--alias',
      'prod',
    ]);
    expect(registered.stderr).toBe('');
    expect(registered.code).toBe(0);
    const create = fake.sent.find((c) => c.name === 'CreateStateMachine')!.input;
    expect(create).toMatchObject({
      loggingConfiguration: {
        level: 'ERROR',
        includeExecutionData: true,
        destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: `${logGroup}:*` } }],
      },
      tracingConfiguration: { enabled: true },
      publish: true,
      versionDescription: 'first',
    });
    expect(registered.stdout).toContain(
      'version: arn:aws:states:us-east-1:111122223333:stateMachine:myStateMachine:1',
    );
    expect(registered.stdout).toContain(
      'alias prod: arn:aws:states:us-east-1:111122223333:stateMachine:myStateMachine:prod',
    );

    const bad = await run(['register', '--alias', 'prod']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error: --alias needs --publish');
    expect((await run(['register', '--log-group', logGroup])).stderr).toContain(
      '--log-group and --log-execution-data need --log-level',
    );
    expect((await run(['register', '--log-level', 'ALL'])).stderr).toContain(
      "error: logging.level ALL of state machine 'myStateMachine' needs logging.destination",
    );
  });
});
