// Writes a laid-out scene as one standalone SVG document: no scripts, no external fonts or
// stylesheets, so it opens the same in a browser, an editor or a README. Every state's group
// carries data attributes (id, name, type, outcome, box) so tools and tests can read the
// picture back without re-running the layout. All text passes through `xmlText`, which also
// drops characters XML 1.0 cannot hold, since state names come from untrusted definitions.

import type { HistoryReading, StateOutcome } from './history.js';
import type { ExecutionStatus } from './history-events.js';
import {
  LINE_STYLE,
  type PlacedEdge,
  type PlacedNode,
  type Point,
  type Scene,
  type TextLine,
} from './layout.js';
import type { StateType } from './model.js';
import { EDGE_COLOURS, OUTCOME_COLOURS, OUTCOME_LABELS, type Swatch, TYPE_COLOURS } from './palette.js';
import { textWidth } from './text-metrics.js';

const MARGIN = 28;
const FONT = "Helvetica, Arial, 'Liberation Sans', sans-serif";
const LEGEND_GAP = 28;

export interface SvgWriteOptions {
  readonly title: string | undefined;
  readonly reading: HistoryReading | undefined;
  readonly legend: boolean;
}

/**
 * XML-escapes text. Characters XML 1.0 cannot contain are shown, not dropped: control
 * characters as their Control Pictures symbol (U+0001 as ␁), anything else as U+FFFD.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, (char) => {
      const code = char.codePointAt(0) ?? 0;
      return code < 0x20 ? String.fromCodePoint(0x2400 + code) : '\uFFFD';
    })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const n = (value: number) => (Math.round(value * 10) / 10).toString();

/** Renders `scene` as an SVG document string. */
export function writeSvg(scene: Scene, options: SvgWriteOptions): string {
  const { reading } = options;
  const header = headerLines(options.title, reading?.status);
  const headerHeight = header.length > 0 ? header.reduce((h, l) => h + l.size + 8, 0) + 12 : 0;
  const legendItems = options.legend ? legendEntries(scene, reading) : [];
  const contentWidth = Math.max(
    scene.width,
    ...header.map((l) => textWidth(l.text, l.size, l.bold)),
    legendItems.length > 0 ? 360 : 0,
  );
  const legend = layoutLegend(legendItems, contentWidth);
  const width = Math.ceil(contentWidth + 2 * MARGIN);
  const top = MARGIN + headerHeight;
  const height = Math.ceil(
    top + scene.height + (legend.height > 0 ? LEGEND_GAP + legend.height : 0) + MARGIN,
  );
  const dx = MARGIN + (contentWidth - scene.width) / 2;
  const at = (p: Point): Point => ({ x: p.x + dx, y: p.y + top });

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `font-family="${xmlText(FONT)}" role="img" aria-label="${xmlText(options.title ?? 'state machine')}">`,
  );
  if (options.title) out.push(`<title>${xmlText(options.title)}</title>`);
  out.push(defs());
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  let y = MARGIN;
  for (const line of header) {
    y += line.size;
    out.push(
      `<text x="${MARGIN}" y="${n(y)}" font-size="${line.size}" font-weight="${line.bold ? 700 : 400}" fill="${line.colour}">${xmlText(line.text)}</text>`,
    );
    y += 8;
  }

  const containers = scene.nodes.filter((node) => node.kind === 'group' || node.kind === 'branch');
  for (const node of containers) out.push(drawNode(node, at, reading));
  for (const edge of scene.edges) out.push(drawEdge(edge, at, reading));
  for (const node of scene.nodes)
    if (node.kind !== 'group' && node.kind !== 'branch') out.push(drawNode(node, at, reading));
  for (const edge of scene.edges) if (edge.label) out.push(drawEdgeLabel(edge, at, reading));
  if (legend.height > 0) out.push(drawLegend(legend, MARGIN, top + scene.height + LEGEND_GAP));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

