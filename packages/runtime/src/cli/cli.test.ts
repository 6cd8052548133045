// Proves every CLI command end to end against the in-memory FakeSfn client: the overview and
// usage errors (exit code 2), definitions for a region and account, registering and
// deregistering, starting with input from each source, waiting, stopping, listing, history and
// workers until a signal. Output is captured from the streams cli() is given.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ActivityRegistration } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aslMachine } from '../../test/asl-machine.js';
import { awsError, FakeSfn } from '../../test/fake-sfn.js';
import { cli, NODE_VERSION_WARNING_ENV } from './cli.js';

function setup() {
  const fake = new FakeSfn();
  const activities = new ActivityRegistration('myPackage-');
  const print = activities.activity(
    'printActivity',
    { input: z.object({ message: z.string() }) },
    ({ message }) => message,
  );
  const machine = aslMachine(
    'myStateMachine',
    (arnOf) => ({ StartAt: 'print', States: { print: { Type: 'Task', Resource: arnOf(print), End: true } } }),
    { activities: [print], inputSchema: z.object({ message: z.string() }) },
  );
  const app = cli({
    stateMachine: machine,
    activities,
    roleArn: 'arn:aws:iam::111122223333:role/sfn',
    version: '1.0',
    program: 'my-app',
    session: { client: fake.client },
  });
  const run = async (argv: string[], extra: { stdin?: string; signal?: AbortSignal } = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await app.run(argv, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      ...(extra.stdin !== undefined ? { stdin: Readable.from([extra.stdin]) } : {}),
      ...(extra.signal ? { signal: extra.signal } : {}),
      env: {},
    });
    return { code, stdout, stderr };
  };
  fake.overrides.set('StartExecution', (input) => ({
    executionArn: `${input.stateMachineArn.replace(':stateMachine:', ':execution:')}:${input.name}`,
  }));
  return { fake, run };
}

const COMMANDS = [
  'register',
  'deregister',
  'start',
  'stop',
  'redrive',
  'executions',
  'history',
  'worker',
  'definition',
  'graph',
  'local',
];

