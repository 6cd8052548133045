// Proves how problems are reported: locations rendered as JSONPaths and as AWS's slash paths,
// problem codes mapped to AWS's diagnostic codes, the ValidateStateMachineDefinition response and
// the InvalidDefinition message built as AWS builds them, and InvalidDefinitionError listing
// every problem.
import { describe, expect, it } from 'vitest';
import {
  awsDiagnosticCode,
  InvalidDefinitionError,
  problemAt,
  toAwsInvalidDefinitionMessage,
  toAwsLocation,
  toAwsValidationResult,
  toJsonPath,
} from './problems.js';
import { assertValidDefinition, validateDefinition } from './validate.js';

describe('locations', () => {
  it('renders JSONPaths with dots for identifiers and quoted brackets otherwise', () => {
    expect(toJsonPath([])).toBe('$');
    expect(toJsonPath(['States', 'fetch', 'Retry', 0, 'ErrorEquals'])).toBe(
      '$.States.fetch.Retry[0].ErrorEquals',
    );
    expect(toJsonPath(['States', 'my state', "it's", 'a\\b'])).toBe(
      "$.States['my state']['it\\'s']['a\\\\b']",
    );
    expect(toJsonPath(['Parameters', 'name.$'])).toBe("$.Parameters['name.$']");
  });

  it('renders AWS locations as slash paths with bracketed indexes', () => {
    expect(toAwsLocation([])).toBe('/');
    expect(toAwsLocation(['States', 'fetch', 'Next'])).toBe('/States/fetch/Next');
    expect(toAwsLocation(['States', 'p', 'Branches', 1, 'States', 'my state'])).toBe(
      '/States/p/Branches[1]/States/my state',
    );
  });
});

describe('AWS renderings', () => {
  const definition = {
    StartAt: 'pass1',
    States: { pass1: { Type: 'Pass', Next: 'pass3' }, pass2: { Type: 'Pass', End: true } },
  };

  it('maps problem codes to the codes AWS reports', () => {
    expect(awsDiagnosticCode('UNREACHABLE_STATE')).toBe('MISSING_TRANSITION_TARGET');
    expect(awsDiagnosticCode('INVALID_JSON')).toBe('INVALID_JSON_DESCRIPTION');
    expect(awsDiagnosticCode('DUPLICATE_STATE_NAME')).toBe('DUPLICATE_STATE_NAME');
    expect(awsDiagnosticCode('INVALID_RESOURCE')).toBe('INVALID_RESOURCE');
    expect(awsDiagnosticCode('STATES_ALL_NOT_LAST')).toBe('SCHEMA_VALIDATION_FAILED');
  });

  it('builds the ValidateStateMachineDefinition response', () => {
    expect(toAwsValidationResult([])).toEqual({ result: 'OK', diagnostics: [], truncated: false });
    const result = toAwsValidationResult(validateDefinition(definition));
    expect(result.result).toBe('FAIL');
    expect(result.truncated).toBe(false);
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.location])).toEqual([
      ['ERROR', 'MISSING_TRANSITION_TARGET', '/States/pass1/Next'],
      ['ERROR', 'MISSING_TRANSITION_TARGET', '/States/pass2'],
    ]);
  });

  it('truncates diagnostics beyond maxResults and says so', () => {
    const problems = validateDefinition(definition);
    const result = toAwsValidationResult(problems, { maxResults: 1 });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.truncated).toBe(true);
    expect(toAwsValidationResult(problems, 1)).toEqual(result);
    expect(toAwsValidationResult(problems, 0).diagnostics).toHaveLength(2);
  });

  it('builds the InvalidDefinition message CreateStateMachine answers with', () => {
    expect(toAwsInvalidDefinitionMessage(validateDefinition(definition))).toBe(
      'Invalid State Machine Definition: \'MISSING_TRANSITION_TARGET: State "pass1": Next names "pass3", which is not a state of the state machine. at /States/pass1/Next, MISSING_TRANSITION_TARGET: State "pass2" is not reachable: no transition from StartAt leads to it. at /States/pass2\'',
    );
  });
});

describe('InvalidDefinitionError', () => {
  it('lists every problem with its location and code, and carries them', () => {
    const problems = [
      problemAt('MISSING_FIELD', [], 'The state machine: needs StartAt, the name of the first state.'),
      problemAt('UNKNOWN_FIELD', ['Foo'], 'The state machine: has no field "Foo".'),
    ];
    const error = new InvalidDefinitionError(problems);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InvalidDefinitionError');
    expect(error.problems).toBe(problems);
    expect(error.message).toBe(
      [
        'Invalid state machine definition (2 problems):',
        '  - $: The state machine: needs StartAt, the name of the first state. [MISSING_FIELD]',
        '  - $.Foo: The state machine: has no field "Foo". [UNKNOWN_FIELD]',
      ].join('\n'),
    );
  });

  it('is what assertValidDefinition throws', () => {
    expect(() => assertValidDefinition({ StartAt: 'a', States: { a: { Type: 'Succeed' } } })).not.toThrow();
    expect(() => assertValidDefinition(definitionWithOneProblem)).toThrow(InvalidDefinitionError);
    expect(() => assertValidDefinition(definitionWithOneProblem)).toThrow(
      'Invalid state machine definition (1 problem):\n  - $.States.a.Choices[0].Next: State "a": Choices[0].Next names "b"',
    );
  });
});

const definitionWithOneProblem = {
  StartAt: 'a',
  States: {
    a: { Type: 'Choice', Choices: [{ Variable: '$.x', IsNull: true, Next: 'b' }], Default: 'c' },
    c: { Type: 'Succeed' },
  },
};
