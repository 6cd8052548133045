// A Choice edge is only useful in a picture if a person can read the rule at a glance, so
// rules are rendered as short expressions (`$.counter < 10`, `$.name matches "log-*"`)
// rather than as ASL's operator names. Timestamps read as before/after so they are not
// confused with string comparisons. Unknown operators still render, by their ASL name.

type Rule = Record<string, unknown>;

const isRule = (v: unknown): v is Rule => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Comparison operators, by ASL name without the `Path` suffix: [symbol, kind]. */
const COMPARISONS: ReadonlyMap<
  string,
  readonly [symbol: string, kind: 'string' | 'number' | 'boolean' | 'time']
> = new Map([
  ['StringEquals', ['==', 'string']],
  ['StringLessThan', ['<', 'string']],
  ['StringGreaterThan', ['>', 'string']],
  ['StringLessThanEquals', ['<=', 'string']],
  ['StringGreaterThanEquals', ['>=', 'string']],
  ['StringMatches', ['matches', 'string']],
  ['NumericEquals', ['==', 'number']],
  ['NumericLessThan', ['<', 'number']],
  ['NumericGreaterThan', ['>', 'number']],
  ['NumericLessThanEquals', ['<=', 'number']],
  ['NumericGreaterThanEquals', ['>=', 'number']],
  ['BooleanEquals', ['==', 'boolean']],
  ['TimestampEquals', ['at', 'time']],
  ['TimestampLessThan', ['before', 'time']],
  ['TimestampGreaterThan', ['after', 'time']],
  ['TimestampLessThanEquals', ['at or before', 'time']],
  ['TimestampGreaterThanEquals', ['at or after', 'time']],
]);

/** Type tests: [word when true, word when false]. */
const TESTS: ReadonlyMap<string, readonly [string, string]> = new Map([
  ['IsPresent', ['is present', 'is absent']],
  ['IsNull', ['is null', 'is not null']],
  ['IsNumeric', ['is numeric', 'is not numeric']],
  ['IsString', ['is a string', 'is not a string']],
  ['IsBoolean', ['is a boolean', 'is not a boolean']],
  ['IsTimestamp', ['is a timestamp', 'is not a timestamp']],
]);

/**
 * Renders one Choice rule (a Choices entry or a nested rule) as a readable expression.
 * @example describeChoiceRule({ Variable: '$.counter', NumericLessThan: 10, Next: 'x' }) // '$.counter < 10'
 */
export function describeChoiceRule(rule: Rule): string {
  if (typeof rule.Condition === 'string') return stripJsonata(rule.Condition);
  if (Array.isArray(rule.And)) return joinRules(rule.And, 'and');
  if (Array.isArray(rule.Or)) return joinRules(rule.Or, 'or');
  if (isRule(rule.Not)) return `not (${describeChoiceRule(rule.Not)})`;
  const variable = typeof rule.Variable === 'string' ? rule.Variable : '?';
  for (const [key, value] of Object.entries(rule)) {
    if (key === 'Variable' || key === 'Next' || key === 'Comment' || key === 'Assign' || key === 'Output')
      continue;
    const test = TESTS.get(key);
    if (test) return `${variable} ${value === false ? test[1] : test[0]}`;
    const isPath = key.endsWith('Path');
    const comparison = COMPARISONS.get(isPath ? key.slice(0, -4) : key);
    if (comparison) {
      const [symbol, kind] = comparison;
      return `${variable} ${symbol} ${isPath ? String(value) : literal(value, kind)}`;
    }
    return `${variable} ${key} ${JSON.stringify(value) ?? ''}`.trim();
  }
  return variable;
}

function joinRules(rules: readonly unknown[], word: 'and' | 'or'): string {
  const parts = rules.map((r) => {
    if (!isRule(r)) return '?';
    const text = describeChoiceRule(r);
    return Array.isArray(r.And) || Array.isArray(r.Or) ? `(${text})` : text;
  });
  return parts.join(` ${word} `);
}

function literal(value: unknown, kind: 'string' | 'number' | 'boolean' | 'time'): string {
  if (kind === 'time' && typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** `{% $states.input.n > 3 %}` reads as `$states.input.n > 3`. */
export function stripJsonata(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('{%') && trimmed.endsWith('%}') ? trimmed.slice(2, -2).trim() : trimmed;
}
