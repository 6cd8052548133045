// Warnings: definitions AWS accepts but that probably do not do what their author meant, as
// AWS's ValidateStateMachineDefinition reports them (NO_DOLLAR, NO_PATH, PASS_RESULT_IS_STATIC),
// plus one AWS does not report: a Retry or Catch naming a `States.` error that does not exist
// (UNKNOWN_ERROR_NAME), which can never match. They are kept apart from validation problems
// because they never block creation: a machine with warnings is valid, and callers ask for them
// only where they want them shown.
import { isObject, MAX_DEFINITION_DEPTH } from './check-context.js';
import { isUnknownStatesError, nearestStatesError } from './error-names.js';
import { looksLikeIntrinsic } from './intrinsic-syntax.js';
import { type DefinitionLocation, toAwsLocation, toJsonPath } from './problems.js';
import type { AslQueryLanguage } from './types.js';

/**
 * The warning codes: those AWS's ValidateStateMachineDefinition documents, and
 * `UNKNOWN_ERROR_NAME` (sfini's own) for an ErrorEquals naming a `States.` error that does not exist.
 */
export type DefinitionWarningCode = 'NO_DOLLAR' | 'NO_PATH' | 'PASS_RESULT_IS_STATIC' | 'UNKNOWN_ERROR_NAME';

/** Something AWS accepts but flags as likely unintended. */
export interface DefinitionWarning {
  readonly code: DefinitionWarningCode;
  readonly message: string;
  readonly path: string;
  readonly location: string;
}

/** A string that reads as a path or an intrinsic call: `$.a`, `$$.Execution.Id`, `States.Format(...)`. */
function looksDynamic(value: unknown): value is string {
  return typeof value === 'string' && (/^\$\$?[.[]/.test(value) || looksLikeIntrinsic(value));
}

class WarningWalker {
  readonly warnings: DefinitionWarning[] = [];

  private add(code: DefinitionWarningCode, location: DefinitionLocation, message: string): void {
    this.warnings.push({ code, message, path: toJsonPath(location), location: toAwsLocation(location) });
  }

  /** Template keys without `.$` whose value reads as a path are passed on as literal text. */
  private template(state: string, field: string, node: unknown, location: DefinitionLocation): void {
    if (location.length > MAX_DEFINITION_DEPTH) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        this.template(state, field, item, [...location, i]);
      });
      return;
    }
    if (!isObject(node)) return;
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (key.endsWith('.$')) continue;
      if (looksDynamic(value)) {
        this.add(
          'NO_DOLLAR',
          [...location, key],
          `State ${JSON.stringify(state)}: ${field} key ${JSON.stringify(key)} holds ${JSON.stringify(value)}, which is passed on as text; name the key "${key}.$" to evaluate it.`,
        );
      } else {
        this.template(state, field, value, [...location, key]);
      }
    }
  }

  /** `States.` names no error has: the retrier or catcher never matches them. */
  private errorNames(state: string, field: string, entry: unknown, location: DefinitionLocation): void {
    if (!isObject(entry) || !Array.isArray(entry.ErrorEquals)) return;
    entry.ErrorEquals.forEach((errorName, i) => {
      if (typeof errorName !== 'string' || !isUnknownStatesError(errorName)) return;
      const nearest = nearestStatesError(errorName);
      const hint = nearest ? ` (did you mean ${JSON.stringify(nearest)}?)` : '';
      const what = field === 'Retry' ? 'retrier' : 'catcher';
      this.add(
        'UNKNOWN_ERROR_NAME',
        [...location, 'ErrorEquals', i],
        `State ${JSON.stringify(state)}: ${JSON.stringify(errorName)} is not an error Step Functions raises${hint}, so the ${what} never matches it.`,
      );
    });
  }

  machine(value: unknown, location: DefinitionLocation, language: AslQueryLanguage): void {
    if (location.length > MAX_DEFINITION_DEPTH || !isObject(value) || !isObject(value.States)) return;
    const inherited =
      value.QueryLanguage === 'JSONata' || value.QueryLanguage === 'JSONPath'
        ? value.QueryLanguage
        : language;
    for (const name of Object.keys(value.States)) {
      this.state(name, value.States[name], [...location, 'States', name], inherited);
    }
  }

  private state(
    name: string,
    state: unknown,
    location: DefinitionLocation,
    inherited: AslQueryLanguage,
  ): void {
    if (!isObject(state)) return;
    const language =
      state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath'
        ? state.QueryLanguage
        : inherited;
    if (language === 'JSONPath') {
      for (const field of ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign']) {
        if (Object.hasOwn(state, field)) this.template(name, field, state[field], [...location, field]);
      }
      if (state.Type === 'Pass' && isObject(state.Result)) {
        for (const key of Object.keys(state.Result)) {
          if (key.endsWith('.$')) {
            this.add(
              'PASS_RESULT_IS_STATIC',
              [...location, 'Result', key],
              `State ${JSON.stringify(name)}: Result is static, so key ${JSON.stringify(key)} is not evaluated; use Parameters to select from the input.`,
            );
          }
        }
      }
      if (state.Type === 'Fail') {
        for (const field of ['Error', 'Cause']) {
          if (looksDynamic(state[field])) {
            this.add(
              'NO_PATH',
              [...location, field],
              `State ${JSON.stringify(name)}: ${field} holds ${JSON.stringify(state[field])}, which is used as text; use ${field}Path to read it from the input.`,
            );
          }
        }
      }
    }
    for (const field of ['Retry', 'Catch'] as const) {
      const entries = state[field];
      if (Array.isArray(entries)) {
        entries.forEach((entry, i) => {
          this.errorNames(name, field, entry, [...location, field, i]);
        });
      }
    }
    if (Array.isArray(state.Branches)) {
      state.Branches.forEach((branch, i) => {
        this.machine(branch, [...location, 'Branches', i], language);
      });
    }
    for (const field of ['ItemProcessor', 'Iterator']) {
      if (Object.hasOwn(state, field)) this.machine(state[field], [...location, field], language);
    }
  }
}

/**
 * Lists what AWS would warn about in a definition: template values that look like paths but
 * are passed on as text (NO_DOLLAR), Fail fields that look like paths (NO_PATH), and `.$` keys
 * in a Pass Result (PASS_RESULT_IS_STATIC); and Retry or Catch error names with the reserved
 * `States.` prefix that name no error (UNKNOWN_ERROR_NAME), which AWS accepts but never matches.
 * Warnings never make a definition invalid.
 * @param definition the parsed ASL.
 * @example
 * definitionWarnings(machine.toDefinition()); // [] when nothing looks unintended
 */
export function definitionWarnings(definition: unknown): DefinitionWarning[] {
  const walker = new WarningWalker();
  walker.machine(definition, [], 'JSONPath');
  return walker.warnings;
}
