// Proves formatHistory prints one line per event (elapsed time, state, details, long payloads
// clipped), for AWS's events as the SDK returns them, for events parsed back from JSON, and for
// the local engine's events, whose payloads are getters.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { runExecution } from '@sfini/testing';
import { describe, expect, it } from 'vitest';
import { formatHistory } from './history.js';

const t0 = new Date('2024-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

const events: HistoryEvent[] = [
  {
    id: 1,
    type: 'ExecutionStarted',
    timestamp: t0,
    executionStartedEventDetails: { input: '{"increment":3}', roleArn: 'arn:aws:iam::1:role/r' },
  },
  {
    id: 2,
    type: 'TaskStateEntered',
    timestamp: at(5),
    stateEnteredEventDetails: { name: 'raise', input: '{}' },
  },
  {
    id: 3,
    type: 'ActivityScheduled',
    timestamp: at(6),
    activityScheduledEventDetails: {
      resource: 'arn:aws:states:us-east-1:1:activity:raise',
      timeoutInSeconds: 10,
    },
  },
  {
    id: 4,
    type: 'ActivityFailed',
    timestamp: at(1250),
    activityFailedEventDetails: { error: 'MyError', cause: 'foobar\n    at raise (file.js:1:1)' },
  },
  {
    id: 5,
    type: 'ExecutionFailed',
    timestamp: at(1300),
    executionFailedEventDetails: { error: 'WorkerError', cause: 'MyError was raised' },
  },
];

describe('formatHistory', () => {
  it('prints one line per event with elapsed time, state name and details', () => {
    const lines = formatHistory(events).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^\s+1\s+\+0\.000s\s+ExecutionStarted\s+input=\{"increment":3\}$/);
    expect(lines[1]).toMatch(/TaskStateEntered\s+raise\s+input=\{\}$/);
    expect(lines[2]).toContain('resource=arn:aws:states:us-east-1:1:activity:raise');
    expect(lines[2]).toContain('timeoutInSeconds=10');
    expect(lines[3]).toMatch(/\+1\.250s\s+ActivityFailed\s+error=MyError\s+cause=foobar at raise/);
    expect(lines[4]).toMatch(/ExecutionFailed\s+error=WorkerError\s+cause=MyError was raised$/);
  });

  it('clips long payloads', () => {
    const big = [
      {
        id: 1,
        type: 'ExecutionStarted',
        timestamp: t0,
        executionStartedEventDetails: { input: 'x'.repeat(500) },
      },
    ];
    const line = formatHistory(big, { maxPayloadChars: 20 });
    expect(line).toContain(`input=${'x'.repeat(19)}…`);
    expect(line).not.toContain('x'.repeat(21));
  });
});

describe('formatHistory on the local engine', () => {
  it('reads the payloads and assigned variables the engine exposes as getters', async () => {
    // The engine's details objects keep input, output and assignedVariables behind getters:
    // present for property access and JSON.stringify, absent from a spread.
    const result = await runExecution(
      {
        StartAt: 'count',
        States: {
          count: { Type: 'Pass', Assign: { total: 3, label: 'x' }, Result: { ok: true }, Next: 'boom' },
          boom: { Type: 'Fail', Error: 'Broken', Cause: 'on purpose' },
        },
      },
      { n: 1 },
    );
    const exited = result.history.find((event) => event.type === 'PassStateExited')!;
    expect({ ...exited.stateExitedEventDetails }).not.toHaveProperty('output');

    const lines = formatHistory(result.history).split('\n');
    expect(lines).toHaveLength(result.history.length);
    expect(lines[0]).toMatch(/^\s+1\s+\+0\.000s\s+ExecutionStarted\s+input=\{"n":1\}$/);
    expect(lines[1]).toMatch(/PassStateEntered\s+count\s+input=\{"n":1\}$/);
    expect(lines[2]).toMatch(
      /PassStateExited\s+count\s+output=\{"ok":true\}\s+assignedVariables=\{"label":"x","total":3\}$/,
    );
    expect(lines.at(-1)).toMatch(/ExecutionFailed\s+error=Broken\s+cause=on purpose$/);
  });

  it('reads events parsed back from JSON, with ISO or epoch-second timestamps', () => {
    const parsed = JSON.parse(JSON.stringify(events)) as { timestamp: string }[];
    expect(formatHistory(parsed)).toBe(formatHistory(events));
    const epoch = events.map((event) => ({ ...event, timestamp: event.timestamp!.getTime() / 1000 }));
    expect(formatHistory(epoch)).toBe(formatHistory(events));
  });
});
