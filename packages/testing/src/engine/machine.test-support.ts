// Test support (not exported by the package): a hand-built core machine, as the DSL would give,
// so runMachine can be tested without the DSL.
import { type AnyActivity, activity, activityArn, machine, type StateMachineLike } from '@sfini/core';
import { z } from 'zod';

export const charge = activity(
  'charge',
  { input: z.object({ amount: z.number() }), output: z.object({ receipt: z.string() }) },
  ({ amount }) => ({ receipt: `paid ${amount}` }),
);
export const notify = activity('notify', { input: z.object({ receipt: z.string() }) }, () => ({
  sent: true,
}));

export interface OrderInput {
  amount: number;
}
export interface OrderOutput {
  receipt: string;
  sent: boolean;
}

/** Charge, then notify; the output merges both results. */
export function orderMachine(): StateMachineLike<OrderInput, OrderOutput> {
  const activities: readonly AnyActivity[] = [charge, notify];
  return {
    kind: 'sfini.stateMachine',
    name: 'orders',
    inputSchema: z.object({ amount: z.number() }),
    activities,
    toDefinition: () => ({
      StartAt: 'Charge',
      States: {
        Charge: { Type: 'Task', Resource: activityArn('charge'), Next: 'Notify' },
        Notify: {
          Type: 'Task',
          Resource: activityArn('notify'),
          ResultSelector: { 'sent.$': '$.sent' },
          ResultPath: '$.notified',
          OutputPath: '$',
          Next: 'Shape',
        },
        Shape: {
          Type: 'Pass',
          Parameters: { 'receipt.$': '$.receipt', 'sent.$': '$.notified.sent' },
          End: true,
        },
      },
    }),
  };
}

export const increment = activity(
  'increment',
  { input: z.object({ counter: z.number(), step: z.number() }), output: z.number() },
  ({ counter, step }) => counter + step,
);

/** A DSL-built machine: add `step` to `counter` with an activity, then succeed. */
export const counterMachine = machine(
  'counter',
  { input: z.object({ counter: z.number(), step: z.number() }) },
  (start) => start.task('Add', increment, { resultPath: '$.counter' }).succeed('Done'),
);
