// How an intrinsic function fails at run time. AWS reports every such failure as `States.Runtime`
// with a short cause, `Invalid arguments in States.<Function>`, which the engine prefixes with the
// state it happened in ("An error occurred while executing the state 'X' (entered at the event
// id #2). "). The cause stays exactly AWS's words so recorded executions compare equal; `reason`
// says what was actually wrong, for people reading a failing test.

import type { IntrinsicFunctionName } from '@sfini/core';

/** The error name AWS gives every intrinsic function failure. */
export const INTRINSIC_FAILURE_ERROR = 'States.Runtime';

/** Thrown by `evaluateIntrinsic` when a function rejects its arguments. */
export class IntrinsicEvaluationError extends Error {
  override readonly name = 'IntrinsicEvaluationError';
  /** The Step Functions error name: always `States.Runtime`. */
  readonly error: string = INTRINSIC_FAILURE_ERROR;
  /** AWS's cause text, without the state prefix the engine adds. */
  override readonly cause: string;
  /** The function that failed. */
  readonly functionName: IntrinsicFunctionName;
  /** What exactly was wrong, in plain words (not part of AWS's cause). */
  readonly reason: string;

  constructor(functionName: IntrinsicFunctionName, reason: string) {
    const cause = `Invalid arguments in ${functionName}`;
    super(`${cause}: ${reason}`);
    this.cause = cause;
    this.functionName = functionName;
    this.reason = reason;
  }
}
