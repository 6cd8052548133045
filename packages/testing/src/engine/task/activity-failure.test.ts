// Proves an in-process activity fails as a sfini worker reports it by default: the error is the
// name a catcher matches (the class name of an unnamed Error subclass), the cause the message
// alone (no stack), the name when the message is empty, and a thrown non-Error as JSON.
import { activity, activityArn } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runExecution } from '../execution.js';

class Declined extends Error {}

function failingWith(thrown: () => unknown) {
  const failing = activity('failing', { input: z.object({}) }, () => {
    throw thrown();
  });
  const definition = {
    StartAt: 'Run',
    States: { Run: { Type: 'Task', Resource: activityArn('failing'), End: true } },
  };
  return runExecution(definition, {}, { activities: [failing] });
}

describe('an in-process activity that throws', () => {
  it('fails with the class name and the message alone, as a worker sends them', async () => {
    const result = await failingWith(() => new Declined('card expired'));
    expect(result).toMatchObject({ status: 'FAILED', error: 'Declined', cause: 'card expired' });
    const failed = result.history.find((e) => e.type === 'ActivityFailed');
    expect(failed?.activityFailedEventDetails).toEqual({ error: 'Declined', cause: 'card expired' });
  });

  it('gives the name as cause for an empty message, and non-Error values as JSON', async () => {
    expect(await failingWith(() => new TypeError(''))).toMatchObject({
      error: 'TypeError',
      cause: 'TypeError',
    });
    expect(await failingWith(() => ({ code: 42 }))).toMatchObject({ error: 'Error', cause: '{"code":42}' });
    expect(await failingWith(() => 'plain text')).toMatchObject({ error: 'Error', cause: 'plain text' });
  });
});
