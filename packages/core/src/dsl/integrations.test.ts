// Proves what the integration helpers emit: the Resource ARN of each pattern, the Parameters
// their parameters() helpers build (the child's ARN computed from the parent's with valid
// intrinsics), and the refusals that name what is wrong.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  InvalidNameError,
  lambdaInvoke,
  machine,
  resource,
  startExecution,
  waitForTaskToken,
} from '../index.js';

const child = machine('child', { input: z.object({ n: z.number() }) }, (s) => s.pass('done'));

describe('lambdaInvoke', () => {
  it('emits the lambda:invoke integration with the function name and the payload', () => {
    const fn = lambdaInvoke('resize');
    const m = machine(
      'm',
      { input: z.object({ key: z.string(), image: z.object({ key: z.string() }) }) },
      (s) =>
        s
          .task('template', fn, { parameters: fn.parameters({ 'key.$': '$.key' }), resultPath: null })
          .task('path', fn, { parameters: fn.parameters('$.image'), resultPath: null })
          .task('none', fn, { parameters: fn.parameters() }),
    );
    expect(m.toDefinition().States).toMatchObject({
      template: {
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'resize', Payload: { 'key.$': '$.key' } },
      },
      path: { Parameters: { FunctionName: 'resize', 'Payload.$': '$.image' } },
      none: { Parameters: { FunctionName: 'resize' } },
    });
  });

  it('refuses an empty function name and a schema JSON cannot carry', () => {
    expect(() => lambdaInvoke('')).toThrow(/function name must be a non-empty string/);
    expect(() => lambdaInvoke('f', { output: z.object({ big: z.bigint() }) })).toThrow(/output schema/);
  });

  it('refuses a string payload that is no path, naming the helper and the string', () => {
    const fn = lambdaInvoke('resize');
    expect(() => fn.parameters('hello' as '$')).toThrow(TypeError);
    expect(() => fn.parameters('hello' as '$')).toThrow(
      `lambdaInvoke('resize').parameters(): the string "hello" is read as a path to the Payload and must start with '$'`,
    );
  });
});

describe('startExecution', () => {
  it('emits startExecution.sync:2 or startExecution, and the child ARN from the parent ARN', () => {
    const sync = startExecution(child, { pattern: 'sync' });
    const async = startExecution(child, { pattern: 'async' });
    const m = machine('parent', { input: z.object({ n: z.number() }) }, (s) =>
      s
        .task('sync', sync, { parameters: sync.parameters({ n: 1 }, { name: 'first' }), resultPath: null })
        .task('async', async, { parameters: async.parameters('$') }),
    );
    const states = m.toDefinition().States as Record<string, { Resource: string; Parameters: object }>;
    expect(states.sync!.Resource).toBe('arn:aws:states:::states:startExecution.sync:2');
    expect(states.async!.Resource).toBe('arn:aws:states:::states:startExecution');
    const part = (i: number) => `States.ArrayGetItem(States.StringSplit($$.StateMachine.Id, ':'), ${i})`;
    expect(states.sync!.Parameters).toEqual({
      'StateMachineArn.$': `States.Format('arn:{}:states:{}:{}:stateMachine:child', ${part(1)}, ${part(3)}, ${part(4)})`,
      Input: { n: 1 },
      Name: 'first',
    });
    expect(states.async!.Parameters).toMatchObject({ 'Input.$': '$' });
  });

  it('sends a given ARN as it is', () => {
    const arn = 'arn:aws:states:eu-west-1:111122223333:stateMachine:child';
    const run = startExecution(child, { pattern: 'sync', stateMachineArn: arn });
    expect(run.parameters('$.job')).toEqual({ StateMachineArn: arn, 'Input.$': '$.job' });
  });

  it('refuses a string input that is no path', () => {
    const run = startExecution(child, { pattern: 'async' });
    expect(() => run.parameters('{"n":1}' as '$')).toThrow(
      `startExecution(child).parameters(): the string ${JSON.stringify('{"n":1}')} is read as a path to the Input and must start with '$'`,
    );
  });

  it('refuses an unknown pattern and a child AWS would not name', () => {
    expect(() => startExecution(child, { pattern: 'sync:1' as 'sync' })).toThrow(
      /pattern must be 'sync' or 'async'/,
    );
    const badName = {
      kind: 'sfini.stateMachine' as const,
      name: 'has space',
      inputSchema: undefined,
      activities: [],
      toDefinition: () => ({}),
    };
    expect(() => startExecution(badName, { pattern: 'sync' })).toThrow(InvalidNameError);
  });
});

describe('waitForTaskToken', () => {
  it('appends .waitForTaskToken to an ARN or a typed resource, keeping its helpers', () => {
    expect(waitForTaskToken('arn:aws:states:::sqs:sendMessage').arn).toBe(
      'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
    );
    const review = waitForTaskToken(lambdaInvoke('review'));
    expect(review.arn).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(review.parameters('$')).toEqual({ FunctionName: 'review', 'Payload.$': '$' });
  });

  it('refuses a resource that already names a pattern', () => {
    expect(() => waitForTaskToken(startExecution(child, { pattern: 'sync' }))).toThrow(
      "waitForTaskToken(): the resource given runs 'arn:aws:states:::states:startExecution.sync:2', which already names an integration pattern; give a lambdaInvoke or an async startExecution resource (pattern: 'async')",
    );
    expect(() => waitForTaskToken(resource('arn:aws:states:::sqs:sendMessage.waitForTaskToken'))).toThrow(
      /already names an integration pattern/,
    );
    expect(() => waitForTaskToken('arn:aws:states:::sqs:sendMessage.waitForTaskToken')).toThrow(
      "waitForTaskToken(): 'arn:aws:states:::sqs:sendMessage.waitForTaskToken' already names an integration pattern; give the request-response ARN",
    );
  });
});
