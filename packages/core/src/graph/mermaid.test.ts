// Proves toMermaid's flowchart says what the machine is, by reading the text back with a small
// parser of the syntax it writes: shapes by state type, rules and caught errors on edges, Retry
// self-loops, branches and iterators as subgraphs, any state name escaped and read back
// unchanged, and with a history, classes by outcome and the path taken. (browser.test.ts has
// Mermaid itself render it.)
import { describe, expect, test } from 'vitest';
import { errorHandlingHistory, parallelInMapHistory } from './histories.test-support.js';
import { toMermaid } from './index.js';
import { collectStates, largeMachine, parallelInMap, seedExamples } from './machines.test-support.js';
import { mermaidText } from './mermaid.js';

/** Undoes Mermaid's `#code;` entities. */
const decode = (text: string) => text.replace(/#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)));

interface Parsed {
  nodes: Map<string, { label: string; shape: string; parents: string[] }>;
  subgraphs: Map<string, { label: string; parents: string[] }>;
  edges: { from: string; arrow: string; label: string | undefined; to: string }[];
  classes: Map<string, string[]>;
}

/** Reads back the subset of Mermaid flowchart syntax the writer uses. */
function parse(text: string): Parsed {
  const parsed: Parsed = { nodes: new Map(), subgraphs: new Map(), edges: [], classes: new Map() };
  const stack: string[] = [];
  const rules: [RegExp, (m: string[]) => void][] = [
    [
      /^subgraph (\w+)\["(.*)"\]$/,
      ([, id, label]) => {
        parsed.subgraphs.set(id!, { label: decode(label!), parents: [...stack] });
        stack.push(id!);
      },
    ],
    [/^end$/, () => stack.pop()],
    [
      /^(\w+) (-->|==>|-\.->)(?:\|"(.*)"\|)? (\w+)$/,
      ([, from, arrow, label, to]) => {
        parsed.edges.push({
          from: from!,
          arrow: arrow!,
          label: label === undefined ? undefined : decode(label),
          to: to!,
        });
      },
    ],
    [
      /^class ([\w,]+) (\w+)$/,
      ([, ids, cls]) => {
        for (const id of ids!.split(',')) parsed.classes.set(id, [...(parsed.classes.get(id) ?? []), cls!]);
      },
    ],
    [
      /^(\w+)(\(\(\(|\(\(|\[\[|\(\[|\[\/|\[|\(|\{)"(.*)"(\)\)\)|\)\)|\]\]|\]\)|\/\]|\]|\)|\})$/,
      ([, id, open, label, close]) => {
        parsed.nodes.set(id!, { label: decode(label!), shape: `${open}${close}`, parents: [...stack] });
      },
    ],
  ];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    for (const [pattern, handle] of rules) {
      const match = pattern.exec(line);
      if (match) {
        handle([...match]);
        break;
      }
    }
  }
  expect(stack).toEqual([]);
  return parsed;
}

const idOf = (parsed: Parsed, name: string) => {
  for (const [id, node] of parsed.nodes) if (node.label.split('<br/>')[0] === name) return id;
  for (const [id, sub] of parsed.subgraphs) if (sub.label.startsWith(`${name} (`)) return id;
  throw new Error(`no node for ${name}`);
};

