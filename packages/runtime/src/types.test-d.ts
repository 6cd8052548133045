// The runtime keeps the machine's types end to end: what `start` accepts is the machine's
// input, what `output` gives is its output, and a result is narrowed by its status. The
// `@ts-expect-error` lines are compiled by tsc: were these types to collapse to `any`, the
// unused directives would fail the build.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { ActivityRegistration, type StateMachineLike } from '@sfini/core';
import type { ExecutionResult as LocalExecutionResult } from '@sfini/testing';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { Execution, ExecutionResult } from './execution.js';
import { formatHistory, formatHistoryEvent, type HistoryEventLike } from './history.js';
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

  it('formats histories from the SDK and from the local engine alike', () => {
    expectTypeOf(formatHistory).toBeCallableWith([] as HistoryEvent[]);
    expectTypeOf(formatHistory).toBeCallableWith([] as LocalExecutionResult['history']);
    expectTypeOf(formatHistoryEvent).toBeCallableWith({} as HistoryEvent);
    expectTypeOf(formatHistoryEvent).toBeCallableWith({} as LocalExecutionResult['history'][number]);
    expectTypeOf<HistoryEvent>().toExtend<HistoryEventLike>();
    expectTypeOf<LocalExecutionResult['history'][number]>().toExtend<HistoryEventLike>();
    expectTypeOf(formatHistory).returns.toEqualTypeOf<string>();
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
  // @ts-expect-error a history is a list of events, not one event
  formatHistory({ id: 1, type: 'ExecutionStarted', timestamp: new Date() });
  // @ts-expect-error an event's id is a number
  formatHistory([{ id: '1', type: 'ExecutionStarted' }]);
  // @ts-expect-error an event's type is text
  formatHistory([{ id: 1, type: 7 }]);
  // @ts-expect-error an event's timestamp is a Date, epoch seconds or ISO text
  formatHistory([{ id: 1, timestamp: true }]);
  // @ts-expect-error a value sharing no field with an event is not an event
  formatHistory([{ name: 'ExecutionStarted' }]);
}
void rejected;
