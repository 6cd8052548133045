// What every published workspace package (packages/*, not private) promises an installer, read
// from its package.json: ESM entry points whose exports list types first and a `default`
// condition, each built from a source file that exists; a tarball of dist/ and the README only;
// zod as a peer wherever the sources import it, so a program's zod and sfini's are one
// instance, tested here against the exact version the workspace pins. Packing a tarball would
// prove no more than these fields do, and would take seconds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const packagesDir = join(repoRoot, 'packages');

interface PackageJson {
  name: string;
  private?: boolean;
  type?: string;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  files?: string[];
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
const rootPackage = readJson(join(repoRoot, 'package.json'));
const published = readdirSync(packagesDir)
  .map((dir) => join(packagesDir, dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, pkg: readJson(join(dir, 'package.json')) }))
  .filter(({ pkg }) => !pkg.private);

/** Source files that ship (not tests, type tests or test support), relative to the package. */
function shippedSources(dir: string): string[] {
  const src = join(dir, 'src');
  return (readdirSync(src, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => !/\.(test|test-d|neg|test-support|support)\.ts$/.test(file))
    .map((file) => relative(dir, join(src, file)));
}

const importsZod = (dir: string) =>
  shippedSources(dir).some((file) => /from 'zod'/.test(readFileSync(join(dir, file), 'utf8')));

/** The source a dist/ path is built from: ./dist/a/b.js or ./dist/a/b.d.ts comes from src/a/b.ts. */
const sourceOf = (distPath: string) =>
  distPath.replace(/^\.\/dist\//, 'src/').replace(/(\.d)?\.ts$|\.js$/, '.ts');

it('finds the published packages', () => {
  expect(published.map(({ pkg }) => pkg.name).sort()).toEqual([
    '@sfini/core',
    '@sfini/runtime',
    '@sfini/testing',
  ]);
});

describe.each(published)('$pkg.name', ({ dir, pkg }) => {
  it('is an ES module package', () => {
    expect(pkg.type).toBe('module');
  });

  it('exports each entry point with types first and a default condition, built from a source that exists', () => {
    const entries = Object.entries(pkg.exports ?? {}).filter(([subpath]) => subpath !== './package.json');
    expect(entries.length, 'no entry points in exports').toBeGreaterThan(0);
    for (const [subpath, target] of entries) {
      expect(typeof target, `exports['${subpath}'] is a bare path, with no types condition`).toBe('object');
      const conditions = target as Record<string, string>;
      expect(Object.keys(conditions), `exports['${subpath}']`).toEqual(['types', 'default']);
      expect(conditions.types, `exports['${subpath}'].types`).toMatch(/^\.\/dist\/.+\.d\.ts$/);
      expect(conditions.default, `exports['${subpath}'].default`).toMatch(/^\.\/dist\/.+\.js$/);
      expect(sourceOf(conditions.types!)).toBe(sourceOf(conditions.default!));
      expect(existsSync(join(dir, sourceOf(conditions.default!))), `source of exports['${subpath}']`).toBe(
        true,
      );
    }
    // Tools that predate exports maps read main and types: they name the same entry as '.'.
    const root = (pkg.exports?.['.'] ?? {}) as Record<string, string>;
    expect({ main: pkg.main, types: pkg.types }).toEqual({ main: root.default, types: root.types });
  });

  it('ships dist/ and its README, and bin/ only for the commands it declares', () => {
    const allowed = ['dist', 'README.md', ...(pkg.bin ? ['bin'] : [])];
    expect(pkg.files?.filter((entry) => !allowed.includes(entry)) ?? ['(no files list)']).toEqual([]);
    expect(pkg.files).toContain('dist');
    expect(existsSync(join(dir, 'README.md')), 'README.md').toBe(true);
    for (const [command, path] of Object.entries(pkg.bin ?? {})) {
      expect(path, `bin '${command}'`).toMatch(/^\.\/bin\//);
      expect(existsSync(join(dir, path)), `bin '${command}' at ${path}`).toBe(true);
    }
  });

  it('takes zod as a peer where its sources import zod, and tests against the pinned version', () => {
    expect(pkg.dependencies?.zod, 'zod as a regular dependency gives a program a second zod').toBeUndefined();
    if (!importsZod(dir)) return;
    const pinned = rootPackage.devDependencies?.zod;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.peerDependencies?.zod).toBe('^4.0.0');
    expect(pkg.devDependencies?.zod).toBe(pinned);
    expect(pinned!.split('.')[0], 'the pinned zod satisfies the peer range').toBe('4');
  });
});
