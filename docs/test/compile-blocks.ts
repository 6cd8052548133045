// Writes the guides' TypeScript blocks into a scratch folder, one folder per guide, and
// compiles them all in one `tsc` program (TypeScript 7, as `pnpm test` type-checks the
// repo): one program is far quicker than one per block. The folder links the repo's
// node_modules and maps `@sfini/*` to the sources, as every package of the repo does, so a
// guide is checked against the code beside it, not against a stale build. Packages only the
// docs use (the CDK, for the running-on-AWS guide) resolve from the docs package's own folder.
import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TsBlock } from './code-blocks.ts';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Packages the guides import that only the docs package depends on: `name` and `name/*`. */
const DOCS_ONLY_PACKAGES = ['aws-cdk-lib', 'constructs'];

const SOURCE_ENTRIES: Record<string, string> = {
  '@sfini/core': 'packages/core/src/index.ts',
  '@sfini/core/graph': 'packages/core/src/graph/index.ts',
  '@sfini/runtime': 'packages/runtime/src/index.ts',
  '@sfini/testing': 'packages/testing/src/index.ts',
};

/** The scratch folder of a compiled set of guides. */
export interface CompiledBlocks {
  readonly dir: string;
  /** Where a block was written. */
  fileOf(block: TsBlock): string;
  /** The compiler's messages about a block, as `file.ts(line,col): error TS...` lines. */
  diagnosticsOf(block: TsBlock): string;
  /** Messages about files that are not guide blocks (should be none). */
  readonly otherDiagnostics: string;
  remove(): void;
}

/** A folder name for a guide: `typed-data-flow.md` -> `typed-data-flow`. */
export function guideFolder(guide: string): string {
  return guide.replace(/\.md$/, '').replace(/[^\w-]/g, '_');
}

/** A node_modules folder holding the repo's packages and the docs-only ones, as links. */
function linkModules(target: string): void {
  mkdirSync(target);
  const rootModules = join(repoRoot, 'node_modules');
  for (const entry of readdirSync(rootModules)) {
    symlinkSync(join(rootModules, entry), join(target, entry), 'dir');
  }
  for (const name of DOCS_ONLY_PACKAGES) {
    symlinkSync(realpathSync(join(repoRoot, 'docs/node_modules', name)), join(target, name), 'dir');
  }
}

/** Writes every block that is compiled (all but fragments) and runs `tsc` over them. */
export async function compileBlocks(blocks: readonly TsBlock[]): Promise<CompiledBlocks> {
  const dir = mkdtempSync(join(tmpdir(), 'sfini-guides-'));
  linkModules(join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  const paths = Object.fromEntries(
    Object.entries(SOURCE_ENTRIES).map(([name, file]) => [name, [join(repoRoot, file)]]),
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(repoRoot, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, paths },
      include: ['*/**/*.ts'],
      exclude: ['node_modules'],
    }),
  );
  const compiled = blocks.filter((block) => block.mode !== 'fragment');
  for (const block of compiled) {
    mkdirSync(join(dir, guideFolder(block.guide)), { recursive: true });
    writeFileSync(join(dir, guideFolder(block.guide), block.file), block.code);
  }

  const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
  const output = await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], {
    cwd: dir,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (done) => done.stdout,
    (failed: { stdout?: string; code?: number }) => {
      // tsc exits 1 or 2 when it reports errors; anything else is the compiler failing.
      if (failed.code !== 1 && failed.code !== 2) throw failed;
      return failed.stdout ?? '';
    },
  );

  const byFile = new Map<string, string[]>();
  const other: string[] = [];
  let current: string[] = other;
  for (const line of output.split('\n')) {
    if (line === '') continue;
    const start = /^(.+?)\((\d+),(\d+)\): /.exec(line);
    if (start) {
      const file = start[1]!.replaceAll('\\', '/');
      current = byFile.get(file) ?? [];
      byFile.set(file, current);
    }
    current.push(line);
  }
  const relative = (block: TsBlock) => `${guideFolder(block.guide)}/${block.file}`;
  const known = new Set(compiled.map(relative));
  for (const [file, lines] of byFile) if (!known.has(file)) other.push(...lines);

  return {
    dir,
    fileOf: (block) => join(dir, relative(block)),
    diagnosticsOf: (block) => {
      const lines = byFile.get(relative(block)) ?? [];
      const prefix = `${guideFolder(block.guide)}/`;
      return lines.map((line) => (line.startsWith(prefix) ? line.slice(prefix.length) : line)).join('\n');
    },
    otherDiagnostics: other.join('\n'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
