// Proves the checks on the fields that move data: paths where AWS allows each kind (any Path, a
// writable Reference Path for ResultPath), payload templates and their `.$` keys at any depth,
// and Assign with the variable names AWS accepts; each refusal is checked by its code and path.
import { describe, expect, it } from 'vitest';
import { validateDefinition } from './validate.js';

function found(definition: unknown): [string, string][] {
  return validateDefinition(definition).map((p) => [p.code, p.path]);
}

const pass = (fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  StartAt: 'a',
  States: { a: { Type: 'Pass', End: true, ...fields } },
  ...extra,
});

describe('paths in their context (JSONPath)', () => {
  it('takes any Path in InputPath and OutputPath, and null', () => {
    expect(validateDefinition(pass({ InputPath: '$.items[*].id', OutputPath: null }))).toEqual([]);
    expect(validateDefinition(pass({ InputPath: '$$.Execution.Input', OutputPath: '$answer' }))).toEqual([]);
    expect(found(pass({ InputPath: 'items' }))).toEqual([['INVALID_PATH', '$.States.a.InputPath']]);
    expect(found(pass({ OutputPath: 7 }))).toEqual([['WRONG_TYPE', '$.States.a.OutputPath']]);
  });

  it('takes only a writable Reference Path in ResultPath', () => {
    expect(validateDefinition(pass({ ResultPath: '$.result.deep' }))).toEqual([]);
    expect(validateDefinition(pass({ ResultPath: null }))).toEqual([]);
    expect(found(pass({ ResultPath: '$.results[*]' }))).toEqual([
      ['INVALID_REFERENCE_PATH', '$.States.a.ResultPath'],
    ]);
    expect(found(pass({ ResultPath: '$$.Execution' }))).toEqual([
      ['INVALID_REFERENCE_PATH', '$.States.a.ResultPath'],
    ]);
    expect(validateDefinition(pass({ ResultPath: '$$.x' }))[0]?.message).toBe(
      'State "a": ResultPath: a ResultPath cannot write to the context object ($$).',
    );
  });
});

describe('payload templates (JSONPath)', () => {
  it('accepts paths, context paths, variables and intrinsic functions in ".$" keys', () => {
    expect(
      validateDefinition(
        pass({
          Parameters: {
            'input.$': '$',
            'id.$': '$$.Execution.Id',
            'v.$': '$myVar.field',
            'msg.$': "States.Format('Hello {}', $.name)",
            nested: { 'deep.$': '$.x', list: [{ 'inArray.$': '$.y' }, 'literal $.not.a.path'] },
            static: 'States.Format(not evaluated)',
          },
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a ".$" value that is no path or intrinsic', () => {
    const problems = validateDefinition(pass({ Parameters: { 'name.$': 'name' } }));
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['INVALID_PAYLOAD_TEMPLATE', "$.States.a.Parameters['name.$']"],
    ]);
    expect(problems[0]?.location).toBe('/States/a/Parameters/name.$');
    expect(problems[0]?.message).toBe(
      'State "a": Parameters key "name.$" ends in ".$", so its value must be a path ("$...", "$$...", "$variable") or an intrinsic function, not the string "name".',
    );
  });

  it('refuses a ".$" value that is not a string', () => {
    expect(found(pass({ Parameters: { 'n.$': 3 } }))).toEqual([
      ['INVALID_PAYLOAD_TEMPLATE', "$.States.a.Parameters['n.$']"],
    ]);
  });

  it('checks the syntax of paths and intrinsic functions in templates, at any depth', () => {
    expect(found(pass({ Parameters: { outer: [{ 'p.$': '$.a[' }] } }))).toEqual([
      ['INVALID_PATH', "$.States.a.Parameters.outer[0]['p.$']"],
    ]);
    expect(found(pass({ Parameters: { 'f.$': 'States.Frmat($.a)' } }))).toEqual([
      ['INVALID_INTRINSIC_FUNCTION', "$.States.a.Parameters['f.$']"],
    ]);
  });

  it('refuses a field named twice once ".$" is dropped', () => {
    expect(found(pass({ Parameters: { a: 1, 'a.$': '$.a' } }))).toEqual([
      ['INVALID_PAYLOAD_TEMPLATE', "$.States.a.Parameters['a.$']"],
    ]);
  });

  it('requires templates to be objects', () => {
    expect(found(pass({ Parameters: '$.a' }))).toEqual([['WRONG_TYPE', '$.States.a.Parameters']]);
  });

  it('does not evaluate ".$" keys inside a Pass Result', () => {
    expect(validateDefinition(pass({ Result: { 'TestResult.$': 'ConditionTrue' } }))).toEqual([]);
  });

  it('checks ResultSelector like Parameters', () => {
    const task = {
      StartAt: 't',
      States: {
        t: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          ResultSelector: { 'body.$': 'Payload' },
          End: true,
        },
      },
    };
    expect(found(task)).toEqual([['INVALID_PAYLOAD_TEMPLATE', "$.States.t.ResultSelector['body.$']"]]);
  });
});

describe('Assign', () => {
  it('accepts literals and dynamic values in JSONPath', () => {
    expect(
      validateDefinition(
        pass({ Assign: { count: 0, 'total.$': '$.sum', 'when.$': '$$.State.EnteredTime', list: [null] } }),
      ),
    ).toEqual([]);
  });

  it('refuses variable names AWS rejects', () => {
    expect(found(pass({ Assign: { '1st': 1, 'ok.$': '$.x', 'bad-name.$': '$.y', states: 2 } }))).toEqual([
      ['INVALID_VARIABLE_NAME', "$.States.a.Assign['1st']"],
      ['INVALID_VARIABLE_NAME', "$.States.a.Assign['bad-name.$']"],
      ['INVALID_VARIABLE_NAME', '$.States.a.Assign.states'],
    ]);
  });

  it('checks JSONata Assign values as expressions', () => {
    expect(
      found(
        pass(
          { Assign: { x: '{% $states.input.a %}', y: '{% $states.input. %}' } },
          { QueryLanguage: 'JSONata' },
        ),
      ),
    ).toEqual([['INVALID_JSONATA', '$.States.a.Assign.y']]);
  });

  it('is not allowed on Succeed and Fail', () => {
    expect(found({ StartAt: 's', States: { s: { Type: 'Succeed', Assign: { a: 1 } } } })).toEqual([
      ['UNKNOWN_FIELD', '$.States.s.Assign'],
    ]);
  });
});
