// The list of test projects. The root vitest.config.ts reads it, since vitest 4 no longer
// picks up a workspace file on its own.
export default ['packages/core', 'packages/runtime', 'packages/testing', 'examples', 'docs'];
