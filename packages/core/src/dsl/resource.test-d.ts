// Proves a resource's declared shapes are typed as they travel: its input and output in JSON
// form (a Date becomes its ISO string, however deep it sits) without the depth errors (TS2589) a deferred
// JSON mapping of zod's types used to cause once a Task placed it.
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { type DataOf, machine, resource } from '../index.js';

const input = z.object({ key: z.string() });
const stamped = resource('arn:aws:lambda:us-east-1:123456789012:function:stamp', {
  input: z.object({ key: z.string() }),
  output: z.object({ at: z.date(), inner: z.object({ seen: z.date(), count: z.number() }) }),
});

describe('resource types', () => {
  test('the output is its JSON form, Dates as strings at any depth', () => {
    machine('m', { input }, (s) => {
      const t = s.task('stamp', stamped, { resultPath: '$.stamp' });
      expectTypeOf<DataOf<typeof t>>().toEqualTypeOf<{
        key: string;
        stamp: { at: string; inner: { seen: string; count: number } };
      }>();
      const seen = t.pass('seen', { outputPath: '$.stamp.inner.seen' });
      expectTypeOf<DataOf<typeof seen>>().toEqualTypeOf<string>();
      return seen;
    });
  });

  test('the input is its JSON form too: data from JSON can build it', () => {
    const scheduled = resource('arn:aws:lambda:us-east-1:123456789012:function:schedule', {
      input: z.object({ at: z.date(), when: z.object({ due: z.date().optional() }) }),
    });
    expectTypeOf<NonNullable<(typeof scheduled)['~types']>['input']>().toEqualTypeOf<{
      at: string;
      when: { due?: string | undefined };
    }>();
    machine('m', { input: z.object({ at: z.string(), when: z.object({ due: z.string() }) }) }, (s) =>
      s.task('schedule', scheduled, { resultPath: null }),
    );
  });
});