interface HeaderLine {
  readonly text: string;
  readonly size: number;
  readonly bold: boolean;
  readonly colour: string;
}

const STATUS_TEXT: Readonly<Record<ExecutionStatus, [string, StateOutcome]>> = {
  running: ['execution running', 'running'],
  succeeded: ['execution succeeded', 'succeeded'],
  failed: ['execution failed', 'failed'],
  timedOut: ['execution timed out', 'failed'],
  aborted: ['execution aborted', 'failed'],
};

function headerLines(title: string | undefined, status: ExecutionStatus | undefined): HeaderLine[] {
  const lines: HeaderLine[] = [];
  if (title) lines.push({ text: title, size: 18, bold: true, colour: '#111827' });
  if (status) {
    const [text, outcome] = STATUS_TEXT[status];
    lines.push({ text, size: 13, bold: true, colour: OUTCOME_COLOURS[outcome].stroke });
  }
  return lines;
}

function defs(): string {
  const arrow = (id: string, colour: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse" orient="auto-start-reverse">` +
    `<path d="M0,1 L9,5 L0,9 z" fill="${colour}"/></marker>`;
  return (
    '<defs>' +
    arrow('sfini-arrow', EDGE_COLOURS.normal) +
    arrow('sfini-arrow-catch', EDGE_COLOURS.catch) +
    arrow('sfini-arrow-taken', EDGE_COLOURS.taken) +
    arrow('sfini-arrow-faint', EDGE_COLOURS.notTaken) +
    '</defs>'
  );
}

function swatchOf(node: PlacedNode, reading: HistoryReading | undefined): Swatch {
  const type = node.state?.type;
  if (reading && node.state)
    return OUTCOME_COLOURS[reading.states.get(node.state.name)?.outcome ?? 'notReached'];
  return type ? TYPE_COLOURS[type] : TYPE_COLOURS.Parallel;
}

function drawNode(node: PlacedNode, at: (p: Point) => Point, reading: HistoryReading | undefined): string {
  const { x, y } = at(node);
  const { width: w, height: h } = node;
  const box = `data-x="${n(x)}" data-y="${n(y)}" data-width="${n(w)}" data-height="${n(h)}"`;
  const parent = node.parentId ? ` data-parent="${node.parentId}"` : '';
  if (node.kind === 'start') {
    const r = w / 2;
    return `<g class="sfini-marker sfini-start" data-id="${node.id}"${parent} ${box}><circle cx="${n(x + r)}" cy="${n(y + r)}" r="${n(r)}" fill="#1f2937"/></g>`;
  }
  if (node.kind === 'end') {
    const r = w / 2;
    return (
      `<g class="sfini-marker sfini-end" data-id="${node.id}"${parent} ${box}>` +
      `<circle cx="${n(x + r)}" cy="${n(y + r)}" r="${n(r - 1)}" fill="#ffffff" stroke="#1f2937" stroke-width="2"/>` +
      `<circle cx="${n(x + r)}" cy="${n(y + r)}" r="${n(r - 6)}" fill="#1f2937"/></g>`
    );
  }
  if (node.kind === 'branch') {
    return (
      `<g class="sfini-branch" data-id="${node.id}"${parent} ${box}>` +
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="6" fill="#ffffff" fill-opacity="0.7" stroke="#b5bcc7" stroke-dasharray="3 3"/>` +
      drawLines(node.lines, x + 10, y + 6, 'start', '#6b7280') +
      '</g>'
    );
  }
  const state = node.state!;
  const swatch = swatchOf(node, reading);
  const run = reading?.states.get(state.name);
  const attrs =
    `class="sfini-state sfini-${state.type.toLowerCase()}" data-id="${node.id}" data-name="${xmlText(state.name)}" ` +
    `data-type="${state.type}"${parent} ${box}` +
    (run ? ` data-outcome="${run.outcome}" data-visits="${run.visits}" data-retries="${run.retries}"` : '');
  const tooltip = [
    `${state.name} (${state.type})`,
    ...(state.comment ? [state.comment] : []),
    ...state.details,
    ...(run ? [`${OUTCOME_LABELS[run.outcome]}${run.visits > 1 ? `, ${run.visits} visits` : ''}`] : []),
    ...(run && run.errors.length > 0 ? [`errors: ${run.errors.join(', ')}`] : []),
  ].join('\n');
  const parts = [`<g ${attrs}>`, `<title>${xmlText(tooltip)}</title>`, shape(state.type, node, x, y, swatch)];
  if (node.kind === 'group') {
    parts.push(drawLines(node.lines, x + 14, y + 10, 'start', swatch.text, run, swatch));
  } else {
    const textHeight = node.lines.reduce((sum, l) => sum + LINE_STYLE[l.role].height, 0);
    parts.push(
      drawLines(node.lines, x + w / 2, y + (h - textHeight) / 2, 'middle', swatch.text, run, swatch),
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function shape(type: StateType, node: PlacedNode, x: number, y: number, s: Swatch): string {
  const { width: w, height: h } = node;
  const paint = `fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.6"`;
  switch (type) {
    case 'Choice': {
      const p = Math.min(18, h / 2);
      const pts = [
        [x + p, y],
        [x + w - p, y],
        [x + w, y + h / 2],
        [x + w - p, y + h],
        [x + p, y + h],
        [x, y + h / 2],
      ];
      return `<polygon points="${pts.map(([px, py]) => `${n(px!)},${n(py!)}`).join(' ')}" ${paint}/>`;
    }
    case 'Succeed':
    case 'Fail':
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(Math.min(h / 2, 22))}" ${paint}/>`;
    case 'Pass':
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="2" ${paint}/>`;
    case 'Parallel':
    case 'Map':
      // A container's fill is a wash, so the states inside keep their own colours readable.
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="10" ${paint} fill-opacity="0.45"${type === 'Map' ? ' stroke-dasharray="7 4"' : ''}/>`;
    default:
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="8" ${paint}/>`;
  }
}

function drawLines(
  lines: readonly TextLine[],
  x: number,
  top: number,
  anchor: 'start' | 'middle',
  colour: string,
  run?: { outcome: StateOutcome; retries: number },
  swatch?: Swatch,
): string {
  let y = top;
  const out: string[] = [];
  for (const line of lines) {
    const style = LINE_STYLE[line.role];
    const baseline = y + style.height / 2 + style.size * 0.35;
    if (line.role === 'badge') {
      const badgeColour =
        run && run.retries > 0 ? OUTCOME_COLOURS.retried.stroke : (swatch?.stroke ?? colour);
      const bw = textWidth(line.text, style.size, true) + 14;
      const bx = anchor === 'middle' ? x - bw / 2 : x;
      out.push(
        `<rect class="sfini-badge" x="${n(bx)}" y="${n(y + 3)}" width="${n(bw)}" height="${n(style.height - 5)}" rx="${n((style.height - 5) / 2)}" fill="#ffffff" stroke="${badgeColour}" stroke-width="1.2"/>`,
      );
      out.push(
        `<text x="${n(bx + bw / 2)}" y="${n(baseline)}" text-anchor="middle" font-size="${style.size}" font-weight="700" fill="${badgeColour}">${xmlText(line.text)}</text>`,
      );
    } else {
      const fill =
        line.role === 'caption' || line.role === 'detail'
          ? `fill="${colour}" fill-opacity="${line.role === 'caption' ? 0.62 : 0.8}"`
          : line.role === 'retry'
            ? `fill="${OUTCOME_COLOURS.retried.stroke}"`
            : `fill="${colour}"`;
      const spacing = line.role === 'caption' ? ' letter-spacing="0.8"' : '';
      out.push(
        `<text x="${n(x)}" y="${n(baseline)}" text-anchor="${anchor}" font-size="${style.size}" font-weight="${style.bold ? 700 : 400}" ${fill}${spacing}>${xmlText(line.text)}</text>`,
      );
    }
    y += style.height;
  }
  return out.join('');
}

function edgeStyle(
  edge: PlacedEdge,
  reading: HistoryReading | undefined,
): { stroke: string; width: number; marker: string; dash: string } {
  const isCatch = edge.edge.kind === 'catch';
  if (reading) {
    const taken = reading.takenEdges.has(edge.edge.id);
    if (taken)
      return {
        stroke: isCatch ? EDGE_COLOURS.catch : EDGE_COLOURS.taken,
        width: 2.6,
        marker: isCatch ? 'sfini-arrow-catch' : 'sfini-arrow-taken',
        dash: isCatch ? '7 4' : '',
      };
    return {
      stroke: EDGE_COLOURS.notTaken,
      width: 1.3,
      marker: 'sfini-arrow-faint',
      dash: isCatch ? '7 4' : '',
    };
  }
  if (isCatch) return { stroke: EDGE_COLOURS.catch, width: 1.6, marker: 'sfini-arrow-catch', dash: '7 4' };
  return { stroke: EDGE_COLOURS.normal, width: 1.5, marker: 'sfini-arrow', dash: '' };
}

function drawEdge(edge: PlacedEdge, at: (p: Point) => Point, reading: HistoryReading | undefined): string {
  const points = edge.points.map(at);
  const style = edgeStyle(edge, reading);
  const taken = reading?.takenEdges.has(edge.edge.id);
  return (
    `<path class="sfini-edge sfini-edge-${edge.edge.kind}" data-edge="${edge.edge.id}" data-from="${edge.edge.from}" data-to="${edge.edge.to}"` +
    (taken === undefined ? '' : ` data-taken="${taken}"`) +
    ` d="${roundedPath(points)}" fill="none" stroke="${style.stroke}" stroke-width="${style.width}"` +
    (style.dash ? ` stroke-dasharray="${style.dash}"` : '') +
    ` stroke-linejoin="round" marker-end="url(#${style.marker})"/>`
  );
}

/** An orthogonal polyline with its corners rounded. */
function roundedPath(points: readonly Point[]): string {
  const first = points[0];
  if (!first) return '';
  const parts = [`M${n(first.x)},${n(first.y)}`];
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    const next = points[i + 1];
    if (!next) {
      parts.push(`L${n(p.x)},${n(p.y)}`);
      break;
    }
    const prev = points[i - 1]!;
    const r = Math.min(8, dist(prev, p) / 2, dist(p, next) / 2);
    const a = toward(p, prev, r);
    const b = toward(p, next, r);
    parts.push(`L${n(a.x)},${n(a.y)}`, `Q${n(p.x)},${n(p.y)} ${n(b.x)},${n(b.y)}`);
  }
  return parts.join(' ');
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
function toward(from: Point, to: Point, by: number): Point {
  const d = dist(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * by) / d, y: from.y + ((to.y - from.y) * by) / d };
}

function drawEdgeLabel(
  edge: PlacedEdge,
  at: (p: Point) => Point,
  reading: HistoryReading | undefined,
): string {
  const label = edge.label!;
  const { x, y } = at(label);
  const isCatch = edge.edge.kind === 'catch';
  const faint = reading !== undefined && !reading.takenEdges.has(edge.edge.id);
  const colour = isCatch ? EDGE_COLOURS.catch : EDGE_COLOURS.label;
  const italic = edge.edge.kind === 'default' ? ' font-style="italic"' : '';
  return (
    `<g class="sfini-edge-label" data-edge="${edge.edge.id}"${faint ? ' opacity="0.55"' : ''}>` +
    `<title>${xmlText(label.fullText)}</title>` +
    `<rect x="${n(x)}" y="${n(y)}" width="${n(label.width)}" height="${n(label.height)}" rx="4" fill="#ffffff" stroke="${isCatch ? '#f1b0b0' : '#d5d9df'}"/>` +
    `<text x="${n(x + label.width / 2)}" y="${n(y + label.height / 2 + 4)}" text-anchor="middle" font-size="11" fill="${colour}"${italic}>${xmlText(label.text)}</text></g>`
  );
}

interface LegendEntry {
  readonly label: string;
  readonly kind: 'box' | 'line' | 'dashed' | 'thick';
  readonly swatch: Swatch;
}

interface LegendLayout {
  readonly items: readonly (LegendEntry & { x: number; y: number })[];
  readonly height: number;
}

function legendEntries(scene: Scene, reading: HistoryReading | undefined): LegendEntry[] {
  const entries: LegendEntry[] = [];
  if (reading) {
    for (const outcome of ['succeeded', 'retried', 'caught', 'failed', 'running', 'notReached'] as const) {
      entries.push({ label: OUTCOME_LABELS[outcome], kind: 'box', swatch: OUTCOME_COLOURS[outcome] });
    }
    entries.push({
      label: 'path taken',
      kind: 'thick',
      swatch: { fill: '', stroke: EDGE_COLOURS.taken, text: '' },
    });
  } else {
    const present = new Set(scene.nodes.flatMap((node) => (node.state ? [node.state.type] : [])));
    for (const type of ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const) {
      if (present.has(type)) entries.push({ label: type, kind: 'box', swatch: TYPE_COLOURS[type] });
    }
    entries.push({
      label: 'transition',
      kind: 'line',
      swatch: { fill: '', stroke: EDGE_COLOURS.normal, text: '' },
    });
  }
  if (scene.edges.some((e) => e.edge.kind === 'catch')) {
    entries.push({
      label: 'catch',
      kind: 'dashed',
      swatch: { fill: '', stroke: EDGE_COLOURS.catch, text: '' },
    });
  }
  return entries;
}

function layoutLegend(entries: readonly LegendEntry[], maxWidth: number): LegendLayout {
  if (entries.length === 0) return { items: [], height: 0 };
  const rowHeight = 22;
  let x = textWidth('Legend', 12, true) + 16;
  let y = 0;
  const items: (LegendEntry & { x: number; y: number })[] = [];
  for (const entry of entries) {
    const w = (entry.kind === 'box' ? 22 : 34) + textWidth(entry.label, 12) + 20;
    if (x + w > maxWidth && items.length > 0) {
      x = textWidth('Legend', 12, true) + 16;
      y += rowHeight;
    }
    items.push({ ...entry, x, y });
    x += w;
  }
  return { items, height: y + rowHeight };
}

function drawLegend(legend: LegendLayout, left: number, top: number): string {
  const out = [
    `<g class="sfini-legend">`,
    `<text x="${n(left)}" y="${n(top + 15)}" font-size="12" font-weight="700" fill="#374151">Legend</text>`,
  ];
  for (const item of legend.items) {
    const x = left + item.x;
    const y = top + item.y;
    if (item.kind === 'box') {
      out.push(
        `<rect x="${n(x)}" y="${n(y + 3)}" width="16" height="16" rx="4" fill="${item.swatch.fill}" stroke="${item.swatch.stroke}" stroke-width="1.4"/>`,
        `<text x="${n(x + 22)}" y="${n(y + 15)}" font-size="12" fill="#374151">${xmlText(item.label)}</text>`,
      );
    } else {
      const dash = item.kind === 'dashed' ? ' stroke-dasharray="7 4"' : '';
      const width = item.kind === 'thick' ? 2.6 : 1.6;
      out.push(
        `<line x1="${n(x)}" y1="${n(y + 11)}" x2="${n(x + 28)}" y2="${n(y + 11)}" stroke="${item.swatch.stroke}" stroke-width="${width}"${dash}/>`,
        `<text x="${n(x + 34)}" y="${n(y + 15)}" font-size="12" fill="#374151">${xmlText(item.label)}</text>`,
      );
    }
  }
  out.push('</g>');
  return out.join('');
}
