// Proves that definition-time problems are collected: a definition with several mistakes is
// refused with one MachineDefinitionError listing every one of them with its location, in the
// order they were made, and the definition's own errors still reach the caller.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  activity,
  InvalidNameError,
  InvalidStateNameError,
  MachineDefinitionError,
  machine,
} from '../index.js';
import { definitionProblems } from './problems.test-support.js';

const input = z.object({ n: z.number() });
const work = activity('work', { input }, ({ n }) => ({ n }));

describe('every problem of a definition, with its location', () => {
  test('one error lists them all, in the order they were made', () => {
    let thrown: unknown;
    try {
      machine('bad name', { input, version: '2.0' as '1.0' }, (s) => {
        const first = s.pass('first', { bogus: 1 } as never);
        first.pass('second');
        const again = first.pass('third');
        const split = again.parallel('split', {
          branches: [(b) => b.pass('same'), (b) => b.pass('same'), (b) => b.pass('')],
          resultPath: null,
        });
        const choice = split.choice('pick');
        choice.when((r) => r.numericEquals('$.n', 1));
        split.wait('hold', { seconds: 1, secondsPath: '$.n' } as never);
        return choice.otherwise().task('work', work, { heartbeatSeconds: 9, timeoutSeconds: 5 });
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MachineDefinitionError);
    const { problems, message } = thrown as MachineDefinitionError;
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^invalid state machine name "bad name"/),
      "machine 'bad name': version must be '1.0'",
      "machine 'bad name': state 'first': a Pass state has no option 'bogus'",
      "machine 'bad name': state 'first' cannot go to 'third': it already goes to 'second'",
      "branch 2 of 'split', a state named 'same' already exists (branch 1 of 'split', state 'same'); AWS wants state names unique in the whole machine",
      `branch 3 of 'split', invalid state name "": a state name cannot be empty`,
      "machine 'bad name': state 'hold': a Wait takes exactly one of seconds, timestamp, secondsPath, timestampPath (got seconds, secondsPath)",
      "machine 'bad name': state 'split' cannot go to 'hold': it already goes to 'pick'",
      "machine 'bad name': state 'work': heartbeatSeconds (9) must be below timeoutSeconds (5)",
      "machine 'bad name': state 'pick' rule 1 has no target: create a state from when(...)",
      expect.stringMatching(
        /^machine 'bad name': state 'second' ends the machine, but the definition does not return it/,
      ),
    ]);
    expect(problems[0]).toBeInstanceOf(InvalidNameError);
    expect(problems[5]).toBeInstanceOf(InvalidStateNameError);
    expect(message.split('\n')[0]).toBe("machine 'bad name' has 11 problems:");
    for (const problem of problems) expect(message).toContain(`  - ${problem.message.split('\n')[0]}`);
  });

  test('targets that are not states, and Catch and Choice options, are listed too', () => {
    const problems = definitionProblems(() =>
      machine('m', { input }, (s) => {
        const t = s
          .task('t', work)
          .catch('States.ALL' as never, (f) => f.fail('failed'), { resultPat: '$.e' } as never);
        t.next('elsewhere' as never);
        const c = t.choice('c');
        c.when((r) => r.numericEquals('$.n', 1), 42 as never, { outputs: 1 } as never);
        return c.otherwise((f) => f.succeed('done'));
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      "machine 'm': state 't' catch[0]: errorEquals must be a non-empty array of error names",
      "machine 'm': state 't' catch[0]: a Catch has no option 'resultPat'",
      "machine 'm': state 't': next() takes a state",
      "machine 'm': state 'c' rule 1: a Choice rule has no option 'outputs'",
      "machine 'm': state 'c' rule 1: a target is a state or a function building states, got a number",
    ]);
  });
});

describe('what the definition itself throws', () => {
  test('with no problem found before it, it propagates as it is', () => {
    expect(() =>
      machine('m', { input }, () => {
        throw new RangeError('mine');
      }),
    ).toThrow(RangeError);
  });

  test('after problems, it is listed last with them', () => {
    const problems = definitionProblems(() =>
      machine('m', { input }, (s) => {
        s.pass('p', { bogus: true } as never);
        throw new RangeError('mine');
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      "machine 'm': state 'p': a Pass state has no option 'bogus'",
      'mine',
    ]);
    expect(problems[1]).toBeInstanceOf(RangeError);
  });

  test('a handle used after the definition returned throws at once', () => {
    let kept: { pass(name: string): unknown } | undefined;
    machine('m', { input }, (s) => {
      const p = s.pass('p');
      kept = p as never;
      return p;
    });
    expect(() => kept?.pass('late')).toThrow(/cannot add state 'late': the definition has already returned/);
  });
});
