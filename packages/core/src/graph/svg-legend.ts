// The legend under a picture: without a history, the state types present and the edge styles;
// with one, every outcome and the path taken. Entries flow left to right and wrap to the
// picture's width, so the legend never makes a narrow machine's picture wider than it must be.
import type { HistoryReading } from './history.js';
import type { Scene } from './layout.js';
import { EDGE_COLOURS, OUTCOME_COLOURS, OUTCOME_LABELS, type Swatch, TYPE_COLOURS } from './palette.js';
import { px, xmlText } from './svg-markup.js';
import { textWidth } from './text-metrics.js';

interface LegendEntry {
  readonly label: string;
  readonly kind: 'box' | 'line' | 'dashed' | 'thick';
  readonly swatch: Swatch;
}

export interface LegendLayout {
  readonly items: readonly (LegendEntry & { x: number; y: number })[];
  readonly height: number;
}

/** What the legend lists for this picture, in order. */
export function legendEntries(scene: Scene, reading: HistoryReading | undefined): LegendEntry[] {
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

/** Places the entries in rows no wider than `maxWidth`. */
export function layoutLegend(entries: readonly LegendEntry[], maxWidth: number): LegendLayout {
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

/** Draws a laid-out legend with its top-left corner at (`left`, `top`). */
export function drawLegend(legend: LegendLayout, left: number, top: number): string {
  const out = [
    `<g class="sfini-legend">`,
    `<text x="${px(left)}" y="${px(top + 15)}" font-size="12" font-weight="700" fill="#374151">Legend</text>`,
  ];
  for (const item of legend.items) {
    const x = left + item.x;
    const y = top + item.y;
    if (item.kind === 'box') {
      out.push(
        `<rect x="${px(x)}" y="${px(y + 3)}" width="16" height="16" rx="4" fill="${item.swatch.fill}" stroke="${item.swatch.stroke}" stroke-width="1.4"/>`,
        `<text x="${px(x + 22)}" y="${px(y + 15)}" font-size="12" fill="#374151">${xmlText(item.label)}</text>`,
      );
    } else {
      const dash = item.kind === 'dashed' ? ' stroke-dasharray="7 4"' : '';
      const width = item.kind === 'thick' ? 2.6 : 1.6;
      out.push(
        `<line x1="${px(x)}" y1="${px(y + 11)}" x2="${px(x + 28)}" y2="${px(y + 11)}" stroke="${item.swatch.stroke}" stroke-width="${width}"${dash}/>`,
        `<text x="${px(x + 34)}" y="${px(y + 15)}" font-size="12" fill="#374151">${xmlText(item.label)}</text>`,
      );
    }
  }
  out.push('</g>');
  return out.join('');
}
