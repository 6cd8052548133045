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
  type AnyCondition,
  type ChoiceRules,
  type Condition,
  choiceRules,
  type GuardedCondition,
  isCondition,
} from './dsl/conditions.js';
export {
  InvalidStateNameError,
  MAX_STATE_NAME_LENGTH,
  type QueryLanguage,
  type StateType,
} from './dsl/graph.js';
export { type IntrinsicArg, type LiteralString, literal, States } from './dsl/intrinsic-helpers.js';
export { machine, resource, type StartData, type StartInput, StateMachine } from './dsl/machine.js';
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
} from './dsl/types/api.js';
export type { ContextObject, PathOption } from './dsl/types/checks.js';
export type { AnyData, Data, Materialize, Plain } from './dsl/types/data.js';
export type {
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
  SucceedOptions,
  TaskOptions,
  WaitOptions,
} from './dsl/types/options.js';
export type { Simplify, TaskResource } from './dsl/types/pipeline.js';
export type { Intrinsic, PayloadTemplate } from './dsl/types/template.js';
export {
  type Flat,
  type Jsonify,
  type JsonObject,
  type JsonPrimitive,
  type JsonValue,
  toJsonValue,
} from './json.js';
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
