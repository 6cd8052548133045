// Proves runExecution and startExecution: AWS-shaped histories with virtual waits, failures as
// results (never rejections), definitions as JSON text, every problem of an invalid definition,
// injected randomness, execution timeouts, stopping (by call and by AbortSignal), event streaming
// the history cap, and a core machine's input parsed by its input schema.
import { ExecutionInputError, InvalidDefinitionError, machine } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runExecution, startExecution } from './execution.js';
import type { HistoryEvent } from './types.js';

const passThenWait = {
  StartAt: 'Mark',
  States: {
    Mark: { Type: 'Pass', Result: { done: true }, ResultPath: '$.mark', Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 3600, Next: 'End' },
    End: { Type: 'Succeed' },
  },
};

describe('runExecution', () => {
  it('runs a machine and records AWS-shaped history, waits taking no real time', async () => {
    // The Wait is an hour long: finishing within the test's timeout proves it took no real time.
    const result = await runExecution(passThenWait, { id: 7 });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ id: 7, mark: { done: true } });
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(result.history.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.history.map((e) => e.previousEventId)).toEqual([0, 0, 2, 3, 4, 5, 6, 7]);
    const waited = result.history[4]!.timestamp.getTime() - result.history[3]!.timestamp.getTime();
    expect(waited).toBe(3_600_000);
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(3_600_000);
    const entered = result.history[1]!;
    expect(entered.stateEnteredEventDetails).toMatchObject({ name: 'Mark', input: '{"id":7}' });
    expect(JSON.parse(JSON.stringify(entered))).toMatchObject({
      type: 'PassStateEntered',
      stateEnteredEventDetails: { name: 'Mark', input: '{"id":7}', inputDetails: { truncated: false } },
    });
    expect(result.history[7]!.executionSucceededEventDetails?.output).toBe('{"id":7,"mark":{"done":true}}');
  });

  it('reports a failure as a result, never a rejection', async () => {
    const result = await runExecution({
      StartAt: 'Boom',
      States: { Boom: { Type: 'Fail', Error: 'Custom.Error', Cause: 'it broke' } },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'Custom.Error', cause: 'it broke' });
    expect(result.history.at(-1)!.executionFailedEventDetails).toEqual({
      error: 'Custom.Error',
      cause: 'it broke',
    });
  });

  it('accepts JSON text and fills the context object from options', async () => {
    const definition = JSON.stringify({
      StartAt: 'Ctx',
      States: {
        Ctx: {
          Type: 'Pass',
          Parameters: { 'name.$': '$$.Execution.Name', 'machine.$': '$$.StateMachine.Name' },
          End: true,
        },
      },
    });
    const result = await runExecution(
      definition,
      {},
      {
        context: { Execution: { Name: 'run-1' }, StateMachine: { Name: 'orders' } },
      },
    );
    expect(result.output).toEqual({ name: 'run-1', machine: 'orders' });
    expect(result.executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:orders:run-1');
  });

  it('refuses an invalid definition with every problem listed', async () => {
    const bad = {
      StartAt: 'Nowhere',
      States: { A: { Type: 'Pass', Next: 'Missing' }, B: { Type: 'Bogus' } },
    };
    const error = await runExecution(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    const problems = (error as InvalidDefinitionError).problems.map((p) => p.path);
    expect(problems).toEqual(expect.arrayContaining(['$.StartAt', '$.States.A.Next', '$.States.B.Type']));
    expect(() => startExecution('{not json')).toThrow(/not valid JSON/);
  });

  it('draws States.UUID, States.MathRandom, $uuid and $random from an injected source', async () => {
    const definition = {
      StartAt: 'Paths',
      States: {
        Paths: {
          Type: 'Pass',
          Parameters: { 'id.$': 'States.UUID()', 'n.$': 'States.MathRandom(0, 100)' },
          Next: 'Ata',
        },
        Ata: {
          Type: 'Pass',
          QueryLanguage: 'JSONata',
          Output: { before: '{% $states.input %}', id: '{% $uuid() %}', r: '{% $random() %}' },
          End: true,
        },
      },
    };
    const run = () => runExecution(definition, {}, { random: () => 0.25 });
    const [first, second] = [await run(), await run()];
    expect(first.output).toEqual(second.output);
    expect(first.output).toMatchObject({ before: { n: 25 }, r: 0.25 });
  });

  it('times out an execution after its TimeoutSeconds', async () => {
    const result = await runExecution({ ...passThenWait, TimeoutSeconds: 60 });
    expect(result.status).toBe('TIMED_OUT');
    expect(result.error).toBe('States.Timeout');
    expect(result.history.at(-1)!.type).toBe('ExecutionTimedOut');
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(60_000);
  });
});

