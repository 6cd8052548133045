// Reads the fenced code blocks of a guide and what their info strings ask of the checker.
// The markers live in the info string (```ts file=order.ts run) so a guide renders as plain
// Markdown everywhere, and every expectation (compiles, fails with these errors, prints this)
// sits in the guide beside the code it is about, where a reader can see it.

/** What the checker does with a TypeScript block. */
export type BlockMode =
  /** Compiled with `tsc`; must have no errors. */
  | 'compile'
  /** Compiled, then run; what it prints must equal the `output` block that follows. */
  | 'run'
  /** Compiled; its errors must equal the `output` block that follows (a compile error shown on purpose). */
  | 'fails'
  /** Shown only: a piece of a larger program, not compiled on its own. */
  | 'fragment';

/** One fenced block of a guide. */
export interface FencedBlock {
  /** The language, the first word of the info string (`ts`, `text`, `bash`...). */
  readonly lang: string;
  /** The other words of the info string: `run`, `file=order.ts`, `output`... */
  readonly flags: ReadonlySet<string>;
  readonly attributes: ReadonlyMap<string, string>;
  /** The block's text, ending with a newline. */
  readonly code: string;
  /** The 1-based line of the opening fence, for messages. */
  readonly line: number;
}

/** A TypeScript block with what is expected of it. */
export interface TsBlock {
  readonly guide: string;
  readonly mode: BlockMode;
  /** The file the block is written to, inside its guide's folder (`file=` or `block-<line>.ts`). */
  readonly file: string;
  readonly code: string;
  readonly line: number;
  /** For `run` and `fails`: the text of the `output` block that follows. */
  readonly expected?: string;
}

const FENCE = /^(`{3,}|~{3,})\s*(.*)$/;
const TS_LANGS = new Set(['ts', 'typescript']);
const MODES = new Set<BlockMode>(['run', 'fails', 'fragment']);

/** Every fenced block of a Markdown text, in order. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const words = open[2]!.trim().split(/\s+/).filter(Boolean);
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j]!.startsWith(fence) && lines[j]!.trim() === fence))
      body.push(lines[j++]!);
    if (j === lines.length) throw new Error(`line ${i + 1}: code block never closed`);
    const flags = new Set<string>();
    const attributes = new Map<string, string>();
    for (const word of words.slice(1)) {
      const eq = word.indexOf('=');
      if (eq > 0) attributes.set(word.slice(0, eq), word.slice(eq + 1));
      else flags.add(word);
    }
    blocks.push({
      lang: words[0] ?? '',
      flags,
      attributes,
      code: body.length === 0 ? '' : `${body.join('\n')}\n`,
      line: i + 1,
    });
    i = j;
  }
  return blocks;
}

/**
 * The TypeScript blocks of a guide, each with its mode, file name and expected output.
 * @throws Error naming the guide and line of a block whose markers make no sense (two modes,
 * a `run` or `fails` block without an `output` block after it, an `output` block after nothing,
 * a file name used twice).
 */
export function tsBlocks(guide: string, markdown: string): TsBlock[] {
  const blocks = fencedBlocks(markdown);
  const result: TsBlock[] = [];
  const files = new Set<string>();
  const where = (block: FencedBlock) => `${guide}:${block.line}`;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.flags.has('output')) {
      const before = blocks[i - 1];
      const owner = before && TS_LANGS.has(before.lang) ? modeOf(before, where(before)) : undefined;
      if (owner !== 'run' && owner !== 'fails') {
        throw new Error(`${where(block)}: an output block must follow a 'run' or 'fails' TypeScript block`);
      }
      continue;
    }
    if (!TS_LANGS.has(block.lang)) continue;
    const mode = modeOf(block, where(block));
    const file = block.attributes.get('file') ?? `block-${block.line}.ts`;
    if (!/^[\w-]+\.ts$/.test(file))
      throw new Error(`${where(block)}: file=${file} must be a plain name ending in .ts`);
    if (files.has(file)) throw new Error(`${where(block)}: file=${file} is used twice in this guide`);
    files.add(file);
    let expected: string | undefined;
    if (mode === 'run' || mode === 'fails') {
      const next = blocks[i + 1];
      if (!next?.flags.has('output')) {
        throw new Error(`${where(block)}: a '${mode}' block needs an output block right after it`);
      }
      expected = next.code;
    }
    result.push({ guide, mode, file, code: block.code, line: block.line, expected });
  }
  return result;
}

function modeOf(block: FencedBlock, where: string): BlockMode {
  const modes = [...block.flags].filter((flag): flag is BlockMode => MODES.has(flag as BlockMode));
  const unknown = [...block.flags].filter((flag) => !MODES.has(flag as BlockMode));
  if (unknown.length > 0) throw new Error(`${where}: unknown marker(s) ${unknown.join(', ')}`);
  if (modes.length > 1)
    throw new Error(`${where}: a block takes one of run, fails, fragment, not ${modes.join(' and ')}`);
  return modes[0] ?? 'compile';
}
