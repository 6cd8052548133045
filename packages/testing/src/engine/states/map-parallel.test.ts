// Map and Parallel as AWS runs them: iteration and branch results in order, MaxConcurrency and
// tolerated failures, their history chains, variable scoping and the query language nested states
// use; many iterations at once stay within Node's listener limits.
import { describe, expect, it } from 'vitest';
import { runExecution } from '../execution.js';

/** A distributed Map whose iterations fail (error 'Negative') on negative items, with `fields`. */
function failingNegatives(fields: Record<string, unknown>) {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ...fields,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Check',
          States: {
            Check: {
              Type: 'Choice',
              Choices: [{ Variable: '$', NumericLessThan: 0, Next: 'Bad' }],
              Default: 'Good',
            },
            Bad: { Type: 'Fail', Error: 'Negative' },
            Good: { Type: 'Pass', End: true },
          },
        },
        End: true,
      },
    },
  };
}

describe('Map', () => {
  it('runs every item with ItemSelector and $$.Map.Item, results in item order', async () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index', 'tag.$': '$.tag' },
          ItemProcessor: {
            StartAt: 'Slow',
            States: {
              Slow: { Type: 'Wait', SecondsPath: '$.value', Next: 'Shape' },
              Shape: {
                Type: 'Pass',
                Parameters: { 'v.$': '$.value', 'i.$': '$.index', 't.$': '$.tag' },
                End: true,
              },
            },
          },
          End: true,
        },
      },
    };
    const result = await runExecution(definition, { tag: 'x', items: [3, 1, 2] });
    expect(result.output).toEqual([
      { v: 3, i: 0, t: 'x' },
      { v: 1, i: 1, t: 'x' },
      { v: 2, i: 2, t: 'x' },
    ]);
    const types = result.history.map((e) => e.type);
    expect(types.filter((t) => t === 'MapIterationStarted')).toHaveLength(3);
    expect(types.filter((t) => t === 'MapIterationSucceeded')).toHaveLength(3);
    expect(result.history.find((e) => e.type === 'MapStateStarted')!.mapStateStartedEventDetails).toEqual({
      length: 3,
    });
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(3_000);
  });

  it('honours MaxConcurrency on the virtual clock', async () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          MaxConcurrency: 2,
          ItemProcessor: { StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 10, End: true } } },
          End: true,
        },
      },
    };
    const result = await runExecution(definition, [1, 2, 3, 4, 5]);
    expect(result.output).toEqual([1, 2, 3, 4, 5]);
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(30_000);
  });

  it('runs many Task iterations at once without Node warning of too many abort listeners', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const definition = {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemsPath: '$.items',
            ItemProcessor: {
              StartAt: 'Work',
              States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', End: true } },
            },
            End: true,
          },
        },
      };
      const items = Array.from({ length: 40 }, (_, i) => i);
      const result = await runExecution(
        definition,
        { items },
        { mocks: { Work: { return: 1, delaySeconds: 1 } } },
      );
      expect(result.status).toBe('SUCCEEDED');
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
  });

  it('tolerates failures up to ToleratedFailureCount, then fails with the threshold error', async () => {
    const definition = (tolerated: number) => failingNegatives({ ToleratedFailureCount: tolerated });
    const ok = await runExecution(definition(1), [1, -1, 2]);
    expect(ok.status).toBe('SUCCEEDED');
    expect(ok.output).toEqual([1, { Error: 'Negative', Cause: '' }, 2]);
    expect(ok.history.map((e) => e.type)).toContain('MapRunSucceeded');
    const over = await runExecution(definition(1), [-1, -2, 3]);
    expect(over).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    });
    expect(over.history.map((e) => e.type)).toContain('MapRunFailed');
  });

  it('tolerates a percentage of failed items, fixed or read from the input, and refuses one over 100', async () => {
    const definition = (tolerance: Record<string, unknown>) =>
      failingNegatives({ ItemsPath: '$.items', ...tolerance });
    const oneOfFour = { items: [1, -1, 2, 3], pct: 25 };
    const twoOfFour = { items: [1, -1, -2, 3], pct: 25 };
    expect((await runExecution(definition({ ToleratedFailurePercentage: 25 }), oneOfFour)).status).toBe(
      'SUCCEEDED',
    );
    expect(await runExecution(definition({ ToleratedFailurePercentage: 25 }), twoOfFour)).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
    });
    const fromInput = definition({ ToleratedFailurePercentagePath: '$.pct' });
    expect((await runExecution(fromInput, oneOfFour)).status).toBe('SUCCEEDED');
    expect((await runExecution(fromInput, twoOfFour)).status).toBe('FAILED');
    expect(await runExecution(fromInput, { items: [1], pct: 101 })).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
    });
  });
});

