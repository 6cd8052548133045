// Transitions in the SVG: rounded orthogonal paths, their arrowheads and their labels. How an
// edge looks depends on its kind (catches are dashed red) and, with a history, on whether the
// execution took it (thick) or not (faint), so the style is decided in one place and the
// arrowhead markers defined once in <defs> are named by that decision.
import type { HistoryReading } from './history.js';
import type { PlacedEdge, Point } from './layout.js';
import { EDGE_COLOURS } from './palette.js';
import { px, xmlText } from './svg-markup.js';

/** The <defs> block: one arrowhead marker per edge style. */
export function edgeMarkerDefs(): string {
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

/** A transition's path, with its kind, ends and (with a history) whether it was taken. */
export function drawEdge(
  edge: PlacedEdge,
  at: (p: Point) => Point,
  reading: HistoryReading | undefined,
): string {
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
  const parts = [`M${px(first.x)},${px(first.y)}`];
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    const next = points[i + 1];
    if (!next) {
      parts.push(`L${px(p.x)},${px(p.y)}`);
      break;
    }
    const prev = points[i - 1]!;
    const r = Math.min(8, dist(prev, p) / 2, dist(p, next) / 2);
    const a = toward(p, prev, r);
    const b = toward(p, next, r);
    parts.push(`L${px(a.x)},${px(a.y)}`, `Q${px(p.x)},${px(p.y)} ${px(b.x)},${px(b.y)}`);
  }
  return parts.join(' ');
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
function toward(from: Point, to: Point, by: number): Point {
  const d = dist(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * by) / d, y: from.y + ((to.y - from.y) * by) / d };
}

/** A transition's label (Choice rule, Default, caught errors) in a box, its full text as a tooltip. */
export function drawEdgeLabel(
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
    `<rect x="${px(x)}" y="${px(y)}" width="${px(label.width)}" height="${px(label.height)}" rx="4" fill="#ffffff" stroke="${isCatch ? '#f1b0b0' : '#d5d9df'}"/>` +
    `<text x="${px(x + label.width / 2)}" y="${px(y + label.height / 2 + 4)}" text-anchor="middle" font-size="11" fill="${colour}"${italic}>${xmlText(label.text)}</text></g>`
  );
}
