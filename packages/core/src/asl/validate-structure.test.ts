// Proves the structural checks of a machine and its states: required and unknown top-level
// fields, a known Type per state, only the fields that Type has, exactly one of Next and End, and
// AWS's rules for state names; messages name the state and field.
import { describe, expect, it } from 'vitest';
import { stateNameProblem, validateDefinition, validateStateDefinition } from './validate.js';

/** A machine whose first state is `state`, ending there. */
function single(state: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { StartAt: 'a', States: { a: state }, ...extra };
}

/** The problems as [code, path] pairs, the form every rule test asserts. */
function found(definition: unknown): [string, string][] {
  return validateDefinition(definition).map((p) => [p.code, p.path]);
}

describe('machine structure', () => {
  it('accepts a minimal machine', () => {
    expect(validateDefinition(single({ Type: 'Succeed' }))).toEqual([]);
  });

  it('refuses a definition that is not an object', () => {
    expect(found([1, 2])).toEqual([['WRONG_TYPE', '$']]);
    expect(found(null)).toEqual([['WRONG_TYPE', '$']]);
  });

  it('requires StartAt and States', () => {
    expect(found({})).toEqual([
      ['MISSING_FIELD', '$'],
      ['MISSING_FIELD', '$'],
    ]);
    expect(validateDefinition({}).map((p) => p.message)).toEqual([
      'The state machine: needs StartAt, the name of the first state.',
      'The state machine: needs States, an object of named states.',
    ]);
  });

  it('requires at least one state', () => {
    expect(found({ StartAt: 'a', States: {} })).toEqual([['INVALID_VALUE', '$.States']]);
  });

  it('refuses unknown machine fields', () => {
    expect(found(single({ Type: 'Succeed' }, { Commment: 'typo' }))).toEqual([
      ['UNKNOWN_FIELD', '$.Commment'],
    ]);
  });

  it('checks machine TimeoutSeconds, Version and QueryLanguage', () => {
    expect(found(single({ Type: 'Succeed' }, { TimeoutSeconds: 0 }))).toEqual([
      ['INVALID_VALUE', '$.TimeoutSeconds'],
    ]);
    expect(found(single({ Type: 'Succeed' }, { TimeoutSeconds: '5' }))).toEqual([
      ['WRONG_TYPE', '$.TimeoutSeconds'],
    ]);
    expect(found(single({ Type: 'Succeed' }, { Version: 1 }))).toEqual([['WRONG_TYPE', '$.Version']]);
    expect(found(single({ Type: 'Succeed' }, { QueryLanguage: 'JMESPath' }))).toEqual([
      ['INVALID_VALUE', '$.QueryLanguage'],
    ]);
  });

  it('requires StartAt to be a string', () => {
    expect(found({ StartAt: 3, States: { a: { Type: 'Succeed' } } })).toEqual([['WRONG_TYPE', '$.StartAt']]);
  });
});

describe('state structure', () => {
  it('requires each state to be an object with a known Type', () => {
    expect(found(single('Pass' as never))).toEqual([
      ['WRONG_TYPE', '$.States.a'],
      ['MISSING_END_STATE', '$.States'],
    ]);
    expect(found(single({ End: true }))).toEqual([['MISSING_FIELD', '$.States.a']]);
    expect(found(single({ Type: 'Lambda', End: true }))).toEqual([['INVALID_VALUE', '$.States.a.Type']]);
  });

  it('refuses fields the state type does not have', () => {
    expect(found(single({ Type: 'Pass', End: true, Resource: 'arn:aws:states:::lambda:invoke' }))).toEqual([
      ['UNKNOWN_FIELD', '$.States.a.Resource'],
    ]);
    expect(found(single({ Type: 'Succeed', End: true }))).toEqual([['UNKNOWN_FIELD', '$.States.a.End']]);
    expect(found(single({ Type: 'Fail', InputPath: '$' }))).toEqual([
      ['UNKNOWN_FIELD', '$.States.a.InputPath'],
    ]);
  });

  it('names the state and field in its messages', () => {
    const [problem] = validateDefinition(single({ Type: 'Pass', End: true, Resource: 'x' }));
    expect(problem?.message).toBe('State "a": a Pass state has no field "Resource".');
    expect(problem?.location).toBe('/States/a/Resource');
  });

  it('requires exactly one of Next and End', () => {
    expect(found(single({ Type: 'Pass', Next: 'a', End: true }))).toEqual([
      ['CONFLICTING_FIELDS', '$.States.a'],
    ]);
    expect(found(single({ Type: 'Pass' }))).toEqual([
      ['MISSING_FIELD', '$.States.a'],
      ['MISSING_END_STATE', '$.States'],
    ]);
    expect(found(single({ Type: 'Pass', End: 'yes' }))).toEqual([
      ['WRONG_TYPE', '$.States.a.End'],
      ['MISSING_FIELD', '$.States.a'],
      ['MISSING_END_STATE', '$.States'],
    ]);
  });

  it('checks Comment and QueryLanguage on a state', () => {
    expect(found(single({ Type: 'Succeed', Comment: 5 }))).toEqual([['WRONG_TYPE', '$.States.a.Comment']]);
    expect(found(single({ Type: 'Succeed', QueryLanguage: 'jsonata' }))).toEqual([
      ['INVALID_VALUE', '$.States.a.QueryLanguage'],
    ]);
  });
});

