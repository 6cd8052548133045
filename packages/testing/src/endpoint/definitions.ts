// Definitions arrive as JSON text and are checked before anything is stored, as AWS checks
// them: an invalid one is refused with InvalidDefinition listing every problem with its
// location, and ValidateStateMachineDefinition reports the same problems as diagnostics, plus,
// when asked for with `severity: WARNING`, what AWS warns about in a valid definition
// (NO_DOLLAR, NO_PATH, PASS_RESULT_IS_STATIC). The rules and both renderings are
// @sfini/core's, so the DSL, the engine and this endpoint say the same thing about the same
// definition.
import {
  type DefinitionWarning,
  definitionWarnings,
  toAwsValidationResult,
  validateDefinitionText,
} from '@sfini/core';
import { invalidDefinition } from './errors.js';
import type { OperationHandler } from './http.js';
import { RequestReader } from './request-reader.js';

/** AWS's limit on the length of a definition. */
export const MAX_DEFINITION_LENGTH = 1_048_576;

/** What AWS would warn about in the definition text; none when the text is not JSON. */
function warningsOf(text: string): readonly DefinitionWarning[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  return definitionWarnings(value);
}

/**
 * Checks a definition about to be stored.
 * @throws ApiError InvalidDefinition listing every problem.
 */
export function assertValidDefinition(text: string): void {
  const problems = validateDefinitionText(text);
  if (problems.length > 0) throw invalidDefinition(problems);
}

/** ValidateStateMachineDefinition. */
export function validationOperations(): Record<string, OperationHandler> {
  return {
    ValidateStateMachineDefinition(body) {
      const reader = new RequestReader(body);
      const definition = reader.string('definition', { required: true, min: 1, max: MAX_DEFINITION_LENGTH });
      reader.enumOf('type', ['STANDARD', 'EXPRESS'] as const);
      // The lowest severity reported: ERROR (AWS's default) reports errors only, WARNING both.
      const severity = reader.enumOf('severity', ['ERROR', 'WARNING'] as const) ?? 'ERROR';
      // 0 or absent means AWS's default (and maximum) of 100 diagnostics.
      const maxResults = reader.integer('maxResults', 0, 100);
      reader.done();
      const problems = validateDefinitionText(definition);
      return toAwsValidationResult(problems, {
        severity,
        ...(maxResults === undefined ? {} : { maxResults }),
        ...(severity === 'WARNING' ? { warnings: warningsOf(definition) } : {}),
      });
    },
  };
}
