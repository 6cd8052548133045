// Type tests of joins and loops: a transition into an existing state is checked against what
// that state reads (types/reads.ts), not against all the data it was built with, so data that
// lacks a field the state never reads, nor passes on, is accepted. Checked by vitest's
// typecheck (and compiled by tsc with the negative cases in test-types/joins.neg.ts).
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { activity, type DataOf, type InputOf, type MachineOutput, machine } from '../index.js';

const order = z.object({ id: z.string(), total: z.number(), express: z.boolean() });
const charge = activity('charge', { input: z.object({ id: z.string(), total: z.number() }) }, () => ({
  receipt: 'r',
}));
const poll = activity('poll', { input: z.object({ id: z.string() }) }, ({ id }) => ({ id, done: true }));

describe('a join is checked against what the state reads', () => {
  test('a state reading only $.id accepts data without a field written on the other path', () => {
    const m = machine('join', { input: order }, (s) => {
      const paid = s.choice('paid?');
      const charged = paid
        .when((r) => r.booleanEquals('$.express', false))
        .task('charge', charge, { resultPath: '$.payment' });
      const receipt = charged.pass('receipt', { parameters: { 'id.$': '$.id' } });
      paid.otherwise(receipt);
      expectTypeOf<InputOf<typeof receipt>>().toHaveProperty('payment');
      return receipt;
    });
    expectTypeOf<MachineOutput<typeof m>>().toEqualTypeOf<{ id: string }>();
  });

  test('a Task given its whole input needs only what its activity takes', () => {
    machine('task join', { input: order }, (s) => {
      const tagged = s.pass('tag', { result: 'x', resultPath: '$.tag' });
      const charged = tagged.task('charge', charge);
      const plain = s.pass('unused start', { parameters: { 'id.$': '$.id', 'total.$': '$.total' } });
      expectTypeOf<DataOf<typeof plain>>().toEqualTypeOf<{ id: string; total: number }>();
      return [plain.next(charged), charged];
    });
  });

  test('a loop back into a Task reading one field accepts its own result', () => {
    const m = machine('poll loop', { input: order }, (s) => {
      const polled = s.pass('note', { result: 1, resultPath: '$.attempt' }).task('poll', poll, {
        parameters: { 'id.$': '$.id' },
      });
      expectTypeOf<DataOf<typeof polled>>().toEqualTypeOf<{ id: string; done: boolean }>();
      const check = polled.choice('done?');
      check
        .when((r) => r.booleanEquals('$.done', false))
        .wait('pause', { seconds: 5 })
        .next(polled);
      return check.otherwise().succeed('finished');
    });
    expectTypeOf<MachineOutput<typeof m>>().toEqualTypeOf<{ id: string; done: boolean }>();
  });

  test('a Succeed with an outputPath needs only the part it passes on', () => {
    machine('succeed join', { input: order }, (s) => {
      const done = s
        .pass('mark', { result: true, resultPath: '$.marked' })
        .succeed('done', { outputPath: '$.id' });
      const other = s.pass('other start', { parameters: { 'id.$': '$.id' } });
      other.next(done);
      return [done, other];
    });
  });

  test('a Catch that replaces the input keeps what the state reads', () => {
    machine('catch join', { input: order }, (s) => {
      const extra = s.pass('extra', { result: 1, resultPath: '$.extra' });
      const charged = extra
        .task('charge', charge, { parameters: { 'id.$': '$.id', 'total.$': '$.total' } })
        .catch(['States.ALL'], (f) => f.fail('failed'));
      const direct = s.pass('direct start', { parameters: { 'id.$': '$.id', 'total.$': '$.total' } });
      direct.next(charged);
      return charged;
    });
  });
});
