// Proves the optimised integrations run as AWS runs them: `lambda:invoke` hands the handler the
// Payload and wraps its output in AWS's envelope (status code by invocation type, SDK metadata),
// `.waitForTaskToken` returns what the function stands in for; `states:startExecution` runs a
// child machine in process (sync:2 Output as JSON, sync as text, request-response the started
// execution), a failed child fails the Task with States.TaskFailed and its description, and
// mocks win over both.
import { lambdaInvoke, machine, startExecution, waitForTaskToken } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runExecution } from '../execution.js';

const double = lambdaInvoke('double', {
  payload: z.object({ n: z.number() }),
  output: z.object({ twice: z.number() }),
});
const lambdas = { double: (input: unknown) => ({ twice: (input as { n: number }).n * 2 }) };

describe('lambda:invoke', () => {
  it('sends the Payload to the handler and returns AWS envelope around its output', async () => {
    const m = machine('invoke', { input: z.object({ n: z.number() }) }, (s) =>
      s.task('call', double, { parameters: double.parameters({ 'n.$': '$.n' }) }),
    );
    const result = await runExecution(m, { n: 4 }, { lambdas });
    expect(result.status).toBe('SUCCEEDED');
    const envelope = result.output as Record<string, any>;
    expect(envelope).toMatchObject({
      ExecutedVersion: '$LATEST',
      Payload: { twice: 8 },
      StatusCode: 200,
      SdkHttpMetadata: { HttpStatusCode: 200 },
    });
    expect(typeof envelope.SdkResponseMetadata.RequestId).toBe('string');
    expect(envelope.SdkHttpMetadata.HttpHeaders['x-amzn-RequestId']).toBe(
      envelope.SdkResponseMetadata.RequestId,
    );
  });

  it('keeps the Payload with a resultSelector; an Event invocation answers 202 with no payload', async () => {
    const m = machine('invoke', { input: z.object({ n: z.number() }) }, (s) =>
      s
        .task('call', double, {
          parameters: double.parameters({ 'n.$': '$.n' }),
          resultSelector: { 'twice.$': '$.Payload.twice' },
          resultPath: '$.result',
        })
        .task('fire', double, {
          parameters: { FunctionName: 'double:7', Payload: { n: 1 }, InvocationType: 'Event' },
          resultSelector: {
            'status.$': '$.StatusCode',
            'version.$': '$.ExecutedVersion',
            'p.$': '$.Payload',
          },
          resultPath: '$.event',
        }),
    );
    const result = await runExecution(m, { n: 5 }, { lambdas });
    expect(result.output).toEqual({
      n: 5,
      result: { twice: 10 },
      event: { status: 202, version: '7', p: '' },
    });
  });

  it('a function that throws fails the Task with its error type and a Lambda-shaped cause', async () => {
    const m = machine('invoke', { input: z.object({ n: z.number() }) }, (s) =>
      s.task('call', double, { parameters: double.parameters('$') }),
    );
    const result = await runExecution(
      m,
      { n: 1 },
      {
        lambdas: {
          double: () => {
            throw new RangeError('too small');
          },
        },
      },
    );
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('RangeError');
    expect(JSON.parse(result.cause!)).toEqual({ errorMessage: 'too small', errorType: 'RangeError' });
  });

  it('an Event invocation answers 202 even when the function fails; DryRun never runs it', async () => {
    const invoke = (invocationType: string) => ({
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'fragile', Payload: { n: 1 }, InvocationType: invocationType },
          ResultSelector: { 'status.$': '$.StatusCode', 'payload.$': '$.Payload' },
          End: true,
        },
      },
    });
    const received: unknown[] = [];
    const lambdas = {
      fragile: async (payload: unknown) => {
        received.push(payload);
        throw new Error('the function failed');
      },
    };
    const event = await runExecution(invoke('Event'), {}, { lambdas });
    expect(event.status).toBe('SUCCEEDED');
    expect(event.output).toEqual({ status: 202, payload: '' });
    expect(received).toEqual([{ n: 1 }]);
    const dryRun = await runExecution(invoke('DryRun'), {}, { lambdas });
    expect(dryRun.status).toBe('SUCCEEDED');
    expect(dryRun.output).toEqual({ status: 204, payload: '' });
    expect(received).toEqual([{ n: 1 }]);
  });

  it('reports a numeric Qualifier as the ExecutedVersion', async () => {
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'double', Qualifier: '7', Payload: { n: 2 } },
          ResultSelector: { 'version.$': '$.ExecutedVersion', 'payload.$': '$.Payload' },
          End: true,
        },
      },
    };
    const result = await runExecution(definition, {}, { lambdas });
    expect(result.output).toEqual({ version: '7', payload: { twice: 4 } });
  });

  it('.waitForTaskToken: the handler gets the token and its return is the Task result', async () => {
    const review = waitForTaskToken(double, { output: z.object({ ok: z.boolean() }) });
    let token: unknown;
    const m = machine('callback', { input: z.object({ n: z.number() }) }, (s) =>
      s.task('review', review, {
        parameters: review.parameters({ 'n.$': '$.n', 'token.$': '$$.Task.Token' }),
      }),
    );
    const result = await runExecution(
      m,
      { n: 1 },
      {
        lambdas: {
          double: (input) => {
            token = (input as { token: string }).token;
            return { ok: true };
          },
        },
      },
    );
    expect(result.output).toEqual({ ok: true });
    expect(typeof token).toBe('string');
    expect(m.toDefinition().States).toMatchObject({
      review: { Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken' },
    });
  });
});

