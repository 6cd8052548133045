// Positions every box and edge with ELK's layered (Sugiyama) algorithm. Parallel branches and
// Map iterators become compound nodes, laid out inside-out, so nesting is real geometry and
// not a drawing trick. Boxes are sized from their text before layout (see text-metrics), and
// ELK reports everything in root coordinates so the SVG writer never adds offsets. elkjs is
// loaded on first use only, so importing sfini never pays for it.
import type { ElkExtendedEdge, ElkLabel, ElkNode } from 'elkjs/lib/elk-api.js';
import { describeRetry, truncate } from './describe.js';
import type { StateRun } from './history.js';
import type { GraphEdge, GraphScope, GraphState, MachineGraph } from './model.js';
import { textWidth } from './text-metrics.js';

/** How a line of text in a box is set. */
export type LineRole = 'caption' | 'name' | 'detail' | 'retry' | 'badge';

export interface TextLine {
  readonly text: string;
  readonly role: LineRole;
}

export const LINE_STYLE: Readonly<Record<LineRole, { size: number; height: number; bold: boolean }>> = {
  caption: { size: 10, height: 15, bold: true },
  name: { size: 14, height: 19, bold: true },
  detail: { size: 11.5, height: 16, bold: false },
  retry: { size: 11.5, height: 16, bold: false },
  badge: { size: 11, height: 22, bold: true },
};

