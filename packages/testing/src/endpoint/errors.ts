// Every failure the endpoint reports travels as AWS's JSON-protocol error: a `__type` naming the
// modelled exception and a message. The SDK turns `__type` into the exception class callers catch,
// so the names here must be AWS's own; the status decides whether the SDK retries (5xx does,
// modelled 4xx errors never do). Handlers throw `ApiError` and the server writes it out.
import { type DefinitionProblem, toAwsInvalidDefinitionMessage } from '@sfini/core';

/** An error the endpoint answers with: AWS's exception name, a message and the HTTP status. */
export class ApiError extends Error {
  constructor(
    /** AWS's exception name, e.g. `StateMachineDoesNotExist`; sent as `__type`. */
    readonly type: string,
    message: string,
    /** HTTP status; 400 for every modelled Step Functions exception. */
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

/** `Value 'x'` as AWS quotes offending values in validation messages; sensitive ones are elided. */
function quoteValue(value: unknown, sensitive: boolean): string {
  if (value === undefined || value === null) return 'null';
  if (sensitive) return "'***'";
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text}'`;
}

/** One failed constraint of a request member, worded as AWS's request validator words it. */
export interface ConstraintViolation {
  member: string;
  value: unknown;
  constraint: string;
  sensitive?: boolean;
}

/**
 * The ValidationException AWS's request validator answers with, listing every violated
 * constraint: `2 validation errors detected: Value null at 'name' failed to satisfy constraint:
 * Member must not be null; ...`.
 */
export function validationError(violations: readonly ConstraintViolation[]): ApiError {
  const count = violations.length;
  const parts = violations.map(
    (v) =>
      `Value ${quoteValue(v.value, v.sensitive ?? false)} at '${v.member}' failed to satisfy constraint: ${v.constraint}`,
  );
  const noun = count === 1 ? 'validation error' : 'validation errors';
  return new ApiError('ValidationException', `${count} ${noun} detected: ${parts.join('; ')}`);
}

/** InvalidDefinition listing every problem, worded as CreateStateMachine words it. */
export const invalidDefinition = (problems: readonly DefinitionProblem[]): ApiError =>
  new ApiError('InvalidDefinition', toAwsInvalidDefinitionMessage(problems));

export const invalidArn = (detail: string): ApiError =>
  new ApiError('InvalidArn', `Invalid Arn: '${detail}'`);

export const invalidName = (name: string, reason?: string): ApiError =>
  new ApiError('InvalidName', `Invalid Name: '${name}'${reason ? ` (${reason})` : ''}`);

export const activityDoesNotExist = (arn: string): ApiError =>
  new ApiError('ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`);

export const stateMachineDoesNotExist = (arn: string): ApiError =>
  new ApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);

export const executionDoesNotExist = (arn: string): ApiError =>
  new ApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);

export const resourceNotFound = (arn: string): ApiError =>
  new ApiError('ResourceNotFound', `Resource not found: '${arn}'`);

export const invalidToken = (detail: string): ApiError =>
  new ApiError('InvalidToken', `Invalid Token: '${detail}'`);

export const stateMachineTypeNotSupported = (): ApiError =>
  new ApiError(
    'StateMachineTypeNotSupported',
    'This operation is not supported by this type of state machine',
  );

/** A failure nobody anticipated: 500 so the SDK retries, the details stay in the server log. */
export const internalFailure = (): ApiError =>
  new ApiError('InternalFailure', 'The request processing has failed because of an unknown error.', 500);
