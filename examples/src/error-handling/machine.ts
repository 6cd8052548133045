// The seed's error-handling example: a Task that first runs past its 10 s timeout (retried
// after 3 s), then raises MyError, which is caught and ends the execution in a Fail state.
import { setTimeout as sleep } from 'node:timers/promises';
import { ActivityRegistration, machine } from '@sfini/core';
import { z } from 'zod';
import { SEED_MACHINE_NAME, SEED_PREFIX } from '../seed.js';

export const activities = new ActivityRegistration(SEED_PREFIX);

/** The error the activity raises; a worker reports it under its name, `MyError`. */
export class MyError extends Error {
  override readonly name = 'MyError';
}

/**
 * How long the activity sleeps before raising: 15 s the first time (past the Task's 10 s
 * timeout), 10 s less each time after, as the seed's global `sleep_time` does.
 */
export const raiseTiming = { sleepSeconds: 15, decrement: 10 };

/** Sleeps (honouring cancellation), then raises MyError. */
export const raiseActivity = activities.activity(
  'raiseActivity',
  { input: z.unknown() },
  async (_data, { signal }) => {
    const seconds = Math.max(0, raiseTiming.sleepSeconds);
    raiseTiming.sleepSeconds -= raiseTiming.decrement;
    await sleep(seconds * 1000, undefined, { signal });
    throw new MyError('foobar');
  },
);

export const stateMachine = machine(SEED_MACHINE_NAME, { input: z.object({}) }, (start) =>
  start
    .task('raise', raiseActivity, { timeoutSeconds: 10 })
    .retry(['States.Timeout'], { intervalSeconds: 3 })
    .catch(['MyError'], (next) => next.fail('fail', { error: 'WorkerError', cause: 'MyError was raised' }), {
      resultPath: '$.error-info',
    }),
);
