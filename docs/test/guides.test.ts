// Every guide's TypeScript is compiled by `tsc`, blocks marked `fails` must produce exactly the
// compiler errors the guide prints, and blocks marked `run` are executed (in this process,
// against the local engine or a local endpoint) and must print exactly what the guide shows.
// The markers are described in docs/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type TsBlock, tsBlocks } from './code-blocks.ts';
import { type CompiledBlocks, compileBlocks, repoRoot } from './compile-blocks.ts';

const docsDir = join(repoRoot, 'docs');
const guides = readdirSync(docsDir)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort();
// The repository's README shows code too, and is the first page a newcomer reads.
const pages = [...guides.map((guide) => ({ name: guide, path: join(docsDir, guide) }))].concat({
  name: 'repository-readme.md',
  path: join(repoRoot, 'README.md'),
});
const blocksByGuide = new Map(
  pages.map(({ name, path }) => [name, tsBlocks(name, readFileSync(path, 'utf8'))]),
);
const allBlocks = [...blocksByGuide.values()].flat();

let compiled: CompiledBlocks;
beforeAll(async () => {
  compiled = await compileBlocks(allBlocks);
}, 120_000);
afterAll(() => compiled?.remove());

/** Lines without trailing blanks, so an editor trimming whitespace in a guide changes nothing. */
const normalise = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();

/** Runs a block's module and returns what it printed with console.log. */
async function runBlock(block: TsBlock): Promise<string> {
  const printed: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(format(...args));
  });
  try {
    await import(/* @vite-ignore */ compiled.fileOf(block));
  } finally {
    spy.mockRestore();
  }
  return printed.join('\n');
}

it('finds the guides and their code', () => {
  expect(guides.length).toBeGreaterThan(0);
  expect(allBlocks.length).toBeGreaterThan(0);
});

it('compiles no file but the guides with errors', () => {
  expect(compiled.otherDiagnostics).toBe('');
});

for (const [guide, blocks] of blocksByGuide) {
  describe(guide, () => {
    for (const block of blocks) {
      const name = `${block.file} (line ${block.line})`;
      if (block.mode === 'fragment') continue;
      if (block.mode === 'fails') {
        it(`${name} fails to compile with the errors shown`, () => {
          const errors = compiled.diagnosticsOf(block);
          expect(errors, 'the block compiles, but the guide says it fails').not.toBe('');
          expect(normalise(errors)).toBe(normalise(block.expected!));
        });
        continue;
      }
      it(`${name} compiles`, () => {
        expect(compiled.diagnosticsOf(block)).toBe('');
      });
      if (block.mode === 'run') {
        it(`${name} runs and prints what the guide shows`, async () => {
          expect(compiled.diagnosticsOf(block), 'a block that does not compile is not run').toBe('');
          expect(normalise(await runBlock(block))).toBe(normalise(block.expected!));
        });
      }
    }
  });
}
