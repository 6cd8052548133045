// Runs the type tests under both compilers users have: TypeScript 7 (`tsc`) and 6 (most
// editors). The program is the negative files (each `@ts-expect-error` must meet an error) and
// the positive `.test-d.ts` files; any diagnostic fails the test.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const testTypes = join(here, '../../test-types');
const tsconfig = join(testTypes, 'tsconfig.json');
const root = join(here, '../../../..');

function compile(tscPath: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [tscPath, '-p', tsconfig, '--noEmit'], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

const compilers: [string, string][] = [
  ['TypeScript 7.0.2', join(root, 'node_modules/typescript/bin/tsc')],
  ['TypeScript 6.0.3', join(root, 'node_modules/typescript6/bin/tsc')],
];

describe('type tests compile with no diagnostics', () => {
  for (const [name, path] of compilers) {
    test(`under ${name}`, { timeout: 180_000 }, () => {
      const version = spawnSync(process.execPath, [path, '--version'], { encoding: 'utf8' }).stdout;
      expect(version).toContain(name.split(' ')[1]);
      const { status, output } = compile(path);
      expect(output).toBe('');
      expect(status).toBe(0);
    });
  }
});

describe('negative type tests', () => {
  const files = readdirSync(testTypes).filter((f) => f.endsWith('.neg.ts'));
  const lines = files.flatMap((f) => readFileSync(join(testTypes, f), 'utf8').split('\n'));
  const expectations = lines.filter((line) => line.includes('@ts-expect-error'));

  test('every @ts-expect-error says what it rejects', () => {
    expect(expectations.length).toBeGreaterThan(40);
    for (const line of expectations) {
      const description = line.split('@ts-expect-error')[1]!.trim();
      expect(description.split(/\s+/).length, line).toBeGreaterThanOrEqual(4);
    }
  });

  test('each compile-time check 1 to 5 has negative cases', () => {
    for (const check of [1, 2, 3, 4, 5]) {
      expect(
        expectations.filter((line) => line.includes(`check ${check},`)).length,
        `check ${check}`,
      ).toBeGreaterThan(2);
    }
  });

  test('variables, their scopes, loops, Choice narrowing and intrinsic results have negative cases', () => {
    for (const check of ['variables', 'scope', 'loops', 'narrowing', 'intrinsics']) {
      expect(
        expectations.filter((line) => line.includes(`@ts-expect-error ${check},`)).length,
        check,
      ).toBeGreaterThan(2);
    }
  });

  test('each state type with paths has a negative case under a numbered check', () => {
    for (const state of ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map', 'Catch']) {
      const namesTheState = new RegExp(`@ts-expect-error check \\d, ${state}\\b`);
      expect(
        expectations.some((line) => namesTheState.test(line)),
        state,
      ).toBe(true);
    }
  });
});
