// Types of runMachine, both ways: the positive expectations run under vitest's typecheck, and the
// `@ts-expect-error` lines are compiled by tsc, so a collapse to `any` fails the build.
import { describe, expectTypeOf, it } from 'vitest';
import { charge, counterMachine, type OrderOutput, orderMachine } from './machine.test-support.js';
import {
  type ActivityAnswer,
  type ActivityAnswerEntry,
  answer,
  type MachineRun,
  runMachine,
} from './run-machine.js';
import type { ExecutionResult, LocalExecutionResult } from './types.js';

describe('runMachine types', () => {
  it('types the output from the machine', () => {
    const machine = orderMachine();
    const run = runMachine(machine, { amount: 1 }, { activities: { charge: 'handler', notify: 'handler' } });
    expectTypeOf(run).resolves.toEqualTypeOf<MachineRun<typeof machine>>();
    expectTypeOf<Awaited<typeof run>['output']>().toEqualTypeOf<OrderOutput | undefined>();
  });

  it('refuses input that is not the machine input', () => {
    const machine = orderMachine();
    const options = { activities: { charge: 'handler', notify: 'handler' } } as const;
    // @ts-expect-error the input lacks `amount`
    void runMachine(machine, {}, options);
    // @ts-expect-error `amount` must be a number
    void runMachine(machine, { amount: '12' }, options);
    // @ts-expect-error the activities option is required
    void runMachine(machine, { amount: 1 }, {});
    // @ts-expect-error an activity answer is 'handler' or a mock, not another string
    void runMachine(machine, { amount: 1 }, { activities: { charge: 'real' } });
  });

  it('keeps the output narrow', async () => {
    const run = await runMachine(
      orderMachine(),
      { amount: 1 },
      { activities: { charge: 'handler', notify: 'handler' } },
    );
    // @ts-expect-error the output has no field `missing`
    void run.output?.missing;
  });

  it('types input and output of a DSL machine', async () => {
    const counter = counterMachine;
    const run = await runMachine(counter, { counter: 1, step: 2 }, { activities: { increment: 'handler' } });
    expectTypeOf(run.output).toEqualTypeOf<{ counter: number; step: number } | undefined>();
    // @ts-expect-error the DSL machine's input needs `step`
    void runMachine(counter, { counter: 1 }, { activities: { increment: 'handler' } });
  });

  it('narrows on status: the output of a success, the error and cause of the rest', async () => {
    const run = await runMachine(
      counterMachine,
      { counter: 1, step: 2 },
      { activities: { increment: 'handler' } },
    );
    if (run.status === 'SUCCEEDED') {
      expectTypeOf(run.output).toEqualTypeOf<{ counter: number; step: number }>();
      expectTypeOf(run.error).toEqualTypeOf<undefined>();
    } else {
      expectTypeOf(run.status).toEqualTypeOf<'FAILED' | 'TIMED_OUT' | 'ABORTED'>();
      expectTypeOf(run.error).toEqualTypeOf<string | undefined>();
      expectTypeOf(run.cause).toEqualTypeOf<string | undefined>();
      expectTypeOf(run.output).toEqualTypeOf<undefined>();
    }
  });

  it('has a local result type that is not the runtime one, and the old name as an alias', () => {
    expectTypeOf<ExecutionResult>().toEqualTypeOf<LocalExecutionResult>();
    expectTypeOf<LocalExecutionResult['status']>().toEqualTypeOf<
      'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED'
    >();
  });

  it('refuses to read a success as a failure or a failure as a success', async () => {
    const run = await runMachine(
      counterMachine,
      { counter: 1, step: 2 },
      { activities: { increment: 'handler' } },
    );
    if (run.status === 'SUCCEEDED') {
      // @ts-expect-error a success carries no error text
      const error: string = run.error;
      void error;
    } else {
      // @ts-expect-error a failure carries no output
      const output: { counter: number } = run.output;
      void output;
    }
  });

  it('types a mock given with answer() from the activity output', () => {
    expectTypeOf(answer(charge, { return: { receipt: 'r-1' } })).toEqualTypeOf<ActivityAnswerEntry>();
    expectTypeOf(answer<typeof charge>)
      .parameter(1)
      .toEqualTypeOf<ActivityAnswer<{ receipt: string }>>();
    void answer(charge, [{ return: { receipt: 'a' } }, { throw: { error: 'Declined' } }]);
    void answer(charge, ({ invocation }) => ({ receipt: `r-${invocation}` }));
    // @ts-expect-error the receipt of charge is a string
    void answer(charge, { return: { receipt: 7 } });
    // @ts-expect-error charge returns an object with a receipt, not a bare string
    void answer(charge, [{ return: 'r-1' }]);
    // @ts-expect-error a mock function must return charge's output
    void answer(charge, () => ({ paid: true }));
    // @ts-expect-error an answer is 'handler' or a mock
    void answer(charge, 'real');
  });
});
