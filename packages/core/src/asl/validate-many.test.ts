// Proves validation loses nothing: one definition with a problem of nearly every kind reports
// them all, each at its place, in one error. And that untrusted nesting (templates, Choice rules,
// Parallel states nested far deeper than any real machine) is reported, never a stack overflow.
import { describe, expect, it } from 'vitest';
import { InvalidDefinitionError } from './problems.js';
import { assertValidDefinition, validateDefinition, validateStateDefinition } from './validate.js';
import { definitionWarnings } from './warnings.js';

// One definition with a problem of nearly every kind, spread over the machine, a Parallel
// branch and a Map processor: validation must report all of them, each at its place.
const definition = {
  Comment: 'everything wrong at once',
  StartAt: 'fetch',
  Unknown: true,
  States: {
    fetch: {
      Type: 'Task',
      Resource: 'fetch-function',
      TimeoutSeconds: 10,
      HeartbeatSeconds: 30,
      InputPath: 'no-dollar',
      ResultPath: '$.results[*]',
      Parameters: { 'url.$': 'url', 'id.$': 'States.Format(' },
      Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['Timeout'], BackoffRate: 0 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'hanlder' }],
      Next: 'decide',
    },
    decide: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.count', NumericEquals: 'ten', Next: 'fan-out' },
        { Not: { Variable: '$.x', IsNull: true, Next: 'fan-out' }, Next: 'map' },
      ],
      Default: 'missing-default',
    },
    'fan-out': {
      Type: 'Parallel',
      Branches: [{ StartAt: 'fetch', States: { fetch: { Type: 'Pass', Next: 'decide' } } }],
      Next: 'map',
    },
    map: {
      Type: 'Map',
      ItemsPath: '$..items',
      ItemProcessor: { StartAt: 'item', States: { item: { Type: 'Wait', End: true } } },
      Output: {},
      End: true,
    },
    orphan: { Type: 'Succeed' },
    ['x'.repeat(81)]: { Type: 'Fail' },
  },
};

const expected: [string, string][] = [
  ['UNKNOWN_FIELD', '$.Unknown'],
  ['INVALID_PATH', '$.States.fetch.InputPath'],
  ['INVALID_REFERENCE_PATH', '$.States.fetch.ResultPath'],
  ['INVALID_PAYLOAD_TEMPLATE', "$.States.fetch.Parameters['url.$']"],
  ['INVALID_INTRINSIC_FUNCTION', "$.States.fetch.Parameters['id.$']"],
  ['INVALID_RESOURCE', '$.States.fetch.Resource'],
  ['HEARTBEAT_NOT_BELOW_TIMEOUT', '$.States.fetch.HeartbeatSeconds'],
  ['STATES_ALL_NOT_LAST', '$.States.fetch.Retry[0].ErrorEquals[0]'],
  ['INVALID_VALUE', '$.States.fetch.Retry[1].BackoffRate'],
  ['WRONG_TYPE', '$.States.decide.Choices[0].NumericEquals'],
  ['INVALID_CHOICE_RULE', '$.States.decide.Choices[1].Not.Next'],
  ['DUPLICATE_STATE_NAME', "$.States['fan-out'].Branches[0].States.fetch"],
  ['MISSING_TRANSITION_TARGET', "$.States['fan-out'].Branches[0].States.fetch.Next"],
  ['MISSING_END_STATE', "$.States['fan-out'].Branches[0].States"],
  ['WRONG_QUERY_LANGUAGE', '$.States.map.Output'],
  ['MISSING_FIELD', '$.States.map.ItemProcessor.States.item'],
  ['INVALID_REFERENCE_PATH', '$.States.map.ItemsPath'],
  ['INVALID_STATE_NAME', `$.States.${'x'.repeat(81)}`],
  ['MISSING_TRANSITION_TARGET', '$.States.fetch.Catch[0].Next'],
  ['MISSING_TRANSITION_TARGET', '$.States.decide.Default'],
  ['UNREACHABLE_STATE', '$.States.orphan'],
  ['UNREACHABLE_STATE', `$.States.${'x'.repeat(81)}`],
];

