// Mermaid text renders wherever Markdown does (GitHub, GitLab, docs sites), so it is the
// cheapest picture to hand out. The flowchart keeps the same vocabulary as the SVG: a shape
// per state type, Parallel branches and Map iterators as nested subgraphs, Choice rules and
// caught errors on the edges, Retry rules as dotted self-loops, and the palette's colours as
// classDefs. Node ids are generated; names only ever appear inside quoted labels, escaped
// with Mermaid's `#code;` entities, so no state name can break or inject syntax.
import type { AslStateType } from '../asl/types.js';
import { describeRetry, truncate } from './describe.js';
import type { HistoryReading, StateOutcome } from './history.js';
import { runBadge } from './layout.js';
import type { GraphScope, GraphState, MachineGraph } from './model.js';
import { EDGE_COLOURS, OUTCOME_COLOURS, OUTCOME_LABELS, type Swatch, TYPE_COLOURS } from './palette.js';

export interface MermaidWriteOptions {
  readonly direction: 'TB' | 'LR';
  readonly title: string | undefined;
  readonly reading: HistoryReading | undefined;
}

/** Escapes text for a quoted Mermaid label. */
export function mermaidText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 32 || (code >= 0x7f && code <= 0x9f)) out += ' ';
    else if ('"#&<>|[]{}()`\\;%'.includes(char)) out += `#${code};`;
    else out += char;
  }
  return out;
}

const SHAPES: Readonly<Record<AslStateType, readonly [string, string]>> = {
  Task: ['["', '"]'],
  Pass: ['("', '")'],
  Choice: ['{"', '"}'],
  Wait: ['[/"', '"/]'],
  Succeed: ['(["', '"])'],
  Fail: ['[["', '"]]'],
  Parallel: ['["', '"]'],
  Map: ['["', '"]'],
};

const classDef = (name: string, s: Swatch, extra = '') =>
  `  classDef ${name} fill:${s.fill},stroke:${s.stroke},color:${s.text},stroke-width:1.5px${extra}`;

/** Writes `graph` as a Mermaid flowchart. */
export function writeMermaid(graph: MachineGraph, options: MermaidWriteOptions): string {
  const { reading } = options;
  const lines: string[] = [];
  if (options.title) lines.push('---', `title: "${mermaidText(options.title)}"`, '---');
  lines.push(`flowchart ${options.direction}`);
  const classes = new Map<string, string[]>();
  const addClass = (cls: string, id: string) => {
    const list = classes.get(cls);
    if (list) list.push(id);
    else classes.set(cls, [id]);
  };
  const linkStyles: string[] = [];
  let linkIndex = 0;
  const link = (text: string, style: string | undefined) => {
    lines.push(text);
    if (style) linkStyles.push(`  linkStyle ${linkIndex} ${style}`);
    linkIndex++;
  };

  const label = (state: GraphState) => {
    const run = reading?.states.get(state.name);
    const badge = run ? runBadge(run) : undefined;
    return mermaidText(state.name) + (badge ? `<br/><small>${mermaidText(badge)}</small>` : '');
  };
  const classOf = (state: GraphState) =>
    reading ? (reading.states.get(state.name)?.outcome ?? 'notReached') : state.type.toLowerCase();

  const writeScope = (scope: GraphScope, indent: string) => {
    const hasEnd = graph.edges.some((e) => e.kind === 'end' && e.scopeId === scope.id);
    lines.push(`${indent}${scope.startId}((" "))`);
    addClass('marker', scope.startId);
    for (const state of scope.states) writeState(state, indent);
    if (hasEnd) {
      lines.push(`${indent}${scope.endId}((("\u00a0")))`);
      addClass('marker', scope.endId);
    }
  };

  const writeState = (state: GraphState, indent: string) => {
    addClass(classOf(state), state.id);
    if (state.scopes.length === 0) {
      const [open, close] = SHAPES[state.type];
      lines.push(`${indent}${state.id}${open}${label(state)}${close}`);
      return;
    }
    lines.push(`${indent}subgraph ${state.id}["${label(state)} #40;${state.type}#41;"]`);
    lines.push(`${indent}  direction TB`);
    if (state.type === 'Map') {
      writeScope(state.scopes[0]!, `${indent}  `);
    } else {
      for (const scope of state.scopes) {
        lines.push(`${indent}  subgraph ${scope.id}["${mermaidText(scope.label)}"]`);
        lines.push(`${indent}    direction TB`);
        writeScope(scope, `${indent}    `);
        lines.push(`${indent}  end`);
        addClass('branch', scope.id);
      }
    }
    lines.push(`${indent}end`);
  };

  writeScope(graph.root, '  ');

  for (const edge of graph.edges) {
    const taken = reading?.takenEdges.has(edge.id);
    const text =
      edge.label === undefined
        ? undefined
        : truncate(edge.kind === 'catch' ? `catch ${edge.label}` : edge.label, 60);
    const arrow = edge.kind === 'catch' ? '-.->' : taken ? '==>' : '-->';
    const body = text === undefined ? arrow : `${arrow}|"${mermaidText(text)}"|`;
    let style: string | undefined;
    if (edge.kind === 'catch') style = `stroke:${EDGE_COLOURS.catch},color:${EDGE_COLOURS.catch}`;
    if (taken === false) style = `stroke:${EDGE_COLOURS.notTaken}`;
    else if (taken)
      style = `stroke:${edge.kind === 'catch' ? EDGE_COLOURS.catch : EDGE_COLOURS.taken},stroke-width:3px`;
    link(`  ${edge.from} ${body} ${edge.to}`, style);
  }
  for (const state of graph.states) {
    for (const retry of state.retries) {
      link(
        `  ${state.id} -.->|"${mermaidText(`↻ ${describeRetry(retry)}`)}"| ${state.id}`,
        `stroke:${OUTCOME_COLOURS.retried.stroke}`,
      );
    }
  }

  if (reading) writeLegend(lines, addClass);

  lines.push(classDef('marker', { fill: '#1f2937', stroke: '#1f2937', text: '#ffffff' }));
  lines.push(
    classDef('branch', { fill: '#ffffff', stroke: '#b5bcc7', text: '#6b7280' }, ',stroke-dasharray:3 3'),
  );
  if (reading) {
    for (const [outcome, swatch] of Object.entries(OUTCOME_COLOURS)) lines.push(classDef(outcome, swatch));
  } else {
    for (const [type, swatch] of Object.entries(TYPE_COLOURS)) {
      lines.push(classDef(type.toLowerCase(), swatch, type === 'Map' ? ',stroke-dasharray:6 3' : ''));
    }
  }
  for (const [cls, ids] of classes) lines.push(`  class ${ids.join(',')} ${cls}`);
  lines.push(...linkStyles);
  return `${lines.join('\n')}\n`;
}

function writeLegend(lines: string[], addClass: (cls: string, id: string) => void): void {
  lines.push('  subgraph legend["Legend"]', '    direction LR');
  const outcomes: StateOutcome[] = ['succeeded', 'retried', 'caught', 'failed', 'running', 'notReached'];
  for (const outcome of outcomes) {
    const id = `legend_${outcome}`;
    lines.push(`    ${id}["${mermaidText(OUTCOME_LABELS[outcome])}"]`);
    addClass(outcome, id);
  }
  lines.push('  end');
}
