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
