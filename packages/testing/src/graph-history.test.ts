// The local engine's histories are meant to be read by the same tools as AWS's. This reads
// engine runs with @sfini/core/graph: every state's outcome, visit counts and retries, and the
// path taken must come out as the run went, including iterations and branches that overlap.

import type { JsonValue } from '@sfini/core';
import { analyzeHistory, toSvg } from '@sfini/core/graph';
import { describe, expect, test } from 'vitest';
import { errorHandling, looping, parallelInMap } from '../../core/src/graph/machines.test-support.js';
import { runExecution } from './index.js';

const outcomes = (result: ReturnType<typeof analyzeHistory>) =>
  Object.fromEntries([...result.states].map(([name, run]) => [name, run.outcome]));
const counts = (result: ReturnType<typeof analyzeHistory>, name: string) =>
  Object.fromEntries(Object.entries(result.states.get(name)!.counts).filter(([, n]) => n > 0));

describe('engine histories read by the graph module', () => {
  test('error handling: a timeout retried, then MyError caught into the Fail state', async () => {
    const run = await runExecution(
      errorHandling,
      {},
      {
        mocks: {
          raise: [{ throw: { error: 'States.Timeout' } }, { throw: { error: 'MyError', cause: 'foobar' } }],
        },
      },
    );
    const result = analyzeHistory(errorHandling, run.history);
    expect(result.status).toBe('failed');
    expect(result.states.get('raise')).toMatchObject({
      outcome: 'caught',
      retries: 1,
      errors: ['States.Timeout', 'MyError'],
    });
    expect(result.states.get('fail')?.outcome).toBe('failed');
    const svg = await toSvg(errorHandling, { history: run.history });
    expect(svg).toMatch(
      /data-name="raise" data-type="Task"[^>]* data-outcome="caught" data-visits="1" data-retries="1"/,
    );
  });

  test('looping: four increments, then the Succeed state', async () => {
    let counter = 0;
    const run = await runExecution(looping, { increment: 3 }, { mocks: { increment: () => (counter += 3) } });
    expect(run.output).toBe(12);
    const result = analyzeHistory(looping, run.history);
    expect(result.status).toBe('succeeded');
    expect(result.states.get('increment')).toMatchObject({ outcome: 'succeeded', visits: 4 });
    expect(result.states.get('end')).toMatchObject({ outcome: 'succeeded', visits: 1 });
  });

  test('a Parallel inside a Map: overlapping iterations are counted apart', async () => {
    const orders: JsonValue = [{ stock: 5, quantity: 1 }, { quantity: 2 }, { stock: 1, quantity: 1 }];
    const run = await runExecution(
      parallelInMap,
      { orders },
      {
        mocks: {
          check: ({ input }) => input,
          reserve: { return: 'reserved' },
          price: ({ invocation }) => {
            if (invocation === 2) throw Object.assign(new Error('no price'), { name: 'PriceUnavailable' });
            return 10;
          },
          store: { return: 'stored' },
        },
      },
    );
    const result = analyzeHistory(parallelInMap, run.history);
    expect(result.status).toBe('failed');
    expect(outcomes(result)).toMatchObject({
      prepare: 'succeeded',
      eachOrder: 'caught',
      checkAndPrice: 'failed',
      check: 'succeeded',
      price: 'failed',
      summarize: 'notReached',
      reportFailure: 'failed',
    });
    expect(counts(result, 'check')).toEqual({ succeeded: 3 });
    expect(counts(result, 'price')).toEqual({ succeeded: 2, failed: 1 });
    expect(counts(result, 'checkAndPrice')).toEqual({ succeeded: 2, failed: 1 });
    expect(result.states.get('backorder')?.visits).toBe(2);
    expect(result.unknownStates).toEqual([]);
  });
});
