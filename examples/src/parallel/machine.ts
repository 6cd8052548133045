// The seed's parallel example: log the message in one branch; in the other print it and wait
// until a time the print activity computes. The output is both branches' outputs.
import { ActivityRegistration, machine } from '@sfini/core';
import { z } from 'zod';
import { SEED_HEARTBEAT_SECONDS, SEED_MACHINE_NAME, SEED_PREFIX } from '../seed.js';

export const activities = new ActivityRegistration(SEED_PREFIX);

/** Python's logging levels, for the log activity's numeric `level`. */
const LEVELS: [number, 'debug' | 'info' | 'warn' | 'error'][] = [
  [40, 'error'],
  [30, 'warn'],
  [20, 'info'],
  [0, 'debug'],
];

/** Logs `message` at `level` (Python's numeric levels: 10 debug, 20 info, 30 warning, 40 error). */
export const logActivity = activities.activity(
  'logActivity',
  {
    input: z.object({ level: z.number().int(), message: z.string() }),
    heartbeatSeconds: SEED_HEARTBEAT_SECONDS,
  },
  ({ level, message }) => {
    const method = LEVELS.find(([threshold]) => level >= threshold)?.[1] ?? 'debug';
    console[method](message);
  },
);

/** Prints `message` and returns when to stop waiting: 5 seconds per character from now. */
export const printActivity = activities.activity(
  'printActivity',
  { input: z.object({ message: z.string() }), heartbeatSeconds: SEED_HEARTBEAT_SECONDS },
  ({ message }) => {
    console.log(message);
    return new Date(Date.now() + message.length * 5000);
  },
);

export const stateMachine = machine(
  SEED_MACHINE_NAME,
  { input: z.object({ level: z.number().int(), message: z.string() }) },
  (start) =>
    start.parallel('printAndLog', {
      branches: [
        (branch) => branch.task('log', logActivity, { resultPath: null }),
        (branch) =>
          branch
            .task('print', printActivity, { resultPath: '$.until' })
            .wait('wait', { timestampPath: '$.until' }),
      ],
      resultPath: '$.parallel',
      outputPath: '$.parallel',
    }),
);