describe('state names', () => {
  it('refuses names longer than 80 characters', () => {
    const long = 'x'.repeat(81);
    expect(found({ StartAt: long, States: { [long]: { Type: 'Succeed' } } })).toEqual([
      ['INVALID_STATE_NAME', `$.States.${long}`],
    ]);
  });

  it('accepts 80 characters, counting characters rather than UTF-16 units', () => {
    const eighty = '😀'.repeat(80);
    expect(validateDefinition({ StartAt: eighty, States: { [eighty]: { Type: 'Succeed' } } })).toEqual([]);
  });

  it('accepts spaces and punctuation, which AWS allows in state names', () => {
    const name = 'Fetch: the "next" page, then #1 & $2 / 3';
    expect(validateDefinition({ StartAt: name, States: { [name]: { Type: 'Succeed' } } })).toEqual([]);
  });

  it('explains a refused name on its own, for callers naming states', () => {
    expect(stateNameProblem('fetch page')).toBeUndefined();
    expect(stateNameProblem('')).toBe('a state name cannot be empty');
    expect(stateNameProblem('n'.repeat(81))).toBe('the name is 81 characters long; AWS allows at most 80');
  });

  it('refuses an empty name', () => {
    expect(found({ StartAt: '', States: { '': { Type: 'Succeed' } } })).toEqual([
      ['INVALID_STATE_NAME', "$.States['']"],
    ]);
  });

  it('treats __proto__ and constructor as ordinary names', () => {
    const definition = JSON.parse(
      '{"StartAt":"__proto__","States":{"__proto__":{"Type":"Pass","Next":"constructor"},"constructor":{"Type":"Succeed"}}}',
    );
    expect(validateDefinition(definition)).toEqual([]);
    expect(found(JSON.parse('{"StartAt":"a","States":{"a":{"Type":"Pass","Next":"toString"}}}'))).toEqual([
      ['MISSING_TRANSITION_TARGET', '$.States.a.Next'],
      ['MISSING_END_STATE', '$.States'],
    ]);
    expect(({} as Record<string, unknown>).Type).toBeUndefined();
  });
});

describe('Task', () => {
  const task = (fields: Record<string, unknown>) =>
    single({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...fields });

  it('requires Resource to be an ARN', () => {
    expect(found(single({ Type: 'Task', End: true }))).toEqual([['MISSING_FIELD', '$.States.a']]);
    expect(found(task({ Resource: 'my-function' }))).toEqual([['INVALID_RESOURCE', '$.States.a.Resource']]);
    expect(found(task({ Resource: { 'Fn::GetAtt': ['F', 'Arn'] } }))).toEqual([
      ['WRONG_TYPE', '$.States.a.Resource'],
    ]);
  });

  it('accepts activity, Lambda and integration ARNs', () => {
    for (const Resource of [
      'arn:aws:states:us-east-1:123456789012:activity:work',
      'arn:aws:lambda:eu-west-1:123456789012:function:f:$LATEST',
      'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      'arn:aws:states:::aws-sdk:s3:getObject',
    ]) {
      expect(validateDefinition(task({ Resource }))).toEqual([]);
    }
  });

  it('requires HeartbeatSeconds below TimeoutSeconds', () => {
    expect(found(task({ TimeoutSeconds: 10, HeartbeatSeconds: 10 }))).toEqual([
      ['HEARTBEAT_NOT_BELOW_TIMEOUT', '$.States.a.HeartbeatSeconds'],
    ]);
    expect(validateDefinition(task({ TimeoutSeconds: 10, HeartbeatSeconds: 9 }))).toEqual([]);
    expect(found(task({ HeartbeatSeconds: 99_999_999 }))).toEqual([
      ['HEARTBEAT_NOT_BELOW_TIMEOUT', '$.States.a.HeartbeatSeconds'],
    ]);
  });

  it('requires positive integer seconds', () => {
    expect(found(task({ TimeoutSeconds: 0 }))).toEqual([['INVALID_VALUE', '$.States.a.TimeoutSeconds']]);
    expect(found(task({ HeartbeatSeconds: 1.5 }))).toEqual([['WRONG_TYPE', '$.States.a.HeartbeatSeconds']]);
  });

  it('refuses both a literal and a path for the same setting', () => {
    expect(found(task({ TimeoutSeconds: 5, TimeoutSecondsPath: '$.t' }))).toEqual([
      ['CONFLICTING_FIELDS', '$.States.a'],
    ]);
    expect(found(task({ HeartbeatSecondsPath: '$.h[*]' }))).toEqual([
      ['INVALID_REFERENCE_PATH', '$.States.a.HeartbeatSecondsPath'],
    ]);
  });

  it('checks Credentials as a payload template', () => {
    expect(validateDefinition(task({ Credentials: { 'RoleArn.$': '$.role' } }))).toEqual([]);
    expect(found(task({ Credentials: 'arn:aws:iam::123456789012:role/r' }))).toEqual([
      ['WRONG_TYPE', '$.States.a.Credentials'],
    ]);
  });
});

