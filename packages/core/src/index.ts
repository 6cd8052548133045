/**
 * @sfini/core: a typed DSL for AWS Step Functions. Payloads are described with zod, paths and
 * Choice rules are checked at compile time, and machines emit Amazon States Language (ASL).
 * This package has no AWS SDK dependency.
 * @module
 */
export {
  type Activity,
  type ActivityContext,
  type ActivityInput,
  ActivityInputError,
  type ActivityOptions,
  type ActivityOutput,
  ActivityOutputError,
  ActivityRegistration,
  type AnyActivity,
  activity,
  type DefineActivity,
  type DefineSmartActivity,
  type InferredActivityOptions,
  isActivity,
  issuePath,
  type SmartActivityOptions,
  smartActivity,
  type TypedActivityOptions,
} from './activity.js';
export {
  type ArnScope,
  activityArn,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_REGION,
  executionArn,
  type ParsedStatesArn,
  parseStatesArn,
  stateMachineArn,
} from './arn.js';
export {
  INTRINSIC_FUNCTION_NAMES,
  type IntrinsicArgument,
  type IntrinsicBooleanLiteral,
  type IntrinsicCall,
  type IntrinsicFunctionName,
  type IntrinsicLiteral,
  type IntrinsicNullLiteral,
  type IntrinsicNumberLiteral,
  type IntrinsicPath,
  type IntrinsicPathScope,
  type IntrinsicSpan,
  type IntrinsicStringLiteral,
  isIntrinsicFunctionName,
} from './intrinsics/ast.js';
export { IntrinsicSyntaxError } from './intrinsics/errors.js';
export { isIntrinsicExpression, MAX_INTRINSIC_NESTING, parseIntrinsic } from './intrinsics/parser.js';
export { type Jsonify, type JsonObject, type JsonPrimitive, type JsonValue, toJsonValue } from './json.js';
export {
  type AnyStateMachine,
  type EmitOptions,
  isStateMachine,
  type MachineInput,
  type MachineOutput,
  type StateMachineLike,
} from './machine-like.js';
export {
  assertResourceName,
  InvalidNameError,
  MAX_RESOURCE_NAME_LENGTH,
  resourceNameProblem,
} from './names.js';
export { assertJsonSchema, NonJsonSchemaError, nonJsonSchemaProblems } from './schema-json.js';
