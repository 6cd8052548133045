// The API reference builds, with typedoc's warnings as errors (an undocumented export, a broken
// {@link}, a public type that is not exported), under the TypeScript that has the compiler API
// typedoc needs. Built into a scratch folder so a test run never touches `docs/api`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot } from './compile-blocks.ts';

const run = promisify(execFile);
const docsDir = join(repoRoot, 'docs');
const typedoc = join(docsDir, 'node_modules/typedoc/bin/typedoc');
const out = mkdtempSync(join(tmpdir(), 'sfini-api-'));
let build: { code: number; output: string };

beforeAll(async () => {
  build = await run(process.execPath, [typedoc, '--options', 'typedoc.json', '--out', out], {
    cwd: docsDir,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  }).then(
    (done) => ({ code: 0, output: done.stdout + done.stderr }),
    (failed: { code?: number; stdout?: string; stderr?: string }) => ({
      code: failed.code ?? -1,
      output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    }),
  );
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('loads TypeScript 6.0.3, which has the compiler API', async () => {
  const { stdout } = await run(process.execPath, [typedoc, '--version'], { cwd: docsDir });
  expect(stdout).toMatch(/Using TypeScript 6\.0\.3 from /);
});

it('holds every public export of the three packages to being documented', () => {
  const config = JSON.parse(readFileSync(join(docsDir, 'typedoc.json'), 'utf8')) as {
    treatWarningsAsErrors: boolean;
    validation: Record<string, boolean>;
    packagesRequiringDocumentation: string[];
    requiredToBeDocumented: string[];
  };
  expect(config.treatWarningsAsErrors).toBe(true);
  expect(config.validation).toMatchObject({ notExported: true, invalidLink: true, notDocumented: true });
  expect(config.requiredToBeDocumented).toEqual(
    expect.arrayContaining(['Function', 'Class', 'Interface', 'TypeAlias']),
  );
  // typedoc checks documentation only for the packages named here, by their package.json names.
  const names = ['core', 'runtime', 'testing'].map(
    (dir) =>
      (JSON.parse(readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8')) as { name: string })
        .name,
  );
  expect([...config.packagesRequiringDocumentation].sort()).toEqual(names.sort());
});

it('builds with no warning and no error', () => {
  expect(build.output).not.toMatch(/\[(warning|error)\]/);
  expect(build.code).toBe(0);
});

it('documents each entry point under the name it is imported by', () => {
  const index = readFileSync(join(out, 'index.html'), 'utf8');
  for (const name of ['@sfini/core', '@sfini/core/graph', '@sfini/runtime', '@sfini/testing']) {
    expect(index).toContain(`>${name}<`);
  }
});

it('has pages for the main entry points of each package', () => {
  const pages = [
    'functions/_sfini_core.machine.html',
    'variables/_sfini_core.activity.html',
    'functions/_sfini_core_graph.toSvg.html',
    'classes/_sfini_runtime.Session.html',
    'classes/_sfini_runtime.Worker.html',
    'functions/_sfini_runtime.cli.html',
    'functions/_sfini_testing.runExecution.html',
    'functions/_sfini_testing.testState.html',
    'functions/_sfini_testing.startLocalEndpoint.html',
    'documents/getting-started.html',
    'documents/typed-data-flow.html',
    'documents/dsl.html',
    'documents/graphs.html',
  ];
  expect(pages.filter((page) => !existsSync(join(out, page)))).toEqual([]);
  const machinePage = readFileSync(join(out, 'functions/_sfini_core.machine.html'), 'utf8');
  expect(machinePage).toContain('Defines a state machine');
});
