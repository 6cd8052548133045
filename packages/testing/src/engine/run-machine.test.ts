// Proves runMachine, the typed test entry point: real handlers and mocks side by side, mocks per
// invocation (failures included), a refusal naming missing and unknown activities before anything
// runs, machines built with the DSL, input parsed by the machine's input schema, and answers
// keyed by full or unambiguous local name or given with the activity object.
import {
  ActivityRegistration,
  activity,
  activityArn,
  ExecutionInputError,
  machine,
  type StateMachineLike,
} from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { counterMachine, orderMachine } from './machine.test-support.js';
import { answer, MachineTestSetupError, runMachine } from './run-machine.js';
import { MockSetupError } from './task/mock-check.js';

describe('runMachine', () => {
  it('runs real handlers and mocks side by side', async () => {
    const run = await runMachine(
      orderMachine(),
      { amount: 12 },
      {
        activities: { charge: 'handler', notify: { return: { sent: false } } },
      },
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({ receipt: 'paid 12', sent: false });
  });

  it('mocks an activity per invocation, including failures', async () => {
    const run = await runMachine(
      orderMachine(),
      { amount: 1 },
      {
        activities: { charge: { throw: { error: 'Card.Declined', cause: 'expired' } }, notify: 'handler' },
      },
    );
    expect(run).toMatchObject({ status: 'FAILED', error: 'Card.Declined', cause: 'expired' });
  });

  it('refuses to start unless every activity is answered, naming the missing and unknown ones', async () => {
    const error = await runMachine(
      orderMachine(),
      { amount: 1 },
      { activities: { charge: 'handler', refund: 'handler' } },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MachineTestSetupError);
    expect((error as MachineTestSetupError).unansweredActivities).toEqual(['notify']);
    expect((error as MachineTestSetupError).unknownActivities).toEqual(['refund']);
    expect((error as Error).message).toMatch(/no handler or mock for 'notify'.*no activity named 'refund'/);
  });
});

describe('runMachine with a machine built by the DSL', () => {
  it('runs the emitted ASL with the activities the machine names', async () => {
    const counter = counterMachine;
    const real = await runMachine(counter, { counter: 1, step: 2 }, { activities: { increment: 'handler' } });
    expect(real.output).toEqual({ counter: 3, step: 2 });
    const mocked = await runMachine(
      counter,
      { counter: 1, step: 2 },
      { activities: { increment: { return: 40 } } },
    );
    expect(mocked.output).toEqual({ counter: 40, step: 2 });
  });
});

describe('runMachine parses the input with the machine input schema, as a start on AWS does', () => {
  const delayed = machine('delayed', { input: z.object({ seconds: z.number().default(1) }) }, (s) =>
    s.wait('hold', { secondsPath: '$.seconds' }).succeed('done'),
  );

  it('applies the schema defaults before the first state runs', async () => {
    const run = await runMachine(delayed, {}, { activities: {} });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({ seconds: 1 });
    expect(run.history[0]?.executionStartedEventDetails?.input).toBe('{"seconds":1}');
  });

  it('refuses bad input with the runtime error, naming the field, and runs nothing', async () => {
    // @ts-expect-error seconds must be a number
    const error = await runMachine(delayed, { seconds: 'soon' }, { activities: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExecutionInputError);
    expect((error as ExecutionInputError).stateMachine).toBe('delayed');
    expect((error as Error).message).toMatch(
      /^input of state machine 'delayed' is invalid: at \$\.seconds: /,
    );
  });
});

describe('runMachine answers by full name, unambiguous local name, or activity object', () => {
  const billing = new ActivityRegistration('billing-');
  const shipping = new ActivityRegistration('shipping-');
  const bill = billing.activity(
    'send',
    { input: z.object({}), output: z.object({ billed: z.boolean() }) },
    () => ({
      billed: true,
    }),
  );
  const ship = shipping.activity(
    'send',
    { input: z.object({}), output: z.object({ shipped: z.boolean() }) },
    () => ({
      shipped: true,
    }),
  );
  const audit = billing.activity('audit', { input: z.object({}) }, () => 'audited');
  const twoSends: StateMachineLike<Record<string, never>, unknown> = {
    kind: 'sfini.stateMachine',
    name: 'two-sends',
    inputSchema: undefined,
    activities: [bill, ship, audit],
    toDefinition: () => ({
      StartAt: 'Bill',
      States: {
        Bill: { Type: 'Task', Resource: activityArn(bill.name), ResultPath: '$.bill', Next: 'Ship' },
        Ship: { Type: 'Task', Resource: activityArn(ship.name), ResultPath: '$.ship', Next: 'Audit' },
        Audit: { Type: 'Task', Resource: activityArn(audit.name), ResultPath: '$.audit', End: true },
      },
    }),
  };

  it('takes a local name that only one activity has, and full names for the rest', async () => {
    const run = await runMachine(
      twoSends,
      {},
      {
        activities: {
          audit: 'handler',
          'billing-send': 'handler',
          'shipping-send': { return: { shipped: false } },
        },
      },
    );
    expect(run.output).toEqual({ bill: { billed: true }, ship: { shipped: false }, audit: 'audited' });
  });

  it('refuses a local name several activities share, and an activity answered twice', async () => {
    const error = await runMachine(
      twoSends,
      {},
      { activities: { send: 'handler', audit: 'handler', 'billing-audit': 'handler' } },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MachineTestSetupError);
    expect((error as MachineTestSetupError).unansweredActivities).toEqual(['billing-send', 'shipping-send']);
    expect((error as MachineTestSetupError).ambiguousActivities).toEqual([
      "'send' is the local name of 'billing-send', 'shipping-send': give the full name",
      "'billing-audit' is answered twice (as 'billing-audit' too)",
    ]);
  });

  it('takes answer() entries with the activity objects, refusing activities the machine does not run', async () => {
    const run = await runMachine(
      twoSends,
      {},
      {
        activities: [
          answer(bill, { return: { billed: false } }),
          answer(ship, 'handler'),
          answer(audit, 'handler'),
        ],
      },
    );
    expect(run.output).toEqual({ bill: { billed: false }, ship: { shipped: true }, audit: 'audited' });
    const stranger = activity('stranger', { input: z.object({}) }, () => 1);
    await expect(
      runMachine(
        twoSends,
        {},
        {
          activities: [
            answer(bill, 'handler'),
            answer(ship, 'handler'),
            answer(audit, 'handler'),
            answer(stranger, 'handler'),
          ],
        },
      ),
    ).rejects.toThrow("runMachine: the machine runs no activity named 'stranger'");
  });

  it("mocks an activity named '__proto__' as any other, without touching a prototype", async () => {
    const proto = activity(
      '__proto__',
      { input: z.object({}), output: z.object({ ok: z.boolean() }) },
      () => ({
        ok: true,
      }),
    );
    const protoMachine: StateMachineLike<Record<string, never>, unknown> = {
      kind: 'sfini.stateMachine',
      name: 'proto',
      inputSchema: undefined,
      activities: [proto],
      toDefinition: () => ({
        StartAt: 'Call',
        States: { Call: { Type: 'Task', Resource: activityArn(proto.name), End: true } },
      }),
    };
    // A computed key makes an own property; a plain `__proto__:` would set the literal's prototype.
    const run = await runMachine(
      protoMachine,
      {},
      { activities: { ['__proto__']: { return: { ok: false } } } },
    );
    expect(run).toMatchObject({ status: 'SUCCEEDED', output: { ok: false } });
    const byObject = await runMachine(
      protoMachine,
      {},
      { activities: [answer(proto, { return: { ok: false } })] },
    );
    expect(byObject).toMatchObject({ status: 'SUCCEEDED', output: { ok: false } });
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('checks mocked returns against the activity output schema', async () => {
    const error = await runMachine(
      twoSends,
      {},
      {
        activities: {
          audit: 'handler',
          'billing-send': { return: { billed: 'yes' } },
          'shipping-send': 'handler',
        },
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockSetupError);
    expect((error as Error).message).toMatch(
      /^the mock of activity 'billing-send' returns what the output schema of activity 'billing-send' refuses: at \$\.billed: /,
    );
  });
});
