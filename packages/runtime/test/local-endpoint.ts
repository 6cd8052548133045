// The local endpoint for the runtime's end-to-end tests: the real SDK and the runtime talk to it
// exactly as they would to AWS, so these tests need no account and no network.
import { type LocalEndpoint, startLocalEndpoint } from '@sfini/testing';

// The SDK's notice about future Node versions says nothing about these tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export { type LocalEndpoint, startLocalEndpoint };
