// Proves the JSONPath Choice evaluator decides as AWS does: comparisons of each operand type (a
// value of another type is false, not an error), timestamps as instants, StringMatches, Is* tests
// where false means "is not", And/Or/Not, AWS's causes for missing paths and for no match, and
// that every operator of core's table is evaluated.
import type { JsonValue } from '@sfini/core';
import { CHOICE_OPERATOR_NAMES, CHOICE_OPERATORS } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { ChoiceEvaluationError, NO_CHOICE_MATCHED_CAUSE } from './errors.js';
import { evaluateChoiceRule, resolveChoice, selectChoice } from './evaluate.js';
import type { ChoiceRuleDefinition, ChoiceScope } from './types.js';

/** Resolves `$.key`, `$$.key` and `$name` one level deep, recording every lookup. */
function scopeOver(
  input: Record<string, JsonValue>,
  extra: { context?: Record<string, JsonValue>; variables?: Record<string, JsonValue> } = {},
): ChoiceScope & { lookups: string[] } {
  const lookups: string[] = [];
  return {
    lookups,
    resolvePath(path) {
      lookups.push(path);
      const [root, key] = path.startsWith('$$.')
        ? [extra.context ?? {}, path.slice(3)]
        : path.startsWith('$.')
          ? [input, path.slice(2)]
          : [extra.variables ?? {}, path.slice(1)];
      return Object.hasOwn(root, key) ? { found: true, value: root[key] as JsonValue } : { found: false };
    },
  };
}

const test = (rule: ChoiceRuleDefinition, input: Record<string, JsonValue>) =>
  evaluateChoiceRule(rule, scopeOver(input));

function failure(rule: ChoiceRuleDefinition, input: Record<string, JsonValue>): ChoiceEvaluationError {
  try {
    test(rule, input);
  } catch (error) {
    if (error instanceof ChoiceEvaluationError) return error;
    throw error;
  }
  throw new Error('expected the rule to fail');
}

const values: JsonValue[] = [
  null,
  0,
  1,
  1.5,
  '',
  'text',
  '2012-10-09T19:00:55Z',
  true,
  false,
  [],
  [1],
  {},
  { a: 1 },
];

describe('comparison operators', () => {
  it('compare values of their own type', () => {
    expect(test({ Variable: '$.v', StringEquals: 'Hello' }, { v: 'Hello' })).toBe(true);
    expect(test({ Variable: '$.v', StringEquals: '\t\r\n' }, { v: '\t\n' })).toBe(false);
    expect(test({ Variable: '$.v', StringLessThan: 'AB' }, { v: 'A' })).toBe(true);
    expect(test({ Variable: '$.v', StringGreaterThan: 'A ' }, { v: 'A' })).toBe(false);
    expect(test({ Variable: '$.v', StringGreaterThanEquals: 'A' }, { v: 'AB' })).toBe(true);
    expect(test({ Variable: '$.v', StringLessThanEquals: '' }, { v: '' })).toBe(true);
    expect(test({ Variable: '$.v', StringLessThan: 'a' }, { v: 'Z' })).toBe(true);
    expect(test({ Variable: '$.v', NumericEquals: 2.22 }, { v: 2.22 })).toBe(true);
    expect(test({ Variable: '$.v', NumericEquals: 1 }, { v: 1.0 })).toBe(true);
    expect(test({ Variable: '$.v', NumericLessThan: 1 }, { v: 0.5 })).toBe(true);
    expect(test({ Variable: '$.v', NumericGreaterThan: 1 }, { v: 1 })).toBe(false);
    expect(test({ Variable: '$.v', NumericGreaterThanEquals: 1 }, { v: 1 })).toBe(true);
    expect(test({ Variable: '$.v', NumericLessThanEquals: 0 }, { v: -3 })).toBe(true);
    expect(test({ Variable: '$.v', BooleanEquals: false }, { v: false })).toBe(true);
    expect(test({ Variable: '$.v', BooleanEquals: true }, { v: false })).toBe(false);
  });

  it('are false, not errors, against a value of another type', () => {
    for (const value of values) {
      expect(test({ Variable: '$.v', NumericEquals: 0 }, { v: value })).toBe(value === 0);
      expect(test({ Variable: '$.v', StringEquals: '' }, { v: value })).toBe(value === '');
      expect(test({ Variable: '$.v', BooleanEquals: true }, { v: value })).toBe(value === true);
      expect(test({ Variable: '$.v', StringLessThanEquals: 'zzz' }, { v: value })).toBe(
        typeof value === 'string',
      );
      expect(test({ Variable: '$.v', NumericGreaterThanEquals: -10 }, { v: value })).toBe(
        typeof value === 'number',
      );
    }
    expect(test({ Variable: '$.v', NumericEquals: 1 }, { v: '1' })).toBe(false);
  });

  it('compare timestamps as instants, ignoring texts that are not RFC 3339 with a zone', () => {
    const at = (v: JsonValue, rule: Omit<ChoiceRuleDefinition, 'Variable'>) =>
      test({ Variable: '$.v', ...rule }, { v });
    expect(at('2012-10-09T19:00:55Z', { TimestampEquals: '2012-10-09T19:00:55Z' })).toBe(true);
    expect(at('2012-10-09T20:00:55+01:00', { TimestampEquals: '2012-10-09T19:00:55Z' })).toBe(true);
    expect(at('2012-10-09T19:00:55.000Z', { TimestampEquals: '2012-10-09T19:00:55Z' })).toBe(true);
    expect(at('2012-10-09T19:00:55Z', { TimestampLessThan: '2012-10-09T19:00:56Z' })).toBe(true);
    expect(at('2012-10-09T19:00:55.000000001Z', { TimestampGreaterThan: '2012-10-09T19:00:55Z' })).toBe(true);
    expect(at('2012-10-09T19:00:56Z', { TimestampGreaterThanEquals: '2012-10-09T19:00:56Z' })).toBe(true);
    expect(at('2012-10-09T19:00:56Z', { TimestampLessThanEquals: '2012-10-09T19:00:55Z' })).toBe(false);
    expect(at('2012-10-09T19:00:55', { TimestampEquals: '2012-10-09T19:00:55Z' })).toBe(false);
    expect(at('2023-02-24 12:15:56.832957', { TimestampEquals: '2012-10-09T19:00:55Z' })).toBe(false);
    expect(at(0, { TimestampLessThan: '2012-10-09T19:00:55Z' })).toBe(false);
  });

  it('read the operand of a ...Path form from the scope', () => {
    expect(test({ Variable: '$.a', NumericLessThanPath: '$.b' }, { a: 1, b: 2 })).toBe(true);
    expect(test({ Variable: '$.a', StringEqualsPath: '$.b' }, { a: 'x', b: 'x' })).toBe(true);
    expect(test({ Variable: '$.a', BooleanEqualsPath: '$.b' }, { a: null, b: true })).toBe(false);
    expect(
      test(
        { Variable: '$.a', TimestampGreaterThanPath: '$.b' },
        { a: '2012-10-09T19:00:56Z', b: '2012-10-09T19:00:55Z' },
      ),
    ).toBe(true);
    const scope = scopeOver({}, { variables: { guess: 'x', answer: 'x' } });
    expect(evaluateChoiceRule({ Variable: '$guess', StringEqualsPath: '$answer' }, scope)).toBe(true);
    const context = scopeOver({}, { context: { n: 0 } });
    expect(evaluateChoiceRule({ Variable: '$$.n', NumericLessThanEquals: 0 }, context)).toBe(true);
  });
});

