// The pictures are for people, so they are checked where people see them: in a real browser.
// Debian's chromium, driven by playwright-core, opens a generated SVG as a standalone document
// and screenshots it; text is measured by the browser's own fonts to prove boxes fit their
// text; and every Mermaid flowchart is rendered by Mermaid itself. Without /usr/bin/chromium
// (see .ci/system-deps) the checks are skipped, and the skipped test says why.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorHandlingHistory, parallelInMapHistory } from './histories.test-support.js';
import { OUTCOME_COLOURS, toMermaid, toSvg } from './index.js';
import {
  collectStates,
  errorHandling,
  largeMachine,
  parallelInMap,
  seedExamples,
} from './machines.test-support.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const outDir = process.env.SFINI_SCREENSHOT_DIR ?? join(tmpdir(), 'sfini-graph-screenshots');

/** The few browser globals the page scripts use (this project compiles without the DOM lib). */
interface BrowserElement {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<BrowserElement>;
  getBBox(): { x: number; width: number };
  textContent: string | null;
  innerHTML: string;
}
interface BrowserGlobals {
  document: {
    querySelectorAll(selector: string): ArrayLike<BrowserElement>;
    createElement(tag: string): BrowserElement;
  };
  getComputedStyle(element: BrowserElement): { fontFamily: string };
  mermaid: { initialize(options: object): void; render(id: string, text: string): Promise<{ svg: string }> };
}

const hex = (colour: string) => [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));

if (!hasChromium) {
  test.skip(`browser checks skipped: ${CHROMIUM} not found (install Debian chromium, see .ci/system-deps)`, () => {});
}

describe.runIf(hasChromium)('pictures in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    mkdirSync(outDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the coloured error-handling SVG renders as a standalone document', async () => {
    const svg = await toSvg(errorHandling, { title: 'myStateMachine', history: errorHandlingHistory });
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const file = join(outDir, 'error-handling.svg');
    writeFileSync(file, svg);
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    try {
      await page.goto(pathToFileURL(file).href);
      const shot = await page.screenshot({ path: join(outDir, 'error-handling.png') });
      const png = PNG.sync.read(shot);
      expect([png.width, png.height]).toEqual([width, height]);
      const counts = new Map<string, number>();
      let inked = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
        if (r < 245 || g < 245 || b < 245) inked++;
        const key = `${r},${g},${b}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      expect(inked / (png.width * png.height)).toBeGreaterThan(0.08);
      // The caught task and the failed Fail state are filled with their outcome colours.
      for (const colour of [OUTCOME_COLOURS.caught.fill, OUTCOME_COLOURS.failed.fill]) {
        expect(counts.get(hex(colour).join(',')) ?? 0, colour).toBeGreaterThan(2000);
      }
      console.log(`screenshot: ${join(outDir, 'error-handling.png')} (${png.width}x${png.height})`);
    } finally {
      await page.close();
    }
  });

  test('every text line fits inside its box, measured with the browser fonts', async () => {
    const machines = { ...seedExamples, parallelInMap, large: largeMachine(12) };
    const page = await browser.newPage();
    try {
      for (const [name, machine] of Object.entries(machines)) {
        const history = name === 'parallelInMap' ? parallelInMapHistory() : undefined;
        await page.setContent(
          `<!doctype html><body style="margin:0">${await toSvg(machine, { history })}</body>`,
        );
        const misfits = await page.evaluate(() => {
          const { document } = globalThis as unknown as BrowserGlobals;
          return Array.from(document.querySelectorAll('g.sfini-state')).flatMap((g) => {
            const left = Number(g.getAttribute('data-x'));
            const right = left + Number(g.getAttribute('data-width'));
            return Array.from(g.querySelectorAll('text')).flatMap((t) => {
              const b = t.getBBox();
              return b.x >= left && b.x + b.width <= right
                ? []
                : [`${g.getAttribute('data-name')}: "${t.textContent}" spans ${b.x}..${b.x + b.width}`];
            });
          });
        });
        expect(misfits, name).toEqual([]);
        const families = await page.evaluate(() => {
          const { document, getComputedStyle } = globalThis as unknown as BrowserGlobals;
          return getComputedStyle(document.querySelectorAll('text')[0]!).fontFamily;
        });
        expect(families).toContain('Liberation Sans');
      }
    } finally {
      await page.close();
    }
  });

  test('Mermaid renders every flowchart, naming every state', async () => {
    const require = createRequire(import.meta.url);
    const page = await browser.newPage();
    try {
      await page.setContent('<!doctype html><body></body>');
      await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
      await page.evaluate(() => {
        (globalThis as unknown as BrowserGlobals).mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
        });
      });
      const cases: [string, string, string[]][] = [
        ...Object.entries({ ...seedExamples, parallelInMap }).map(
          ([name, m]) => [name, toMermaid(m), collectStates(m)] as [string, string, string[]],
        ),
        [
          'errorHandling+history',
          toMermaid(errorHandling, { history: errorHandlingHistory }),
          ['raise', 'fail'],
        ],
        [
          'parallelInMap+history',
          toMermaid(parallelInMap, { history: parallelInMapHistory() }),
          collectStates(parallelInMap),
        ],
        [
          'awkward names',
          toMermaid({ StartAt: 'a "b" <c> #d', States: { 'a "b" <c> #d': { Type: 'Succeed' } } }),
          ['a "b" <c> #d'],
        ],
      ];
      for (const [name, text, states] of cases) {
        const rendered = await page.evaluate(
          async ([id, source]) => {
            const { mermaid, document } = globalThis as unknown as BrowserGlobals;
            try {
              const { svg } = await mermaid.render(id, source);
              const holder = document.createElement('div');
              holder.innerHTML = svg;
              return { text: holder.textContent ?? '', error: undefined };
            } catch (error) {
              return { text: '', error: String(error) };
            }
          },
          [`m${Math.random().toString(36).slice(2)}`, text] as const,
        );
        expect(rendered.error, `${name}\n${text}`).toBeUndefined();
        for (const state of states) expect(rendered.text, `${name}: ${state}`).toContain(state);
      }
    } finally {
      await page.close();
    }
  });
});
