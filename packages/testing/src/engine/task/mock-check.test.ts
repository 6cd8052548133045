// Proves that mocks cannot silently miss: a key naming no Task state (nested ones included) or no
// activity is refused before the run with every name listed, a scripted return an activity's
// output schema refuses is refused up front, and a function mock's refused result fails the
// execution with States.Runtime, past any Catch. Accepted results are parsed as the activity's own.
import { activity, activityArn } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runExecution, startExecution } from '../execution.js';
import { charge, notify, orderMachine } from '../machine.test-support.js';
import { MockSetupError } from './mock-check.js';

const nested = {
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'Each',
          States: {
            Each: {
              Type: 'Map',
              ItemProcessor: {
                StartAt: 'Inner',
                States: { Inner: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
              },
              End: true,
            },
          },
        },
      ],
      End: true,
    },
  },
};

describe('mocks checked against the machine', () => {
  it('refuses mocks naming no Task state, listing them and the Task states there are', async () => {
    const error = await runExecution(
      orderMachine(),
      { amount: 1 },
      { mocks: { chrage: { return: { receipt: 'r' } }, Shape: { return: {} }, Notify: { return: {} } } },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockSetupError);
    expect((error as MockSetupError).unknownStates).toEqual(['chrage', 'Shape']);
    expect((error as Error).message).toBe(
      "mocks name no Task state of the machine: 'chrage', 'Shape' (its Task states: 'Charge', 'Notify')",
    );
  });

  it('finds Task states inside Parallel branches and Map item processors', async () => {
    const result = await runExecution(nested, [1, 2], { mocks: { Inner: { return: 'ok' } } });
    expect(result.output).toEqual([['ok', 'ok']]);
    expect(() => startExecution(nested, [1], { mocks: { inner: { return: 'ok' } } })).toThrow(
      /'inner' \(its Task states: 'Inner'\)/,
    );
  });

  it('refuses activityMocks naming no activity a Task runs', () => {
    expect(() =>
      startExecution(orderMachine(), { amount: 1 }, { activityMocks: { refund: { return: 1 } } }),
    ).toThrow("activityMocks name no activity the machine runs: 'refund'");
  });

  it('refuses, before the run, scripted returns the activity output schema refuses', () => {
    const error = (() => {
      try {
        startExecution(
          orderMachine(),
          { amount: 1 },
          {
            mocks: {
              Charge: [{ return: { receipt: 'r' } }, { return: { receipt: 7 } }],
              Notify: { return: 'anything' },
            },
          },
        );
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(MockSetupError);
    expect((error as MockSetupError).refusedReturns).toEqual([
      "response 1 of the mock of state 'Charge' returns what the output schema of activity 'charge' refuses: at $.receipt: Invalid input: expected string, received number",
    ]);
  });

  it('fails the execution with States.Runtime, past a Catch, when a function mock returns what the schema refuses', async () => {
    const definition = {
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Resource: activityArn('charge'),
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recovered' }],
          End: true,
        },
        Recovered: { Type: 'Succeed' },
      },
    };
    const result = await runExecution(
      definition,
      { amount: 1 },
      {
        activities: [charge, notify],
        mocks: { Charge: () => ({ receipt: null }) },
      },
    );
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toMatch(
      /^The mock for 'Charge' returned what the output schema of activity 'charge' refuses: at \$\.receipt: /,
    );
  });

  it('hands on an accepted mock result as the activity would: parsed by its output schema', async () => {
    const priced = activity(
      'price',
      { input: z.object({}), output: z.object({ total: z.number(), currency: z.string().default('EUR') }) },
      () => ({ total: 1, currency: 'USD' }),
    );
    const definition = {
      StartAt: 'Price',
      States: { Price: { Type: 'Task', Resource: activityArn('price'), End: true } },
    };
    const result = await runExecution(
      definition,
      {},
      { activities: [priced], mocks: { Price: { return: { total: 3 } } } },
    );
    expect(result.output).toEqual({ total: 3, currency: 'EUR' });
  });

  it('checks a scripted return against every activity a repeated Task name runs', () => {
    const price = activity('price', { input: z.object({}), output: z.object({ total: z.number() }) }, () => ({
      total: 1,
    }));
    const branch = (activityName: string) => ({
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: activityArn(activityName), End: true } },
    });
    const definition = {
      StartAt: 'Both',
      States: { Both: { Type: 'Parallel', Branches: [branch('charge'), branch('price')], End: true } },
    };
    const refused = (() => {
      try {
        startExecution(
          definition,
          {},
          { validation: 'runnable', activities: [charge, price], mocks: { Work: { return: { total: 3 } } } },
        );
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(refused).toBeInstanceOf(MockSetupError);
    expect((refused as MockSetupError).refusedReturns).toEqual([
      "the mock of state 'Work' returns what the output schema of activity 'charge' refuses: at $.receipt: Invalid input: expected string, received undefined",
    ]);
  });
});
