/**
 * @sfini/testing: a local AWS Step Functions engine.
 * @module
 */

export {
  type EndpointLogger,
  type LocalEndpoint,
  type LocalEndpointOptions,
  startLocalEndpoint,
} from './endpoint/index.js';
export { IntrinsicEvaluationError } from './intrinsics/errors.js';
export { evaluateIntrinsic } from './intrinsics/evaluate.js';
export type { IntrinsicScope } from './intrinsics/scope.js';
