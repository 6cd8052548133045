// Registration and executions against the local endpoint, through the real SDK: what the unit
// tests check against a fake, checked against a server that answers as Step Functions does.
import { ActivityRegistration } from '@sfini/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aslMachine } from '../test/asl-machine.js';
import { type LocalEndpoint, startLocalEndpoint } from '../test/local-endpoint.js';
import { EndpointUnsupportedError, ExpressExecutionError } from './errors.js';
import { Execution } from './execution.js';
import { ExpressExecution } from './express-execution.js';
import { formatHistory } from './history.js';
import { Session } from './session.js';

let endpoint: LocalEndpoint;
let session: Session;

beforeAll(async () => {
  endpoint = await startLocalEndpoint();
  session = new Session({ endpoint: endpoint.url });
});
afterAll(async () => {
  session.destroy();
  await endpoint.close();
});

const passMachine = (name: string, result: unknown) =>
  aslMachine<unknown, unknown>(name, () => ({
    StartAt: 'p',
    States: { p: { Type: 'Pass', Result: result, End: true } },
  }));

describe('registration end to end', () => {
  it('registers activities idempotently and deregisters only its own', async () => {
    const mine = new ActivityRegistration('ownA-');
    mine.activity('one', { input: z.unknown() }, () => 1);
    mine.activity('two', { input: z.unknown() }, () => 2);
    const theirs = new ActivityRegistration('ownA-');
    theirs.activity('three', { input: z.unknown() }, () => 3);
    const first = await session.registerActivities(mine);
    const again = await new Session({ endpoint: endpoint.url }).registerActivities(mine);
    expect([...again]).toEqual([...first]);
    await session.registerActivities(theirs);
    expect(await session.deregisterActivities(mine)).toEqual(['ownA-one', 'ownA-two']);
    const left = await session.activities.describe([...mine.activities, ...theirs.activities]);
    expect(left.map((a) => a.name)).toEqual(['ownA-three']);
    await session.deregisterActivities(theirs);
  });

  it('creates a machine, then updates it when the definition changes', async () => {
    const v1 = session.stateMachine(passMachine('updatable', 1), { tags: { team: 'a' } });
    const arn = await v1.register();
    const v2 = new Session({ endpoint: endpoint.url }).stateMachine(passMachine('updatable', 2));
    expect(await v2.register()).toBe(arn);
    const described = await v2.describe();
    expect(JSON.parse(described.definition!).States.p.Result).toBe(2);
    expect(described.type).toBe('STANDARD');
    expect(await v2.deregister()).toBe(true);
    expect(await v2.deregister()).toBe(false);
  });
});

describe('deployment options end to end', () => {
  it('stores logging and tracing (shown by DescribeStateMachine) and refuses to publish', async () => {
    const logGroup = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/logged';
    const handle = session.stateMachine(passMachine('logged', 1), {
      logging: { level: 'ALL', destination: logGroup, includeExecutionData: true },
      tracing: true,
    });
    await handle.register();
    const described = await handle.describe();
    expect(described.loggingConfiguration).toEqual({
      level: 'ALL',
      includeExecutionData: true,
      destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: `${logGroup}:*` } }],
    });
    expect(described.tracingConfiguration).toEqual({ enabled: true });
    const publishing = session.stateMachine(passMachine('logged', 2), { publish: true });
    await expect(publishing.register()).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/not supported by the local endpoint/),
    });
    await handle.deregister();
  });

  it('says that redrive needs AWS', async () => {
    const failing = aslMachine('failing', () => ({
      StartAt: 'f',
      States: { f: { Type: 'Fail', Error: 'Broken', Cause: 'on purpose' } },
    }));
    const handle = session.stateMachine(failing);
    await handle.register();
    const execution = await handle.start({});
    expect((await execution.wait({ timeoutMs: 5000 })).status).toBe('FAILED');
    await expect(execution.redrive()).rejects.toBeInstanceOf(EndpointUnsupportedError);
    await handle.deregister();
  });
});

describe('executions end to end', () => {
  it('runs an EXPRESS machine synchronously', async () => {
    const handle = session.stateMachine(passMachine('expressPass', { ok: true }), { type: 'EXPRESS' });
    await handle.register();
    const execution = await handle.startSync({});
    expect(execution.result?.status).toBe('SUCCEEDED');
    expect(execution.output).toEqual({ ok: true });
    await handle.deregister();
  });

  it('starts an EXPRESS machine asynchronously with a handle that cannot be waited for', async () => {
    const handle = session.stateMachine(passMachine('expressAsync', 1), { type: 'EXPRESS' });
    await handle.register();
    const started = await handle.start({});
    expect(started).toBeInstanceOf(ExpressExecution);
    expect(started).not.toBeInstanceOf(Execution);
    expect(started.arn).toMatch(/:express:expressAsync:/);
    expect('wait' in started).toBe(false);
    // A handle made from the ARN explains instead of passing on the service's InvalidArn.
    const byArn = session.execution(started.arn);
    for (const call of [() => byArn.wait(), () => byArn.historyEvents(), () => byArn.stop()]) {
      const error = await call().then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ExpressExecutionError);
      expect((error as Error).message).toMatch(/EXPRESS state machine.*startSync\(\)/s);
    }
    await handle.deregister();
  });

  it('stops a running execution, which ends ABORTED; wait() times out before that', async () => {
    const waiting = aslMachine('waiting', () => ({
      StartAt: 'w',
      States: { w: { Type: 'Wait', Seconds: 30, End: true } },
    }));
    const handle = session.stateMachine(waiting);
    await handle.register();
    const execution = await handle.start({});
    await expect(execution.wait({ timeoutMs: 200 })).rejects.toThrow(/still running after 200 ms/);
    expect((await handle.listExecutions({ status: 'RUNNING' })).map((e) => e.name)).toEqual([execution.name]);
    await execution.stop({ error: 'Manual', cause: 'stopped by a test' });
    expect(await execution.wait({ timeoutMs: 5000 })).toMatchObject({
      status: 'ABORTED',
      error: 'Manual',
      cause: 'stopped by a test',
    });
    await handle.deregister();
  });

  it('reads a long history page by page and formats it', async () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 20; i++)
      states[`s${i}`] = { Type: 'Pass', ...(i < 19 ? { Next: `s${i + 1}` } : { End: true }) };
    const handle = session.stateMachine(aslMachine('longHistory', () => ({ StartAt: 's0', States: states })));
    await handle.register();
    const execution = await handle.start({ n: 1 });
    await execution.wait({ timeoutMs: 5000 });
    const paged = await execution.historyEvents({ pageSize: 7 });
    const whole = await execution.historyEvents();
    expect(paged).toHaveLength(whole.length);
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect(whole.length).toBe(2 + 20 * 2);
    const text = formatHistory(paged);
    expect(text.split('\n')).toHaveLength(whole.length);
    expect(text).toMatch(/PassStateEntered\s+s19/);
    expect(text).toMatch(/ExecutionSucceeded\s+output=\{"n":1\}/);
    await handle.deregister();
  });
});
