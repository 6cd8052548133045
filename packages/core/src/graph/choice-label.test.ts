// Proves a Choice rule reads as a short label on its edge: each operator, nested And/Or with
// their grouping, unknown operators still named, JSONata conditions without their delimiters.
import { describe, expect, test } from 'vitest';
import { describeChoiceRule, stripJsonata } from './choice-label.js';

describe('describeChoiceRule', () => {
  test.each([
    [{ Variable: '$.counter', NumericLessThan: 10 }, '$.counter < 10'],
    [{ Variable: '$.n', NumericGreaterThanEquals: 2.5 }, '$.n >= 2.5'],
    [{ Variable: '$.n', NumericEqualsPath: '$.m' }, '$.n == $.m'],
    [{ Variable: '$.s', StringEquals: 'a "b"' }, '$.s == "a \\"b\\""'],
    [{ Variable: '$.s', StringLessThanEqualsPath: '$.t' }, '$.s <= $.t'],
    [{ Variable: '$.file', StringMatches: 'log-*.txt' }, '$.file matches "log-*.txt"'],
    [{ Variable: '$.ok', BooleanEquals: false }, '$.ok == false'],
    [{ Variable: '$.at', TimestampLessThan: '2024-01-01T00:00:00Z' }, '$.at before 2024-01-01T00:00:00Z'],
    [{ Variable: '$.at', TimestampGreaterThanEqualsPath: '$.since' }, '$.at at or after $.since'],
    [{ Variable: '$.x', IsPresent: false }, '$.x is absent'],
    [{ Variable: '$.x', IsNull: true }, '$.x is null'],
    [{ Variable: '$.x', IsNumeric: false }, '$.x is not numeric'],
    [{ Variable: '$.x', IsTimestamp: true }, '$.x is a timestamp'],
    [{ Condition: '{% $states.input.n > 3 %}' }, '$states.input.n > 3'],
    [{ Not: { Variable: '$.type', StringEquals: 'Private' } }, 'not ($.type == "Private")'],
  ])('%j reads as %s', (rule, text) => {
    expect(describeChoiceRule({ ...rule, Next: 'x' })).toBe(text);
  });

  test('nested And / Or keep their grouping', () => {
    const rule = {
      Or: [
        {
          And: [
            { Variable: '$.a', NumericGreaterThan: 1 },
            { Variable: '$.a', NumericLessThan: 5 },
          ],
        },
        { Variable: '$.force', BooleanEquals: true },
      ],
      Next: 'x',
    };
    expect(describeChoiceRule(rule)).toBe('($.a > 1 and $.a < 5) or $.force == true');
  });

  test('an unknown operator still shows its name and operand', () => {
    expect(describeChoiceRule({ Variable: '$.a', FutureOperator: 3, Next: 'x' })).toBe(
      '$.a FutureOperator 3',
    );
  });

  test('JSONata delimiters are removed only when they wrap the whole text', () => {
    expect(stripJsonata('  {% $x %} ')).toBe('$x');
    expect(stripJsonata('$x')).toBe('$x');
  });
});
