// Proves testState, AWS's TestState run locally: the pipeline's stages at DEBUG as JSON text,
// RETRIABLE, CAUGHT_ERROR and FAILED decided by the first retry or catch, one state of a whole
// machine with variables and context, and malformed requests refused with AWS's error names.
import { InvalidDefinitionError } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { testState } from './test-state.js';
import { TestStateRequestError } from './types.js';

const task = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  InputPath: '$.request',
  Parameters: { FunctionName: 'f', 'Payload.$': '$' },
  ResultSelector: { 'body.$': '$.Payload' },
  ResultPath: '$.response',
  Next: 'After',
};

describe('testState', () => {
  it('reports each stage of the pipeline at DEBUG, as JSON text', async () => {
    const response = await testState({
      definition: JSON.stringify(task),
      input: JSON.stringify({ request: { id: 1 } }),
      inspectionLevel: 'DEBUG',
      mock: { result: JSON.stringify({ Payload: 'hello', StatusCode: 200 }) },
    });
    expect(response).toEqual({
      status: 'SUCCEEDED',
      output: '{"request":{"id":1},"response":{"body":"hello"}}',
      nextState: 'After',
      inspectionData: {
        input: '{"request":{"id":1}}',
        afterInputPath: '{"id":1}',
        afterParameters: '{"FunctionName":"f","Payload":{"id":1}}',
        result: '{"Payload":"hello","StatusCode":200}',
        afterResultSelector: '{"body":"hello"}',
        afterResultPath: '{"request":{"id":1},"response":{"body":"hello"}}',
      },
    });
  });

  it('answers RETRIABLE, CAUGHT_ERROR or FAILED by the first retry or catch decision', async () => {
    const definition = JSON.stringify({
      ...task,
      Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 3 }],
      Catch: [{ ErrorEquals: ['Flaky', 'Broken'], ResultPath: '$.error', Next: 'Recover' }],
    });
    const input = JSON.stringify({ request: {} });
    const flaky = { errorOutput: { error: 'Flaky', cause: 'try again' } };
    const retriable = await testState({
      definition,
      input,
      mock: flaky,
      inspectionLevel: 'TRACE',
      stateConfiguration: { retrierRetryCount: 1 },
    });
    expect(retriable).toMatchObject({ status: 'RETRIABLE', error: 'Flaky', cause: 'try again' });
    expect(retriable.inspectionData?.errorDetails).toEqual({ retryIndex: 0, retryBackoffIntervalSeconds: 6 });
    const exhausted = await testState({
      definition,
      input,
      mock: flaky,
      inspectionLevel: 'DEBUG',
      stateConfiguration: { retrierRetryCount: 3 },
    });
    expect(exhausted).toMatchObject({ status: 'CAUGHT_ERROR', nextState: 'Recover' });
    expect(exhausted.output).toBe('{"request":{},"error":{"Error":"Flaky","Cause":"try again"}}');
    expect(exhausted.inspectionData?.errorDetails).toEqual({ retryIndex: 0, catchIndex: 0 });
    const failed = await testState({
      definition,
      input,
      mock: { errorOutput: { error: 'Other', cause: 'no' } },
    });
    expect(failed).toEqual({ status: 'FAILED', error: 'Other', cause: 'no' });
  });

  it('tests one state of a whole machine, with variables and a given context', async () => {
    const machine = {
      QueryLanguage: 'JSONata',
      StartAt: 'First',
      States: {
        First: { Type: 'Pass', Next: 'Second' },
        Second: {
          Type: 'Pass',
          Output: { v: '{% $greeting %}', who: '{% $states.context.Execution.Name %}' },
          Next: 'Third',
        },
        Third: { Type: 'Succeed' },
      },
    };
    const response = await testState({
      definition: JSON.stringify(machine),
      stateName: 'Second',
      input: '{}',
      variables: JSON.stringify({ greeting: 'hi' }),
      context: JSON.stringify({ Execution: { Name: 'exec-1' } }),
      inspectionLevel: 'TRACE',
    });
    expect(response).toEqual({
      status: 'SUCCEEDED',
      output: '{"v":"hi","who":"exec-1"}',
      nextState: 'Third',
      inspectionData: { input: '{}', variables: '{"greeting":"hi"}' },
    });
  });

  it('refuses malformed requests with the AWS error name', async () => {
    await expect(testState({ definition: '{', input: '{}' })).rejects.toMatchObject({
      code: 'InvalidDefinition',
    });
    await expect(
      testState({ definition: JSON.stringify({ Type: 'Pass', End: true }), input: 'nope' }),
    ).rejects.toBeInstanceOf(TestStateRequestError);
    await expect(
      testState({
        definition: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }),
        stateName: 'B',
      }),
    ).rejects.toThrow(/no state named 'B'/);
    await expect(testState({ definition: JSON.stringify({ Type: 'Pass', Next: 5 }) })).rejects.toBeInstanceOf(
      InvalidDefinitionError,
    );
  });
});
