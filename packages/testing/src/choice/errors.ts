// How a Choice state fails. AWS reports both failures as `States.Runtime` (not
// `States.NoChoiceMatched`, which the specification names but the service does not raise), with
// these causes; the engine prefixes them with "An error occurred while executing the state 'X'
// (entered at the event id #N). ".

/** The error name AWS gives Choice failures. */
export const CHOICE_FAILURE_ERROR = 'States.Runtime';

/** AWS's cause when no rule matched and the state has no Default. */
export const NO_CHOICE_MATCHED_CAUSE =
  'Failed to transition out of the state. The state does not point to a next state.';

/** AWS's cause when a rule's Variable (or a `...Path` operand) selects nothing. */
export function invalidChoicePathCause(path: string): string {
  return `Invalid path '${path}': The choice state's condition path references an invalid value.`;
}

/** Thrown by `evaluateChoiceRule` and `selectChoice`; `error` and `cause` are AWS's. */
export class ChoiceEvaluationError extends Error {
  override readonly name = 'ChoiceEvaluationError';
  /** The Step Functions error name: `States.Runtime`. */
  readonly error: string = CHOICE_FAILURE_ERROR;
  /** AWS's cause text, without the state prefix the engine adds. */
  override readonly cause: string;
  /** The path that selected nothing, for invalid-path failures. */
  readonly path: string | undefined;

  constructor(cause: string, path?: string) {
    super(cause);
    this.cause = cause;
    this.path = path;
  }
}
