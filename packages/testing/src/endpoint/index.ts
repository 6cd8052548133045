// The endpoint's public surface: starting it and its option and handle types. Everything else
// in this folder is internal.

export type { EndpointLogger } from './http.js';
export {
  type LocalClientConfig,
  type LocalEndpoint,
  type LocalEndpointOptions,
  startLocalEndpoint,
} from './server.js';
