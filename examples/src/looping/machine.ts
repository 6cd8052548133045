// The seed's looping example: start a counter at 0, add `increment` until it reaches 10, and
// end with the counter.
import { ActivityRegistration, machine } from '@sfini/core';
import { z } from 'zod';
import { SEED_HEARTBEAT_SECONDS, SEED_MACHINE_NAME, SEED_PREFIX } from '../seed.js';

export const activities = new ActivityRegistration(SEED_PREFIX);

/** Adds the increment to the counter. */
export const incrementActivity = activities.activity(
  'increment',
  {
    input: z.object({ counter: z.number(), increment: z.number() }),
    heartbeatSeconds: SEED_HEARTBEAT_SECONDS,
  },
  ({ counter, increment }) => counter + increment,
);

export const stateMachine = machine(
  SEED_MACHINE_NAME,
  { input: z.object({ increment: z.number() }) },
  (start) => {
    const increment = start
      .pass('initialise', { result: 0, resultPath: '$.counter' })
      .task('increment', incrementActivity, { resultPath: '$.counter' });
    const checkCounter = increment
      .choice('checkCounter')
      .when((r) => r.numericLessThan('$.counter', 10), increment);
    return checkCounter.otherwise().succeed('end', { outputPath: '$.counter' });
  },
);
