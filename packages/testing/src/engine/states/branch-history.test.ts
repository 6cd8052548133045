// Proves the event chains of Parallel states inside concurrent Map iterations: each iteration's
// events link among themselves, and the Parallel's closing events point at the last event of the
// branch that ended last, as AWS links them.
import type { JsonValue } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { runExecution } from '../execution.js';
import type { HistoryEvent } from '../types.js';

/** The `i` an event's payload carries (every item of these machines has one), or its Map index. */
function tagOf(event: HistoryEvent): number | undefined {
  const iteration =
    event.mapIterationStartedEventDetails ??
    event.mapIterationSucceededEventDetails ??
    event.mapIterationFailedEventDetails ??
    event.mapIterationAbortedEventDetails;
  if (iteration) return iteration.index;
  const text = event.stateEnteredEventDetails?.input ?? event.stateExitedEventDetails?.output;
  if (text === undefined) return undefined;
  const value = JSON.parse(text) as unknown;
  const items = Array.isArray(value) ? value : [value];
  const tags = new Set(
    items.map((item) => (item as { i?: number } | null)?.i).filter((i) => i !== undefined),
  );
  return tags.size === 1 ? [...tags][0] : undefined;
}

/**
 * Follows every tagged event's previousEventId chain back to its MapIterationStarted: on the way,
 * every event must belong to the same iteration (or carry no tag), as AWS chains each iteration's
 * events among themselves. Returns the problems found.
 */
function chainProblems(history: readonly HistoryEvent[]): string[] {
  const byId = new Map(history.map((e) => [e.id, e]));
  const problems: string[] = [];
  const mapStarted = history.find((e) => e.type === 'MapStateStarted')!.id;
  for (const event of history) {
    const tag = tagOf(event);
    if (tag === undefined || event.id <= mapStarted || event.type === 'MapStateExited') continue;
    let at: HistoryEvent | undefined = event;
    while (at !== undefined && at.type !== 'MapIterationStarted') {
      at = byId.get(at.previousEventId);
      if (at === undefined || at.id <= mapStarted) {
        problems.push(
          `#${event.id} ${event.type} (item ${tag}) does not lead back to its MapIterationStarted`,
        );
        break;
      }
      const seen = tagOf(at);
      if (seen !== undefined && seen !== tag) {
        problems.push(
          `#${event.id} ${event.type} (item ${tag}) chains through #${at.id} ${at.type} of item ${seen}`,
        );
        break;
      }
    }
  }
  return problems;
}

/** A Map whose iterations each run a Parallel: one branch waits or fails, the other is instant. */
function parallelInMap(catchBranchFailures: boolean) {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemProcessor: {
          StartAt: 'Fan',
          States: {
            Fan: {
              Type: 'Parallel',
              Branches: [
                {
                  StartAt: 'Route',
                  States: {
                    Route: {
                      Type: 'Choice',
                      Choices: [
                        { Variable: '$.fail', IsPresent: true, Next: 'Boom' },
                        { Variable: '$.wait', NumericEquals: 0, Next: 'Done' },
                      ],
                      Default: 'Slow',
                    },
                    Slow: { Type: 'Wait', SecondsPath: '$.wait', Next: 'Done' },
                    Boom: { Type: 'Fail', Error: 'Item.Failed', Cause: 'item asked to fail' },
                    Done: { Type: 'Pass', End: true },
                  },
                },
                { StartAt: 'Quick', States: { Quick: { Type: 'Pass', End: true } } },
              ],
              ...(catchBranchFailures
                ? { Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'After' }] }
                : {}),
              Next: 'After',
            },
            After: { Type: 'Pass', End: true },
          },
        },
        End: true,
      },
    },
  };
}

describe('history of Parallel states inside concurrent Map iterations', () => {
  it("chains each iteration's events among themselves, including the Parallel's closing events", async () => {
    const items: JsonValue[] = [
      { i: 0, wait: 0 },
      { i: 1, wait: 2 },
      { i: 2, fail: true },
      { i: 3, wait: 1 },
      { i: 4, wait: 0 },
      { i: 5, fail: true },
    ];
    const result = await runExecution(parallelInMap(true), { items });
    expect(result.status).toBe('SUCCEEDED');
    const types = result.history.map((e) => e.type);
    expect(types.filter((t) => t === 'ParallelStateSucceeded')).toHaveLength(4);
    expect(types.filter((t) => t === 'ParallelStateFailed')).toHaveLength(2);
    expect(chainProblems(result.history)).toEqual([]);
  });

  it('points ParallelStateSucceeded and ParallelStateExited at the last event of the last branch to end', async () => {
    const result = await runExecution(parallelInMap(false), {
      items: [
        { i: 0, wait: 2 },
        { i: 1, wait: 0 },
      ],
    });
    const history = result.history;
    for (const succeeded of history.filter((e) => e.type === 'ParallelStateSucceeded')) {
      const exited = history.find((e) => e.id > succeeded.id && e.type === 'ParallelStateExited')!;
      expect(exited.previousEventId).toBe(succeeded.previousEventId);
      const last = history.find((e) => e.id === succeeded.previousEventId)!;
      expect(last.type).toBe('PassStateExited');
      expect(tagOf(last)).toBe(tagOf(exited));
    }
  });
});
