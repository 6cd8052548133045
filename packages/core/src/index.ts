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
  describeIssues,
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
  type AslAndRule,
  type AslChoiceRule,
  type AslChoiceRuleTransition,
  type AslComparisonOperand,
  type AslComparisonOperator,
  type AslConditionRule,
  type AslDataTestRule,
  type AslNotRule,
  type AslOperandKind,
  type AslOrRule,
  type AslTopLevelChoiceRule,
  CHOICE_OPERATOR_NAMES,
  CHOICE_OPERATORS,
} from './asl/choice-types.js';
export { isJsonataExpression, jsonataSyntaxProblem } from './asl/jsonata-syntax.js';
export { parseDefinition, validateDefinitionText } from './asl/parse.js';
export {
  type JsonPath,
  type JsonPathRoot,
  type JsonPathSegment,
  type PathKind,
  PathSyntaxError,
  parseJsonPath,
  pathSyntaxProblem,
} from './asl/path-syntax.js';
export {
  type AwsDiagnosticCode,
  type AwsValidationDiagnostic,
  type AwsValidationOptions,
  type AwsValidationResult,
  awsDiagnosticCode,
  type DefinitionLocation,
  type DefinitionProblem,
  type DefinitionProblemCode,
  InvalidDefinitionError,
  toAwsInvalidDefinitionMessage,
  toAwsLocation,
  toAwsValidationResult,
  toJsonPath,
} from './asl/problems.js';
// StateType and QueryLanguage are the DSL's names for AslStateType and AslQueryLanguage: the
// same types under a second name, not copies, so the two can never drift apart.
export type {
  AslAssign,
  AslCatcher,
  AslChoiceState,
  AslDefinition,
  AslErrorHandling,
  AslFailState,
  AslItemBatcher,
  AslItemProcessor,
  AslItemReader,
  AslJsonataExpression,
  AslJsonPathInputOutput,
  AslMapState,
  AslParallelState,
  AslPassState,
  AslPayloadTemplate,
  AslProcessorConfig,
  AslQueryLanguage,
  AslQueryLanguage as QueryLanguage,
  AslReaderConfig,
  AslResultFields,
  AslResultWriter,
  AslRetrier,
  AslState,
  AslStateBase,
  AslStatesErrorName,
  AslStateType,
  AslStateType as StateType,
  AslSubMachine,
  AslSucceedState,
  AslTaskCredentials,
  AslTaskState,
  AslTransition,
  AslWaitState,
} from './asl/types.js';
export {
  assertValidDefinition,
  assertValidStateDefinition,
  stateNameProblem,
  type ValidateOptions,
  type ValidateStateOptions,
  validateDefinition,
  validateStateDefinition,
} from './asl/validate.js';
export { type DefinitionWarning, type DefinitionWarningCode, definitionWarnings } from './asl/warnings.js';
export {
  type AnyCondition,
  type ChoiceRules,
  type Condition,
  choiceRules,
  type GuardedCondition,
  isCondition,
} from './dsl/conditions.js';
export { InvalidStateNameError } from './dsl/graph.js';
export { ImportedStateMachine, type ImportOptions, importMachine } from './dsl/imported.js';
export {
  type ChildExecutionResult,
  type LambdaInvokeParameters,
  type LambdaInvokeRequest,
  type LambdaInvokeResource,
  type LambdaInvokeResult,
  lambdaInvoke,
  type NonStringJson,
  type SdkHttpMetadata,
  type SdkResponseMetadata,
  type StartExecutionOptions,
  type StartExecutionParameters,
  type StartExecutionPattern,
  type StartExecutionRequest,
  type StartExecutionResource,
  type StartExecutionResult,
  type StartedExecutionResult,
  startExecution,
  type WaitForTaskTokenResource,
  waitForTaskToken,
} from './dsl/integrations.js';
export { type IntrinsicArg, type LiteralString, literal, States } from './dsl/intrinsic-helpers.js';
export { machine, resource, type StartData, type StartInput, StateMachine } from './dsl/machine.js';
export { MachineDefinitionError } from './dsl/problems.js';
export type {
  AnyHandle,
  BranchBuilder,
  Catchable,
  Chain,
  ChoiceState,
  DataOf,
  EndsOf,
  Flow,
  InputOf,
  MapItemData,
  MapOptions,
  MapResult,
  OutputOf,
  ParallelOptions,
  ParallelResult,
  Returned,
  StateRef,
  Target,
  Terminal,
  VarsOf,
} from './dsl/types/api.js';
export type { ContextObject, PathOption } from './dsl/types/checks.js';
export type { AnyData, Data, Materialize, Plain } from './dsl/types/data.js';
export type {
  AssignOptions,
  BaseOptions,
  CatchOptions,
  ChoiceBranchOptions,
  ChoiceOptions,
  ErrorOutput,
  FailOptions,
  JsonataExpression,
  MachineOptions,
  PassOptions,
  RetryOptions,
  RetryRule,
  SelectOptions,
  SucceedOptions,
  TaskOptions,
  WaitOptions,
} from './dsl/types/options.js';
export type { Simplify, TaskResource } from './dsl/types/pipeline.js';
export type { DeferredIntrinsic, Intrinsic, PayloadTemplate } from './dsl/types/template.js';
export type { AnyVars, NoVars, OpenVars, Vars, VarsRecord } from './dsl/types/vars.js';
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
export {
  type Flat,
  type Jsonify,
  type JsonObject,
  type JsonPrimitive,
  type JsonValue,
  toJsonValue,
} from './json.js';
export { ExecutionInputError, parseMachineInput } from './machine-input.js';
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
export {
  errorNameOf,
  MAX_CAUSE_LENGTH,
  MAX_ERROR_LENGTH,
  type TaskFailure,
  type TaskFailureOptions,
  taskFailureOf,
} from './task-failure.js';