describe('Wait', () => {
  const wait = (fields: Record<string, unknown>) => single({ Type: 'Wait', End: true, ...fields });

  it('requires exactly one of Seconds, Timestamp, SecondsPath, TimestampPath', () => {
    expect(found(wait({}))).toEqual([['MISSING_FIELD', '$.States.a']]);
    expect(found(wait({ Seconds: 1, SecondsPath: '$.s' }))).toEqual([['CONFLICTING_FIELDS', '$.States.a']]);
  });

  it('checks each form', () => {
    expect(found(wait({ Seconds: -1 }))).toEqual([['INVALID_VALUE', '$.States.a.Seconds']]);
    expect(found(wait({ Seconds: '10' }))).toEqual([['WRONG_TYPE', '$.States.a.Seconds']]);
    expect(found(wait({ Timestamp: '2026-01-01 00:00:00' }))).toEqual([
      ['INVALID_VALUE', '$.States.a.Timestamp'],
    ]);
    expect(validateDefinition(wait({ Timestamp: '2026-01-01T00:00:00.123+02:00' }))).toEqual([]);
    expect(found(wait({ TimestampPath: 'ts' }))).toEqual([
      ['INVALID_REFERENCE_PATH', '$.States.a.TimestampPath'],
    ]);
  });
});

describe('Fail', () => {
  it('refuses a literal and a path for the same field', () => {
    expect(found(single({ Type: 'Fail', Error: 'E', ErrorPath: '$.e' }))).toEqual([
      ['CONFLICTING_FIELDS', '$.States.a'],
    ]);
  });

  it('takes a Reference Path or an intrinsic function in ErrorPath and CausePath', () => {
    expect(
      validateDefinition(
        single({ Type: 'Fail', ErrorPath: '$$.State.Name', CausePath: "States.Format('x{}', $.a)" }),
      ),
    ).toEqual([]);
    expect(found(single({ Type: 'Fail', CausePath: '$..cause' }))).toEqual([
      ['INVALID_REFERENCE_PATH', '$.States.a.CausePath'],
    ]);
    expect(found(single({ Type: 'Fail', ErrorPath: 'States.Format(1' }))).toEqual([
      ['INVALID_INTRINSIC_FUNCTION', '$.States.a.ErrorPath'],
    ]);
    expect(found(single({ Type: 'Fail', Error: 42 }))).toEqual([['WRONG_TYPE', '$.States.a.Error']]);
  });
});

describe('a single state, as TestState takes it', () => {
  it('does not resolve Next', () => {
    expect(validateStateDefinition({ Type: 'Pass', Next: 'Elsewhere' })).toEqual([]);
  });

  it('reports problems from the state itself, located from its root', () => {
    const problems = validateStateDefinition(
      { Type: 'Task', Resource: 'nope', End: true },
      { stateName: 'call' },
    );
    expect(problems.map((p) => [p.code, p.path, p.message])).toEqual([
      [
        'INVALID_RESOURCE',
        '$.Resource',
        'State "call": Resource "nope" is not an ARN (arn:partition:service:region:account:resource).',
      ],
    ]);
  });

  it('uses the query language given in options', () => {
    expect(
      validateStateDefinition({ Type: 'Pass', Output: 1, End: true }, { queryLanguage: 'JSONata' }),
    ).toEqual([]);
    expect(validateStateDefinition({ Type: 'Pass', Output: 1, End: true }).map((p) => p.code)).toEqual([
      'WRONG_QUERY_LANGUAGE',
    ]);
  });
});
