// The five seed examples in one list, in the order of the seed's README, so the demo, the
// fixture tests and the end-to-end runs walk the same set.
import type { AnyActivity, AnyStateMachine } from '@sfini/core';
import * as cli from './cli/machine.js';
import * as errorHandling from './error-handling/machine.js';
import * as fileProcessing from './file-processing/machine.js';
import * as looping from './looping/machine.js';
import * as parallel from './parallel/machine.js';

/** One seed example: its machine and the activities registered with it. */
export interface SeedExample {
  /** The example's folder and fixture name. */
  id: 'file-processing' | 'looping' | 'parallel' | 'cli' | 'error-handling';
  title: string;
  stateMachine: AnyStateMachine;
  activities: readonly AnyActivity[];
}

export const seedExamples: readonly SeedExample[] = [
  {
    id: 'file-processing',
    title: 'File processing',
    stateMachine: fileProcessing.stateMachine,
    activities: fileProcessing.activities.activities,
  },
  {
    id: 'looping',
    title: 'Looping',
    stateMachine: looping.stateMachine,
    activities: looping.activities.activities,
  },
  {
    id: 'parallel',
    title: 'Parallel',
    stateMachine: parallel.stateMachine,
    activities: parallel.activities.activities,
  },
  { id: 'cli', title: 'CLI', stateMachine: cli.stateMachine, activities: cli.activities.activities },
  {
    id: 'error-handling',
    title: 'Error handling',
    stateMachine: errorHandling.stateMachine,
    activities: errorHandling.activities.activities,
  },
];
