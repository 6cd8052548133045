// Proves the JSONata side of validation: `{% %}` expressions are recognised and checked at any
// depth, numbers or expressions where AWS takes either, and fields of the other query language
// refused with the field to use instead, a state's QueryLanguage overriding the machine's and
// reaching into branches and item processors.
import { describe, expect, it } from 'vitest';
import { isJsonataExpression, jsonataSyntaxProblem } from './jsonata-syntax.js';
import { validateDefinition } from './validate.js';

function found(definition: unknown): [string, string][] {
  return validateDefinition(definition).map((p) => [p.code, p.path]);
}

const jsonataMachine = (state: Record<string, unknown>) => ({
  QueryLanguage: 'JSONata',
  StartAt: 's',
  States: { s: { End: true, ...state } },
});

const task = (fields: Record<string, unknown>) =>
  jsonataMachine({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ...fields });

describe('JSONata expressions', () => {
  it('recognises "{% %}" strings only', () => {
    expect(isJsonataExpression('{% $x %}')).toBe(true);
    expect(isJsonataExpression('{%%}')).toBe(true);
    expect(isJsonataExpression('{% $x')).toBe(false);
    expect(isJsonataExpression('$.x')).toBe(false);
    expect(jsonataSyntaxProblem(' ')).toBe('the expression is empty');
    expect(jsonataSyntaxProblem('$states.input.(')).toMatch(/position \d+/);
  });

  it('checks expressions at any depth of Output and Arguments', () => {
    expect(
      validateDefinition(
        task({
          Arguments: { FunctionName: 'f', Payload: { list: ['{% $states.input.a %}', 'plain'] } },
          Output: { result: '{% $states.result.Payload %}' },
        }),
      ),
    ).toEqual([]);
    expect(found(task({ Arguments: { Payload: ['{% $states.input.a + %}'] } }))).toEqual([
      ['INVALID_JSONATA', '$.States.s.Arguments.Payload[0]'],
    ]);
    const [problem] = validateDefinition(task({ Output: '{% $states.result. %}' }));
    expect(problem?.code).toBe('INVALID_JSONATA');
    expect(problem?.message).toMatch(
      /^State "s": Output holds an invalid JSONata expression: .+ at position \d+\.$/,
    );
  });

  it('takes any JSON value as Output', () => {
    for (const Output of [0, 'text', null, [1, 2], true, { a: 1 }]) {
      expect(validateDefinition(jsonataMachine({ Type: 'Pass', Output })), JSON.stringify(Output)).toEqual(
        [],
      );
    }
  });

  it('requires Arguments to be an object or an expression', () => {
    expect(validateDefinition(task({ Arguments: '{% $states.input %}' }))).toEqual([]);
    expect(found(task({ Arguments: 'payload' }))).toEqual([['WRONG_TYPE', '$.States.s.Arguments']]);
  });

  it('takes a number or an expression for seconds and counts', () => {
    expect(
      validateDefinition(task({ TimeoutSeconds: '{% $states.input.t %}', HeartbeatSeconds: 5 })),
    ).toEqual([]);
    expect(found(task({ TimeoutSeconds: '30' }))).toEqual([['WRONG_TYPE', '$.States.s.TimeoutSeconds']]);
    expect(found(task({ TimeoutSeconds: 10, HeartbeatSeconds: 20 }))).toEqual([
      ['HEARTBEAT_NOT_BELOW_TIMEOUT', '$.States.s.HeartbeatSeconds'],
    ]);
    expect(found(jsonataMachine({ Type: 'Wait', Seconds: '{% ( %}' }))).toEqual([
      ['INVALID_JSONATA', '$.States.s.Seconds'],
    ]);
    expect(
      validateDefinition(jsonataMachine({ Type: 'Wait', Timestamp: '{% $states.input.when %}' })),
    ).toEqual([]);
    expect(found(jsonataMachine({ Type: 'Wait', Timestamp: 'tomorrow' }))).toEqual([
      ['INVALID_VALUE', '$.States.s.Timestamp'],
    ]);
  });

  it('checks Fail Error and Cause expressions', () => {
    expect(
      validateDefinition({
        QueryLanguage: 'JSONata',
        StartAt: 'f',
        States: { f: { Type: 'Fail', Error: '{% "E" %}', Cause: 'c' } },
      }),
    ).toEqual([]);
    expect(
      found({ QueryLanguage: 'JSONata', StartAt: 'f', States: { f: { Type: 'Fail', Cause: '{% $x. %}' } } }),
    ).toEqual([['INVALID_JSONATA', '$.States.f.Cause']]);
  });
});

