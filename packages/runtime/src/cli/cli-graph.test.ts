// Proves the graph command against the in-memory FakeSfn client: the machine drawn without a
// network call in either format and direction, and coloured from an execution's whole history.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/cli-setup.js';

describe('cli graph', () => {
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
