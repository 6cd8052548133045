// Type tests of activity(): the input type is the schema's input (defaults optional), the output
// is the JSON form of what the handler returns or of the output schema, and smart activities take
// their named fields. Checked by vitest's typecheck with expectTypeOf.
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { type ActivityInput, type ActivityOutput, activity, smartActivity } from './index.js';

describe('activity types', () => {
  test('input is the schema input type and output the JSON form of the result', () => {
    const a = activity('a', { input: z.object({ n: z.number(), d: z.string().default('x') }) }, (input) => {
      expectTypeOf(input).toEqualTypeOf<{ n: number; d: string }>();
      return { at: new Date(), n: input.n };
    });
    expectTypeOf<ActivityInput<typeof a>>().toEqualTypeOf<{ n: number; d?: string | undefined }>();
    expectTypeOf<ActivityOutput<typeof a>>().toEqualTypeOf<{ at: string; n: number }>();
    expectTypeOf(a.localName).toEqualTypeOf<'a'>();
  });

  test('an output schema decides the output type', () => {
    const a = activity('a', { input: z.unknown(), output: z.object({ ok: z.boolean() }) }, () => ({
      ok: true,
    }));
    expectTypeOf<ActivityOutput<typeof a>>().toEqualTypeOf<{ ok: boolean }>();
  });

  test('smart activities take their fields', () => {
    const s = smartActivity(
      's',
      { fields: { dir: z.string(), size: z.number().default(64) } },
      ({ dir, size }) => {
        expectTypeOf(dir).toEqualTypeOf<string>();
        expectTypeOf(size).toEqualTypeOf<number>();
        return [dir];
      },
    );
    expectTypeOf<ActivityInput<typeof s>>().toEqualTypeOf<{ dir: string; size?: number | undefined }>();
    expectTypeOf<ActivityOutput<typeof s>>().toEqualTypeOf<string[]>();
  });
});
