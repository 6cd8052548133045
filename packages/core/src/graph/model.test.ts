// Proves buildGraph reads ASL into the graph both renderers draw: states, typed edges and start
// and end markers, Retry and Catch summaries, nested scopes for branches and iterators, names
// like `__proto__` as ordinary names, and every structural problem reported at once with its
// path.
import { describe, expect, test } from 'vitest';
import { buildGraph } from './build-graph.js';
import { summarizeResource } from './describe.js';
import { parallelInMap, seedExamples } from './machines.test-support.js';
import { GraphInputError } from './model.js';

describe('buildGraph', () => {
  test('the looping example: states, typed edges, start and end', () => {
    const graph = buildGraph(seedExamples.looping);
    expect(graph.states.map((s) => [s.name, s.type])).toEqual([
      ['initialise', 'Pass'],
      ['increment', 'Task'],
      ['checkCounter', 'Choice'],
      ['end', 'Succeed'],
    ]);
    const name = (id: string) => graph.states.find((s) => s.id === id)?.name ?? id;
    const edges = graph.edges.map(
      (e) => `${name(e.from)} -${e.kind}${e.label ? `(${e.label})` : ''}-> ${name(e.to)}`,
    );
    expect(edges).toEqual([
      'g0_start -start-> initialise',
      'initialise -next-> increment',
      'increment -next-> checkCounter',
      'checkCounter -choice($.counter < 10)-> increment',
      'checkCounter -default(Default)-> end',
      'end -end-> g0_end',
    ]);
  });

  test('error handling: Retry summarised, Catch labelled with its errors', () => {
    const graph = buildGraph(seedExamples.errorHandling);
    const raise = graph.byName.get('raise')![0]!;
    expect(raise.retries).toEqual([{ errors: ['States.Timeout'], maxAttempts: 3, intervalSeconds: 3 }]);
    expect(raise.details).toEqual(['activity myPackage-raiseActivity', 'timeout 10 s']);
    expect(graph.edges.find((e) => e.kind === 'catch')).toMatchObject({ from: raise.id, label: 'MyError' });
    expect(graph.byName.get('fail')![0]!.details).toEqual(['WorkerError', 'MyError was raised']);
  });

  test('Parallel branches and Map iterators become nested scopes', () => {
    const graph = buildGraph(parallelInMap);
    const map = graph.byName.get('eachOrder')![0]!;
    expect(map.scopes.map((s) => s.label)).toEqual(['Iterator']);
    const par = graph.byName.get('checkAndPrice')![0]!;
    expect(par.scopes.map((s) => s.states.map((x) => x.name))).toEqual([
      ['check', 'inStock', 'reserve', 'backorder'],
      ['price'],
    ]);
    expect(graph.container.get(graph.byName.get('price')![0]!.id)).toBe(par);
    expect(graph.container.get(par.id)).toBe(map);
    expect(graph.container.has(map.id)).toBe(false);
    // Edges stay in the scope that declares them.
    const inner = graph.edges.filter((e) => e.scopeId === par.scopes[0]!.id).map((e) => e.kind);
    expect(inner).toEqual(['start', 'next', 'choice', 'default', 'end', 'end']);
  });

  test('a distributed Map is labelled as such', () => {
    const graph = buildGraph({
      StartAt: 'm',
      States: {
        m: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED' },
            StartAt: 'x',
            States: { x: { Type: 'Pass', End: true } },
          },
          End: true,
        },
      },
    });
    expect(graph.states[0]!.scopes[0]!.label).toBe('Item processor (distributed)');
  });

  test('names that look like object internals are ordinary names', () => {
    const graph = buildGraph({
      StartAt: '__proto__',
      States: JSON.parse(
        '{"__proto__": {"Type": "Pass", "Next": "constructor"}, "constructor": {"Type": "Succeed"}}',
      ),
    });
    expect(graph.states.map((s) => s.name)).toEqual(['__proto__', 'constructor']);
    expect(graph.edges.filter((e) => e.kind === 'next')).toHaveLength(1);
    expect(({} as Record<string, unknown>).Type).toBeUndefined();
  });

  test('every problem is reported at once, each with its path', () => {
    const bad = {
      StartAt: 'missing',
      States: {
        a: { Type: 'Task', Next: 'nowhere', Catch: [{ ErrorEquals: [], Next: 'b' }] },
        b: { Type: 'Teleport' },
        c: { Type: 'Choice', Choices: [{ Variable: '$.x', IsNull: true, Next: 'gone' }], Default: 7 },
        'with "quotes"': { Type: 'Parallel', Branches: [] },
        e: 'not a state',
      },
    };
    let error: unknown;
    try {
      buildGraph(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphInputError);
    const problems = (error as GraphInputError).problems.map((p) => p.path);
    expect(problems).toEqual(
      expect.arrayContaining([
        '$.StartAt',
        '$.States.a.Next',
        '$.States.a.Catch[0].ErrorEquals',
        '$.States.b.Type',
        '$.States.c.Choices[0].Next',
        '$.States.c.Default',
        '$.States["with \\"quotes\\""].Branches',
        '$.States.e',
      ]),
    );
    expect(problems).toHaveLength(8);
    expect((error as Error).message).toContain('$.States.a.Next: names no state of this scope: "nowhere"');
  });

  test('a non-object definition is refused', () => {
    expect(() => buildGraph([1, 2])).toThrow(/expected an ASL definition object/);
    expect(() => buildGraph({ StartAt: 'a' })).toThrow(/\$\.States: expected an object of states/);
  });

  test('transitions may only target states of their own scope', () => {
    const def = {
      StartAt: 'p',
      States: {
        p: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'inner', States: { inner: { Type: 'Pass', Next: 'outer' } } }],
          Next: 'outer',
        },
        outer: { Type: 'Succeed' },
      },
    };
    expect(() => buildGraph(def)).toThrow(
      /Branches\[0\]\.States\.inner\.Next: names no state of this scope: "outer"/,
    );
  });
});

describe('summarizeResource', () => {
  test.each([
    ['arn:aws:states:us-east-1:123456789012:activity:myPackage-resize', 'activity myPackage-resize'],
    ['arn:aws:states:::lambda:invoke', 'lambda:invoke'],
    ['arn:aws:states:::sns:publish.waitForTaskToken', 'sns:publish.waitForTaskToken'],
    ['arn:aws:lambda:us-east-1:123456789012:function:doIt', 'lambda doIt'],
    ['something-else', 'something-else'],
  ])('%s', (resource, text) => {
    expect(summarizeResource(resource)).toBe(text);
  });
});
