// Type tests of the ASL model both ways: whole JSONPath and JSONata machines with every state
// type are accepted, operand types follow the operator, states narrow by Type; malformed states
// and rules are refused (each `@ts-expect-error` says what). Checked by vitest's typecheck.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AslComparisonOperand,
  AslComparisonOperator,
  AslDataTestRule,
  AslTopLevelChoiceRule,
} from './choice-types.js';
import { parseDefinition } from './parse.js';
import type { DefinitionProblem, DefinitionProblemCode } from './problems.js';
import type {
  AslCatcher,
  AslDefinition,
  AslMapState,
  AslQueryLanguage,
  AslRetrier,
  AslState,
  AslStateType,
  AslTaskState,
} from './types.js';
import { validateDefinition } from './validate.js';

describe('ASL types: what they accept', () => {
  it('types a JSONPath machine with every state type', () => {
    const definition = {
      Comment: 'all states',
      StartAt: 'task',
      TimeoutSeconds: 60,
      Version: '1.0',
      States: {
        task: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { 'Payload.$': '$' },
          ResultSelector: { 'body.$': '$.Payload' },
          ResultPath: '$.result',
          TimeoutSecondsPath: '$.timeout',
          HeartbeatSeconds: 10,
          Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 2, JitterStrategy: 'FULL' }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'fail', ResultPath: '$.error' }],
          Next: 'choose',
        },
        choose: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.n', NumericGreaterThanPath: '$.limit', Next: 'wait' },
            {
              And: [{ Variable: '$.s', IsPresent: true }, { Not: { Variable: '$.s', StringMatches: 'x*' } }],
              Next: 'map',
            },
          ],
          Default: 'done',
        },
        wait: { Type: 'Wait', SecondsPath: '$.delay', Next: 'map' },
        map: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
            StartAt: 'each',
            States: { each: { Type: 'Pass', End: true } },
          },
          ToleratedFailurePercentage: 5,
          Next: 'parallel',
        },
        parallel: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'b', States: { b: { Type: 'Succeed' } } }],
          Next: 'done',
        },
        done: { Type: 'Succeed' },
        fail: { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' },
      },
    } satisfies AslDefinition;
    expectTypeOf(definition).toMatchTypeOf<AslDefinition>();
  });

  it('types a JSONata machine', () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'call',
      States: {
        call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { Payload: '{% $states.input %}' },
          Output: '{% $states.result.Payload %}',
          Assign: { last: '{% $states.result %}' },
          TimeoutSeconds: '{% $states.input.timeout %}',
          Next: 'decide',
        },
        decide: {
          Type: 'Choice',
          Choices: [{ Condition: '{% $last.ok %}', Next: 'done', Output: { ok: true } }],
          Default: 'done',
        },
        done: { Type: 'Succeed', Output: 0 },
      },
    } satisfies AslDefinition;
    expectTypeOf(definition.QueryLanguage).toEqualTypeOf<'JSONata'>();
  });

  it('derives each operand type from the operator', () => {
    expectTypeOf<AslComparisonOperand<'NumericEquals'>>().toEqualTypeOf<number>();
    expectTypeOf<AslComparisonOperand<'IsNull'>>().toEqualTypeOf<boolean>();
    expectTypeOf<AslComparisonOperand<'TimestampLessThanPath'>>().toEqualTypeOf<string>();
    expectTypeOf<'StringMatches'>().toMatchTypeOf<AslComparisonOperator>();
  });

  it('narrows states by Type', () => {
    expectTypeOf<AslState['Type']>().toEqualTypeOf<AslStateType>();
    expectTypeOf<Extract<AslState, { Type: 'Task' }>>().toEqualTypeOf<AslTaskState>();
    expectTypeOf<AslMapState['MaxConcurrency']>().toEqualTypeOf<number | `{%${string}%}` | undefined>();
    expectTypeOf<AslDefinition['QueryLanguage']>().toEqualTypeOf<AslQueryLanguage | undefined>();
  });

  it('types the API results', () => {
    expectTypeOf(parseDefinition).returns.toEqualTypeOf<AslDefinition>();
    expectTypeOf(validateDefinition).returns.toEqualTypeOf<DefinitionProblem[]>();
    expectTypeOf<DefinitionProblem['code']>().toEqualTypeOf<DefinitionProblemCode>();
  });
});

describe('ASL types: what they refuse', () => {
  it('refuses malformed states and rules', () => {
    // @ts-expect-error a state needs a Type
    const noType: AslState = { End: true };
    // @ts-expect-error a Task needs a Resource
    const noResource: AslTaskState = { Type: 'Task', End: true };
    // @ts-expect-error "Lambda" is no state type
    const badType: AslState = { Type: 'Lambda', End: true };
    // @ts-expect-error JitterStrategy is FULL or NONE
    const badJitter: AslRetrier = { ErrorEquals: ['E'], JitterStrategy: 'HALF' };
    // @ts-expect-error a catcher needs Next
    const noNext: AslCatcher = { ErrorEquals: ['States.ALL'] };
    // @ts-expect-error a data-test rule compares with one operator only
    const twoOperators: AslDataTestRule = { Variable: '$.a', StringEquals: 'x', NumericEquals: 1 };
    // @ts-expect-error NumericEquals compares with a number
    const wrongOperand: AslDataTestRule = { Variable: '$.a', NumericEquals: '1' };
    // @ts-expect-error a top-level rule needs Next
    const ruleWithoutNext: AslTopLevelChoiceRule = { Variable: '$.a', IsNull: true };
    const processor = { StartAt: 'a', States: {} };
    // @ts-expect-error the Map processor mode is INLINE or DISTRIBUTED
    const badMode: AslMapState['ItemProcessor'] = { ...processor, ProcessorConfig: { Mode: 'PARALLEL' } };
    // @ts-expect-error the query language is JSONPath or JSONata
    const badLanguage: AslDefinition = { QueryLanguage: 'JMESPath', StartAt: 'a', States: {} };
    // @ts-expect-error a JSONata expression is wrapped in {% %}
    const badExpression: AslTaskState['TimeoutSeconds'] = '$.t';
    expectTypeOf([
      noType,
      noResource,
      badType,
      badJitter,
      noNext,
      twoOperators,
      wrongOperand,
      ruleWithoutNext,
      badMode,
      badLanguage,
      badExpression,
    ]).not.toBeAny();
  });
});
