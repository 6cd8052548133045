// The seed's five examples end to end: the real SDK, real workers, the local endpoint, the
// seed's ASL. All five run at once, each on its own endpoint (they share the seed's machine
// and activity names), so the suite waits about as long as the slowest: the parallel
// example's 15 s Wait and the error-handling example's 10 s timeout, 3 s retry interval.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { Session } from '@sfini/runtime';
import { startLocalEndpoint } from '@sfini/testing';
import { describe, expect, it } from 'vitest';
import { type SeedExample, seedExamples } from './examples.js';
import { runSeedExample, type SeedRunResult } from './seed-runs.js';

interface Finished {
  run: SeedRunResult;
  history: HistoryEvent[];
  startedAt: number;
}

async function runWithHistory(example: SeedExample): Promise<Finished> {
  const endpoint = await startLocalEndpoint();
  const session = new Session({ endpoint: endpoint.url });
  try {
    const startedAt = Date.now();
    const run = await runSeedExample(example, { session, endpoint: endpoint.url });
    const history = await session.execution(run.executionArn).historyEvents();
    return { run, history, startedAt };
  } finally {
    session.destroy();
    await endpoint.close();
  }
}

// Started when the file loads, so all five run at once.
const runs = Object.fromEntries(
  seedExamples.map((example) => {
    const finished = runWithHistory(example);
    finished.catch(() => {}); // reported by the test that awaits it
    return [example.id, finished];
  }),
) as Record<SeedExample['id'], Promise<Finished>>;

const typesOf = (history: HistoryEvent[]) => history.map((event) => event.type);

describe('the seed examples, end to end', { timeout: 60_000 }, () => {
  it('file processing resizes the sample images and reads their centres', async () => {
    const { run } = await runs['file-processing'];
    expect(run.result.status).toBe('SUCCEEDED');
    if (run.result.status !== 'SUCCEEDED') return;
    expect(run.result.output).toMatchObject({
      res: [
        [128, 128, 128],
        [128, 255, 0],
        [0, 0, 0],
        [0, 0, 255],
      ],
    });
  });

  it('looping returns 12 for increment 3', async () => {
    const { run, history } = await runs.looping;
    expect(run.result).toMatchObject({ status: 'SUCCEEDED', output: 12 });
    expect(typesOf(history).filter((type) => type === 'ActivitySucceeded')).toHaveLength(4);
  });

  it('parallel returns both branch outputs, the second waited until its timestamp', async () => {
    const { run, startedAt } = await runs.parallel;
    expect(run.result.status).toBe('SUCCEEDED');
    if (run.result.status !== 'SUCCEEDED') return;
    const [logged, printed] = run.result.output as [unknown, { until: string }];
    expect(logged).toEqual({ level: 20, message: 'foo' });
    expect(printed).toMatchObject({ level: 20, message: 'foo' });
    const until = Date.parse(printed.until);
    expect(until - startedAt).toBeGreaterThanOrEqual(15_000);
    expect(run.result.stopDate!.getTime()).toBeGreaterThanOrEqual(until);
  });

  it('the CLI example registers, works, starts and waits through its CLI', async () => {
    const { run, history } = await runs.cli;
    expect(run.executionArn).toMatch(/:execution:myStateMachine:myStateMachine_/);
    expect(run.result).toEqual({ status: 'SUCCEEDED', output: null });
    const input = history.find((event) => event.type === 'ActivityScheduled')?.activityScheduledEventDetails
      ?.input;
    expect(JSON.parse(input!)).toEqual({ message: 'hello from the CLI example' });
  });

  it('error handling ends in the Fail state with WorkerError after the timeout retry', async () => {
    const { run, history } = await runs['error-handling'];
    expect(run.result).toMatchObject({ status: 'FAILED', error: 'WorkerError', cause: 'MyError was raised' });
    const types = typesOf(history);
    const timedOut = history.find((event) => event.type === 'ActivityTimedOut');
    expect(timedOut?.activityTimedOutEventDetails?.error).toBe('States.Timeout');
    const failed = history.find((event) => event.type === 'ActivityFailed');
    expect(failed?.activityFailedEventDetails?.error).toBe('MyError');
    expect(types.filter((type) => type === 'ActivityScheduled')).toHaveLength(2);
    expect(types.indexOf('ActivityTimedOut')).toBeLessThan(types.indexOf('ActivityFailed'));
    expect(types).toContain('FailStateEntered');
    expect(types.at(-1)).toBe('ExecutionFailed');
  });
});
