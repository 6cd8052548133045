// Definitions arrive as JSON text and are checked before anything is stored, as AWS checks
// them: an invalid one is refused with InvalidDefinition listing every problem with its
// location, and ValidateStateMachineDefinition reports the same problems as diagnostics. The
// rules and both renderings are @sfini/core's, so the DSL, the engine and this endpoint say the
// same thing about the same definition.
import {
  type DefinitionProblem,
  InvalidDefinitionError,
  parseDefinition,
  toAwsInvalidDefinitionMessage,
  toAwsValidationResult,
} from '@sfini/core';
import { ApiError } from './errors.js';
import type { OperationHandler } from './http.js';
import { RequestReader } from './request-reader.js';

/** AWS's limit on the length of a definition. */
export const MAX_DEFINITION_LENGTH = 1_048_576;

/** Every problem of the definition text, in definition order; empty when it is valid. */
export function definitionProblems(text: string): readonly DefinitionProblem[] {
  try {
    parseDefinition(text);
    return [];
  } catch (error) {
    if (error instanceof InvalidDefinitionError) return error.problems;
    throw error;
  }
}

/**
 * Checks a definition about to be stored.
 * @throws ApiError InvalidDefinition listing every problem.
 */
export function assertValidDefinition(text: string): void {
  const problems = definitionProblems(text);
  if (problems.length > 0) throw new ApiError('InvalidDefinition', toAwsInvalidDefinitionMessage(problems));
}

/** ValidateStateMachineDefinition. */
export function validationOperations(): Record<string, OperationHandler> {
  return {
    ValidateStateMachineDefinition(body) {
      const reader = new RequestReader(body);
      const definition = reader.string('definition', { required: true, min: 1, max: MAX_DEFINITION_LENGTH });
      reader.enumOf('type', ['STANDARD', 'EXPRESS'] as const);
      // Every problem found is an error, so a floor of ERROR or WARNING reports them all alike.
      reader.enumOf('severity', ['ERROR', 'WARNING'] as const);
      const maxResults = reader.integer('maxResults', 0, 100);
      reader.done();
      return toAwsValidationResult(definitionProblems(definition), maxResults);
    },
  };
}
