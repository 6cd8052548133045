// Proves Choice validation for both query languages: every JSONPath operator with its operand
// type, And/Or/Not at any depth, Next and Assign only on top-level rules, one comparison per
// rule, and JSONata rules deciding with Condition; each refusal is checked by its code and path.
import { describe, expect, it } from 'vitest';
import { CHOICE_OPERATOR_NAMES, CHOICE_OPERATORS } from './choice-types.js';
import { validateDefinition } from './validate.js';

function choice(
  rules: unknown[],
  extra: Record<string, unknown> = {},
  machine: Record<string, unknown> = {},
) {
  return {
    StartAt: 'c',
    States: { c: { Type: 'Choice', Choices: rules, Default: 'done', ...extra }, done: { Type: 'Succeed' } },
    ...machine,
  };
}

function found(definition: unknown): [string, string][] {
  return validateDefinition(definition).map((p) => [p.code, p.path]);
}

const operand: Record<string, unknown> = {
  string: 'x',
  number: 1,
  boolean: true,
  timestamp: '2026-01-01T00:00:00Z',
  path: '$.other',
};

describe('JSONPath choice rules', () => {
  it('accepts every comparison operator with its operand type', () => {
    expect(CHOICE_OPERATOR_NAMES).toHaveLength(39);
    for (const op of CHOICE_OPERATOR_NAMES) {
      const rule = { Variable: '$.v', [op]: operand[CHOICE_OPERATORS[op]], Next: 'done' };
      expect(validateDefinition(choice([rule])), op).toEqual([]);
    }
  });

  it('accepts And, Or and Not at any depth, and Assign and Comment on top-level rules', () => {
    const rule = {
      And: [
        { Variable: '$.a', IsPresent: true },
        {
          Or: [
            { Not: { Variable: '$.b', IsNull: true } },
            { Variable: '$$.Execution.Name', StringMatches: 'run-*' },
          ],
        },
      ],
      Next: 'done',
      Assign: { 'seen.$': '$.a' },
      Comment: 'both present',
    };
    expect(validateDefinition(choice([rule]))).toEqual([]);
  });

  it('requires Choices to be a non-empty array', () => {
    expect(found(choice([]))).toEqual([['INVALID_VALUE', '$.States.c.Choices']]);
    expect(
      found({ StartAt: 'c', States: { c: { Type: 'Choice', Default: 'd' }, d: { Type: 'Succeed' } } }),
    ).toEqual([['MISSING_FIELD', '$.States.c']]);
  });

  it('refuses Next and End on the Choice state itself', () => {
    expect(found(choice([{ Variable: '$.a', IsNull: true, Next: 'done' }], { Next: 'done' }))).toEqual([
      ['UNKNOWN_FIELD', '$.States.c.Next'],
    ]);
  });

  it('requires exactly one comparison per rule', () => {
    expect(found(choice([{ Variable: '$.a', Next: 'done' }]))).toEqual([
      ['INVALID_CHOICE_RULE', '$.States.c.Choices[0]'],
    ]);
    expect(found(choice([{ Variable: '$.a', StringEquals: 'x', NumericEquals: 1, Next: 'done' }]))).toEqual([
      ['INVALID_CHOICE_RULE', '$.States.c.Choices[0]'],
    ]);
    expect(
      validateDefinition(choice([{ Variable: '$.a', StringEquals: 'x', NumericEquals: 1, Next: 'done' }]))[0]
        ?.message,
    ).toBe(
      'State "c": a choice rule must have exactly one comparison or combinator, not StringEquals, NumericEquals.',
    );
    expect(found(choice([{ StringEquals: 'x', Next: 'done' }]))).toEqual([
      ['MISSING_FIELD', '$.States.c.Choices[0]'],
    ]);
  });

  it('checks operand types, Is* booleans and timestamps', () => {
    expect(found(choice([{ Variable: '$.a', NumericEquals: '1', Next: 'done' }]))).toEqual([
      ['WRONG_TYPE', '$.States.c.Choices[0].NumericEquals'],
    ]);
    expect(found(choice([{ Variable: '$.a', IsString: 'yes', Next: 'done' }]))).toEqual([
      ['WRONG_TYPE', '$.States.c.Choices[0].IsString'],
    ]);
    expect(found(choice([{ Variable: '$.a', TimestampEquals: 'yesterday', Next: 'done' }]))).toEqual([
      ['INVALID_VALUE', '$.States.c.Choices[0].TimestampEquals'],
    ]);
    expect(found(choice([{ Variable: '$.a', StringEqualsPath: '$.b[*]', Next: 'done' }]))).toEqual([
      ['INVALID_REFERENCE_PATH', '$.States.c.Choices[0].StringEqualsPath'],
    ]);
  });

  it('takes a Reference Path in Variable', () => {
    expect(validateDefinition(choice([{ Variable: '$guess', NumericEquals: 1, Next: 'done' }]))).toEqual([]);
    expect(found(choice([{ Variable: '$.items[*]', IsPresent: true, Next: 'done' }]))).toEqual([
      ['INVALID_REFERENCE_PATH', '$.States.c.Choices[0].Variable'],
    ]);
  });

  it('allows Next and Assign only at the top level', () => {
    expect(
      found(
        choice([{ Not: { Variable: '$.a', IsNull: true, Next: 'done', Assign: { x: 1 } }, Next: 'done' }]),
      ),
    ).toEqual([
      ['INVALID_CHOICE_RULE', '$.States.c.Choices[0].Not.Next'],
      ['INVALID_CHOICE_RULE', '$.States.c.Choices[0].Not.Assign'],
    ]);
    expect(found(choice([{ Variable: '$.a', IsNull: true }]))).toEqual([
      ['MISSING_FIELD', '$.States.c.Choices[0]'],
    ]);
  });

  it('requires And and Or to hold non-empty arrays, and Not a single rule', () => {
    expect(found(choice([{ And: [], Next: 'done' }]))).toEqual([
      ['INVALID_CHOICE_RULE', '$.States.c.Choices[0].And'],
    ]);
    expect(found(choice([{ Or: { Variable: '$.a', IsNull: true }, Next: 'done' }]))).toEqual([
      ['INVALID_CHOICE_RULE', '$.States.c.Choices[0].Or'],
    ]);
    expect(found(choice([{ Not: [{ Variable: '$.a', IsNull: true }], Next: 'done' }]))).toEqual([
      ['INVALID_CHOICE_RULE', '$.States.c.Choices[0].Not'],
    ]);
    expect(
      found(choice([{ And: [{ Variable: '$.a', IsNull: true }], Variable: '$.b', Next: 'done' }])),
    ).toEqual([['INVALID_CHOICE_RULE', '$.States.c.Choices[0].Variable']]);
  });

  it('refuses JSONata rule fields in a JSONPath state', () => {
    expect(found(choice([{ Condition: '{% true %}', Next: 'done' }]))).toEqual([
      ['WRONG_QUERY_LANGUAGE', '$.States.c.Choices[0].Condition'],
      ['INVALID_CHOICE_RULE', '$.States.c.Choices[0]'],
    ]);
  });
});

