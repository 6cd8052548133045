// The reference's usage rule (docs/typedoc-plugin.mjs) on a module made to meet it and to miss
// it in each way it can: every miss is named, nothing else is. typedoc and the plugin are
// loaded by path, as the typedoc build loads them; their types belong to the TypeScript 6
// compiler API, which is not the TypeScript that checks this file.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { repoRoot } from './compile-blocks.ts';

const docsDir = join(repoRoot, 'docs');
const fixtureDir = join(docsDir, 'test/fixtures/usage-docs');

interface Plugin {
  EXAMPLES_REQUIRED: Set<string>;
  missingUsageDocs(container: unknown): string[];
}

let plugin: Plugin;
let problems: string[];

beforeAll(async () => {
  const importFile = (path: string) => import(pathToFileURL(path).href);
  plugin = (await importFile(join(docsDir, 'typedoc-plugin.mjs'))) as Plugin;
  const typedoc = await importFile(join(docsDir, 'node_modules/typedoc/dist/index.js'));
  // Only the fixture's tsconfig is read: the working directory's typedoc.json is the reference's.
  const app = await typedoc.Application.bootstrap(
    {
      entryPoints: [join(fixtureDir, 'index.ts')],
      tsconfig: join(fixtureDir, 'tsconfig.json'),
      excludePrivate: true,
      skipErrorChecking: true,
      logLevel: 'Warn',
    },
    [new typedoc.TSConfigReader()],
  );
  const project = await app.convert();
  if (project === undefined) throw new Error('typedoc could not convert the fixture module');
  problems = plugin.missingUsageDocs(project);
}, 60_000);

it('names every export that misses the rule, and only those', () => {
  expect(problems).toEqual([
    'BigCounter: class has no @example',
    'BigCounter.times: parameter "factor" has no @param description',
    'double: function has no @example',
    'double: parameter "value" has no @param description',
    'repeat: parameter "times" has no @param description',
    'shout: function has no @example',
  ]);
});

it('holds every entry point of the three packages to the rule', () => {
  expect([...plugin.EXAMPLES_REQUIRED].sort()).toEqual([
    '@sfini/core',
    '@sfini/core/graph',
    '@sfini/runtime',
    '@sfini/testing',
  ]);
});
