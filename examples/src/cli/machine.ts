// The seed's CLI example's machine: one Task printing its input. The command line around it
// (register, start, worker, ...) comes from @sfini/runtime's `cli`.
import { ActivityRegistration, machine } from '@sfini/core';
import { z } from 'zod';
import { SEED_HEARTBEAT_SECONDS, SEED_MACHINE_NAME, SEED_PREFIX } from '../seed.js';

export const activities = new ActivityRegistration(SEED_PREFIX);

/** Prints the Task input. */
export const printActivity = activities.activity(
  'printActivity',
  { input: z.unknown(), heartbeatSeconds: SEED_HEARTBEAT_SECONDS },
  (data) => {
    console.log(data);
  },
);

export const stateMachine = machine(
  SEED_MACHINE_NAME,
  { input: z.record(z.string(), z.unknown()) },
  (start) => start.task('print', printActivity),
);
