// Type tests of workflow variables: what each Assign declares (widened literals, values read from
// what the state evaluates Assign over, JSONata values typed by assignSchema), where they can be
// read, their scoping in branches and item processors, and loops back to earlier states. Checked
// by vitest's typecheck; the negative cases are test-types/vars.neg.ts.
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { activity, type DataOf, type MachineOutput, machine, States, type VarsOf } from '../index.js';

const input = z.object({ id: z.string(), n: z.number(), items: z.array(z.object({ v: z.number() })) });
const total = activity(
  'total',
  { input: z.object({ id: z.string() }), output: z.object({ sum: z.number(), tags: z.array(z.string()) }) },
  () => ({ sum: 1, tags: [] }),
);
const takesCount = activity('takesCount', { input: z.object({ count: z.number() }) }, ({ count }) => count);

describe('what an Assign declares', () => {
  test('literals are widened; `.$` values are read from what the state evaluates Assign over', () => {
    machine('m', { input }, (s) => {
      // A Pass evaluates Assign over its result: here its parameters.
      const p = s.pass('p', {
        parameters: { 'key.$': '$.id' },
        assign: {
          count: 0,
          label: 'x',
          'key.$': '$.key',
          pair: [1, 'two'],
          'when.$': '$$.State.EnteredTime',
        },
      });
      expectTypeOf<VarsOf<typeof p>>().toEqualTypeOf<{
        count: number;
        label: string;
        key: string;
        pair: [number, string];
        when: string;
      }>();
      // A Task evaluates Assign over its result, before ResultSelector; its data is unaffected.
      const t = p.task('t', total, {
        inputPath: '$',
        parameters: { 'id.$': '$.key' },
        assign: { 'sum.$': '$.sum', 'first.$': States.arrayGetItem('$.tags', 0) },
        resultPath: '$.r',
      });
      expectTypeOf<VarsOf<typeof t>>().toEqualTypeOf<{
        count: number;
        label: string;
        key: string;
        pair: [number, string];
        when: string;
        sum: number;
        first: string;
      }>();
      expectTypeOf<DataOf<typeof t>>().toEqualTypeOf<{ key: string; r: { sum: number; tags: string[] } }>();
      // A Wait evaluates Assign over its input; a later Assign replaces a variable's type.
      const w = t.wait('w', { seconds: 1, assign: { 'count.$': '$.r.tags' } });
      expectTypeOf<VarsOf<typeof w>['count']>().toEqualTypeOf<string[]>();
      return w;
    });
  });

  test('Parallel and Map evaluate Assign over their result', () => {
    machine('m', { input }, (s) => {
      const par = s.parallel('par', {
        branches: [(b) => b.pass('one', { result: 1 }), (b) => b.pass('two', { result: 'x' })],
        assign: { 'both.$': '$' },
        resultPath: null,
      });
      expectTypeOf<VarsOf<typeof par>>().toEqualTypeOf<{ both: [number, string] }>();
      const map = par.map('map', {
        itemsPath: '$.items',
        itemProcessor: (i) => i.pass('item'),
        assign: { 'firstV.$': '$[0].v' },
        resultPath: null,
      });
      expectTypeOf<VarsOf<typeof map>>().toEqualTypeOf<{ both: [number, string]; firstV: number }>();
      return map;
    });
  });

  test('JSONata values are unknown unless assignSchema declares them', () => {
    machine('m', { input, queryLanguage: 'JSONata' }, (s) => {
      const a = s.pass('a', {
        assign: { total: '{% $states.input.n * 2 %}', raw: '{% $states.input %}', fixed: true },
        assignSchema: z.object({ total: z.number() }),
      });
      expectTypeOf<VarsOf<typeof a>>().toEqualTypeOf<{ total: number; raw: unknown; fixed: boolean }>();
      return a;
    });
  });

  test('a Catch assigns from the error output; the failed state assigns nothing', () => {
    machine('m', { input }, (s) => {
      const before = s.pass('before', { assign: { step: 1 } });
      const caught = before.task('t', total, { assign: { 'sum.$': '$.sum' } }).catch(
        ['States.ALL'],
        (f) => {
          const recover = f.pass('recover');
          expectTypeOf<VarsOf<typeof recover>>().toEqualTypeOf<{ step: number; reason: string }>();
          return recover;
        },
        { assign: { 'reason.$': '$.Cause' } },
      );
      expectTypeOf<VarsOf<typeof caught>>().toEqualTypeOf<{ step: number; sum: number }>();
      return caught;
    });
  });

  test("a Choice rule's Assign reaches its target; the state's Assign reaches the default", () => {
    machine('m', { input }, (s) =>
      s
        .choice('c', { assign: { chosen: 'default' } })
        .when(
          (r) => r.numericGreaterThan('$.n', 1),
          (f) => {
            const big = f.pass('big');
            expectTypeOf<VarsOf<typeof big>>().toEqualTypeOf<{ over: number }>();
            return big;
          },
          { assign: { 'over.$': '$.n' } },
        )
        .otherwise((f) => {
          const small = f.pass('small');
          expectTypeOf<VarsOf<typeof small>>().toEqualTypeOf<{ chosen: string }>();
          return small;
        }),
    );
  });
});

