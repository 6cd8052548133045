// Where the TypeScript examples deliberately emit other ASL than the Python seed. Each
// difference is an edit of the seed's ASL with the reason for it; the fixture tests apply
// exactly these edits and then expect equality, so any other divergence fails them.
import type { SeedExample } from './examples.js';

type Json = { [key: string]: any };

/** One deliberate difference from the seed's ASL. */
export interface SeedDifference {
  why: string;
  apply(definition: Json): void;
}

export const seedDifferences: Record<SeedExample['id'], readonly SeedDifference[]> = {
  'file-processing': [],
  looping: [],
  cli: [],
  parallel: [
    {
      why:
        "The second branch's Task is named 'print', not 'log': AWS wants state names unique in the whole " +
        'machine, branches included, and refuses the seed\'s two states named "log".',
      apply(definition) {
        const branch = definition.States.printAndLog.Branches[1];
        branch.StartAt = 'print';
        branch.States = { print: branch.States.log, wait: branch.States.wait };
      },
    },
  ],
  'error-handling': [
    {
      why:
        'The Catch names the error MyError (what a worker reports for it); sfini emitted type(exc).__name__, ' +
        'which for an exception class is "type", so its Catch never matched.',
      apply(definition) {
        definition.States.raise.Catch[0].ErrorEquals = ['MyError'];
      },
    },
    {
      why:
        'No HeartbeatSeconds on the raise Task: sfini emitted 25 with TimeoutSeconds 10, and AWS refuses a ' +
        'heartbeat that is not below the timeout.',
      apply(definition) {
        delete definition.States.raise.HeartbeatSeconds;
      },
    },
  ],
};

/** The seed's ASL with the deliberate differences applied. */
export function expectedDefinition(id: SeedExample['id'], seedAsl: Json): Json {
  const copy = structuredClone(seedAsl);
  for (const difference of seedDifferences[id]) difference.apply(copy);
  return copy;
}
