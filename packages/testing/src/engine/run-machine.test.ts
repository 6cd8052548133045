// Proves runMachine, the typed test entry point: real handlers and mocks side by side, mocks per
// invocation (failures included), a refusal naming missing and unknown activities before anything
// runs, and machines built with the DSL.
import { describe, expect, it } from 'vitest';
import { counterMachine, orderMachine } from './machine.test-support.js';
import { MachineTestSetupError, runMachine } from './run-machine.js';

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
    expect((error as MachineTestSetupError).missing).toEqual(['notify']);
    expect((error as MachineTestSetupError).unknown).toEqual(['refund']);
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
