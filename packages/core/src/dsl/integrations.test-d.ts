// Type tests of the typed service integrations: a Task running lambdaInvoke, startExecution or
// waitForTaskToken takes the request its Parameters build and returns AWS's envelope, so
// ResultSelector and ResultPath read `$.Payload` / `$.Output` with their types. The negative
// cases are in test-types/integrations.neg.ts.
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  type ChildExecutionResult,
  type DataOf,
  type LambdaInvokeResult,
  lambdaInvoke,
  machine,
  type StartedExecutionResult,
  startExecution,
  waitForTaskToken,
} from '../index.js';

const input = z.object({ key: z.string(), n: z.number() });
const resize = lambdaInvoke('resize', {
  payload: z.object({ key: z.string() }),
  output: z.object({ width: z.number(), at: z.string() }),
});
const child = machine('child', { input: z.object({ n: z.number(), at: z.date() }) }, (s) =>
  s.pass('double', { parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' } }),
);

describe('lambdaInvoke', () => {
  test('the result is the envelope with the function output in Payload', () => {
    machine('m', { input }, (s) => {
      const t = s.task('call', resize, { parameters: resize.parameters({ 'key.$': '$.key' }) });
      expectTypeOf<DataOf<typeof t>>().toEqualTypeOf<LambdaInvokeResult<{ width: number; at: string }>>();
      return t;
    });
  });

  test('resultSelector reads the Payload; resultPath places it', () => {
    machine('m', { input }, (s) => {
      const t = s.task('call', resize, {
        parameters: resize.parameters({ 'key.$': '$.key' }),
        resultSelector: { 'width.$': '$.Payload.width', 'version.$': '$.ExecutedVersion' },
        resultPath: '$.size',
      });
      expectTypeOf<DataOf<typeof t>>().toEqualTypeOf<{
        key: string;
        n: number;
        size: { width: number; version: string };
      }>();
      return t;
    });
  });

  test('the payload can be a path, and hand-written Parameters are checked the same way', () => {
    machine('m', { input }, (s) => {
      const byPath = s.task('a', resize, { parameters: resize.parameters('$'), resultPath: '$.a' });
      const byHand = byPath.task('b', resize, {
        parameters: { FunctionName: 'resize:live', Payload: { 'key.$': '$.key' }, InvocationType: 'Event' },
        outputPath: '$.Payload',
      });
      expectTypeOf<DataOf<typeof byHand>>().toEqualTypeOf<{ width: number; at: string }>();
      return byHand;
    });
  });

  test('the output schema enters the envelope in its JSON form (a date is a string)', () => {
    const stamp = lambdaInvoke('stamp', { output: z.object({ at: z.date() }) });
    type Result = typeof stamp extends { '~types'?: { output: infer O } } ? O : never;
    expectTypeOf<Result>().toEqualTypeOf<LambdaInvokeResult<{ at: string }>>();
  });

  test('the envelope has the status code and the request id', () => {
    expectTypeOf<LambdaInvokeResult['StatusCode']>().toEqualTypeOf<number>();
    expectTypeOf<LambdaInvokeResult['SdkResponseMetadata']['RequestId']>().toEqualTypeOf<string>();
  });

  test('parameters() builds the request the Task sends', () => {
    expectTypeOf(resize.parameters({ 'key.$': '$.key' })).toEqualTypeOf<{
      readonly FunctionName: string;
      readonly Payload: { readonly 'key.$': '$.key' };
    }>();
    expectTypeOf(resize.parameters('$.order')).toEqualTypeOf<{
      readonly FunctionName: string;
      readonly 'Payload.$': '$.order';
    }>();
  });

  test('without schemas the payload and the output are unknown', () => {
    const anyFn = lambdaInvoke('arn:aws:lambda:us-east-1:123456789012:function:any');
    machine('m', { input }, (s) => {
      const t = s.task('call', anyFn, {
        parameters: anyFn.parameters('$'),
        resultSelector: { 'p.$': '$.Payload' },
      });
      expectTypeOf<DataOf<typeof t>>().toEqualTypeOf<{ p: unknown }>();
      return t;
    });
  });
});

describe('startExecution', () => {
  test('sync: the child output, typed, in Output', () => {
    const run = startExecution(child, { pattern: 'sync' });
    machine('m', { input }, (s) => {
      const t = s.task('child', run, {
        parameters: run.parameters({ 'n.$': '$.n', at: '2024-01-01T00:00:00Z' }),
        resultSelector: { 'out.$': '$.Output', 'arn.$': '$.ExecutionArn', 'stopped.$': '$.StopDate' },
      });
      expectTypeOf<DataOf<typeof t>>().toEqualTypeOf<{
        out: { doubled: number };
        arn: string;
        stopped: number;
      }>();
      return t;
    });
    type Result = typeof run extends { '~types'?: { output: infer O } } ? O : never;
    expectTypeOf<Result>().toEqualTypeOf<
      ChildExecutionResult<{ n: number; at: string }, { doubled: number }>
    >();
  });

  test('async: the started execution', () => {
    const run = startExecution(child, { pattern: 'async' });
    machine('m', { input: z.object({ job: z.object({ n: z.number(), at: z.string() }) }) }, (s) => {
      const t = s.task('child', run, { parameters: run.parameters('$.job'), resultPath: '$.started' });
      expectTypeOf<DataOf<typeof t>['started']>().toEqualTypeOf<StartedExecutionResult>();
      return t;
    });
  });

  test('a given ARN is what parameters() sends; the name is optional', () => {
    const arn = 'arn:aws:states:eu-west-1:111122223333:stateMachine:child';
    const run = startExecution(child, { pattern: 'sync', stateMachineArn: arn });
    const built = run.parameters('$.job', { name: 'first' });
    expectTypeOf(built.StateMachineArn).toEqualTypeOf<typeof arn>();
    expectTypeOf(built['Input.$']).toEqualTypeOf<'$.job'>();
    expectTypeOf(built.Name).toEqualTypeOf<string | undefined>();
  });
});

describe('waitForTaskToken', () => {
  test('the result is what SendTaskSuccess sends, typed by the output schema', () => {
    const approval = waitForTaskToken('arn:aws:states:::sqs:sendMessage', {
      output: z.object({ approved: z.boolean() }),
    });
    machine('m', { input }, (s) => {
      const t = s.task('ask', approval, {
        parameters: { QueueUrl: 'https://sqs', MessageBody: { 'token.$': '$$.Task.Token' } },
        resultPath: '$.decision',
      });
      expectTypeOf<DataOf<typeof t>['decision']>().toEqualTypeOf<{ approved: boolean }>();
      return t;
    });
  });

  test('a typed resource keeps its request type and its parameters() helper', () => {
    const review = waitForTaskToken(resize, { output: z.object({ ok: z.boolean() }) });
    machine('m', { input }, (s) => {
      const t = s.task('review', review, {
        parameters: review.parameters({ 'key.$': '$.key', 'token.$': '$$.Task.Token' }),
      });
      expectTypeOf<DataOf<typeof t>>().toEqualTypeOf<{ ok: boolean }>();
      return t;
    });
  });
});
