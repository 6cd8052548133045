// Writes a laid-out scene as one standalone SVG document: no scripts, no external fonts or
// stylesheets, so it opens the same in a browser, an editor or a README. This file assembles
// the document and draws the states; edges (svg-edges.ts) and the legend (svg-legend.ts) are
// drawn apart, each with its own styling rules. Every state's group carries data attributes
// (id, name, type, outcome, box) so tools and tests can read the picture back without
// re-running the layout. All text passes through `xmlText` (svg-markup.ts), since state names
// come from untrusted definitions.
import type { AslStateType } from '../asl/types.js';
import type { HistoryReading, StateOutcome } from './history.js';
import type { ExecutionStatus } from './history-events.js';
import { LINE_STYLE, type PlacedNode, type Point, type Scene, type TextLine } from './layout.js';
import { OUTCOME_COLOURS, OUTCOME_LABELS, type Swatch, TYPE_COLOURS } from './palette.js';
import { drawEdge, drawEdgeLabel, edgeMarkerDefs } from './svg-edges.js';
import { drawLegend, layoutLegend, legendEntries } from './svg-legend.js';
import { px, xmlText } from './svg-markup.js';
import { textWidth } from './text-metrics.js';

const MARGIN = 28;
const FONT = "Helvetica, Arial, 'Liberation Sans', sans-serif";
const LEGEND_GAP = 28;

/** What the document shows besides the scene. */
export interface SvgWriteOptions {
  readonly title: string | undefined;
  readonly reading: HistoryReading | undefined;
  readonly legend: boolean;
}

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
  out.push(edgeMarkerDefs());
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  let y = MARGIN;
  for (const line of header) {
    y += line.size;
    out.push(
      `<text x="${MARGIN}" y="${px(y)}" font-size="${line.size}" font-weight="${line.bold ? 700 : 400}" fill="${line.colour}">${xmlText(line.text)}</text>`,
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

function swatchOf(node: PlacedNode, reading: HistoryReading | undefined): Swatch {
  const type = node.state?.type;
  if (reading && node.state)
    return OUTCOME_COLOURS[reading.states.get(node.state.name)?.outcome ?? 'notReached'];
  return type ? TYPE_COLOURS[type] : TYPE_COLOURS.Parallel;
}

function drawNode(node: PlacedNode, at: (p: Point) => Point, reading: HistoryReading | undefined): string {
  const { x, y } = at(node);
  const { width: w, height: h } = node;
  const box = `data-x="${px(x)}" data-y="${px(y)}" data-width="${px(w)}" data-height="${px(h)}"`;
  const parent = node.parentId ? ` data-parent="${node.parentId}"` : '';
  if (node.kind === 'start') {
    const r = w / 2;
    return `<g class="sfini-marker sfini-start" data-id="${node.id}"${parent} ${box}><circle cx="${px(x + r)}" cy="${px(y + r)}" r="${px(r)}" fill="#1f2937"/></g>`;
  }
  if (node.kind === 'end') {
    const r = w / 2;
    return (
      `<g class="sfini-marker sfini-end" data-id="${node.id}"${parent} ${box}>` +
      `<circle cx="${px(x + r)}" cy="${px(y + r)}" r="${px(r - 1)}" fill="#ffffff" stroke="#1f2937" stroke-width="2"/>` +
      `<circle cx="${px(x + r)}" cy="${px(y + r)}" r="${px(r - 6)}" fill="#1f2937"/></g>`
    );
  }
  if (node.kind === 'branch') {
    return (
      `<g class="sfini-branch" data-id="${node.id}"${parent} ${box}>` +
      `<rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" rx="6" fill="#ffffff" fill-opacity="0.7" stroke="#b5bcc7" stroke-dasharray="3 3"/>` +
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

function shape(type: AslStateType, node: PlacedNode, x: number, y: number, s: Swatch): string {
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
      return `<polygon points="${pts.map(([cx, cy]) => `${px(cx!)},${px(cy!)}`).join(' ')}" ${paint}/>`;
    }
    case 'Succeed':
    case 'Fail':
      return `<rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" rx="${px(Math.min(h / 2, 22))}" ${paint}/>`;
    case 'Pass':
      return `<rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" rx="2" ${paint}/>`;
    case 'Parallel':
    case 'Map':
      // A container's fill is a wash, so the states inside keep their own colours readable.
      return `<rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" rx="10" ${paint} fill-opacity="0.45"${type === 'Map' ? ' stroke-dasharray="7 4"' : ''}/>`;
    default:
      return `<rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" rx="8" ${paint}/>`;
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
        `<rect class="sfini-badge" x="${px(bx)}" y="${px(y + 3)}" width="${px(bw)}" height="${px(style.height - 5)}" rx="${px((style.height - 5) / 2)}" fill="#ffffff" stroke="${badgeColour}" stroke-width="1.2"/>`,
      );
      out.push(
        `<text x="${px(bx + bw / 2)}" y="${px(baseline)}" text-anchor="middle" font-size="${style.size}" font-weight="700" fill="${badgeColour}">${xmlText(line.text)}</text>`,
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
        `<text x="${px(x)}" y="${px(baseline)}" text-anchor="${anchor}" font-size="${style.size}" font-weight="${style.bold ? 700 : 400}" ${fill}${spacing}>${xmlText(line.text)}</text>`,
      );
    }
    y += style.height;
  }
  return out.join('');
}
