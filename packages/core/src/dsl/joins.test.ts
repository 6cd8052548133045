// Proves the builder's side of checking joins against what a state reads (types/reads.ts): a
// Catch that passes a state's input on makes the state need all of it, which a handle made
// before that Catch does not know, so the builder refuses a join the types checked against less,
// whichever order the two are written in, and accepts every join the types checked soundly.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { activity, machine } from '../index.js';

const input = z.object({ id: z.string(), n: z.number() });
const work = activity('work', { input: z.object({ n: z.number() }) }, ({ n }) => ({ n: n + 1 }));

/** A state of an emitted definition, by name. */
function stateOf(definition: Record<string, unknown>, name: string): unknown {
  return (definition.States as Record<string, unknown>)[name];
}

describe('a join through a handle made before a Catch that passes the input on', () => {
  test('a join first, then such a Catch: the Catch is refused, naming the join', () => {
    expect(() =>
      machine('m', { input }, (s) => {
        const t = s.pass('start').task('t', work);
        const other = t.pass('after');
        other.next(t);
        t.catch(['States.ALL'], (f) => f.fail('failed'), { resultPath: '$.error' });
        return t;
      }),
    ).toThrow(
      /state 't' catch\[0\]: this Catch passes the state's input on, so the state needs all of it, but machine 'm': state 'after' already goes to it/,
    );
  });

  test('such a Catch first, then a join through the older handle: the join is refused', () => {
    expect(() =>
      machine('m', { input }, (s) => {
        const t = s.task('t', work);
        t.catch(['States.ALL'], (f) => f.fail('failed'), { resultPath: null });
        const after = t.pass('after');
        after.next(t);
        return after;
      }),
    ).toThrow(
      /state 'after': goes to machine 'm': state 't' through a handle made before its Catch at machine 'm': state 't' catch\[0\]/,
    );
  });

  test('a JSONata output or Assign in the Catch counts as passing the input on', () => {
    for (const options of [
      { output: '{% $states.input %}' },
      { assign: { seen: '{% $states.input.id %}' } },
    ]) {
      expect(() =>
        machine('m', { input }, (s) => {
          const t = s.task('t', work);
          t.pass('after').next(t);
          t.catch(['States.ALL'], (f) => f.fail('failed'), options as never);
          return t;
        }),
      ).toThrow(/this Catch passes the state's input on/);
    }
  });

  test('accepted: joins through the handle catch() returned, Catches that replace the input, a Catch back to its own state', () => {
    const through = machine('m', { input }, (s) => {
      const t = s
        .task('t', work, { resultPath: '$.out' })
        .catch(['States.ALL'], (f) => f.fail('failed'), { resultPath: '$.error' });
      t.pass('after').next(t);
      return t;
    });
    expect(stateOf(through.toDefinition(), 'after')).toMatchObject({ Next: 't' });

    const replacing = machine('m', { input }, (s) => {
      const t = s.task('t', work);
      t.pass('after').next(t);
      return t.catch(['States.ALL'], (f) => f.fail('failed'), { assign: { 'at.$': '$.Error' } });
    });
    expect(stateOf(replacing.toDefinition(), 't')).toMatchObject({ Catch: [{ Next: 'failed' }] });

    const selfLoop = machine('m', { input }, (s) => {
      const t = s.task('t', work);
      return t.catch(['States.Timeout'], t, { resultPath: '$.lastError' });
    });
    expect(stateOf(selfLoop.toDefinition(), 't')).toMatchObject({
      Catch: [{ ErrorEquals: ['States.Timeout'], Next: 't', ResultPath: '$.lastError' }],
    });
  });
});
