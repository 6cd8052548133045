// Type tests of how data flows through a typed machine: the input is the schema's, each state's
// data follows its paths, templates and results (ResultPath writes, OutputPath, intrinsics,
// ResultSelector, Map and Parallel results, Catch outputs, Choice unions, JSONata outputs).
// Checked by vitest's typecheck with expectTypeOf; the negative cases are test-types/*.neg.ts.
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import {
  activity,
  type DataOf,
  type ErrorOutput,
  type MachineInput,
  type MachineOutput,
  machine,
  resource,
  States,
} from '../index.js';

const input = z.object({ id: z.string(), n: z.number(), tags: z.array(z.string()), at: z.date() });
const double = activity('double', { input: z.object({ n: z.number() }) }, ({ n }) => ({
  doubled: n * 2,
  at: new Date(),
}));

describe('data inference', () => {
  test('the input is the schema input; the data is its parsed JSON form', () => {
    const m = machine('m', { input }, (s) => s.pass('p'));
    expectTypeOf<MachineInput<typeof m>>().toEqualTypeOf<{
      id: string;
      n: number;
      tags: string[];
      at: Date;
    }>();
    expectTypeOf<MachineOutput<typeof m>>().toEqualTypeOf<{
      id: string;
      n: number;
      tags: string[];
      at: string;
    }>();
  });

  test('resultPath writes the result (in its JSON form) at the path, creating objects', () => {
    machine('m', { input }, (s) => {
      const t = s.task('t', double, { resultPath: '$.out.first' });
      expectTypeOf<DataOf<typeof t>>().toEqualTypeOf<{
        id: string;
        n: number;
        tags: string[];
        at: string;
        out: { first: { doubled: number; at: string } };
      }>();
      const replaced = t.task('again', double, {
        inputPath: '$.out.first',
        parameters: { 'n.$': '$.doubled' },
      });
      expectTypeOf<DataOf<typeof replaced>>().toEqualTypeOf<{ doubled: number; at: string }>();
      const kept = replaced.task('kept', double, { parameters: { 'n.$': '$.doubled' }, resultPath: null });
      expectTypeOf<DataOf<typeof kept>>().toEqualTypeOf<{ doubled: number; at: string }>();
      return kept;
    });
  });

  test('outputPath, parameters with intrinsics and context, resultSelector', () => {
    machine('m', { input }, (s) => {
      const p = s.pass('p', {
        parameters: {
          'greeting.$': States.format('hi {}', '$.id'),
          'count.$': States.arrayLength('$.tags'),
          'name.$': '$$.State.Name',
          fixed: { deep: [1, 'two'] },
        },
      });
      expectTypeOf<DataOf<typeof p>>().toEqualTypeOf<{
        greeting: string;
        count: number;
        name: string;
        fixed: { deep: [number, string] };
      }>();
      const sel = p.task('sel', double, {
        parameters: { 'n.$': '$.count' },
        resultSelector: { 'd.$': '$.doubled' },
        resultPath: '$.r',
        outputPath: '$.r',
      });
      expectTypeOf<DataOf<typeof sel>>().toEqualTypeOf<{ d: number }>();
      return sel;
    });
  });

  test('Map results are arrays of item outputs; Parallel results are tuples of branch outputs', () => {
    const m = machine('m', { input }, (s) =>
      s
        .map('each', {
          itemsPath: '$.tags',
          itemSelector: { 'tag.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index', 'id.$': '$.id' },
          itemProcessor: (item) => item.pass('keep'),
          resultPath: '$.mapped',
        })
        .parallel('both', {
          branches: [(b) => b.pass('one', { result: 1 }), (b) => b.succeed('two', { outputPath: '$.id' })],
          resultPath: '$.pair',
          outputPath: '$.pair',
        }),
    );
    expectTypeOf<MachineOutput<typeof m>>().toEqualTypeOf<[number, string]>();
    machine('m2', { input }, (s) => {
      const mapped = s.map('each', {
        itemsPath: '$.tags',
        itemProcessor: (i) => i.pass('k'),
        resultPath: '$.m',
      });
      expectTypeOf<DataOf<typeof mapped>['m']>().toEqualTypeOf<string[]>();
      return mapped;
    });
  });

  test('a Catch passes { Error, Cause } at its resultPath; a Choice output is the union of its ends', () => {
    const m = machine('m', { input: z.object({ n: z.number(), label: z.string().optional() }) }, (s) => {
      const t = s.task('t', double, { resultPath: '$.r' }).catch(['States.ALL'], (f) => f.pass('recover'), {
        resultPath: '$.error',
      });
      const c = t.choice('c').when(
        (r) => r.and(r.isPresent('$.label'), r.stringEquals('$.label', 'x')),
        (f) => f.succeed('labelled', { outputPath: '$.r' }),
      );
      return c.otherwise().succeed('plain', { outputPath: '$.n' });
    });
    expectTypeOf<MachineOutput<typeof m>>().toEqualTypeOf<
      number | { doubled: number; at: string } | { n: number; label?: string; error: ErrorOutput }
    >();
  });

  test('resources with declared output, and JSONata outputs declared by a schema', () => {
    const fn = resource('arn:aws:lambda:us-east-1:123456789012:function:f', {
      output: z.object({ ok: z.boolean() }),
    });
    const m = machine('m', { input, queryLanguage: 'JSONata' }, (s) =>
      s.task('call', fn, { arguments: { id: '{% $states.input.id %}' } }).pass('shape', {
        output: '{% { "done": $states.input.ok } %}',
        outputSchema: z.object({ done: z.boolean() }),
      }),
    );
    expectTypeOf<MachineOutput<typeof m>>().toEqualTypeOf<{ done: boolean }>();
  });
});