const child = machine('child', { input: z.object({ n: z.number() }) }, (s) =>
  s
    .wait('later', { seconds: 3600 })
    .choice('big')
    .when(
      (r) => r.numericGreaterThan('$.n', 100),
      (f) => f.fail('tooBig', { error: 'TooBig', cause: 'n is over 100' }),
    )
    .otherwise((f) => f.pass('double', { parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' } })),
);

function parentOf(pattern: 'sync' | 'async') {
  const run = startExecution(child, { pattern });
  return machine('parent', { input: z.object({ n: z.number() }) }, (s) =>
    s.task('child', run, { parameters: run.parameters({ 'n.$': '$.n' }, { name: 'first' }) }),
  );
}

describe('states:startExecution', () => {
  it('sync:2 runs the child in process (its waits on the same virtual clock) and returns its Output as JSON', async () => {
    const result = await runExecution(parentOf('sync'), { n: 21 }, { machines: [child] });
    expect(result.status).toBe('SUCCEEDED');
    const described = result.output as Record<string, unknown>;
    expect(described).toMatchObject({
      ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:child:first',
      StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child',
      Name: 'first',
      Status: 'SUCCEEDED',
      Input: { n: 21 },
      Output: { doubled: 42 },
      InputDetails: { Included: true },
      OutputDetails: { Included: true },
      RedriveCount: 0,
    });
    expect((described.StopDate as number) - (described.StartDate as number)).toBe(3_600_000);
  });

  it('sync (v1) returns Input and Output as JSON text; a definition is found by its ARN', async () => {
    const arn = 'arn:aws:states:eu-west-1:111122223333:stateMachine:child';
    const definition = {
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync',
          Parameters: { StateMachineArn: arn, 'Input.$': 'States.JsonToString($)' },
          End: true,
        },
      },
    };
    const result = await runExecution(definition, { n: 2 }, { machines: { [arn]: child.toDefinition() } });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({ Input: '{"n":2}', Output: '{"doubled":4}', StateMachineArn: arn });
  });

  it('a failed child fails the Task with States.TaskFailed, its description with Error and Cause', async () => {
    const result = await runExecution(parentOf('sync'), { n: 500 }, { machines: [child] });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.TaskFailed');
    expect(JSON.parse(result.cause!)).toMatchObject({
      Status: 'FAILED',
      Error: 'TooBig',
      Cause: 'n is over 100',
      Name: 'first',
      Input: { n: 500 },
    });
    expect(JSON.parse(result.cause!)).not.toHaveProperty('Output');
  });

  it('request-response starts the child and returns the started execution', async () => {
    const result = await runExecution(parentOf('async'), { n: 1 }, { machines: [child] });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({
      ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:child:first',
      StartDate: expect.any(Number),
      SdkHttpMetadata: { HttpStatusCode: 200 },
    });
  });

  it('a mock wins over the child; a child nobody gave fails naming options.machines', async () => {
    const mocked = await runExecution(
      parentOf('sync'),
      { n: 1 },
      { machines: [child], mocks: { child: { return: { Output: { doubled: -1 } } } } },
    );
    expect(mocked.output).toEqual({ Output: { doubled: -1 } });
    const missing = await runExecution(parentOf('sync'), { n: 1 });
    expect(missing.status).toBe('FAILED');
    expect(missing.error).toBe('States.Runtime');
    expect(missing.cause).toContain('options.machines');
  });
});
