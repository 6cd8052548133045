// Import of existing definitions (CDK output, console exports, hand-written files). The text is
// parsed with JSON.parse, whose errors carry only an offset in some engines and only a message
// in others, so the position is recomputed as line and column for the message; a parsed value
// then goes through the same validation as anything the DSL emits.
import { type DefinitionProblem, InvalidDefinitionError, problemAt } from './problems.js';
import type { AslDefinition } from './types.js';
import { type ValidateOptions, validateDefinition } from './validate.js';

/** Line and column (both 1-based) of an offset in `text`. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset a JSON.parse error points at, when the engine says. */
function errorOffset(message: string, text: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const lines = text.split('\n');
    const line = Number(lineColumn[1]);
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    return offset + Number(lineColumn[2]) - 1;
  }
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  return undefined;
}

/** The JSON text as a value, or the one problem that says why it is not JSON. */
function parseJsonText(text: string): { value: unknown } | { problem: DefinitionProblem } {
  if (text.trim() === '') {
    return { problem: problemAt('EMPTY_DEFINITION', [], 'The definition is empty.') };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = errorOffset(message, text);
    let where = '';
    if (offset !== undefined) {
      const { line, column } = lineAndColumn(text, offset);
      where = ` at line ${line}, column ${column} (offset ${offset})`;
    }
    return {
      problem: problemAt('INVALID_JSON', [], `The definition is not valid JSON${where}: ${message}.`),
    };
  }
}

/**
 * Validates a definition given as JSON text, as CreateStateMachine and
 * ValidateStateMachineDefinition receive it, and returns every problem (never throws).
 * Empty text gives one `EMPTY_DEFINITION` problem, text that is not JSON one `INVALID_JSON`.
 * @param text the definition's JSON text.
 * @param options the query language states default to.
 * @example toAwsValidationResult(validateDefinitionText(request.definition))
 */
export function validateDefinitionText(text: string, options: ValidateOptions = {}): DefinitionProblem[] {
  const parsed = parseJsonText(text);
  return 'problem' in parsed ? [parsed.problem] : validateDefinition(parsed.value, options);
}

/**
 * Parses an ASL definition from JSON text or an already-parsed object, validates it, and
 * returns it typed. Nothing is changed or filled in: the result is the definition as given.
 * @param input JSON text, or a value from JSON.parse / a CDK synth / a console export.
 * @param options the query language states default to.
 * @throws InvalidDefinitionError listing every problem: for bad JSON, one `INVALID_JSON`
 *   problem whose message gives the line, column and offset; otherwise every validation problem.
 * @example
 * const definition = parseDefinition(fs.readFileSync('machine.asl.json', 'utf8'));
 */
export function parseDefinition(input: string | object, options: ValidateOptions = {}): AslDefinition {
  let value: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if ('problem' in parsed) throw new InvalidDefinitionError([parsed.problem]);
    value = parsed.value;
  }
  const problems = validateDefinition(value, options);
  if (problems.length > 0) throw new InvalidDefinitionError(problems);
  return value as AslDefinition;
}