describe('a definition with many problems', () => {
  it('reports every one of them, each at its location', () => {
    expect(validateDefinition(definition).map((p) => [p.code, p.path])).toEqual(expected);
  });

  it('throws one error that lists them all', () => {
    let error: unknown;
    try {
      assertValidDefinition(definition);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    const invalid = error as InvalidDefinitionError;
    expect(invalid.problems).toHaveLength(expected.length);
    const lines = invalid.message.split('\n');
    expect(lines[0]).toBe(`Invalid state machine definition (${expected.length} problems):`);
    for (const [index, [code, path]] of expected.entries()) {
      expect(lines[index + 1]).toMatch(new RegExp(`^  - ${escapeRegExp(path)}: .+ \\[${code}\\]$`));
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('untrusted nesting', () => {
  function nest(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
    let value = leaf;
    for (let i = 0; i < depth; i++) value = wrap(value);
    return value;
  }

  it('reports a payload template nested 100,000 levels deep instead of overflowing the stack', () => {
    const parameters = nest(100_000, 1, (inner) => ({ a: inner }));
    const problems = validateDefinition({
      StartAt: 's',
      States: { s: { Type: 'Pass', Parameters: parameters, End: true } },
    });
    expect(problems.map((p) => p.code)).toEqual(['TOO_DEEPLY_NESTED']);
    expect(problems[0]?.path.startsWith('$.States.s.Parameters.a.a.a')).toBe(true);
    expect(
      definitionWarnings({
        StartAt: 's',
        States: { s: { Type: 'Pass', Parameters: parameters, End: true } },
      }),
    ).toEqual([]);
  });

  it('bounds the nesting of every literal value (Result, Output, Assign), not only the parts it reads', () => {
    const deep = nest(20_000, 1, (inner) => [inner]);
    const result = validateDefinition({
      StartAt: 's',
      States: { s: { Type: 'Pass', Result: deep, End: true } },
    });
    expect(result.map((p) => p.code)).toEqual(['TOO_DEEPLY_NESTED']);
    expect(result[0]?.path.startsWith('$.States.s.Result[0][0]')).toBe(true);
    expect(result[0]?.message).toContain('nested more than 256 levels deep');
    const jsonata = validateDefinition({
      QueryLanguage: 'JSONata',
      StartAt: 's',
      States: {
        s: {
          Type: 'Pass',
          Output: { a: deep },
          Assign: { v: nest(20_000, 1, (inner) => [inner]) },
          End: true,
        },
      },
    });
    expect(jsonata.map((p) => p.code)).toEqual(['TOO_DEEPLY_NESTED', 'TOO_DEEPLY_NESTED']);
    expect(validateStateDefinition({ Type: 'Pass', Result: deep, End: true }).map((p) => p.code)).toEqual([
      'TOO_DEEPLY_NESTED',
    ]);
    // 256 levels from the root are accepted; one more is not.
    const at = (levels: number) =>
      validateDefinition({
        StartAt: 's',
        States: { s: { Type: 'Pass', Result: nest(levels - 3, 1, (inner) => ({ a: inner })), End: true } },
      }).map((p) => p.code);
    expect(at(256)).toEqual([]);
    expect(at(257)).toEqual(['TOO_DEEPLY_NESTED']);
  });

  it('reports choice rules nested without end', () => {
    const rule = nest(100_000, { Variable: '$.a', IsNull: true }, (inner) => ({ Not: inner }));
    const definition = {
      StartAt: 'c',
      States: {
        c: { Type: 'Choice', Choices: [{ ...(rule as object), Next: 'd' }] },
        d: { Type: 'Succeed' },
      },
    };
    expect(validateDefinition(definition).map((p) => p.code)).toEqual(['TOO_DEEPLY_NESTED']);
  });

  it('reports Parallel states nested without end', () => {
    const machine = nest(10_000, { StartAt: 'x', States: { x: { Type: 'Succeed' } } }, (inner) => ({
      StartAt: 'p',
      States: { p: { Type: 'Parallel', Branches: [inner], End: true } },
    }));
    const codes = validateDefinition(machine).map((p) => p.code);
    expect(codes).toContain('TOO_DEEPLY_NESTED');
    expect(codes.every((code) => code === 'TOO_DEEPLY_NESTED' || code === 'DUPLICATE_STATE_NAME')).toBe(true);
  });
});
