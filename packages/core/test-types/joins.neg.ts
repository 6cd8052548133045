// biome-ignore-all format: each @ts-expect-error must sit right above the one line it expects to fail
// Negative type tests of joins (check 4): a transition into an existing state is checked against
// what that state reads (src/dsl/types/reads.ts), and each line below sends data that truly lacks
// something the state reads or passes on. The accepted joins are in src/dsl/joins.test-d.ts.
import { z } from 'zod';
import { activity, machine } from '../src/index.js';

const order = z.object({ id: z.string(), total: z.number(), express: z.boolean() });
const charge = activity('charge', { input: z.object({ id: z.string(), total: z.number() }) }, () => ({
  receipt: 'r',
}));

export const joins = machine('joins', { input: order }, (s) => {
  const written = s.pass('write', { result: { receipt: 'r' }, resultPath: '$.payment' });
  const onlyId = s.pass('only id', { parameters: { 'id.$': '$.id' } });
  const totalAsText = s.pass('total as text', { parameters: { 'id.$': '$.id', 'total.$': '$.id' } });

  const readsReceipt = written.pass('reads receipt', { parameters: { 'r.$': '$.payment.receipt' } });
  // @ts-expect-error check 4, join into a Pass reading $.payment.receipt from data without 'payment'
  onlyId.next(readsReceipt);

  const passesAll = written.pass('passes all on');
  // @ts-expect-error check 4, join into a Pass that passes its whole input on, from data lacking 'payment'
  s.choice('c1').when((r) => r.isPresent('$.id'), passesAll).otherwise(onlyId);
  // @ts-expect-error check 4, join into a Pass that passes its whole input on, from data lacking 'payment'
  onlyId.next(passesAll);

  const charged = written.task('charge', charge);
  // @ts-expect-error check 4, join into a Task whose activity needs 'total', from data without it
  s.pass('no total', { parameters: { 'id.$': '$.id' } }).next(charged);
  // @ts-expect-error check 4, join into a Task whose activity needs 'total' a number, here a string
  totalAsText.next(charged);

  const caught = written
    .task('charge caught', charge)
    .catch(['States.ALL'], (f) => f.fail('failed'), { resultPath: '$.error' });
  // @ts-expect-error check 4, join into a Task whose Catch merges the error into its input (it needs 'payment')
  s.pass('start caught', { parameters: { 'id.$': '$.id', 'total.$': '$.total' } }).next(caught);

  const assigns = written.task('charge assigns', charge, { assign: { seen: '{% $states.input.payment %}' } });
  // @ts-expect-error check 4, join into a Task whose JSONata Assign may read any field (it needs 'payment')
  s.pass('start assigns', { parameters: { 'id.$': '$.id', 'total.$': '$.total' } }).next(assigns);

  const waits = written.wait('wait on input', { seconds: 1, outputPath: '$.payment' });
  // @ts-expect-error check 4, join into a Wait passing $.payment on, from data without 'payment'
  onlyId.next(waits);

  return [readsReceipt, passesAll, charged, caught, assigns, waits];
});
