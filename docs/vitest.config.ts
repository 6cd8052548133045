// The docs project: the tests under docs/test run the guides' code blocks and check their links
// and pictures. The blocks use the AWS SDK against a local endpoint; its Node version notice
// would only add noise to what they print. SFINI_ENDPOINT is cleared so a developer's own
// setting cannot turn the blocks that show AWS behaviour into calls to some endpoint.
import { defineProject } from 'vitest/config';
import { projectConfig } from '../vitest.shared.ts';

export default defineProject(
  projectConfig('docs', {
    include: ['test/**/*.test.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', SFINI_ENDPOINT: '' },
  }),
);