describe('fields of the other query language', () => {
  it('refuses JSONPath fields in a JSONata state and suggests the JSONata one', () => {
    const problems = validateDefinition(
      task({ Parameters: { a: 1 }, InputPath: '$', ResultSelector: {}, ResultPath: '$.r', OutputPath: '$' }),
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['WRONG_QUERY_LANGUAGE', '$.States.s.Parameters'],
      ['WRONG_QUERY_LANGUAGE', '$.States.s.InputPath'],
      ['WRONG_QUERY_LANGUAGE', '$.States.s.ResultSelector'],
      ['WRONG_QUERY_LANGUAGE', '$.States.s.ResultPath'],
      ['WRONG_QUERY_LANGUAGE', '$.States.s.OutputPath'],
    ]);
    expect(problems[0]?.message).toBe(
      'State "s": Parameters is a JSONPath field, but the state uses JSONata; use Arguments instead.',
    );
  });

  it('refuses ...Path fields in JSONata', () => {
    expect(found(task({ TimeoutSecondsPath: '$.t' }))).toEqual([
      ['WRONG_QUERY_LANGUAGE', '$.States.s.TimeoutSecondsPath'],
    ]);
    expect(found(jsonataMachine({ Type: 'Wait', SecondsPath: '$.s' }))).toEqual([
      ['WRONG_QUERY_LANGUAGE', '$.States.s.SecondsPath'],
      ['MISSING_FIELD', '$.States.s'],
    ]);
  });

  it('refuses JSONata fields in a JSONPath state', () => {
    expect(found({ StartAt: 's', States: { s: { Type: 'Pass', Output: { a: 1 }, End: true } } })).toEqual([
      ['WRONG_QUERY_LANGUAGE', '$.States.s.Output'],
    ]);
  });

  it("lets a JSONPath machine's states use JSONata, but not a JSONata machine's states JSONPath", () => {
    expect(
      validateDefinition({
        StartAt: 'a',
        States: {
          a: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $states.input %}', Next: 'b' },
          b: { Type: 'Pass', Parameters: { 'x.$': '$' }, End: true },
        },
      }),
    ).toEqual([]);
    const [problem] = validateDefinition({
      QueryLanguage: 'JSONata',
      StartAt: 'a',
      States: { a: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } },
    });
    expect(problem).toMatchObject({ code: 'WRONG_QUERY_LANGUAGE', path: '$.States.a.QueryLanguage' });
    expect(problem?.message).toBe(
      'State "a": QueryLanguage cannot be "JSONPath" when the state machine\'s QueryLanguage is "JSONata".',
    );
  });

  it("gives the states of branches and item processors the machine's query language", () => {
    expect(
      found({
        QueryLanguage: 'JSONata',
        StartAt: 'p',
        States: {
          p: {
            Type: 'Parallel',
            End: true,
            Branches: [{ StartAt: 'in', States: { in: { Type: 'Pass', Parameters: {}, End: true } } }],
          },
        },
      }),
    ).toEqual([['WRONG_QUERY_LANGUAGE', '$.States.p.Branches[0].States.in.Parameters']]);
    // A JSONata Map or Parallel in a JSONPath machine: the states inside still use JSONPath.
    const processor = { StartAt: 'in', States: { in: { Type: 'Pass', Output: '{% 1 %}', End: true } } };
    expect(
      found({
        StartAt: 'm',
        States: { m: { Type: 'Map', QueryLanguage: 'JSONata', ItemProcessor: processor, End: true } },
      }),
    ).toEqual([['WRONG_QUERY_LANGUAGE', '$.States.m.ItemProcessor.States.in.Output']]);
    expect(
      found({
        StartAt: 'p',
        States: { p: { Type: 'Parallel', QueryLanguage: 'JSONata', Branches: [processor], End: true } },
      }),
    ).toEqual([['WRONG_QUERY_LANGUAGE', '$.States.p.Branches[0].States.in.Output']]);
  });
});
