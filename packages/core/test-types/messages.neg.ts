// biome-ignore-all format: each @ts-expect-error must sit right above the one line it expects to fail
// Negative type tests for where a Choice rule's error lands and what else it sets off. Calls are
// spread over several lines on purpose: an error on any line without a directive (a second,
// misleading message, or the first one landing elsewhere) fails the compile, so these cases
// pin down that a refused rule gives one error, at the place that is wrong, and nothing more.
import { z } from 'zod';
import { activity, machine } from '../src/index.js';

const input = z.object({
  id: z.string(),
  n: z.number(),
  opt: z.number().optional(),
});
const needsN = activity('needsN', { input: z.object({ n: z.number() }) }, ({ n }) => ({ out: n }));

export const messages = machine('messages', { input }, (s) => {
  // An unguarded comparison is refused at the comparison, with the sentence as the expected type.
  s.choice('m1').when(
    (r) =>
      // @ts-expect-error check 2, Choice comparison on an optional field, refused at the comparison itself
      r.numericGreaterThan('$.opt', 1),
    (f) => f.succeed('m1s'),
  );
  s.choice('m2')
    .when(
      (r) =>
        // @ts-expect-error check 2, Choice rule opening a flow: the unguarded comparison is refused where it is written
        r.numericEquals('$.opt', 1),
    )
    .succeed('m2s');
  const m3 = s.choice('m3');
  m3.when(
    // @ts-expect-error check 2, Choice rule given as a condition value: refused as the argument
    m3.rules.numericLessThan('$.opt', 1),
    (f) => f.succeed('m3s'),
  );
  s.choice('m4').when(
    (r) =>
      // @ts-expect-error check 2, Choice and() with the guard after the comparison it should cover
      r.and(r.numericLessThan('$.opt', 1), r.isPresent('$.opt')),
    (f) => f.succeed('m4s'),
  );

  // A misspelled path gets its own error only, not a second one saying the field may be absent.
  s.choice('m5').when(
    (r) =>
      r.numericLessThan(
        // @ts-expect-error check 1, Choice variable misspelled: no field 'countr' at $, and no guard sentence
        '$.countr',
        10,
      ),
    (f) => f.succeed('m5s'),
  );
  s.choice('m6').when(
    (r) =>
      r.numericLessThanPath(
        '$.n',
        // @ts-expect-error check 1, Choice ...Path operand misspelled: one error, on the operand
        '$.missing',
      ),
    (f) => f.succeed('m6s'),
  );

  // A refused rule leaves the data its target receives as it was: the loop back is not refused.
  const counted = s.task('m7', needsN, { resultPath: '$.r' });
  counted.choice('m7c').when(
    (r) =>
      r.stringEquals(
        // @ts-expect-error narrowing, stringEquals on a number field is refused, and narrows nothing
        '$.n',
        'x',
      ),
    s.task('m7t', needsN, { inputPath: '$' }),
  );
  counted.choice('m8c').when(
    (r) =>
      // @ts-expect-error narrowing, booleanEquals on a number field is refused without poisoning the loop target
      r.booleanEquals('$.n', true),
    counted,
  );
  return counted.succeed('messagesEnd');
});
