// Proves JSONata as states evaluate it: $states, variables and Step Functions' own functions are
// in scope, failures name the field as AWS does and record EvaluationFailed, and every evaluation
// runs within its time and depth budget.
import { describe, expect, it } from 'vitest';
import { runExecution, startExecution } from '../execution.js';
import { DEFAULT_JSONATA_LIMITS } from './jsonata.js';

const prefix = (state: string, id: number) =>
  `An error occurred while executing the state '${state}' (entered at the event id #${id}).`;

describe('JSONata in states', () => {
  it('sees $states and variables, and Step Functions functions', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { factor: 3 }, Next: 'Use' },
        Use: {
          Type: 'Pass',
          Output: {
            scaled: '{% $states.input.n * $factor %}',
            chunks: '{% $partition($states.input.list, 2) %}',
            name: '{% $states.context.State.Name %}',
            literal: 'not {% an expression',
            nothing: null,
          },
          End: true,
        },
      },
    };
    const result = await runExecution(definition, { n: 2, list: [1, 2, 3] });
    expect(result.output).toEqual({
      scaled: 6,
      chunks: [[1, 2], [3]],
      name: 'Use',
      literal: 'not {% an expression',
      nothing: null,
    });
  });

  it('names the field in failures as AWS does, and records EvaluationFailed', async () => {
    const output = await runExecution(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'P',
        States: { P: { Type: 'Pass', Output: { a: ['{% $missing %}'] }, End: true } },
      },
      {},
    );
    expect(output).toMatchObject({
      error: 'States.QueryEvaluationError',
      cause: `${prefix('P', 2)} The JSONata expression '$missing' specified for the field 'Output/a[0]' returned nothing (undefined).`,
    });
    expect(output.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'EvaluationFailed',
      'ExecutionFailed',
    ]);
    expect(output.history[2]!.evaluationFailedEventDetails).toMatchObject({
      state: 'P',
      location: 'Output/a[0]',
    });

    const choice = await runExecution(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'C',
        States: {
          C: {
            Type: 'Choice',
            Choices: [
              { Condition: '{% false %}', Next: 'Done' },
              { Condition: '{% $states.input.flag %}', Next: 'Done' },
            ],
            Default: 'Done',
          },
          Done: { Type: 'Succeed' },
        },
      },
      { flag: 'yes' },
    );
    expect(choice.cause).toBe(
      `${prefix('C', 2)} The JSONata expression '$states.input.flag' specified for the field 'Choices[1]/Condition' returned an unexpected result type. Expected 'boolean', but was 'string' for value: "yes"`,
    );

    const caught = await runExecution(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::sns:publish',
            Catch: [
              {
                ErrorEquals: ['States.ALL'],
                Output: { why: '{% $states.errorOutput.Nope %}' },
                Next: 'Done',
              },
            ],
            End: true,
          },
          Done: { Type: 'Succeed' },
        },
      },
      {},
      { mocks: { T: { throw: { error: 'Oops' } } } },
    );
    expect(caught.cause).toMatch(/specified for the field 'Catch\[0\]\/Output\/why' returned nothing/);
  });
});

describe('JSONata budget', () => {
  const once = (expression: string) => ({
    QueryLanguage: 'JSONata',
    StartAt: 'P',
    States: { P: { Type: 'Pass', Output: `{% ${expression} %}`, End: true } },
  });
  const recursion = (n: number) => `($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(${n}))`;

  it('defaults to a second of evaluation and 1,000 nested steps', () => {
    expect(DEFAULT_JSONATA_LIMITS).toEqual({ timeoutMs: 1_000, maxDepth: 1_000 });
  });

  it('fails a runaway evaluation with States.QueryEvaluationError once its time budget is spent', async () => {
    const result = await runExecution(
      once('$reduce([1..10000000], function($a, $b) { $a + $b })'),
      {},
      {
        jsonataLimits: { timeoutMs: 50 },
      },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(result.cause).toContain('D1012');
    expect(result.history.some((e) => e.type === 'EvaluationFailed')).toBe(true);
  });

  it('bounds the depth of recursive functions', async () => {
    const unbounded = await runExecution(once(recursion(1_000_000)), {});
    expect(unbounded).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(unbounded.cause).toContain('D1011');
    expect(await runExecution(once(recursion(100)), {})).toMatchObject({ status: 'SUCCEEDED', output: 100 });
    const shallow = await runExecution(once(recursion(100)), {}, { jsonataLimits: { maxDepth: 50 } });
    expect(shallow).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
  });

  it('refuses a budget that is not a positive number', () => {
    expect(() => startExecution(once('1'), {}, { jsonataLimits: { timeoutMs: 0 } })).toThrow(
      /jsonataLimits\.timeoutMs must be a positive number/,
    );
  });
});
