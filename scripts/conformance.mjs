#!/usr/bin/env node
// `pnpm conformance`: builds the packages the adapter imports, then runs the shared conformance
// runner over ../shared/conformance/cases with this project's adapter. Extra arguments
// (--family NAME, --report out.json) are passed to the runner.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared/conformance');
const runner = path.join(shared, 'run-cases.mjs');
if (!existsSync(runner)) {
  console.error(
    `conformance: ${runner} not found; the shared conformance cases live in ../shared beside the repository.`,
  );
  process.exit(1);
}

const build = spawnSync('pnpm', ['--filter', '@sfini/core', '--filter', '@sfini/testing', 'run', 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const run = spawnSync(
  process.execPath,
  [
    runner,
    path.join(shared, 'cases'),
    '--adapter',
    path.join(root, 'scripts/conformance-adapter.mjs'),
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(run.status ?? 1);
