// Proves definitionWarnings flags what AWS warns about but accepts (a dynamic-looking value
// without `.$`, `.$` keys in a Pass Result, path-like Fail fields), looks into branches and item
// processors, and shows in AWS diagnostics only when warnings are asked for.
import { describe, expect, it } from 'vitest';
import { toAwsValidationResult } from './problems.js';
import { validateDefinition } from './validate.js';
import { definitionWarnings } from './warnings.js';

const machine = (states: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  StartAt: Object.keys(states)[0],
  States: states,
  ...extra,
});

function warned(definition: unknown): [string, string][] {
  return definitionWarnings(definition).map((w) => [w.code, w.path]);
}

describe('definitionWarnings', () => {
  it('flags template values that look dynamic but lack ".$" (NO_DOLLAR); array items have no key to fix', () => {
    const definition = machine({
      a: {
        Type: 'Pass',
        Parameters: {
          id: '$.id',
          'ok.$': '$.ok',
          nested: { when: '$$.State.EnteredTime' },
          list: ['States.UUID()'],
        },
        End: true,
      },
    });
    expect(validateDefinition(definition)).toEqual([]);
    expect(warned(definition)).toEqual([
      ['NO_DOLLAR', '$.States.a.Parameters.id'],
      ['NO_DOLLAR', '$.States.a.Parameters.nested.when'],
    ]);
    expect(definitionWarnings(definition)[0]?.message).toBe(
      'State "a": Parameters key "id" holds "$.id", which is passed on as text; name the key "id.$" to evaluate it.',
    );
  });

  it('flags ".$" keys in a Pass Result (PASS_RESULT_IS_STATIC)', () => {
    expect(warned(machine({ a: { Type: 'Pass', Result: { 'x.$': '$.x' }, End: true } }))).toEqual([
      ['PASS_RESULT_IS_STATIC', "$.States.a.Result['x.$']"],
    ]);
  });

  it('flags Fail fields that look like paths (NO_PATH)', () => {
    expect(warned(machine({ f: { Type: 'Fail', Error: '$.error', Cause: 'plain' } }))).toEqual([
      ['NO_PATH', '$.States.f.Error'],
    ]);
  });

  it('looks into branches and item processors, and not at JSONata states', () => {
    const inner = { StartAt: 'in', States: { in: { Type: 'Pass', Parameters: { a: '$.a' }, End: true } } };
    expect(
      warned(
        machine({
          p: { Type: 'Parallel', Branches: [inner], Next: 'm' },
          m: {
            Type: 'Map',
            ItemProcessor: { ...inner, States: { in2: inner.States.in }, StartAt: 'in2' },
            Next: 'j',
          },
          j: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { a: '$.a' }, End: true },
        }),
      ),
    ).toEqual([
      ['NO_DOLLAR', '$.States.p.Branches[0].States.in.Parameters.a'],
      ['NO_DOLLAR', '$.States.m.ItemProcessor.States.in2.Parameters.a'],
    ]);
  });

  it('shows in AWS diagnostics only when asked for WARNING, and leaves the result OK', () => {
    const definition = machine({ a: { Type: 'Pass', Parameters: { id: '$.id' }, End: true } });
    const warnings = definitionWarnings(definition);
    expect(toAwsValidationResult([], { warnings })).toEqual({
      result: 'OK',
      diagnostics: [],
      truncated: false,
    });
    expect(toAwsValidationResult([], { warnings, severity: 'WARNING' })).toEqual({
      result: 'OK',
      diagnostics: [
        {
          severity: 'WARNING',
          code: 'NO_DOLLAR',
          message: warnings[0]?.message,
          location: '/States/a/Parameters/id',
        },
      ],
      truncated: false,
    });
  });

  it('flags Retry and Catch error names with the States. prefix that name no error (UNKNOWN_ERROR_NAME), in both query languages', () => {
    const definition = machine(
      {
        t: {
          Type: 'Task',
          Resource: 'arn:aws:states:us-east-1:123456789012:activity:a',
          Retry: [{ ErrorEquals: ['States.Timout', 'Custom.Error', 'States.TaskFailed'] }],
          Catch: [{ ErrorEquals: ['States.Nothing', 'States.ALL'], Next: 'end' }],
          Next: 'end',
        },
        end: { Type: 'Succeed' },
      },
      { QueryLanguage: 'JSONata' },
    );
    expect(validateDefinition(definition)).not.toEqual([]); // States.ALL must stand alone
    expect(warned(definition)).toEqual([
      ['UNKNOWN_ERROR_NAME', '$.States.t.Retry[0].ErrorEquals[0]'],
      ['UNKNOWN_ERROR_NAME', '$.States.t.Catch[0].ErrorEquals[0]'],
    ]);
    const [timout, nothing] = definitionWarnings(definition);
    expect(timout?.message).toBe(
      'State "t": "States.Timout" is not an error Step Functions raises (did you mean "States.Timeout"?), so the retrier never matches it.',
    );
    expect(nothing?.message).toBe(
      'State "t": "States.Nothing" is not an error Step Functions raises, so the catcher never matches it.',
    );
  });
});
