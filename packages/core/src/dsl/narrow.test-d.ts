// Type tests of Choice narrowing: a rule's target sees what the rule proves (a field present,
// absent or of one kind, and() combining proofs) and the default keeps the unnarrowed data,
// except where an OutputPath means the rules read other data. Checked by vitest's typecheck.
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { type DataOf, type MachineOutput, machine } from '../index.js';

const input = z.object({
  id: z.string(),
  opt: z.number().optional(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  kind: z.enum(['a', 'b', 'c']),
  nested: z.object({ deep: z.string().optional() }).optional(),
});
type Input = z.output<typeof input>;

describe('Choice narrowing', () => {
  test('isPresent makes a field required; not(isPresent) removes it; otherwise keeps the input type', () => {
    const m = machine('m', { input }, (s) =>
      s
        .choice('c')
        .when(
          (r) => r.isPresent('$.opt'),
          (f) => {
            const present = f.pass('present');
            expectTypeOf<DataOf<typeof present>['opt']>().toEqualTypeOf<number>();
            return present.succeed('withOpt', { outputPath: '$.opt' });
          },
        )
        .when(
          (r) => r.not(r.isPresent('$.opt')),
          (f) => {
            const absent = f.pass('absent');
            expectTypeOf<keyof DataOf<typeof absent>>().toEqualTypeOf<'id' | 'value' | 'kind' | 'nested'>();
            return absent.succeed('withoutOpt', { outputPath: '$.id' });
          },
        )
        .otherwise((f) => {
          const rest = f.pass('rest');
          expectTypeOf<DataOf<typeof rest>>().toEqualTypeOf<Input>();
          return rest.succeed('other', { outputPath: '$.kind' });
        }),
    );
    expectTypeOf<MachineOutput<typeof m>>().toEqualTypeOf<number | string>();
  });

  test('type tests narrow a union, and and() combines what its conditions prove', () => {
    machine('m', { input }, (s) =>
      s
        .choice('c')
        .when(
          (r) => r.isString('$.value'),
          (f) => {
            const text = f.pass('text');
            expectTypeOf<DataOf<typeof text>['value']>().toEqualTypeOf<string>();
            return text;
          },
        )
        .when(
          (r) => r.and(r.isPresent('$.nested.deep'), r.isNumeric('$.value'), r.stringEquals('$.kind', 'b')),
          (f) => {
            const both = f.pass('both');
            type Both = DataOf<typeof both>;
            expectTypeOf<Both['value']>().toEqualTypeOf<number>();
            // Equality proves the kind, not the literal: joins from other branches stay possible.
            expectTypeOf<Both['kind']>().toEqualTypeOf<'a' | 'b' | 'c'>();
            expectTypeOf<Both['nested']>().toEqualTypeOf<{ deep: string }>();
            return both;
          },
        )
        .when(
          (r) =>
            r.and(r.isNull('$.value', false), r.isBoolean('$.value', false), r.not(r.isString('$.value'))),
          (f) => {
            const num = f.pass('num');
            expectTypeOf<DataOf<typeof num>['value']>().toEqualTypeOf<number>();
            return num;
          },
        )
        .when(
          (r) => r.not(r.or(r.isString('$.value'), r.isNull('$.value'))),
          (f) => {
            const neither = f.pass('neither');
            expectTypeOf<DataOf<typeof neither>['value']>().toEqualTypeOf<number | boolean>();
            return neither;
          },
        )
        .otherwise((f) => f.pass('unchanged')),
    );
  });

  test('a comparison proves its operand present and of the compared kind', () => {
    machine('m', { input }, (s) => {
      const c = s.choice('c').when((r) => r.and(r.isPresent('$.opt'), r.numericGreaterThan('$.opt', 1)));
      const big = c.pass('big');
      expectTypeOf<DataOf<typeof big>['opt']>().toEqualTypeOf<number>();
      // A second Choice needs no isPresent guard: the field is known to be present here.
      const again = big.choice('again').when(
        (r) => r.numericLessThan('$.opt', 10),
        (f) => f.succeed('small'),
      );
      return [again.otherwise().succeed('large'), s.choice('d').otherwise().succeed('d2')];
    });
  });

  test('a rule that can never hold, or is refused, narrows nothing: its target keeps the data', () => {
    machine('m', { input }, (s) =>
      s
        .choice('c')
        .when(
          (r) => r.isNumeric('$.id'),
          (f) => {
            const never = f.pass('never');
            expectTypeOf<DataOf<typeof never>>().toEqualTypeOf<Input>();
            return never;
          },
        )
        .when(
          // @ts-expect-error a numeric comparison on a string field is refused
          (r) => r.numericEquals('$.kind', 1),
          (f) => {
            const refused = f.pass('refused');
            expectTypeOf<DataOf<typeof refused>['kind']>().toEqualTypeOf<'a' | 'b' | 'c'>();
            return refused;
          },
        )
        .otherwise((f) => f.pass('o')),
    );
  });

  test('with an OutputPath the rules read other data than the target receives: no narrowing', () => {
    machine('m', { input }, (s) =>
      s
        .choice('c', { outputPath: '$.nested' })
        .when(
          (r) => r.isPresent('$.opt'),
          (f) => {
            const kept = f.pass('kept');
            expectTypeOf<DataOf<typeof kept>>().toEqualTypeOf<{ deep?: string }>();
            return kept;
          },
        )
        .otherwise((f) => f.pass('o')),
    );
  });
});