describe('startExecution', () => {
  it('streams events, stops on request and settles as ABORTED', async () => {
    const handle = startExecution(passThenWait, {}, { clock: 'real' });
    const seen: string[] = [];
    const unsubscribe = handle.onEvent((event: HistoryEvent) => seen.push(event.type));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handle.status()).toBe('RUNNING');
    expect(handle.history.map((e) => e.type)).toContain('WaitStateEntered');
    handle.stop({ error: 'Operator', cause: 'no longer needed' });
    const result = await handle.result;
    unsubscribe();
    expect(result.status).toBe('ABORTED');
    expect(handle.status()).toBe('ABORTED');
    expect(result.history.at(-1)).toMatchObject({
      type: 'ExecutionAborted',
      executionAbortedEventDetails: { error: 'Operator', cause: 'no longer needed' },
    });
    expect(seen.at(-1)).toBe('ExecutionAborted');
    handle.stop();
    expect(handle.history.at(-1)!.type).toBe('ExecutionAborted');
  });

  it('aborts through an AbortSignal', async () => {
    const controller = new AbortController();
    const handle = startExecution(passThenWait, {}, { clock: 'real', signal: controller.signal });
    controller.abort();
    expect((await handle.result).status).toBe('ABORTED');
  });

  it('ends a runaway loop at the history cap, as AWS does (25,000 by default)', async () => {
    const loop = {
      StartAt: 'Spin',
      States: {
        Spin: { Type: 'Pass', Next: 'Again' },
        Again: {
          Type: 'Choice',
          Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'Done' }],
          Default: 'Spin',
        },
        Done: { Type: 'Succeed' },
      },
    };
    const result = await runExecution(loop, {}, { maxHistoryEvents: 1_000 });
    expect(result.status).toBe('FAILED');
    expect(result.history).toHaveLength(1_000);
    expect(result.history.at(-1)!.type).toBe('ExecutionFailed');
    expect(result.cause).toMatch(/maximum number of history events \(1000\)/);
    const atDefault = await runExecution(loop);
    expect(atDefault.history).toHaveLength(25_000);
    expect(atDefault.status).toBe('FAILED');
  });
});

describe('a core state machine given to runExecution or startExecution', () => {
  const delayed = machine('delayed', { input: z.object({ seconds: z.number().default(1) }) }, (s) =>
    s.wait('hold', { secondsPath: '$.seconds' }).succeed('done'),
  );

  it('has its input parsed by the machine input schema (defaults applied)', async () => {
    const result = await runExecution(delayed, {});
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { seconds: 1 } });
    expect(startExecution(delayed, {}).history[0]?.executionStartedEventDetails?.input).toBe('{"seconds":1}');
  });

  it('is refused before it starts when the schema rejects the input', async () => {
    expect(() => startExecution(delayed, { seconds: 'soon' })).toThrow(ExecutionInputError);
    await expect(runExecution(delayed, { seconds: [1] })).rejects.toThrow(
      /^input of state machine 'delayed' is invalid: at \$\.seconds: /,
    );
  });

  it('leaves the input of a plain ASL definition as given', async () => {
    const result = await runExecution(delayed.toDefinition(), { seconds: 0, extra: true });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { seconds: 0, extra: true } });
  });
});
