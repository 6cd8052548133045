// Proves StateMachineHandle against the in-memory FakeSfn: activities are registered before the
// machine so the definition carries their real ARNs, existing machines are updated (never
// retyped), input is validated before any call, and deregistering removes only what it owns.
import { ActivityRegistration } from '@sfini/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { aslMachine, oneTaskMachine } from '../test/asl-machine.js';
import { awsError, FakeSfn } from '../test/fake-sfn.js';
import { ExecutionInputError, UnexpectedSyncStatusError } from './errors.js';
import { MachineConfigError } from './machine-config.js';
import { Session } from './session.js';
import { LOCAL_ROLE_ARN } from './state-machine.js';

const ROLE = 'arn:aws:iam::111122223333:role/sfn';

function fixture() {
  const fake = new FakeSfn();
  const session = new Session({ client: fake.client, region: 'eu-west-1' });
  const reg = new ActivityRegistration('pkg-');
  const inc = reg.activity(
    'increment',
    { input: z.object({ counter: z.number() }) },
    ({ counter }) => counter + 1,
  );
  const machine = aslMachine<{ counter: number }, number>(
    'counter',
    (arnOf) => ({ StartAt: 'inc', States: { inc: { Type: 'Task', Resource: arnOf(inc), End: true } } }),
    { activities: [inc], inputSchema: z.object({ counter: z.number(), label: z.string().default('x') }) },
  );
  return { fake, session, reg, inc, machine };
}

