// Proves child machines are part of the run they belong to: the run's mocks are checked against
// and answer the children's Task states and activities, a request-response child stops when its
// parent ends, a child that cannot start fails as AWS reports it, and the child's context names
// the execution ARN its parent was given.
import { InvalidDefinitionError, machine, startExecution as startChild } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { beginExecution, runExecution, startExecution } from '../execution.js';
import { counterMachine } from '../machine.test-support.js';
import { MockSetupError } from './mock-check.js';

const runCounter = startChild(counterMachine, { pattern: 'sync' });
const parent = machine('parent', { input: z.object({ counter: z.number() }) }, (s) =>
  s.task('child', runCounter, {
    parameters: runCounter.parameters({ 'counter.$': '$.counter', step: 2 }),
    resultSelector: { 'output.$': '$.Output' },
  }),
);

describe('mocks and child machines', () => {
  it('accepts and applies a mock of a Task state found only in a child machine', async () => {
    const result = await runExecution(
      parent,
      { counter: 1 },
      { machines: [counterMachine], mocks: { Add: { return: 40 } } },
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ output: { counter: 40, step: 2 } });
  });

  it("accepts activityMocks for a child's activity and checks returns against its output schema", async () => {
    const mocked = await runExecution(
      parent,
      { counter: 1 },
      { machines: [counterMachine], activityMocks: { increment: { return: 9 } } },
    );
    expect(mocked.output).toEqual({ output: { counter: 9, step: 2 } });
    expect(() =>
      startExecution(parent, { counter: 1 }, { machines: [counterMachine], mocks: { Add: { return: 'x' } } }),
    ).toThrow(MockSetupError);
    expect(() =>
      startExecution(parent, { counter: 1 }, { machines: [counterMachine], mocks: { Add: { return: 'x' } } }),
    ).toThrow("the mock of state 'Add' returns what the output schema of activity 'increment' refuses");
  });

  it('still refuses a mock naming a Task state of no machine of the run', () => {
    expect(() =>
      startExecution(parent, { counter: 1 }, { machines: [counterMachine], mocks: { Ad: { return: 1 } } }),
    ).toThrow("mocks name no Task state of the machine: 'Ad' (its Task states: 'child', 'Add')");
  });
});

describe('a request-response child', () => {
  const slowThenAfter = {
    StartAt: 'Slow',
    States: {
      Slow: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:slow', Next: 'After' },
      After: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:after', End: true },
    },
  };
  /** Starts the child and ends, or waits `then` seconds first. */
  const startOnly = (then?: number) => ({
    StartAt: 'Start',
    States: {
      Start: {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution',
        Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:worker' },
        ...(then === undefined ? { End: true } : { Next: 'Hold' }),
      },
      ...(then === undefined ? {} : { Hold: { Type: 'Wait', Seconds: then, End: true } }),
    },
  });

  /** Lambdas for the child: `slow` waits until released, `after` records that the child went on. */
  function childLambdas() {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const calls: string[] = [];
    const lambdas = {
      slow: async () => {
        calls.push('slow');
        await released;
        return {};
      },
      after: () => {
        calls.push('after');
        return {};
      },
    };
    return { lambdas, calls, release };
  }

  it("stops when its parent's execution ends", async () => {
    const { lambdas, calls, release } = childLambdas();
    const result = await runExecution(
      startOnly(),
      {},
      { clock: 'real', lambdas, machines: { worker: slowThenAfter } },
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(calls).toEqual(['slow']);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual(['slow']);
  });

  it('stops when its parent is stopped', async () => {
    const { lambdas, calls, release } = childLambdas();
    const run = startExecution(
      startOnly(3600),
      {},
      {
        clock: 'real',
        lambdas,
        machines: { worker: slowThenAfter },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual(['slow']);
    run.stop();
    expect((await run.result).status).toBe('ABORTED');
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual(['slow']);
  });
});

describe('a child that cannot start', () => {
  /** Starts `worker` with `Input` and waits for it, any error caught into $.caught. */
  const parentWith = (input: unknown) => ({
    StartAt: 'Start',
    States: {
      Start: {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Parameters: {
          StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:counter',
          Input: input,
        },
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.caught', Next: 'Caught' }],
        End: true,
      },
      Caught: { Type: 'Pass', End: true },
    },
  });

  it("fails the Task with StepFunctions.InvalidExecutionInputException when the child's schema refuses its input", async () => {
    const result = await runExecution(parentWith({ counter: 'one' }), {}, { machines: [counterMachine] });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({
      caught: { Error: 'StepFunctions.InvalidExecutionInputException' },
    });
    expect((result.output as { caught: { Cause: string } }).caught.Cause).toContain(
      "input of state machine 'counter' is invalid",
    );
  });

  it('refuses an invalid child definition before the run', async () => {
    const invalid = { StartAt: 'Missing', States: {} };
    await expect(
      runExecution(parentWith({ counter: 1, step: 1 }), {}, { machines: { counter: invalid } }),
    ).rejects.toThrow(InvalidDefinitionError);
  });

  it('fails the execution with States.Runtime, past any Catch, when a child found at run time is invalid', async () => {
    const invalid = { StartAt: 'Missing', States: {} };
    const run = beginExecution(
      parentWith({ counter: 1, step: 1 }),
      {},
      { clock: 'virtual', machines: { counter: invalid } },
      'shared',
    );
    const result = await run.result;
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toContain(
      "The child machine 'arn:aws:states:us-east-1:123456789012:stateMachine:counter' cannot start",
    );
  });
});

describe("a child's context", () => {
  it('names the execution ARN and machine ARN its parent is given, in their partition', async () => {
    const arn = 'arn:aws-cn:states:cn-north-1:111122223333:stateMachine:echo';
    const echo = {
      StartAt: 'Ids',
      States: {
        Ids: {
          Type: 'Pass',
          Parameters: { 'execution.$': '$$.Execution.Id', 'machine.$': '$$.StateMachine.Id' },
          End: true,
        },
      },
    };
    const definition = {
      StartAt: 'Start',
      States: {
        Start: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: { StateMachineArn: arn, Name: 'run-1' },
          End: true,
        },
      },
    };
    const result = await runExecution(definition, {}, { machines: { [arn]: echo } });
    expect(result.status).toBe('SUCCEEDED');
    const described = result.output as { ExecutionArn: string; Output: unknown };
    expect(described.ExecutionArn).toBe('arn:aws-cn:states:cn-north-1:111122223333:execution:echo:run-1');
    expect(described.Output).toEqual({ execution: described.ExecutionArn, machine: arn });
  });
});