describe('cli', () => {
  it('lists every command in its overview, and prints the version', async () => {
    const { run } = setup();
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect((await run(['--version'])).stdout).toBe('1.0\n');
  });

  it.each(COMMANDS)('has --help for %s', async (command) => {
    const { run, fake } = setup();
    const { code, stdout } = await run([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: my-app ${command}\\b`));
    expect(stdout).toContain('--endpoint URL');
    expect(fake.sent).toHaveLength(0);
  });

  it('names the problem for bad arguments, with the usage, exit code 2', async () => {
    const { run } = setup();
    const unknownFlag = await run(['start', '--bogus']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/^error: unknown option '--bogus'\n/);
    expect(unknownFlag.stderr).toContain('usage: my-app start [FILE|-] [options]');
    expect((await run(['stop'])).stderr).toContain('missing argument: expected EXECUTION');
    expect((await run(['history', 'a', 'b'])).stderr).toContain('unexpected argument: b');
    expect((await run(['executions', '--status', 'DONE'])).stderr).toContain(
      "--status must be one of RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE, got 'DONE'",
    );
    expect((await run(['worker', '--concurrency', 'many'])).stderr).toContain(
      "--concurrency must be a whole number from 1, got 'many'",
    );
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: unknown command 'frobnicate'\n/);
    expect((await run(['start', '--input'])).stderr).toMatch(
      /^error: option '--input <value>' argument missing\n/,
    );
  });

  it("quiets the SDK's Node-version notice unless the user has set its switch", async () => {
    const { run } = setup();
    const saved = process.env[NODE_VERSION_WARNING_ENV];
    try {
      delete process.env[NODE_VERSION_WARNING_ENV];
      await run(['--version']);
      expect(process.env[NODE_VERSION_WARNING_ENV]).toBe('true');
      process.env[NODE_VERSION_WARNING_ENV] = 'false';
      await run(['--version']);
      expect(process.env[NODE_VERSION_WARNING_ENV]).toBe('false');
    } finally {
      if (saved === undefined) delete process.env[NODE_VERSION_WARNING_ENV];
      else process.env[NODE_VERSION_WARNING_ENV] = saved;
    }
  });

  it('suggests the command or option meant, in the same lower-case style', async () => {
    const { run } = setup();
    const cases: [string[], string][] = [
      [['strat'], "error: unknown command 'strat' (did you mean start?)"],
      [['registr'], "error: unknown command 'registr' (did you mean register?)"],
      [['exec'], "error: unknown command 'exec' (did you mean executions?)"],
      [['--endpoint', 'x'], "error: unknown command '--endpoint' (options go after the command)"],
      [['start', '--wiat'], "error: unknown option '--wiat' (did you mean --wait?)"],
      [['start', '--inptu={}'], "error: unknown option '--inptu' (did you mean --input?)"],
      [['worker', '--conc', '2'], "error: unknown option '--conc' (did you mean --concurrency?)"],
      [['start', '--regoin', 'x'], "error: unknown option '--regoin' (did you mean --region?)"],
      [['start', '--zzz'], "error: unknown option '--zzz'"],
      [['start', '-x'], "error: unknown option '-x'"],
    ];
    for (const [argv, expected] of cases) {
      const { code, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stderr.split('\n')[0]).toBe(expected);
    }
  });

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

  it('redrives an execution by name, and says when the endpoint cannot', async () => {
    const { run, fake } = setup();
    await run(['register']);
    fake.overrides.set('RedriveExecution', () => ({ redriveDate: new Date() }));
    const redriven = await run(['redrive', 'run-1']);
    expect(redriven.code).toBe(0);
    expect(redriven.stdout).toBe(
      'redriven arn:aws:states:us-east-1:111122223333:execution:myStateMachine:run-1\n',
    );
    fake.overrides.set('RedriveExecution', () => {
      throw awsError('UnknownOperationException');
    });
    const refused = await run(['redrive', 'run-1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^error: redriving execution .*: .* answered UnknownOperationException\. This needs AWS Step Functions/,
    );
  });

  it('starts with input from a file, from stdin, and from --input; bad input names the field', async () => {
    const { run, fake } = setup();
    await run(['register']);
    const dir = await mkdtemp(join(tmpdir(), 'sfini-cli-'));
    const file = join(dir, 'input.json');
    await writeFile(file, '{"message":"from file"}');
    expect((await run(['start', file])).stdout).toMatch(/:execution:myStateMachine:myStateMachine_/);
    await run(['start', '-'], { stdin: '{"message":"from stdin"}' });
    await run(['start', '--input', '{"message":"inline"}', '--name', 'run-3']);
    const inputs = fake.sent
      .filter((c) => c.name === 'StartExecution')
      .map((c) => JSON.parse(c.input.input).message);
    expect(inputs).toEqual(['from file', 'from stdin', 'inline']);
    const bad = await run(['start', '--input', '{"message":3}']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/error: input of state machine 'myStateMachine' is invalid: at \$\.message: /);
    const notJson = await run(['start', '--input', '{oops']);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('--input is not valid JSON');
    const missing = await run(['start', join(dir, 'nope.json')]);
    expect(missing.stderr).toContain("cannot read input file '");
  });

  it('waits with --wait and prints the output, or the error with exit code 1', async () => {
    const { run, fake } = setup();
    await run(['register']);
    fake.overrides.set('DescribeExecution', () => ({ status: 'SUCCEEDED', output: '"hello"' }));
    const ok = await run(['start', '--input', '{"message":"hello"}', '--wait']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('"hello"');
    fake.overrides.set('DescribeExecution', () => ({
      status: 'FAILED',
      error: 'WorkerError',
      cause: 'MyError was raised',
    }));
    const failed = await run(['start', '--input', '{"message":"x"}', '--wait']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('status: FAILED\nerror: WorkerError\ncause: MyError was raised');
  });

  it('resolves an execution name to its ARN for stop and history', async () => {
    const { run, fake } = setup();
    await run(['register']);
    fake.overrides.set('StopExecution', () => ({ stopDate: new Date() }));
    fake.overrides.set('GetExecutionHistory', () => ({
      events: [
        {
          id: 1,
          type: 'ExecutionStarted',
          timestamp: new Date(0),
          executionStartedEventDetails: { input: '{}' },
        },
      ],
    }));
    const stopped = await run(['stop', 'run-1', '--error', 'Manual']);
    expect(stopped.stdout).toBe(
      'stopped arn:aws:states:us-east-1:111122223333:execution:myStateMachine:run-1\n',
    );
    expect(fake.sent.find((c) => c.name === 'StopExecution')!.input).toMatchObject({ error: 'Manual' });
    const history = await run(['history', 'run-1']);
    expect(history.stdout).toMatch(/ExecutionStarted\s+input=\{\}/);
  });

  it('lists executions with a status filter', async () => {
    const { run, fake } = setup();
    await run(['register']);
    fake.overrides.set('ListExecutions', (input) => ({
      executions: [{ name: 'run-1', status: input.statusFilter, startDate: new Date(0) }],
    }));
    const listed = await run(['executions', '--status', 'failed']);
    expect(listed.stdout).toMatch(/^FAILED\s+1970-01-01T00:00:00.000Z\s+-\s+run-1$/m);
  });

  it('runs workers until its signal aborts, then stops gracefully', async () => {
    const { run, fake } = setup();
    await run(['register']);
    const controller = new AbortController();
    const working = run(['worker', 'printActivity', '--concurrency', '2'], { signal: controller.signal });
    fake.enqueue({ message: 'hi' });
    await fake.waitForReports(1);
    expect(fake.reports[0]).toMatchObject({ kind: 'success', output: '"hi"' });
    controller.abort();
    const { code, stderr } = await working;
    expect(code).toBe(0);
    expect(stderr).toContain('polling myPackage-printActivity (concurrency 2)');
    expect(stderr).toContain('[printActivity] task succeeded');
    expect(stderr).toContain('stopped: 1 succeeded, 0 failed, 0 expired, 0 not reported');
  });

  it('refuses to run workers for unknown activities', async () => {
    const { run } = setup();
    const { code, stderr } = await run(['worker', 'nope']);
    expect(code).toBe(2);
    expect(stderr).toContain("no activity 'nope'; known: printActivity");
  });

  it('draws the machine without touching the network, in either format and direction', async () => {
    const { run, fake } = setup();
    const svg = await run(['graph']);
    expect(svg.code).toBe(0);
    expect(svg.stdout).toMatch(/^<svg[\s\S]*data-name="print" data-type="Task"[\s\S]*<\/svg>\n$/);
    const mermaid = await run(['graph', '--format', 'mermaid', '--direction', 'lr']);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).toMatch(/^---\ntitle: "myStateMachine"\n---\nflowchart LR\n/);
    expect(mermaid.stdout).toMatch(/^ {2}s0\["print/m);
    expect(fake.sent).toHaveLength(0);
    const badFormat = await run(['graph', '--format', 'png']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("--format must be one of SVG, MERMAID, got 'png'");
    expect((await run(['graph', '--direction', 'up'])).stderr).toContain(
      "--direction must be one of TB, LR, got 'up'",
    );
    const unwritable = await run(['graph', '--out', join(tmpdir(), 'no-such-dir-sfini', 'm.svg')]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^error: cannot write '.*m\.svg': ENOENT/);
  });

  it('reads the whole history, page by page, to colour the graph', async () => {
    const { run, fake } = setup();
    await run(['register']);
    const t = new Date(0);
    const pages: Record<string, { events: object[]; nextToken?: string }> = {
      first: {
        events: [
          { id: 1, type: 'ExecutionStarted', timestamp: t, executionStartedEventDetails: { input: '{}' } },
          { id: 2, type: 'TaskStateEntered', timestamp: t, stateEnteredEventDetails: { name: 'print' } },
        ],
        nextToken: 'second',
      },
      second: {
        events: [
          {
            id: 3,
            type: 'ActivityScheduled',
            timestamp: t,
            activityScheduledEventDetails: { resource: 'x' },
          },
          { id: 4, type: 'ActivityFailed', timestamp: t, activityFailedEventDetails: { error: 'Boom' } },
          { id: 5, type: 'ExecutionFailed', timestamp: t, executionFailedEventDetails: { error: 'Boom' } },
        ],
      },
    };
    fake.overrides.set('GetExecutionHistory', (input) => pages[input.nextToken ?? 'first']);
    const drawn = await run(['graph', '--execution', 'run-1', '--format', 'mermaid']);
    expect(drawn.code, drawn.stderr).toBe(0);
    expect(drawn.stdout).toContain('s0["print<br/><small>failed: Boom</small>"]');
    expect(drawn.stdout).toMatch(/^ {2}class s0(,\S+)? failed$/m);
    const calls = fake.sent.filter((c) => c.name === 'GetExecutionHistory');
    expect(calls.map((c) => c.input.nextToken)).toEqual([undefined, 'second']);
    expect(calls[0]!.input.executionArn).toBe(
      'arn:aws:states:us-east-1:111122223333:execution:myStateMachine:run-1',
    );
  });

  it('notes when the execution ran states this machine does not have', async () => {
    const { run, fake } = setup();
    await run(['register']);
    const t = new Date(0);
    fake.overrides.set('GetExecutionHistory', () => ({
      events: [
        { id: 1, type: 'ExecutionStarted', timestamp: t, executionStartedEventDetails: { input: '{}' } },
        { id: 2, type: 'PassStateEntered', timestamp: t, stateEnteredEventDetails: { name: 'renamed' } },
      ],
    }));
    const drawn = await run(['graph', '--execution', 'old-run']);
    expect(drawn.code).toBe(0);
    expect(drawn.stdout).toMatch(/^<svg/);
    expect(drawn.stderr).toBe(
      'note: the execution ran states this machine does not have (renamed); ' +
        'it may have run another version of the definition\n',
    );
  });
});
