// Proves the CLI as a whole against the in-memory FakeSfn client: the overview, --help for every
// command, usage errors (exit code 2) with suggestions, and the SDK's Node notice. The commands
// themselves are proved in cli-deploy.test.ts, cli-run.test.ts and cli-graph.test.ts.
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/cli-setup.js';
import { NODE_VERSION_WARNING_ENV } from './cli.js';

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
});