describe('toMermaid', () => {
  test.each(Object.entries({ ...seedExamples, parallelInMap, large: largeMachine(20) }))(
    '%s: every state is a node or subgraph, every transition an edge',
    (_, machine) => {
      const text = toMermaid(machine);
      expect(text.split('\n')).toContain('flowchart TB');
      const parsed = parse(text);
      const states = collectStates(machine);
      for (const name of states) idOf(parsed, name);
      const known = new Set([...parsed.nodes.keys(), ...parsed.subgraphs.keys()]);
      for (const edge of parsed.edges) {
        expect(known.has(edge.from)).toBe(true);
        expect(known.has(edge.to)).toBe(true);
      }
    },
  );

  test('looping: shapes by type, the Choice rule and Default on their edges, start and end markers', () => {
    const parsed = parse(toMermaid(seedExamples.looping));
    const shape = (name: string) => parsed.nodes.get(idOf(parsed, name))!.shape;
    expect(shape('initialise')).toBe('()');
    expect(shape('increment')).toBe('[]');
    expect(shape('checkCounter')).toBe('{}');
    expect(shape('end')).toBe('([])');
    const choice = idOf(parsed, 'checkCounter');
    expect(parsed.edges.filter((e) => e.from === choice).map((e) => [e.label, e.to])).toEqual([
      ['$.counter < 10', idOf(parsed, 'increment')],
      ['Default', idOf(parsed, 'end')],
    ]);
    const start = parsed.edges.find((e) => e.to === idOf(parsed, 'initialise') && e.from.endsWith('_start'));
    expect(parsed.nodes.get(start!.from)?.shape).toBe('(())');
    const end = parsed.edges.find((e) => e.from === idOf(parsed, 'end'))!;
    expect(parsed.nodes.get(end.to)?.shape).toBe('((()))');
  });

  test('error handling: the Catch edge names its error, Retry is a dotted self-loop', () => {
    const parsed = parse(toMermaid(seedExamples.errorHandling));
    const raise = idOf(parsed, 'raise');
    expect(parsed.edges).toContainEqual({
      from: raise,
      arrow: '-.->',
      label: 'catch MyError',
      to: idOf(parsed, 'fail'),
    });
    expect(parsed.edges).toContainEqual({
      from: raise,
      arrow: '-.->',
      label: '↻ retry States.Timeout · max 3 · interval 3 s',
      to: raise,
    });
  });

  test('Parallel branches and the Map iterator are nested subgraphs', () => {
    const parsed = parse(toMermaid(parallelInMap));
    const map = idOf(parsed, 'eachOrder');
    const par = idOf(parsed, 'checkAndPrice');
    expect(parsed.subgraphs.get(map)).toEqual({ label: 'eachOrder (Map)', parents: [] });
    expect(parsed.subgraphs.get(par)).toEqual({ label: 'checkAndPrice (Parallel)', parents: [map] });
    const branches = [...parsed.subgraphs]
      .filter(([, s]) => s.parents.at(-1) === par)
      .map(([id, s]) => [id, s.label]);
    expect(branches.map(([, label]) => label)).toEqual(['Branch 1', 'Branch 2']);
    expect(parsed.nodes.get(idOf(parsed, 'check'))!.parents).toEqual([map, par, branches[0]![0]]);
    expect(parsed.nodes.get(idOf(parsed, 'price'))!.parents).toEqual([map, par, branches[1]![0]]);
    expect(parsed.nodes.get(idOf(parsed, 'store'))!.parents).toEqual([map]);
    const rule = parsed.edges.find(
      (e) => e.from === idOf(parsed, 'inStock') && e.to === idOf(parsed, 'reserve'),
    );
    expect(rule?.label).toBe('$.stock is present and $.stock > $.quantity');
    // The Map subgraph itself has edges in and out, like any state.
    expect(parsed.edges.some((e) => e.from === idOf(parsed, 'prepare') && e.to === map)).toBe(true);
    expect(parsed.edges.some((e) => e.from === map && e.label === 'catch States.ALL')).toBe(true);
  });

  test('any state name is escaped and survives the round trip', () => {
    const nasty = 'a "quoted" <b>&amp; #1 [x] {y} (z) |pipe| `tick` ; 50% end\nline';
    const text = toMermaid({ StartAt: nasty, States: { [nasty]: { Type: 'Succeed' } } });
    const parsed = parse(text);
    const node = [...parsed.nodes.values()].find((n) => n.shape === '([])')!;
    expect(node.label).toBe(nasty.replace('\n', ' '));
    const line = text.split('\n').find((l) => l.includes('(["'))!;
    expect(line.slice(line.indexOf('(["') + 3, line.lastIndexOf('"])'))).not.toMatch(/["<>[\]{}()|`]/);
    expect(mermaidText('#')).toBe('#35;');
  });

  test('with a history: classes by outcome, the path taken drawn thick, a legend', () => {
    const text = toMermaid(seedExamples.errorHandling, { history: errorHandlingHistory });
    const parsed = parse(text);
    expect(parsed.classes.get(idOf(parsed, 'raise'))).toEqual(['caught']);
    expect(parsed.classes.get(idOf(parsed, 'fail'))).toEqual(['failed']);
    expect(parsed.nodes.get(idOf(parsed, 'raise'))!.label).toBe(
      'raise<br/><small>↻ 1 retry · caught: MyError</small>',
    );
    expect(text).toMatch(/classDef caught fill:#fed3ab,stroke:#c25400/);
    expect(parsed.subgraphs.get('legend')?.label).toBe('Legend');
    const legend = [...parsed.nodes].filter(([, n]) => n.parents.includes('legend')).map(([, n]) => n.label);
    expect(legend).toEqual([
      'succeeded',
      'retried, then succeeded',
      'failed, caught',
      'failed',
      'running',
      'not reached',
    ]);
    const thick = parsed.edges.filter((e) => e.arrow === '==>').length;
    expect(thick).toBe(2);
  });

  test('Map iterations are summed up on their states', () => {
    const parsed = parse(toMermaid(parallelInMap, { history: parallelInMapHistory() }));
    expect(parsed.nodes.get(idOf(parsed, 'price'))!.label).toBe(
      'price<br/><small>2 succeeded, 1 failed</small>',
    );
    expect(parsed.classes.get(idOf(parsed, 'price'))).toEqual(['failed']);
    expect(parsed.classes.get(idOf(parsed, 'summarize'))).toEqual(['notReached']);
  });

  test('LR direction and a title', () => {
    const text = toMermaid(seedExamples.cli, { direction: 'LR', title: 'CLI: "print"' });
    expect(text.split('\n').slice(0, 4)).toEqual([
      '---',
      'title: "CLI: #34;print#34;"',
      '---',
      'flowchart LR',
    ]);
  });
});