describe('Map history', () => {
  it('links events as AWS does: iteration end events point back without becoming the chain', async () => {
    const definition = {
      StartAt: 'Start',
      States: {
        Start: { Type: 'Pass', Result: [1, 2], ResultPath: '$.arr', Next: 'Each' },
        Each: {
          Type: 'Map',
          InputPath: '$.arr',
          MaxConcurrency: 1,
          ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } },
          ResultPath: null,
          End: true,
        },
      },
    };
    const result = await runExecution(definition, {});
    expect(result.history.map((e) => [e.id, e.type, e.previousEventId])).toEqual([
      [1, 'ExecutionStarted', 0],
      [2, 'PassStateEntered', 0],
      [3, 'PassStateExited', 2],
      [4, 'MapStateEntered', 3],
      [5, 'MapStateStarted', 4],
      [6, 'MapIterationStarted', 5],
      [7, 'PassStateEntered', 6],
      [8, 'PassStateExited', 7],
      [9, 'MapIterationSucceeded', 8],
      [10, 'MapIterationStarted', 8],
      [11, 'PassStateEntered', 10],
      [12, 'PassStateExited', 11],
      [13, 'MapIterationSucceeded', 12],
      [14, 'MapStateSucceeded', 13],
      [15, 'MapStateExited', 13],
      [16, 'ExecutionSucceeded', 15],
    ]);
  });
});

describe('Parallel', () => {
  it('gives each branch the input and returns their outputs in branch order', async () => {
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'A',
              States: {
                A: { Type: 'Wait', Seconds: 5, Next: 'A2' },
                A2: { Type: 'Pass', Result: 'a', End: true },
              },
            },
            { StartAt: 'B', States: { B: { Type: 'Pass', Result: 'b', End: true } } },
          ],
          ResultPath: '$.results',
          End: true,
        },
      },
    };
    const result = await runExecution(definition, { in: 1 });
    expect(result.output).toEqual({ in: 1, results: ['a', 'b'] });
  });

  it('stops the other branches when one fails, and the failure reaches Catch', async () => {
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Long',
              States: {
                Long: { Type: 'Wait', Seconds: 100, Next: 'After' },
                After: { Type: 'Pass', End: true },
              },
            },
            { StartAt: 'Fails', States: { Fails: { Type: 'Fail', Error: 'Branch.Broke', Cause: 'b2' } } },
          ],
          Catch: [{ ErrorEquals: ['Branch.Broke'], Next: 'Recovered' }],
          End: true,
        },
        Recovered: { Type: 'Pass', End: true },
      },
    };
    const result = await runExecution(definition, {});
    expect(result.output).toEqual({ Error: 'Branch.Broke', Cause: 'b2' });
    const names = result.history.flatMap((e) =>
      e.stateEnteredEventDetails ? [e.stateEnteredEventDetails.name] : [],
    );
    expect(names).not.toContain('After');
    expect(result.history.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ParallelStateFailed', 'ParallelStateExited']),
    );
  });
});

describe('variables', () => {
  it('are read in branches and iterations, written only in their own scope', async () => {
    const definition = {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { base: 10, mode: 'outer' }, Next: 'Each' },
        Each: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Inner',
            States: {
              Inner: { Type: 'Pass', Assign: { mode: 'inner' }, Next: 'Use' },
              Use: {
                Type: 'Pass',
                Parameters: { 'sum.$': 'States.MathAdd($, $base)', 'mode.$': '$mode' },
                End: true,
              },
            },
          },
          Next: 'After',
        },
        After: { Type: 'Pass', Parameters: { 'results.$': '$', 'mode.$': '$mode' }, End: true },
      },
    };
    const result = await runExecution(definition, [1, 2]);
    expect(result.output).toEqual({
      results: [
        { sum: 11, mode: 'inner' },
        { sum: 12, mode: 'inner' },
      ],
      mode: 'outer',
    });
  });

  it('take effect after the state: its own paths still see the old values', async () => {
    const definition = {
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { n: 1 }, Next: 'Bump' },
        Bump: {
          Type: 'Pass',
          Assign: { 'n.$': 'States.MathAdd($n, 1)' },
          Parameters: { 'before.$': '$n' },
          Next: 'Show',
        },
        Show: { Type: 'Pass', Parameters: { 'after.$': '$n', 'was.$': '$.before' }, End: true },
      },
    };
    const result = await runExecution(definition, {});
    expect(result.output).toEqual({ after: 2, was: 1 });
    const assigned = result.history.filter((e) => e.stateExitedEventDetails?.assignedVariables);
    expect(assigned.map((e) => e.stateExitedEventDetails!.assignedVariables)).toEqual([
      { n: '1' },
      { n: '2' },
    ]);
  });
});

describe('query language of nested states', () => {
  it("is the machine's, not the enclosing Map's or Parallel's, as AWS reads it", async () => {
    const inner = (name: string) => ({
      StartAt: name,
      States: { [name]: { Type: 'Pass', Parameters: { 'v.$': '$' }, End: true } },
    });
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          QueryLanguage: 'JSONata',
          Items: '{% $states.input.list %}',
          ItemProcessor: inner('Shape'),
          Next: 'Fan',
        },
        Fan: { Type: 'Parallel', QueryLanguage: 'JSONata', Branches: [inner('Wrap')], End: true },
      },
    };
    const result = await runExecution(definition, { list: [1, 2] });
    expect(result.output).toEqual([{ v: [{ v: 1 }, { v: 2 }] }]);
  });
});
