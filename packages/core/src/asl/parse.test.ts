// Proves parseDefinition turns JSON text into a typed definition or throws one error that lists
// every problem (JSON syntax with line and column, or each validation problem), and that
// validateDefinitionText returns the same problems without throwing, ready for AWS's diagnostics.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseDefinition, validateDefinitionText } from './parse.js';
import { InvalidDefinitionError, toAwsValidationResult } from './problems.js';
import type { AslDefinition } from './types.js';

const text = `{
  "Comment": "exported from the console",
  "StartAt": "Hello",
  "States": {
    "Hello": { "Type": "Pass", "Result": "Hello", "Next": "World" },
    "World": { "Type": "Pass", "Result": "World", "End": true }
  }
}`;

function thrown(action: () => unknown): InvalidDefinitionError {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidDefinitionError) return error;
    throw error;
  }
  throw new Error('expected an InvalidDefinitionError');
}

describe('parseDefinition', () => {
  it('parses JSON text into a typed definition, unchanged', () => {
    const definition = parseDefinition(text);
    expectTypeOf(definition).toEqualTypeOf<AslDefinition>();
    expect(definition).toEqual(JSON.parse(text));
    expect(definition.States.Hello?.Type).toBe('Pass');
  });

  it('accepts an already-parsed object and returns it as is', () => {
    const object = JSON.parse(text) as object;
    expect(parseDefinition(object)).toBe(object);
  });

  it('reports a JSON syntax error with line, column and offset', () => {
    const broken = '{\n  "StartAt": "a",\n  "States": { "a": { "Type": "Succeed" }, }\n}';
    const error = thrown(() => parseDefinition(broken));
    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    expect(problem?.code).toBe('INVALID_JSON');
    expect(problem?.path).toBe('$');
    expect(problem?.message).toMatch(
      /^The definition is not valid JSON at line 3, column 43 \(offset 62\): /,
    );
  });

  it('reports JSON that ends too early', () => {
    const error = thrown(() => parseDefinition('{"StartAt": "a", '));
    expect(error.problems[0]?.message).toMatch(/not valid JSON at line 1, column 18 \(offset 17\)/);
  });

  it('throws one error listing every validation problem', () => {
    const error = thrown(() =>
      parseDefinition(
        '{"StartAt": "a", "States": {"a": {"Type": "Pass", "Next": "b"}, "c": {"Type": "Wait", "End": true}}}',
      ),
    );
    expect(error.problems.map((p) => [p.code, p.path])).toEqual([
      ['MISSING_FIELD', '$.States.c'],
      ['MISSING_TRANSITION_TARGET', '$.States.a.Next'],
      ['UNREACHABLE_STATE', '$.States.c'],
    ]);
    expect(error.message.split('\n')).toHaveLength(4);
  });

  it('refuses JSON that is not a machine', () => {
    expect(thrown(() => parseDefinition('"just a string"')).problems.map((p) => p.code)).toEqual([
      'WRONG_TYPE',
    ]);
  });
});

describe('validateDefinitionText', () => {
  it('returns no problems for a valid definition', () => {
    expect(validateDefinitionText(text)).toEqual([]);
  });

  it('returns problems instead of throwing, ready for AWS diagnostics', () => {
    expect(toAwsValidationResult(validateDefinitionText('')).diagnostics).toEqual([
      { severity: 'ERROR', code: 'MISSING_DESCRIPTION', message: 'The definition is empty.', location: '/' },
    ]);
    expect(validateDefinitionText('{oops').map((p) => p.code)).toEqual(['INVALID_JSON']);
    expect(toAwsValidationResult(validateDefinitionText('{oops')).diagnostics[0]?.code).toBe(
      'INVALID_JSON_DESCRIPTION',
    );
    expect(validateDefinitionText('{"StartAt": "a", "States": {}}').map((p) => [p.code, p.location])).toEqual(
      [['INVALID_VALUE', '/States']],
    );
  });

  it('is what parseDefinition throws for empty text', () => {
    expect(thrown(() => parseDefinition('  ')).problems.map((p) => p.code)).toEqual(['EMPTY_DEFINITION']);
  });
});
