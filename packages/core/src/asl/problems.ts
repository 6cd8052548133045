// What validation reports, and the shapes callers turn it into. A problem is data, not an
// exception, so every check runs and every problem reaches the user at once; the error class
// and the AWS-shaped renderings (the ValidateStateMachineDefinition diagnostics and the
// InvalidDefinition message) are views of the same list, so the DSL, the engine and the local
// endpoint all say the same thing about the same definition.

/**
 * What kind of problem a definition has. Each maps to the code AWS's
 * ValidateStateMachineDefinition would report (see {@link awsDiagnosticCode}).
 */
export type DefinitionProblemCode =
  /** The text is not JSON. */
  | 'INVALID_JSON'
  /** The text is empty. */
  | 'EMPTY_DEFINITION'
  /** A required field is absent. */
  | 'MISSING_FIELD'
  /** A field the object's kind (or its query language) does not have. */
  | 'UNKNOWN_FIELD'
  /** A field only the other query language has. */
  | 'WRONG_QUERY_LANGUAGE'
  /** A value of the wrong JSON type. */
  | 'WRONG_TYPE'
  /** A value of the right type outside the allowed values (range, enum, empty list, format). */
  | 'INVALID_VALUE'
  /** Fields that exclude each other, or a group of which exactly one is required. */
  | 'CONFLICTING_FIELDS'
  /** `StartAt`, `Next`, `Default` or a Catch `Next` names no state in its scope. */
  | 'MISSING_TRANSITION_TARGET'
  /** A state no transition leads to. */
  | 'UNREACHABLE_STATE'
  /** Two states share a name anywhere in the machine. */
  | 'DUPLICATE_STATE_NAME'
  /** A (sub-)machine has no state that ends it. */
  | 'MISSING_END_STATE'
  /** A state name AWS rejects (empty or too long). */
  | 'INVALID_STATE_NAME'
  /** HeartbeatSeconds is not below TimeoutSeconds. */
  | 'HEARTBEAT_NOT_BELOW_TIMEOUT'
  /** `States.ALL` shares its ErrorEquals or is not in the last retrier or catcher. */
  | 'STATES_ALL_NOT_LAST'
  /** A Choice rule of the wrong shape. */
  | 'INVALID_CHOICE_RULE'
  /** A malformed Path (InputPath, OutputPath, ItemsPath). */
  | 'INVALID_PATH'
  /** A malformed Reference Path, or one using filters or wildcards. */
  | 'INVALID_REFERENCE_PATH'
  /** A payload template key ending in `.$` whose value is no path, intrinsic or variable. */
  | 'INVALID_PAYLOAD_TEMPLATE'
  /** A malformed intrinsic function call. */
  | 'INVALID_INTRINSIC_FUNCTION'
  /** A `{% %}` string that is not a JSONata expression. */
  | 'INVALID_JSONATA'
  /** A Task or reader/writer Resource that is not an ARN. */
  | 'INVALID_RESOURCE'
  /** An assigned variable name AWS rejects. */
  | 'INVALID_VARIABLE_NAME'
  /** A value nested deeper than validation descends (see MAX_DEFINITION_DEPTH). */
  | 'TOO_DEEPLY_NESTED';

/** One thing wrong with a definition, and where. */
export interface DefinitionProblem {
  readonly code: DefinitionProblemCode;
  /** A sentence naming the state and field, e.g. `State "fetch": Next names no state "fecth".` */
  readonly message: string;
  /** A JSONPath to the offending value, e.g. `$.States.fetch.Next`. */
  readonly path: string;
  /** The same place as AWS writes it in diagnostics, e.g. `/States/fetch/Next`. */
  readonly location: string;
}

/** A place in a definition, as the keys and indexes leading to it. */
export type DefinitionLocation = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Renders a location as a JSONPath: `$.States.fetch.Retry[0]`, `$.States['my state']`.
 * @param location the keys and indexes leading to the place.
 * @example
 * ```ts
 * toJsonPath(['States', 'fetch', 'Retry', 0]); // '$.States.fetch.Retry[0]'
 * ```
 */
