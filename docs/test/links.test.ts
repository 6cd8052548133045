// Links between the guides, to their pictures and from the README point at files that exist,
// and every guide is reachable from the README and from the guides' index, so a renamed or
// new guide cannot go unlinked.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { fencedBlocks } from './code-blocks.ts';
import { repoRoot } from './compile-blocks.ts';

const docsDir = join(repoRoot, 'docs');
const guides = readdirSync(docsDir).filter((name) => name.endsWith('.md') && name !== 'README.md');
const pages = [
  join(repoRoot, 'README.md'),
  join(docsDir, 'README.md'),
  ...guides.map((g) => join(docsDir, g)),
];

/** Relative link targets of a Markdown page, outside code blocks, without #fragments. */
function relativeLinks(markdown: string): string[] {
  const codeLines = new Set<number>();
  for (const block of fencedBlocks(markdown)) {
    const length = block.code === '' ? 0 : block.code.split('\n').length - 1;
    for (let line = block.line; line <= block.line + length + 1; line++) codeLines.add(line);
  }
  const prose = markdown
    .split('\n')
    .filter((_, index) => !codeLines.has(index + 1))
    .join('\n')
    .replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0]!);
}

it('every relative link points at a file that exists', () => {
  const broken: string[] = [];
  for (const page of pages) {
    for (const target of relativeLinks(readFileSync(page, 'utf8'))) {
      if (!existsSync(join(dirname(page), target)))
        broken.push(`${page.slice(repoRoot.length)} -> ${target}`);
    }
  }
  expect(broken).toEqual([]);
});

it('the README and the guides index link every guide', () => {
  const readmeLinks = relativeLinks(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
  const indexLinks = relativeLinks(readFileSync(join(docsDir, 'README.md'), 'utf8'));
  for (const guide of guides) {
    expect(readmeLinks, `README.md links docs/${guide}`).toContain(`docs/${guide}`);
    expect(indexLinks, `docs/README.md links ${guide}`).toContain(guide);
  }
});

it("the getting started guide quotes the README's quick start commands exactly", () => {
  const commands = (file: string) =>
    fencedBlocks(readFileSync(file, 'utf8'))
      .filter((block) => block.lang === 'bash')
      .map((block) => block.code.trim());
  const [install, test] = commands(join(repoRoot, 'README.md'));
  expect(install).toMatch(/pnpm install --frozen-lockfile/);
  expect(test).toBe('pnpm test');
  const guide = commands(join(docsDir, 'getting-started.md'));
  expect(guide.slice(0, 2)).toEqual([install, test]);
});
