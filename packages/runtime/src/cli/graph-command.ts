// `graph`: the machine as a picture, the one the graph module of @sfini/core draws, and with
// `--execution` coloured by what that execution did. The picture is drawn from the definition
// this program emits (what `register` sends), so it needs no network unless an execution is
// named; that execution's whole history is read page by page first. The graph module (and,
// for SVG, its layout engine) is loaded only when this command runs, so no other command pays
// for it.
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { executionOf, note, print } from './commands.js';
import type { CliContext } from './context.js';
import { choiceFlag, type FlagSpec, type FlagValues, stringFlag, UsageError } from './parse.js';

/** The picture formats `graph` writes. */
const GRAPH_FORMATS = ['SVG', 'MERMAID'] as const;
const DIRECTIONS = ['TB', 'LR'] as const;

/** The flags of `graph`. */
export const GRAPH_FLAGS: Record<string, FlagSpec> = {
  format: {
    type: 'string',
    value: 'FORMAT',
    description: 'svg or mermaid (default: from the --out extension, else svg)',
  },
  out: { type: 'string', value: 'FILE', description: 'write the picture to FILE instead of printing it' },
  direction: { type: 'string', value: 'DIR', description: 'TB (top to bottom, default) or LR' },
  execution: {
    type: 'string',
    value: 'EXECUTION',
    description: 'colour the states by what this execution (name or ARN) did',
  },
};

type GraphModule = typeof import('@sfini/core/graph');

/** The format asked for, else the one the output file's extension names, else SVG. */
function formatOf(values: FlagValues, out: string | undefined): 'svg' | 'mermaid' {
  const asked = choiceFlag(values, 'format', GRAPH_FORMATS, 'graph');
  if (asked) return asked === 'SVG' ? 'svg' : 'mermaid';
  const extension = out === undefined ? '' : extname(out).toLowerCase();
  return extension === '.mmd' || extension === '.mermaid' ? 'mermaid' : 'svg';
}

/** A text flag that, when given, must not be empty. */
function nonEmptyFlag(values: FlagValues, name: string): string | undefined {
  if (values[name] === undefined) return undefined;
  const value = stringFlag(values, name);
  if (!value) throw new UsageError(`--${name} needs a value`, 'graph');
  return value;
}

/** `graph`: the definition as SVG or Mermaid, optionally coloured by an execution's history. */
export async function graphCommand(ctx: CliContext, values: FlagValues): Promise<number> {
  const out = nonEmptyFlag(values, 'out');
  const format = formatOf(values, out);
  const direction = choiceFlag(values, 'direction', DIRECTIONS, 'graph');
  const executionRef = nonEmptyFlag(values, 'execution');
  const session = ctx.session();
  const handle = ctx.handle(session);
  const definition = handle.definition();

  let history: HistoryEvent[] | undefined;
  let title = handle.name;
  if (executionRef !== undefined) {
    const execution = await executionOf(ctx, executionRef);
    history = await execution.historyEvents();
    title = `${handle.name}: ${execution.name}`;
  }

  const graph: GraphModule = await import('@sfini/core/graph');
  const options = {
    title,
    ...(direction ? { direction } : {}),
    ...(history ? { history } : {}),
  };
  if (history) {
    const { unknownStates } = graph.analyzeHistory(definition, history);
    if (unknownStates.length > 0) {
      note(
        ctx,
        `note: the execution ran states this machine does not have (${unknownStates.join(', ')}); ` +
          'it may have run another version of the definition',
      );
    }
  }
  const picture =
    format === 'svg' ? await graph.toSvg(definition, options) : graph.toMermaid(definition, options);
  if (out === undefined) {
    print(ctx, picture);
    return 0;
  }
  const text = picture.endsWith('\n') ? picture : `${picture}\n`;
  try {
    await writeFile(out, text);
  } catch (error) {
    throw new Error(`cannot write '${out}': ${(error as Error).message}`);
  }
  note(ctx, `wrote ${format === 'svg' ? 'SVG' : 'Mermaid'} to ${out}`);
  return 0;
}