describe('reading variables', () => {
  test('templates, intrinsics, InputPath, Choice rules and ...Path fields read variables', () => {
    const m = machine('m', { input }, (s) => {
      const a = s.pass('a', { assign: { count: 3, 'ids.$': States.array('$.id', '$.id'), delay: 2 } });
      const t = a.task('t', takesCount, { parameters: { 'count.$': '$count' }, resultPath: '$.r' });
      const w = t.wait('w', { secondsPath: '$delay' });
      const c = w.choice('c').when(
        (r) => r.numericGreaterThanPath('$count', '$.n'),
        (f) => f.pass('joined', { parameters: { 'text.$': States.format('{} of {}', '$count', '$ids[0]') } }),
      );
      return c.otherwise().pass('picked', { inputPath: '$ids' });
    });
    expectTypeOf<MachineOutput<typeof m>>().toEqualTypeOf<{ text: string } | [string, string]>();
  });

  test('a Parallel branch or Map item processor reads the variables around it; its own stay inside', () => {
    machine('m', { input }, (s) => {
      const a = s.pass('a', { assign: { outer: 1 } });
      const par = a.parallel('par', {
        branches: [
          (b) => {
            const inner = b.pass('inner', { parameters: { 'o.$': '$outer' }, assign: { mine: 'x' } });
            expectTypeOf<VarsOf<typeof inner>>().toEqualTypeOf<{ outer: number; mine: string }>();
            return inner;
          },
        ],
        resultPath: '$.par',
      });
      expectTypeOf<VarsOf<typeof par>>().toEqualTypeOf<{ outer: number }>();
      const map = par.map('map', {
        itemsPath: '$.items',
        itemSelector: { 'o.$': '$outer' },
        itemProcessor: (i) => i.pass('item', { parameters: { 'again.$': '$outer', 'o.$': '$.o' } }),
      });
      expectTypeOf<DataOf<typeof map>>().toEqualTypeOf<{ again: number; o: number }[]>();
      return map;
    });
  });

  test('many Assigns: the log is folded, later Assigns still replace earlier types', () => {
    machine('m', { input }, (s) => {
      const last = s
        .pass('p1', { assign: { v1: 1, shared: 'text' } })
        .pass('p2', { assign: { v2: 'two' } })
        .pass('p3', { assign: { v3: true } })
        .pass('p4', { assign: { 'v4.$': '$v1' } })
        .pass('p5', { assign: { v5: [1] } })
        .pass('p6', { assign: { v6: { deep: 'x' } } })
        .pass('p7', { assign: { v7: null } })
        .pass('p8', { assign: { 'v8.$': '$v6.deep' } })
        .pass('p9', { assign: { 'v9.$': '$v2' } })
        .pass('p10', { assign: { shared: 10 } })
        .pass('p11', { parameters: { 'a.$': '$v1', 'b.$': '$v9', 'c.$': '$shared' } });
      expectTypeOf<VarsOf<typeof last>>().toEqualTypeOf<{
        v1: number;
        v2: string;
        v3: boolean;
        v4: number;
        v5: [number];
        v6: { deep: string };
        v7: null;
        v8: string;
        v9: string;
        shared: number;
      }>();
      expectTypeOf<DataOf<typeof last>>().toEqualTypeOf<{ a: number; b: string; c: number }>();
      return last;
    });
  });

  test('a loop back to a state accepts the variables it was created with', () => {
    const m = machine('m', { input: z.object({ limit: z.number() }) }, (s) => {
      const inc = s
        .pass('init', { assign: { count: 0 } })
        .pass('inc', { assign: { 'count.$': States.mathAdd('$count', 1) } });
      const more = inc.pass('more', { assign: { extra: true } });
      const check = more.choice('check').when((r) => r.numericLessThanPath('$count', '$.limit'), inc);
      return check.otherwise().pass('done', { inputPath: '$count' });
    });
    expectTypeOf<MachineOutput<typeof m>>().toEqualTypeOf<number>();
  });
});