describe('JSONata choice rules', () => {
  const jsonata = { QueryLanguage: 'JSONata' };

  it('accepts Condition, Next, Assign, Output and Comment', () => {
    const rule = {
      Condition: '{% $states.input.n > 1 %}',
      Next: 'done',
      Assign: { n: '{% $states.input.n %}' },
      Output: 'Condition Output block',
      Comment: 'big',
    };
    expect(
      validateDefinition(choice([rule, { Condition: true, Next: 'done' }], { Output: 0 }, jsonata)),
    ).toEqual([]);
  });

  it('requires Condition to be an expression or a boolean', () => {
    expect(found(choice([{ Next: 'done' }], {}, jsonata))).toEqual([
      ['MISSING_FIELD', '$.States.c.Choices[0]'],
    ]);
    expect(found(choice([{ Condition: '$.a', Next: 'done' }], {}, jsonata))).toEqual([
      ['WRONG_TYPE', '$.States.c.Choices[0].Condition'],
    ]);
    expect(found(choice([{ Condition: '{% $states.input.( %}', Next: 'done' }], {}, jsonata))).toEqual([
      ['INVALID_JSONATA', '$.States.c.Choices[0].Condition'],
    ]);
  });

  it('refuses JSONPath rule fields', () => {
    expect(
      found(choice([{ Condition: '{% true %}', Variable: '$.a', IsNull: true, Next: 'done' }], {}, jsonata)),
    ).toEqual([
      ['WRONG_QUERY_LANGUAGE', '$.States.c.Choices[0].Variable'],
      ['WRONG_QUERY_LANGUAGE', '$.States.c.Choices[0].IsNull'],
    ]);
  });
});
