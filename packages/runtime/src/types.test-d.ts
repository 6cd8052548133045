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
import type { ExpressExecution, StateMachineType, SyncExecution } from './express-execution.js';
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

  it('knows from the type given whether start() returns an execution to wait for', () => {
    const express = session.stateMachine(machine, { type: 'EXPRESS' });
    expectTypeOf(express).toEqualTypeOf<StateMachineHandle<typeof machine, 'EXPRESS'>>();
    expectTypeOf(express.start).returns.resolves.toEqualTypeOf<ExpressExecution>();
    expectTypeOf(express.startSync).returns.resolves.toEqualTypeOf<
      SyncExecution<{ counter: number; label: string }>
    >();
    const standard = session.stateMachine(machine, { type: 'STANDARD', roleArn: 'arn' });
    expectTypeOf(standard.start).returns.resolves.toEqualTypeOf<
      Execution<{ counter: number; label: string }>
    >();
    const chosen = session.stateMachine(machine, { type: 'EXPRESS' as StateMachineType });
    expectTypeOf(chosen.start).returns.resolves.toEqualTypeOf<
      ExpressExecution | Execution<{ counter: number; label: string }>
    >();
    if (chosen.isExpress()) expectTypeOf(chosen.startSync).toBeFunction();
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
  const express = await session.stateMachine(machine, { type: 'EXPRESS' }).start({ increment: 1 });
  // @ts-expect-error AWS keeps no record of an EXPRESS execution to wait for
  await express.wait();
  // @ts-expect-error nor a history to read
  await express.historyEvents();
  // @ts-expect-error an EXPRESS execution started asynchronously has no output to read
  express.output;
  // @ts-expect-error startSync runs EXPRESS machines; a handle is STANDARD unless told otherwise
  await handle.startSync({ increment: 1 });
  const chosen = session.stateMachine(machine, { type: 'STANDARD' as StateMachineType });
  // @ts-expect-error a handle whose type is known only at run time must be narrowed (isExpress())
  await chosen.startSync({ increment: 1 });
  // @ts-expect-error what start() returns for it may be EXPRESS, so it must be narrowed first
  await (await chosen.start({ increment: 1 })).wait();
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