describe('StateMachineHandle', () => {
  it('registers activities first and emits the ARNs CreateActivity returned', async () => {
    const { fake, session, machine } = fixture();
    const arn = await session.stateMachine(machine, { roleArn: ROLE }).register();
    expect(arn).toBe('arn:aws:states:us-east-1:111122223333:stateMachine:counter');
    const definition = JSON.parse(fake.machines.get('counter')!.definition);
    expect(definition.States.inc.Resource).toBe(
      'arn:aws:states:us-east-1:111122223333:activity:pkg-increment',
    );
    expect(fake.sent.map((c) => c.name)).toEqual(['CreateActivity', 'CreateStateMachine']);
  });

  it('updates a machine that exists with another definition', async () => {
    const { fake, session, machine } = fixture();
    await session.stateMachine(machine, { roleArn: ROLE }).register();
    fake.machines.get('counter')!.definition = '{"changed":true}';
    const again = new Session({ client: fake.client });
    await again.stateMachine(machine, { roleArn: ROLE }).register();
    expect(fake.count('UpdateStateMachine')).toBe(1);
    expect(JSON.parse(fake.machines.get('counter')!.definition).StartAt).toBe('inc');
  });

  it('refuses to change the type of an existing machine', async () => {
    const { fake, session, machine } = fixture();
    await session.stateMachine(machine, { roleArn: ROLE }).register();
    fake.machines.get('counter')!.definition = '{}';
    const retyped = session.stateMachine(machine, { roleArn: ROLE, type: 'EXPRESS' }).register();
    await expect(retyped).rejects.toThrow(/exists as STANDARD; its type cannot change to EXPRESS/);
    await expect(retyped).rejects.toBeInstanceOf(MachineConfigError);
  });

  it('waits for a machine being deleted to free its name', async () => {
    const { fake, session, machine } = fixture();
    fake.failNext.set('CreateStateMachine', [awsError('StateMachineDeleting')]);
    await session.stateMachine(machine, { roleArn: ROLE }).register();
    expect(fake.count('CreateStateMachine')).toBe(2);
  });

  it('requires a role ARN on AWS but not on the local endpoint', async () => {
    const { fake, machine } = fixture();
    const aws = new Session({ client: fake.client });
    const roleless = aws.stateMachine(machine).register();
    await expect(roleless).rejects.toThrow(/needs a role ARN to register on AWS/);
    await expect(roleless).rejects.toBeInstanceOf(MachineConfigError);
    const local = new Session({ client: fake.client, endpoint: 'http://127.0.0.1:9' });
    await local.stateMachine(machine).register();
    expect(fake.machines.get('counter')!.roleArn).toBe(LOCAL_ROLE_ARN);
  });

  it('validates input against the machine schema, naming the field, before any call', async () => {
    const { fake, session, machine } = fixture();
    const handle = session.stateMachine(machine, { roleArn: ROLE });
    await handle.register();
    const before = fake.sent.length;
    // @ts-expect-error counter must be a number
    const start = handle.start({ counter: 'one' });
    await expect(start).rejects.toBeInstanceOf(ExecutionInputError);
    await expect(start).rejects.toThrow(/at \$\.counter: /);
    expect(fake.sent.length).toBe(before);
  });

  it('sends the parsed input (defaults applied) and a generated name', async () => {
    const { fake, session, machine } = fixture();
    const handle = session.stateMachine(machine, { roleArn: ROLE });
    await handle.register();
    fake.overrides.set('StartExecution', (input) => ({
      executionArn: `${input.stateMachineArn.replace(':stateMachine:', ':execution:')}:${input.name}`,
    }));
    const execution = await handle.start({ counter: 1 });
    const sent = fake.sent.find((c) => c.name === 'StartExecution')!.input;
    expect(JSON.parse(sent.input)).toEqual({ counter: 1, label: 'x' });
    expect(sent.name).toMatch(/^counter_\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d_[0-9a-f]{8}$/);
    expect(execution.name).toBe(sent.name);
    expectTypeOf<typeof execution.output>().toEqualTypeOf<number>();
  });

  it('finds a machine registered elsewhere by its exact name', async () => {
    const { fake, session, machine } = fixture();
    await session.stateMachine(machine, { roleArn: ROLE }).register();
    const other = new Session({ client: fake.client });
    expect(await other.stateMachine(machine).resolveArn()).toBe(fake.machines.get('counter')!.arn);
    const unknown = oneTaskMachine('nope', fixture().inc);
    await expect(other.stateMachine(unknown).resolveArn()).rejects.toThrow(
      /state machine 'nope' is not registered/,
    );
  });

  it('deregisters only the activities it owns', async () => {
    const { fake, session, machine, reg } = fixture();
    fake.activities.set('pkg-unrelated', 'arn:aws:states:us-east-1:111122223333:activity:pkg-unrelated');
    fake.activities.set('other', 'arn:aws:states:us-east-1:111122223333:activity:other');
    await session.stateMachine(machine, { roleArn: ROLE }).register();
    expect(await session.stateMachine(machine).deregister()).toBe(true);
    expect(await session.deregisterActivities(reg)).toEqual(['pkg-increment']);
    expect([...fake.activities.keys()].sort()).toEqual(['other', 'pkg-unrelated']);
    expect(await session.stateMachine(machine).deregister()).toBe(false);
  });

  it('emits a definition offline with ARNs from the session region', () => {
    const { session, machine } = fixture();
    const definition = session.stateMachine(machine).definition() as any;
    expect(definition.States.inc.Resource).toBe(
      'arn:aws:states:eu-west-1:123456789012:activity:pkg-increment',
    );
  });

  it('starts EXPRESS machines synchronously and refuses STANDARD ones', async () => {
    const { fake, session, machine } = fixture();
    const express = session.stateMachine(machine, { roleArn: ROLE, type: 'EXPRESS' });
    await express.register();
    fake.overrides.set('StartSyncExecution', () => ({
      executionArn: 'arn:aws:states:us-east-1:111122223333:express:counter:run:1',
      status: 'SUCCEEDED',
      output: '4',
    }));
    const execution = await express.startSync({ counter: 3 });
    expect(execution.output).toBe(4);
    const standard = session.stateMachine(machine);
    // @ts-expect-error startSync runs EXPRESS machines only, and this handle is STANDARD
    const refused = standard.startSync({ counter: 1 });
    await expect(refused).rejects.toThrow(/only EXPRESS/);
    await expect(refused).rejects.toBeInstanceOf(MachineConfigError);
  });

  it('names a StartSyncExecution status that is not final', async () => {
    const { fake, session, machine } = fixture();
    const express = session.stateMachine(machine, { roleArn: ROLE, type: 'EXPRESS' });
    await express.register();
    const executionArn = 'arn:aws:states:us-east-1:111122223333:express:counter:run:2';
    fake.overrides.set('StartSyncExecution', () => ({ executionArn, status: 'RUNNING' }));
    const error = await express.startSync({ counter: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedSyncStatusError);
    expect(error).toMatchObject({ executionArn, status: 'RUNNING' });
    expect((error as Error).message).toMatch(/answered status RUNNING for .*run:2; expected SUCCEEDED/);
  });
});
