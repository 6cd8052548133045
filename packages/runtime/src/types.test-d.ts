// The runtime keeps the machine's types end to end: what `start` accepts is the machine's
// input, what `output` gives is its output, and a result is narrowed by its status. The
// `@ts-expect-error` lines are compiled by tsc: were these types to collapse to `any`, the
// unused directives would fail the build.
import { ActivityRegistration, type StateMachineLike } from '@sfini/core';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { Execution, ExecutionResult } from './execution.js';
import { Session } from './session.js';
import type { StateMachineHandle } from './state-machine.js';

declare const machine: StateMachineLike<{ increment: number }, { counter: number; label: string }>;
const session = new Session({ endpoint: 'http://127.0.0.1:1' });
const handle = session.stateMachine(machine);

describe('runtime types', () => {
  it('starts with the machine input and resolves to its output', () => {
    expectTypeOf(handle).toEqualTypeOf<StateMachineHandle<typeof machine>>();
    expectTypeOf(handle.start).parameter(0).toEqualTypeOf<{ increment: number }>();
    expectTypeOf(handle.start).returns.resolves.toEqualTypeOf<
      Execution<{ counter: number; label: string }>
    >();
    expectTypeOf<Execution<{ counter: number }>['output']>().toEqualTypeOf<{ counter: number }>();
  });

  it('narrows a result by its status', () => {
    const result = {} as ExecutionResult<number>;
    if (result.status === 'SUCCEEDED') expectTypeOf(result.output).toEqualTypeOf<number>();
    else expectTypeOf(result.error).toEqualTypeOf<string | undefined>();
  });

  it('gives untyped executions unknown output', () => {
    expectTypeOf(session.execution('arn').output).toBeUnknown();
  });

  it('takes registrations and activity lists alike', () => {
    const reg = new ActivityRegistration('p-');
    const a = reg.activity('a', { input: z.object({ n: z.number() }) }, ({ n }) => n);
    expectTypeOf(session.registerActivities).toBeCallableWith(reg);
    expectTypeOf(session.registerActivities).toBeCallableWith([a]);
  });
});

async function rejected(): Promise<void> {
  // @ts-expect-error the input lacks `increment`
  await handle.start({});
  // @ts-expect-error `increment` must be a number
  await handle.start({ increment: 'three' });
  const execution = await handle.start({ increment: 3 });
  // @ts-expect-error the output has no field `missing`
  execution.output.missing;
  // @ts-expect-error `counter` is a number, not a string
  execution.output.counter satisfies string;
  const result = await execution.wait();
  // @ts-expect-error `output` exists only once the status is narrowed to SUCCEEDED
  result.output;
  // @ts-expect-error a worker needs an activity, not a name
  session.worker('increment');
  // @ts-expect-error the type is STANDARD or EXPRESS
  session.stateMachine(machine, { type: 'FAST' });
}
void rejected;