const PAD_X = 16;
const PAD_Y = 10;
const MIN_STATE_WIDTH = 132;
const CHOICE_POINT = 18;
const GROUP_PAD = 14;
const MARKER_START = 18;
const MARKER_END = 22;
const NAME_WRAP = 30;
const DETAIL_MAX = 44;
const RETRY_MAX = 64;
const EDGE_LABEL_MAX = 48;

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A positioned box: a state, a Parallel branch, or a scope's start or end marker. */
export interface PlacedNode {
  readonly id: string;
  readonly kind: 'state' | 'group' | 'branch' | 'start' | 'end';
  readonly state: GraphState | undefined;
  readonly scope: GraphScope | undefined;
  /** The id of the box this one sits in; undefined at the top level. */
  readonly parentId: string | undefined;
  readonly lines: readonly TextLine[];
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedLabel {
  readonly text: string;
  readonly fullText: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge {
  readonly edge: GraphEdge;
  readonly points: readonly Point[];
  readonly label: PlacedLabel | undefined;
}

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

/** The lines a state's box shows: type, name, details, retry rules, and what happened. */
export function stateLines(state: GraphState, run: StateRun | undefined): TextLine[] {
  const lines: TextLine[] = [{ text: state.type.toUpperCase(), role: 'caption' }];
  for (const part of wrapName(state.name)) lines.push({ text: part, role: 'name' });
  for (const detail of state.details) lines.push({ text: truncate(detail, DETAIL_MAX), role: 'detail' });
  for (const retry of state.retries)
    lines.push({ text: `↻ ${truncate(describeRetry(retry), RETRY_MAX)}`, role: 'retry' });
  const badge = run ? runBadge(run) : undefined;
  if (badge) lines.push({ text: badge, role: 'badge' });
  return lines;
}

/** A short account of a state's visits, or undefined when one plain visit says it all. */
export function runBadge(run: StateRun): string | undefined {
  const parts: string[] = [];
  if (run.retries > 0) parts.push(`↻ ${run.retries} ${run.retries === 1 ? 'retry' : 'retries'}`);
  if (run.visits > 1) {
    const outcomes = (['succeeded', 'retried', 'caught', 'failed', 'running'] as const).filter(
      (o) => run.counts[o] > 0,
    );
    if (outcomes.length === 1) parts.push(`×${run.visits} ${outcomes[0]}`);
    else parts.push(outcomes.map((o) => `${run.counts[o]} ${o}`).join(', '));
  } else if (run.outcome === 'caught' || run.outcome === 'failed') {
    const last = run.errors.at(-1);
    parts.push(last ? `${run.outcome}: ${truncate(last, 28)}` : run.outcome);
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function wrapName(name: string): string[] {
  const chars = Array.from(name);
  if (chars.length <= NAME_WRAP) return [name];
  const lines: string[] = [];
  let rest = chars;
  while (rest.length > NAME_WRAP) {
    let cut = NAME_WRAP;
    for (let i = NAME_WRAP; i > NAME_WRAP / 2; i--) {
      if (/[\s\-_./:]/.test(rest[i - 1] ?? '')) {
        cut = i;
        break;
      }
    }
    lines.push(rest.slice(0, cut).join('').trimEnd());
    rest = rest.slice(cut);
  }
  lines.push(rest.join(''));
  return lines;
}

/** Width and height of a block of lines, without padding. */
export function measureLines(lines: readonly TextLine[]): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const line of lines) {
    const style = LINE_STYLE[line.role];
    const extra = line.role === 'badge' ? 16 : 0;
    width = Math.max(width, textWidth(line.text, style.size, style.bold) + extra);
    height += style.height;
  }
  return { width, height };
}

/** Nodes (states, branches, markers) up to which the slower, straighter placement is used. */
const NETWORK_SIMPLEX_LIMIT = 40;

/** Options for every level of the hierarchy; compound nodes add their own padding. */
const LAYOUT_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.spacing.nodeNode': '36',
  'elk.layered.spacing.nodeNodeBetweenLayers': '44',
  'elk.spacing.edgeNode': '16',
  'elk.spacing.edgeEdge': '12',
  'elk.spacing.edgeLabel': '6',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
};

type ElkInput = ElkNode & { children?: ElkInput[]; edges?: ElkExtendedEdge[] };

/** Lays the graph out. `runs` (by state name) adds each state's history badge to its box. */
export async function layoutGraph(
  graph: MachineGraph,
  runs: ReadonlyMap<string, StateRun> | undefined,
  direction: 'TB' | 'LR' = 'TB',
): Promise<Scene> {
  const info = new Map<string, Omit<PlacedNode, 'x' | 'y' | 'width' | 'height'>>();
  const labels = new Map<string, { text: string; fullText: string }>();

  // Children go in model order (start marker, states as declared, end marker): ELK breaks
  // cycles and orders each layer by it, so loops point back up and the end sits at the bottom.
  const scopeChildren = (scope: GraphScope, parentId: string | undefined): ElkInput[] => {
    info.set(scope.startId, {
      id: scope.startId,
      kind: 'start',
      state: undefined,
      scope,
      parentId,
      lines: [],
    });
    const nodes: ElkInput[] = [{ id: scope.startId, width: MARKER_START, height: MARKER_START }];
    for (const state of scope.states) nodes.push(stateNode(state, parentId));
    if (graph.edges.some((e) => e.kind === 'end' && e.scopeId === scope.id)) {
      info.set(scope.endId, { id: scope.endId, kind: 'end', state: undefined, scope, parentId, lines: [] });
      nodes.push({ id: scope.endId, width: MARKER_END, height: MARKER_END });
    }
    return nodes;
  };

  const scopeEdges = (scope: GraphScope): ElkExtendedEdge[] =>
    graph.edges
      .filter((e) => e.scopeId === scope.id)
      .map((edge) => {
        const source = edge.kind === 'catch' ? catchPort(edge.from) : edge.from;
        const elkEdge: ElkExtendedEdge = { id: edge.id, sources: [source], targets: [edge.to] };
        // The main flow should read as straight lines; Catch edges bend around it instead of
        // pulling the whole machine sideways towards a shared error handler.
        elkEdge.layoutOptions =
          edge.kind === 'catch'
            ? { 'elk.layered.priority.straightness': '0', 'elk.layered.priority.shortness': '0' }
            : { 'elk.layered.priority.straightness': '10', 'elk.layered.priority.shortness': '5' };
        if (edge.label !== undefined) {
          const full = edge.kind === 'catch' ? `catch ${edge.label}` : edge.label;
          const text = truncate(full, EDGE_LABEL_MAX);
          labels.set(edge.id, { text, fullText: full });
          const label: ElkLabel = { text, width: textWidth(text, 11) + 10, height: 17 };
          elkEdge.labels = [label];
        }
        return elkEdge;
      });

  // Catch edges leave from the side (the right, or the bottom when the flow runs left to right),
  // so the normal flow keeps its side of each box to itself and a chain stays in a straight line.
  const catchPort = (stateId: string) => `${stateId}_catch`;
  const withCatchPort = (node: ElkInput, state: GraphState): ElkInput => {
    if (!graph.edges.some((e) => e.kind === 'catch' && e.from === state.id)) return node;
    node.ports = [
      {
        id: catchPort(state.id),
        width: 1,
        height: 1,
        layoutOptions: { 'elk.port.side': direction === 'LR' ? 'SOUTH' : 'EAST' },
      },
    ];
    node.layoutOptions = { ...node.layoutOptions, 'elk.portConstraints': 'FIXED_SIDE' };
    return node;
  };

  const stateNode = (state: GraphState, parentId: string | undefined): ElkInput =>
    withCatchPort(stateBox(state, parentId), state);

  const stateBox = (state: GraphState, parentId: string | undefined): ElkInput => {
    const lines = stateLines(state, runs?.get(state.name));
    const size = measureLines(lines);
    if (state.scopes.length === 0) {
      info.set(state.id, { id: state.id, kind: 'state', state, scope: undefined, parentId, lines });
      const extra = state.type === 'Choice' ? 2 * CHOICE_POINT : 0;
      return {
        id: state.id,
        width: Math.ceil(Math.max(MIN_STATE_WIDTH, size.width + 2 * PAD_X + extra)),
        height: Math.ceil(size.height + 2 * PAD_Y),
      };
    }
    info.set(state.id, { id: state.id, kind: 'group', state, scope: undefined, parentId, lines });
    const header = Math.ceil(size.height + PAD_Y + 8);
    const minWidth = Math.ceil(size.width + 2 * PAD_X);
    const group: ElkInput = {
      id: state.id,
      layoutOptions: {
        'elk.padding': `[top=${header},left=${GROUP_PAD},bottom=${GROUP_PAD},right=${GROUP_PAD}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${minWidth}, ${header + 20})`,
      },
    };
    if (state.type === 'Map') {
      const scope = state.scopes[0]!;
      group.children = scopeChildren(scope, state.id);
      group.edges = scopeEdges(scope);
    } else {
      group.layoutOptions!['elk.separateConnectedComponents'] = 'false';
      group.layoutOptions!['elk.spacing.nodeNode'] = '24';
      group.children = state.scopes.map((scope) => {
        const lines: TextLine[] = [{ text: scope.label.toUpperCase(), role: 'caption' }];
        info.set(scope.id, {
          id: scope.id,
          kind: 'branch',
          state: undefined,
          scope,
          parentId: state.id,
          lines,
        });
        const top = LINE_STYLE.caption.height + 12;
        return {
          id: scope.id,
          layoutOptions: { 'elk.padding': `[top=${top},left=12,bottom=12,right=12]` },
          children: scopeChildren(scope, scope.id),
          edges: scopeEdges(scope),
        };
      });
    }
    return group;
  };

  const children = scopeChildren(graph.root, undefined);
  const root: ElkInput = {
    id: 'root',
    layoutOptions: {
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    },
    children,
    edges: scopeEdges(graph.root),
  };
  // Network simplex places nodes best (straight edges, no jogs) but its cost grows fast with
  // long edges; past a typical machine's size the linear-segments placer keeps layout quick.
  const placement = info.size <= NETWORK_SIMPLEX_LIMIT ? 'NETWORK_SIMPLEX' : 'LINEAR_SEGMENTS';
  const elk = await loadElk();
  const laid = (await elk.layout(root, {
    layoutOptions: {
      ...LAYOUT_OPTIONS,
      'elk.direction': direction === 'LR' ? 'RIGHT' : 'DOWN',
      'elk.layered.nodePlacement.strategy': placement,
    },
  })) as ElkInput;

  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  const edgeById = new Map(graph.edges.map((e) => [e.id, e]));
  const visit = (node: ElkInput) => {
    for (const child of node.children ?? []) {
      const meta = info.get(child.id);
      if (meta) {
        nodes.push({
          ...meta,
          x: child.x ?? 0,
          y: child.y ?? 0,
          width: child.width ?? 0,
          height: child.height ?? 0,
        });
      }
      visit(child);
    }
    for (const e of node.edges ?? []) {
      const edge = edgeById.get(e.id);
      const section = e.sections?.[0];
      if (!edge || !section) continue;
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      const label = e.labels?.[0];
      const text = labels.get(e.id);
      edges.push({
        edge,
        points,
        label:
          label && text
            ? {
                ...text,
                x: label.x ?? 0,
                y: label.y ?? 0,
                width: label.width ?? 0,
                height: label.height ?? 0,
              }
            : undefined,
      });
    }
  };
  visit(laid);
  return { width: laid.width ?? 0, height: laid.height ?? 0, nodes, edges };
}

interface ElkLike {
  layout(graph: ElkNode, args?: { layoutOptions?: Record<string, string> }): Promise<ElkNode>;
}

let elkInstance: Promise<ElkLike> | undefined;

/** Loads elkjs once, on first layout. */
function loadElk(): Promise<ElkLike> {
  elkInstance ??= import('elkjs/lib/elk.bundled.js').then((mod) => {
    // elkjs is CommonJS: depending on the loader the constructor is `default` or `default.default`.
    const exported = mod.default as unknown as { default?: unknown };
    const Elk = (typeof exported === 'function' ? exported : exported.default) as new () => ElkLike;
    return new Elk();
  });
  return elkInstance;
}
