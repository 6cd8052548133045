// Shared per-project vitest settings: workspace packages resolve to their sources, so tests
// never need a build first and always see the code beside them.
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

const src = (pkg: string, entry = 'index.ts') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${entry}`, import.meta.url));

// Subpath entries come before their package: vite matches `@sfini/core` as a prefix of
// `@sfini/core/graph`, and the first matching alias wins.
export const sourceAliases = {
  '@sfini/core/graph': src('core', 'graph/index.ts'),
  '@sfini/core': src('core'),
  '@sfini/runtime': src('runtime'),
  '@sfini/testing': src('testing'),
};

export function projectConfig(name: string, extra: NonNullable<ViteUserConfig['test']> = {}): ViteUserConfig {
  return {
    resolve: { alias: sourceAliases },
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
      ...extra,
    },
  };
}
