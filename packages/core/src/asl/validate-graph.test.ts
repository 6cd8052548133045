// Proves the transition checks: every Next, Default, Choice rule and Catch names a state of its
// own scope (a branch cannot jump out, nor its parent in), every state is reachable (Catch edges
// included), state names are unique across the whole machine, and something ends each scope.
// Problems are compared as code and path, messages where they name the target.
import { describe, expect, it } from 'vitest';
import { validateDefinition } from './validate.js';

function found(definition: unknown): [string, string][] {
  return validateDefinition(definition).map((p) => [p.code, p.path]);
}

const succeed = { Type: 'Succeed' };

describe('transitions', () => {
  it('refuses a StartAt that names no state', () => {
    // Reachability is judged from StartAt, so it is not judged at all when StartAt is dangling.
    expect(found({ StartAt: 'start', States: { begin: succeed } })).toEqual([
      ['MISSING_TRANSITION_TARGET', '$.StartAt'],
    ]);
  });

  it('refuses a dangling Next and says which state and target', () => {
    const problems = validateDefinition({
      StartAt: 'fetch',
      States: { fetch: { Type: 'Pass', Next: 'fecth' }, done: succeed },
    });
    expect(problems.map((p) => [p.code, p.path, p.location])).toEqual([
      ['MISSING_TRANSITION_TARGET', '$.States.fetch.Next', '/States/fetch/Next'],
      ['UNREACHABLE_STATE', '$.States.done', '/States/done'],
    ]);
    expect(problems[0]?.message).toBe(
      'State "fetch": Next names "fecth", which is not a state of the state machine.',
    );
  });

  it('refuses a dangling Default and choice rule Next', () => {
    expect(
      found({
        StartAt: 'c',
        States: {
          c: {
            Type: 'Choice',
            Choices: [{ Variable: '$.x', IsPresent: true, Next: 'nowhere' }],
            Default: 'gone',
          },
        },
      }),
    ).toEqual([
      ['MISSING_TRANSITION_TARGET', '$.States.c.Default'],
      ['MISSING_TRANSITION_TARGET', '$.States.c.Choices[0].Next'],
      ['MISSING_END_STATE', '$.States'],
    ]);
  });

  it('refuses a dangling catcher Next', () => {
    expect(
      found({
        StartAt: 't',
        States: {
          t: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            End: true,
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'handler' }],
          },
        },
      }),
    ).toEqual([['MISSING_TRANSITION_TARGET', '$.States.t.Catch[0].Next']]);
  });

  it('follows catchers when deciding what is reachable', () => {
    expect(
      validateDefinition({
        StartAt: 't',
        States: {
          t: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            End: true,
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'handler' }],
          },
          handler: { Type: 'Fail', Error: 'Failed' },
        },
      }),
    ).toEqual([]);
  });

  it('reports every unreachable state, including loops no path enters', () => {
    expect(
      found({
        StartAt: 'a',
        States: {
          a: { Type: 'Succeed' },
          loop1: { Type: 'Pass', Next: 'loop2' },
          loop2: { Type: 'Pass', Next: 'loop1' },
        },
      }),
    ).toEqual([
      ['UNREACHABLE_STATE', '$.States.loop1'],
      ['UNREACHABLE_STATE', '$.States.loop2'],
    ]);
  });

  it('refuses a machine no state ends', () => {
    const problems = validateDefinition({
      StartAt: 'a',
      States: { a: { Type: 'Pass', Next: 'b' }, b: { Type: 'Pass', Next: 'a' } },
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([['MISSING_END_STATE', '$.States']]);
    expect(problems[0]?.message).toMatch(/^The state machine: no state ends it/);
  });
});

describe('scopes of Parallel branches and Map processors', () => {
  const branch = (states: Record<string, unknown>, startAt = Object.keys(states)[0]) => ({
    StartAt: startAt,
    States: states,
  });

  it('keeps a branch from jumping out to its parent', () => {
    const problems = validateDefinition({
      StartAt: 'p',
      States: {
        p: {
          Type: 'Parallel',
          Branches: [branch({ inner: { Type: 'Pass', Next: 'after' } })],
          Next: 'after',
        },
        after: succeed,
      },
    });
    expect(problems.map((p) => [p.code, p.path, p.location])).toEqual([
      [
        'MISSING_TRANSITION_TARGET',
        '$.States.p.Branches[0].States.inner.Next',
        '/States/p/Branches[0]/States/inner/Next',
      ],
      ['MISSING_END_STATE', '$.States.p.Branches[0].States', '/States/p/Branches[0]/States'],
    ]);
    expect(problems[0]?.message).toBe(
      'State "inner": Next names "after", which is not a state of branch 0 of state "p".',
    );
  });

  it('keeps the parent from jumping into a branch', () => {
    expect(
      found({
        StartAt: 'p',
        States: { p: { Type: 'Parallel', Branches: [branch({ inner: succeed })], Next: 'inner' } },
      }),
    ).toEqual([
      ['MISSING_TRANSITION_TARGET', '$.States.p.Next'],
      ['MISSING_END_STATE', '$.States'],
    ]);
  });

  it('validates Map item processors recursively with full paths', () => {
    expect(
      found({
        StartAt: 'm',
        States: {
          m: {
            Type: 'Map',
            End: true,
            ItemProcessor: { StartAt: 'first', States: { one: { Type: 'Pass', End: true } } },
          },
        },
      }),
    ).toEqual([['MISSING_TRANSITION_TARGET', '$.States.m.ItemProcessor.StartAt']]);
  });

  it('requires state names unique across the whole machine', () => {
    const problems = validateDefinition({
      StartAt: 'p',
      States: {
        p: {
          Type: 'Parallel',
          Branches: [branch({ work: succeed }), branch({ work: succeed })],
          Next: 'm',
        },
        m: { Type: 'Map', ItemProcessor: branch({ p: succeed }), End: true },
      },
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['DUPLICATE_STATE_NAME', '$.States.p.Branches[1].States.work'],
      ['DUPLICATE_STATE_NAME', '$.States.m.ItemProcessor.States.p'],
    ]);
    expect(problems[0]?.message).toBe(
      'State "work": the name is already used by the state at $.States.p.Branches[0].States.work; state names must be unique across the whole machine, branches and item processors included.',
    );
  });

  it('requires a branch to end', () => {
    expect(
      found({
        StartAt: 'p',
        States: {
          p: { Type: 'Parallel', Branches: [branch({ x: { Type: 'Pass', Next: 'x' } })], End: true },
        },
      }),
    ).toEqual([['MISSING_END_STATE', '$.States.p.Branches[0].States']]);
  });
});