describe('StringMatches', () => {
  it('matches with * wildcards and escapes', () => {
    expect(test({ Variable: '$.v', StringMatches: 'log-*.txt' }, { v: 'log-2024.txt' })).toBe(true);
    expect(test({ Variable: '$.v', StringMatches: '*.log' }, { v: 'zebra.log' })).toBe(true);
    expect(test({ Variable: '$.v', StringMatches: 'foo*.*' }, { v: 'foobar.zebra' })).toBe(true);
    expect(test({ Variable: '$.v', StringMatches: 'a\\*b' }, { v: 'axb' })).toBe(false);
    expect(test({ Variable: '$.v', StringMatches: 'a\\*b' }, { v: 'a*b' })).toBe(true);
    expect(test({ Variable: '$.v', StringMatches: 'a*' }, { v: 1 })).toBe(false);
  });
});

describe('type tests', () => {
  it('test the JSON type, and false means "is not"', () => {
    const tests: Record<string, (value: JsonValue) => boolean> = {
      IsNull: (value) => value === null,
      IsNumeric: (value) => typeof value === 'number',
      IsString: (value) => typeof value === 'string',
      IsBoolean: (value) => typeof value === 'boolean',
      IsTimestamp: (value) => value === '2012-10-09T19:00:55Z',
    };
    for (const [operator, expected] of Object.entries(tests)) {
      for (const value of values) {
        expect(test({ Variable: '$.v', [operator]: true }, { v: value })).toBe(expected(value));
        expect(test({ Variable: '$.v', [operator]: false }, { v: value })).toBe(!expected(value));
      }
    }
  });

  it('IsPresent tests whether the path selects anything, null included', () => {
    expect(test({ Variable: '$.v', IsPresent: true }, { v: null })).toBe(true);
    expect(test({ Variable: '$.v', IsPresent: true }, {})).toBe(false);
    expect(test({ Variable: '$.v', IsPresent: false }, {})).toBe(true);
    expect(test({ Variable: '$.v', IsPresent: false }, { v: 0 })).toBe(false);
  });
});

