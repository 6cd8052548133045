// Proves toSvg draws a well-formed, deterministic SVG that can be read back: parsed with an XML
// parser, its state boxes and edge labels are checked by geometry to be placed without overlaps,
// outcomes colour the states, any state name survives as text, and the layout engine is only ever
// loaded lazily by the graph entry point.
import { readdirSync, readFileSync } from 'node:fs';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, test } from 'vitest';
import type { StateMachineLike } from '../machine-like.js';
import { errorHandlingHistory, parallelInMapHistory } from './histories.test-support.js';
import { GraphInputError, OUTCOME_COLOURS, toSvg } from './index.js';
import {
  collectStates,
  errorHandling,
  largeMachine,
  parallelInMap,
  seedExamples,
} from './machines.test-support.js';

interface Box {
  id: string;
  parent: string | undefined;
  name: string | undefined;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Parses `svg` strictly; any XML error or warning fails. */
function parseSvg(svg: string) {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => problems.push(`${level}: ${message}`),
  }).parseFromString(svg, 'image/svg+xml');
  expect(problems).toEqual([]);
  const root = doc.documentElement!;
  expect(root.tagName).toBe('svg');
  expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
  return root;
}

const elements = (root: Element, tag: string) => Array.from(root.getElementsByTagName(tag));

function boxes(root: Element): Box[] {
  return elements(root, 'g')
    .filter((g) => g.hasAttribute('data-x'))
    .map((g) => ({
      id: g.getAttribute('data-id')!,
      parent: g.getAttribute('data-parent') ?? undefined,
      name: g.getAttribute('data-name') ?? undefined,
      x: Number(g.getAttribute('data-x')),
      y: Number(g.getAttribute('data-y')),
      width: Number(g.getAttribute('data-width')),
      height: Number(g.getAttribute('data-height')),
    }));
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** Checks the layout's geometry: nested boxes inside their parents, no other two boxes touching. */
function checkGeometry(root: Element): Box[] {
  const all = boxes(root);
  const byId = new Map(all.map((b) => [b.id, b]));
  const ancestors = (box: Box) => {
    const out = new Set<string>();
    for (let p = box.parent; p; p = byId.get(p)?.parent) out.add(p);
    return out;
  };
  for (const box of all) {
    expect(box.width, box.id).toBeGreaterThan(0);
    expect(box.height, box.id).toBeGreaterThan(0);
    if (box.parent) {
      const parent = byId.get(box.parent);
      expect(parent, `parent of ${box.id}`).toBeDefined();
      expect(contains(parent!, box), `${box.id} inside ${box.parent}`).toBe(true);
    }
  }
  const clashes: string[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (ancestors(a).has(b.id) || ancestors(b).has(a.id)) continue;
      if (overlaps(a, b)) clashes.push(`${a.name ?? a.id} / ${b.name ?? b.id}`);
    }
  }
  expect(clashes).toEqual([]);
  const width = Number(root.getAttribute('width'));
  const height = Number(root.getAttribute('height'));
  for (const box of all)
    expect(box.x + box.width <= width && box.y + box.height <= height, box.id).toBe(true);
  return all;
}

const machines = { ...seedExamples, parallelInMap, large: largeMachine() };