export function toJsonPath(location: DefinitionLocation): string {
  let out = '$';
  for (const key of location) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (IDENTIFIER.test(key)) out += `.${key}`;
    else out += `['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return out;
}

/**
 * Renders a location as AWS does in diagnostics: `/States/fetch/Retry[0]`.
 * @param location the keys and indexes leading to the place.
 * @example
 * ```ts
 * toAwsLocation(['States', 'fetch', 'Retry', 0]); // '/States/fetch/Retry[0]'
 * toAwsLocation([]); // '/'
 * ```
 */
export function toAwsLocation(location: DefinitionLocation): string {
  let out = '';
  for (const key of location) out += typeof key === 'number' ? `[${key}]` : `/${key}`;
  return out === '' ? '/' : out;
}

/** Builds a problem at `location`. */
export function problemAt(
  code: DefinitionProblemCode,
  location: DefinitionLocation,
  message: string,
): DefinitionProblem {
  return { code, message, path: toJsonPath(location), location: toAwsLocation(location) };
}

/** The AWS diagnostic codes the problems map to. */
export type AwsDiagnosticCode =
  | 'INVALID_JSON_DESCRIPTION'
  | 'MISSING_DESCRIPTION'
  | 'SCHEMA_VALIDATION_FAILED'
  | 'INVALID_RESOURCE'
  | 'MISSING_END_STATE'
  | 'DUPLICATE_STATE_NAME'
  | 'INVALID_STATE_NAME'
  | 'MISSING_TRANSITION_TARGET'
  | 'TOO_DEEPLY_NESTED';

/**
 * The code AWS uses for a problem of this kind (AWS groups most under SCHEMA_VALIDATION_FAILED).
 * @param code a problem's code, as {@link validateDefinition} reports it.
 * @example
 * ```ts
 * awsDiagnosticCode('MISSING_TRANSITION_TARGET'); // 'MISSING_TRANSITION_TARGET'
 * ```
 */
export function awsDiagnosticCode(code: DefinitionProblemCode): AwsDiagnosticCode {
  switch (code) {
    case 'INVALID_JSON':
      return 'INVALID_JSON_DESCRIPTION';
    case 'EMPTY_DEFINITION':
      return 'MISSING_DESCRIPTION';
    case 'INVALID_RESOURCE':
    case 'MISSING_END_STATE':
    case 'DUPLICATE_STATE_NAME':
    case 'INVALID_STATE_NAME':
    case 'MISSING_TRANSITION_TARGET':
    case 'TOO_DEEPLY_NESTED':
      return code;
    case 'UNREACHABLE_STATE':
      return 'MISSING_TRANSITION_TARGET';
    default:
      return 'SCHEMA_VALIDATION_FAILED';
  }
}

/** One entry of AWS's ValidateStateMachineDefinition `diagnostics`. */
export interface AwsValidationDiagnostic {
  severity: 'ERROR' | 'WARNING';
  code: string;
  message: string;
  location?: string;
}

/** The body of AWS's ValidateStateMachineDefinition response. */
export interface AwsValidationResult {
  result: 'OK' | 'FAIL';
  diagnostics: AwsValidationDiagnostic[];
  truncated: boolean;
}

/** Options of {@link toAwsValidationResult}, mirroring the request's fields. */
export interface AwsValidationOptions {
  /** The most diagnostics to return (AWS's `maxResults`; 0 or absent means 100). */
  maxResults?: number;
  /** `ERROR` (the default) returns errors only; `WARNING` returns errors and warnings. */
  severity?: 'ERROR' | 'WARNING';
  /** Warnings to include when `severity` is `WARNING`, e.g. from `definitionWarnings`. */
  warnings?: readonly { code: string; message: string; location: string }[];
}

/**
 * Renders problems (and optionally warnings) as AWS's ValidateStateMachineDefinition response:
 * `result` is FAIL exactly when there is a problem; warnings alone leave it OK; `truncated`
 * says whether diagnostics were left out to respect `maxResults`.
 * @param problems the problems, e.g. from {@link validateDefinition}.
 * @param optionsOrMaxResults the options, or just `maxResults`.
 * @example
 * ```ts
 * const response = toAwsValidationResult(validateDefinition(definition), { maxResults: 10 });
 * if (response.result === 'FAIL') console.error(response.diagnostics);
 * ```
 */
export function toAwsValidationResult(
  problems: readonly DefinitionProblem[],
  optionsOrMaxResults: AwsValidationOptions | number = {},
): AwsValidationResult {
  const options =
    typeof optionsOrMaxResults === 'number' ? { maxResults: optionsOrMaxResults } : optionsOrMaxResults;
  const limit = options.maxResults !== undefined && options.maxResults > 0 ? options.maxResults : 100;
  const all: AwsValidationDiagnostic[] = problems.map((problem) => ({
    severity: 'ERROR',
    code: awsDiagnosticCode(problem.code),
    message: problem.message,
    location: problem.location,
  }));
  if (options.severity === 'WARNING') {
    for (const warning of options.warnings ?? []) {
      all.push({
        severity: 'WARNING',
        code: warning.code,
        message: warning.message,
        location: warning.location,
      });
    }
  }
  return {
    result: problems.length === 0 ? 'OK' : 'FAIL',
    diagnostics: all.slice(0, limit),
    truncated: all.length > limit,
  };
}

/**
 * The message AWS's CreateStateMachine / UpdateStateMachine put in an `InvalidDefinition`
 * error: `Invalid State Machine Definition: 'CODE: message at /location, ...'`.
 * @param problems the problems, e.g. from {@link validateDefinition}.
 * @example
 * ```ts
 * const problems = validateDefinition(definition);
 * if (problems.length > 0) throw new Error(toAwsInvalidDefinitionMessage(problems));
 * ```
 */
export function toAwsInvalidDefinitionMessage(problems: readonly DefinitionProblem[]): string {
  const parts = problems.map((p) => `${awsDiagnosticCode(p.code)}: ${p.message} at ${p.location}`);
  return `Invalid State Machine Definition: '${parts.join(', ')}'`;
}

/**
 * Thrown for a definition with problems; its message lists every one with its location.
 * @example
 * ```ts
 * try {
 *   parseDefinition(text);
 * } catch (error) {
 *   if (!(error instanceof InvalidDefinitionError)) throw error;
 *   for (const problem of error.problems) console.error(problem.path, problem.message);
 * }
 * ```
 */
export class InvalidDefinitionError extends Error {
  override readonly name = 'InvalidDefinitionError';
  /** Every problem found, in definition order. */
  readonly problems: readonly DefinitionProblem[];
  /**
   * @param problems every problem found.
   * @param subject what was invalid, as the message names it; default `state machine definition`.
   */
  constructor(problems: readonly DefinitionProblem[], subject = 'state machine definition') {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.map((p) => `  - ${p.path}: ${p.message} [${p.code}]`);
    super(`Invalid ${subject} (${count}):\n${lines.join('\n')}`);
    this.problems = problems;
  }
}
