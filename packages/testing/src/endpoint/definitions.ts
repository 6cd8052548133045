// Definitions arrive as JSON text and are checked before anything is stored, as AWS checks
// them: an invalid one is refused with InvalidDefinition listing every problem with its
// location, and ValidateStateMachineDefinition reports the same problems as diagnostics.
import { ApiError } from './errors.js';
import type { OperationHandler } from './http.js';
import { RequestReader } from './request-reader.js';

/** AWS's limit on the length of a definition. */
export const MAX_DEFINITION_LENGTH = 1_048_576;

/** One thing wrong with a definition, with AWS's diagnostic code and location. */
export interface DefinitionDiagnostic {
  code: string;
  message: string;
  location: string;
}

/** Every problem of the definition text, in definition order; empty when it is valid. */
export function definitionDiagnostics(text: string): DefinitionDiagnostic[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [{ code: 'INVALID_JSON_DESCRIPTION', message: detail, location: '/' }];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return [
      { code: 'SCHEMA_VALIDATION_FAILED', message: 'The definition must be a JSON object', location: '/' },
    ];
  }
  const problems: DefinitionDiagnostic[] = [];
  const machine = parsed as Record<string, unknown>;
  if (typeof machine.StartAt !== 'string') {
    problems.push({
      code: 'SCHEMA_VALIDATION_FAILED',
      message: 'StartAt must be a string',
      location: '/StartAt',
    });
  }
  const states = machine.States;
  if (typeof states !== 'object' || states === null || Array.isArray(states)) {
    problems.push({
      code: 'SCHEMA_VALIDATION_FAILED',
      message: 'States must be an object',
      location: '/States',
    });
  } else if (typeof machine.StartAt === 'string' && !Object.hasOwn(states, machine.StartAt)) {
    problems.push({
      code: 'MISSING_TRANSITION_TARGET',
      message: `StartAt names no state '${machine.StartAt}'`,
      location: '/StartAt',
    });
  }
  return problems;
}

/** The InvalidDefinition error listing every problem, as CreateStateMachine answers it. */
export function invalidDefinition(problems: readonly DefinitionDiagnostic[]): ApiError {
  const parts = problems.map((p) => `${p.code}: ${p.message} at ${p.location}`);
  return new ApiError('InvalidDefinition', `Invalid State Machine Definition: '${parts.join(', ')}'`);
}

/**
 * Checks a definition about to be stored or run.
 * @throws ApiError InvalidDefinition listing every problem.
 */
export function assertValidDefinition(text: string): void {
  const problems = definitionDiagnostics(text);
  if (problems.length > 0) throw invalidDefinition(problems);
}

/** ValidateStateMachineDefinition. */
export function validationOperations(): Record<string, OperationHandler> {
  return {
    ValidateStateMachineDefinition(body) {
      const reader = new RequestReader(body);
      const definition = reader.string('definition', { required: true, min: 1, max: MAX_DEFINITION_LENGTH });
      reader.enumOf('type', ['STANDARD', 'EXPRESS'] as const);
      const severity = reader.enumOf('severity', ['ERROR', 'WARNING'] as const);
      const maxResults = reader.integer('maxResults', 0, 100);
      reader.done();
      // Every problem found is an error; asking for WARNING as the floor includes them all too.
      void severity;
      const problems = definitionDiagnostics(definition);
      const limit = maxResults === undefined || maxResults === 0 ? 100 : maxResults;
      return {
        result: problems.length === 0 ? 'OK' : 'FAIL',
        diagnostics: problems.slice(0, limit).map((p) => ({ severity: 'ERROR', ...p })),
        truncated: problems.length > limit,
      };
    },
  };
}