describe('toSvg', () => {
  test.each(Object.entries(machines))(
    '%s: well-formed, names every state, no two boxes overlap',
    async (_, machine) => {
      const root = parseSvg(await toSvg(machine));
      const all = checkGeometry(root);
      const names = all.flatMap((b) => (b.name === undefined ? [] : [b.name]));
      expect(names.sort()).toEqual(collectStates(machine).sort());
      const texts = elements(root, 'text').map((t) => t.textContent);
      for (const name of names) expect(texts).toContain(name);
    },
  );

  test('the large machine has over 50 states', () => {
    expect(collectStates(largeMachine()).length).toBeGreaterThanOrEqual(50);
  });

  test('edge labels carry Choice rules and caught errors, clear of every state box', async () => {
    const root = parseSvg(await toSvg(parallelInMap));
    const labels = elements(root, 'g').filter((g) => g.getAttribute('class') === 'sfini-edge-label');
    expect(labels.map((g) => elements(g, 'text')[0]!.textContent)).toEqual(
      expect.arrayContaining(['$.stock is present and $.stock > $.quantity', 'Default', 'catch States.ALL']),
    );
    const states = boxes(root).filter(
      (b) => b.name !== undefined && !['eachOrder', 'checkAndPrice'].includes(b.name),
    );
    for (const label of labels) {
      const rect = elements(label, 'rect')[0]!;
      const box: Box = {
        id: 'label',
        parent: undefined,
        name: undefined,
        x: Number(rect.getAttribute('x')),
        y: Number(rect.getAttribute('y')),
        width: Number(rect.getAttribute('width')),
        height: Number(rect.getAttribute('height')),
      };
      for (const state of states) expect(overlaps(box, state), `label over ${state.name}`).toBe(false);
    }
    const paths = elements(root, 'path').filter((p) => p.getAttribute('class')?.startsWith('sfini-edge'));
    expect(paths.filter((p) => p.getAttribute('class') === 'sfini-edge sfini-edge-catch')).toHaveLength(1);
    expect(paths.every((p) => /^M[\d.-]+,[\d.-]+( [LQ][\d., -]+)+$/.test(p.getAttribute('d')!))).toBe(true);
  });

  test('the coloured error-handling example marks the retried task and the Fail state', async () => {
    const root = parseSvg(await toSvg(errorHandling, { history: errorHandlingHistory }));
    const state = (name: string) => elements(root, 'g').find((g) => g.getAttribute('data-name') === name)!;
    const raise = state('raise');
    expect(raise.getAttribute('data-outcome')).toBe('caught');
    expect(raise.getAttribute('data-retries')).toBe('1');
    expect(elements(raise, 'rect')[0]!.getAttribute('fill')).toBe(OUTCOME_COLOURS.caught.fill);
    const badge = elements(raise, 'text').map((t) => t.textContent);
    expect(badge).toContain('↻ 1 retry · caught: MyError');
    expect(
      elements(raise, 'rect').some((r) => r.getAttribute('stroke') === OUTCOME_COLOURS.retried.stroke),
    ).toBe(true);
    const fail = state('fail');
    expect(fail.getAttribute('data-outcome')).toBe('failed');
    expect(elements(fail, 'rect')[0]!.getAttribute('fill')).toBe(OUTCOME_COLOURS.failed.fill);
    const texts = elements(root, 'text').map((t) => t.textContent);
    expect(texts).toEqual(
      expect.arrayContaining(['execution failed', 'Legend', 'failed, caught', 'not reached', 'path taken']),
    );
    const taken = elements(root, 'path').filter((p) => p.getAttribute('data-taken') === 'true');
    expect(taken.map((p) => p.getAttribute('class'))).toEqual([
      'sfini-edge sfini-edge-start',
      'sfini-edge sfini-edge-catch',
      'sfini-edge sfini-edge-end',
    ]);
  });

  test('Map iterations are summed up with counts and the worst outcome', async () => {
    const root = parseSvg(await toSvg(parallelInMap, { history: parallelInMapHistory() }));
    checkGeometry(root);
    const price = elements(root, 'g').find((g) => g.getAttribute('data-name') === 'price')!;
    expect(price.getAttribute('data-outcome')).toBe('failed');
    expect(price.getAttribute('data-visits')).toBe('3');
    expect(elements(price, 'text').map((t) => t.textContent)).toContain('2 succeeded, 1 failed');
    const summarize = elements(root, 'g').find((g) => g.getAttribute('data-name') === 'summarize')!;
    expect(summarize.getAttribute('data-outcome')).toBe('notReached');
  });

  test('any state name makes well-formed XML and reads back unchanged', async () => {
    const nasty = `<script>alert("x")</script> & 'quotes' ]]> \u0001 ${'long name '.repeat(6)}`;
    const root = parseSvg(await toSvg({ StartAt: nasty, States: { [nasty]: { Type: 'Pass', End: true } } }));
    const names = boxes(root).flatMap((b) => (b.name ? [b.name] : []));
    expect(names).toEqual([nasty.replace('\u0001', '\u2401')]);
    expect(elements(root, 'script')).toHaveLength(0);
  });

  test('a DSL machine is drawn from its definition, titled with its name', async () => {
    const machine: StateMachineLike = {
      kind: 'sfini.stateMachine',
      name: 'myStateMachine',
      inputSchema: undefined,
      activities: [],
      toDefinition: () => seedExamples.cli,
    };
    const root = parseSvg(await toSvg(machine));
    expect(elements(root, 'title')[0]!.textContent).toBe('myStateMachine');
    const untitled = parseSvg(await toSvg(machine, { title: false, legend: false }));
    expect(elements(untitled, 'text').map((t) => t.textContent)).not.toContain('myStateMachine');
    expect(elements(untitled, 'text').map((t) => t.textContent)).not.toContain('Legend');
  });

  test('ASL as JSON text is accepted; bad JSON and bad definitions are refused', async () => {
    const root = parseSvg(await toSvg(JSON.stringify(seedExamples.fileProcessing)));
    expect(boxes(root).flatMap((b) => (b.name ? [b.name] : []))).toEqual(['resizeImages', 'getCentre']);
    const getCentre = elements(root, 'g').find((g) => g.getAttribute('data-name') === 'getCentre')!;
    expect(elements(getCentre, 'title')[0]!.textContent).toContain('get pixel values of centres of images');
    await expect(toSvg('{not json')).rejects.toThrow(GraphInputError);
    await expect(toSvg({ StartAt: 'x', States: {} })).rejects.toThrow(/\$\.StartAt: names no state/);
  });

  test('left to right: the flow runs along x, still without overlaps', async () => {
    const root = parseSvg(await toSvg(parallelInMap, { direction: 'LR' }));
    const all = checkGeometry(root);
    const box = (name: string) => all.find((b) => b.name === name)!;
    expect(box('prepare').x + box('prepare').width).toBeLessThan(box('eachOrder').x);
    expect(box('eachOrder').x + box('eachOrder').width).toBeLessThan(box('summarize').x);
    expect(Number(root.getAttribute('width'))).toBeGreaterThan(Number(root.getAttribute('height')));
  });

  test('layout is deterministic', async () => {
    expect(await toSvg(parallelInMap)).toBe(await toSvg(parallelInMap));
  });
});

describe('packaging', () => {
  test('elkjs is only loaded lazily, by the graph layout', () => {
    const src = new URL('..', import.meta.url);
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.includes('.test') && !f.includes('.test-support'),
    );
    const users = files.filter((f) => readFileSync(new URL(f, src), 'utf8').includes('elkjs'));
    expect(users).toEqual(['graph/layout.ts']);
    const layout = readFileSync(new URL('graph/layout.ts', src), 'utf8');
    const staticImports = layout.match(/^import .*elkjs.*$/gm) ?? [];
    expect(staticImports.every((line) => line.startsWith('import type '))).toBe(true);
    expect(layout).toContain("import('elkjs/lib/elk.bundled.js')");
    expect(readFileSync(new URL('index.ts', src), 'utf8')).not.toMatch(/from '\.\/graph/);
  });

  test('the package exports the graph entry, types first', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(Object.keys(pkg.exports['./graph'])).toEqual(['types', 'default']);
    expect(pkg.exports['./graph'].default).toBe('./dist/graph/index.js');
  });
});
