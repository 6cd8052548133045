// The pictures the guides show are drawn from the seed examples by @sfini/core/graph. This test
// draws them again and fails when a committed picture is not what the code draws today, so the
// guides never show a machine, a layout or a colouring that no longer exists. Run it with
// SFINI_UPDATE_IMAGES=1 to redraw them after a deliberate change.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toSvg } from '@sfini/core/graph';
import { runExecution } from '@sfini/testing';
import { expect, it } from 'vitest';
import { stateMachine as errorHandling } from '../../examples/src/error-handling/machine.ts';
import { stateMachine as looping } from '../../examples/src/looping/machine.ts';
import { repoRoot } from './compile-blocks.ts';

const imagesDir = join(repoRoot, 'docs/images');

/** An execution of the error-handling example: the task times out, is retried, raises MyError, which is caught. */
async function failedErrorHandlingRun() {
  const result = await runExecution(
    errorHandling,
    {},
    {
      mocks: {
        raise: [
          { throw: { error: 'States.Timeout', cause: 'the task ran past its 10 s timeout' } },
          { throw: { error: 'MyError', cause: 'foobar' } },
        ],
      },
    },
  );
  expect(result.status).toBe('FAILED');
  expect(result.error).toBe('WorkerError');
  return result.history;
}

const pictures: Record<string, () => Promise<string>> = {
  'looping.svg': () => toSvg(looping),
  'error-handling-failed.svg': async () => toSvg(errorHandling, { history: await failedErrorHandlingRun() }),
};

for (const [file, draw] of Object.entries(pictures)) {
  it(`docs/images/${file} is what the code draws`, async () => {
    const drawn = await draw();
    if (process.env.SFINI_UPDATE_IMAGES) writeFileSync(join(imagesDir, file), drawn);
    expect(readFileSync(join(imagesDir, file), 'utf8')).toBe(drawn);
  });
}

it('the guides show every picture', () => {
  const graphs = readFileSync(join(repoRoot, 'docs/graphs.md'), 'utf8');
  for (const file of Object.keys(pictures)) expect(graphs).toContain(`](images/${file})`);
});