describe('missing paths', () => {
  it('fail with AWS invalid-path cause for the Variable and for ...Path operands', () => {
    const error = failure({ Variable: '$.missing', NumericEquals: 1 }, {});
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(
      "Invalid path '$.missing': The choice state's condition path references an invalid value.",
    );
    expect(error.path).toBe('$.missing');
    expect(failure({ Variable: '$.missing', IsNull: true }, {}).path).toBe('$.missing');
    expect(failure({ Variable: '$.a', NumericLessThanEqualsPath: '$.right' }, { a: 8 }).cause).toBe(
      "Invalid path '$.right': The choice state's condition path references an invalid value.",
    );
  });
});

describe('And, Or and Not', () => {
  it('combine rules, nested', () => {
    const inTwenties: ChoiceRuleDefinition = {
      And: [
        { Variable: '$.value', NumericGreaterThanEquals: 20 },
        { Variable: '$.value', NumericLessThan: 30 },
      ],
    };
    expect(test(inTwenties, { value: 22 })).toBe(true);
    expect(test(inTwenties, { value: 30 })).toBe(false);
    expect(test({ Not: { Variable: '$.type', StringEquals: 'Private' } }, { type: 'Public' })).toBe(true);
    expect(
      test({ Or: [{ Not: inTwenties }, { Variable: '$.value', NumericEquals: 25 }] }, { value: 25 }),
    ).toBe(true);
    expect(test({ And: [{ Variable: '$.type', StringEquals: 'Public' }] }, { type: 'Public' })).toBe(true);
  });

  it('stop at the first deciding rule, so IsPresent can guard a comparison', () => {
    const guarded: ChoiceRuleDefinition = {
      And: [
        { Variable: '$.n', IsPresent: true },
        { Variable: '$.n', NumericGreaterThan: 1 },
      ],
    };
    const scope = scopeOver({});
    expect(evaluateChoiceRule(guarded, scope)).toBe(false);
    expect(scope.lookups).toEqual(['$.n']);
    const either: ChoiceRuleDefinition = {
      Or: [
        { Variable: '$.n', IsPresent: false },
        { Variable: '$.n', NumericGreaterThan: 1 },
      ],
    };
    expect(test(either, {})).toBe(true);
  });
});

describe('selectChoice', () => {
  const state = {
    Choices: [
      { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
      { Variable: '$.value', NumericEquals: 0, Next: 'ValueIsZero' },
      {
        And: [
          { Variable: '$.value', NumericGreaterThanEquals: 20 },
          { Variable: '$.value', NumericLessThan: 30 },
        ],
        Next: 'ValueInTwenties',
      },
    ],
    Default: 'DefaultState',
  };

  it('takes the first matching rule in order, else Default', () => {
    expect(selectChoice(state, scopeOver({ type: 'Public', value: 0 }))).toBe('Public');
    expect(selectChoice(state, scopeOver({ type: 'Private', value: 0 }))).toBe('ValueIsZero');
    expect(selectChoice(state, scopeOver({ type: 'Private', value: 22 }))).toBe('ValueInTwenties');
    expect(selectChoice(state, scopeOver({ type: 'Private', value: 99 }))).toBe('DefaultState');
  });

  it('tells which rule matched, for its Assign', () => {
    const selection = resolveChoice(state, scopeOver({ type: 'Private', value: 0 }));
    expect(selection).toEqual({ next: 'ValueIsZero', rule: state.Choices[1], index: 1 });
    expect(resolveChoice(state, scopeOver({ type: 'Private', value: 99 }))).toEqual({
      next: 'DefaultState',
      rule: undefined,
      index: -1,
    });
  });

  it('fails with States.Runtime when nothing matches and there is no Default', () => {
    const { Default: _, ...noDefault } = state;
    const run = () => selectChoice(noDefault, scopeOver({ type: 'Private', value: 99 }));
    expect(run).toThrow(ChoiceEvaluationError);
    expect(run).toThrow(NO_CHOICE_MATCHED_CAUSE);
    expect(NO_CHOICE_MATCHED_CAUSE).toBe(
      'Failed to transition out of the state. The state does not point to a next state.',
    );
  });

  it('refuses a rule without an operator, naming the operators it knows', () => {
    expect(() => selectChoice({ Choices: [{ Variable: '$.a', Next: 'X' }] }, scopeOver({ a: 1 }))).toThrow(
      /needs a Variable and one of the operators StringEquals/,
    );
  });

  it("evaluates every operator of core's table", () => {
    const operands = {
      string: 'x',
      number: 1,
      boolean: true,
      timestamp: '2024-01-01T00:00:00Z',
      path: '$.a',
    };
    for (const name of CHOICE_OPERATOR_NAMES) {
      const rule = { Variable: '$.a', [name]: operands[CHOICE_OPERATORS[name]] };
      expect(typeof evaluateChoiceRule(rule, scopeOver({ a: 1 })), name).toBe('boolean');
    }
    expect(CHOICE_OPERATOR_NAMES).toHaveLength(39);
  });
});
