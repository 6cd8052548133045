/**
 * @sfini/testing: a local AWS Step Functions engine.
 * @module
 */
export {
  CHOICE_FAILURE_ERROR,
  ChoiceEvaluationError,
  NO_CHOICE_MATCHED_CAUSE,
} from './choice/errors.js';
export { evaluateChoiceRule, resolveChoice, selectChoice } from './choice/evaluate.js';
export type {
  ChoiceRuleDefinition,
  ChoiceScope,
  ChoiceSelection,
  ChoiceStateDefinition,
  PathLookup,
} from './choice/types.js';
export {
  type EndpointLogger,
  type LocalEndpoint,
  type LocalEndpointOptions,
  startLocalEndpoint,
} from './endpoint/index.js';
export { INTRINSIC_FAILURE_ERROR, IntrinsicEvaluationError } from './intrinsics/errors.js';
export { evaluateIntrinsic } from './intrinsics/evaluate.js';
export type { IntrinsicScope } from './intrinsics/scope.js';
