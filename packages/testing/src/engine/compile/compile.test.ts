// The compiler trusts validation: an invalid definition is refused by @sfini/core's validator with
// every problem listed once, and what the compiler itself records (should it ever refuse what the
// validator accepted) names the field once, at its JSONPath and AWS location.
import { InvalidDefinitionError } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { Problems } from './fields.js';
import { compileMachine } from './machine.js';

describe('compileMachine', () => {
  it("reports an invalid definition with the validator's problems, each path once", () => {
    const definition = {
      StartAt: 'P',
      States: { P: { Type: 'Pass', InputPath: '$.a[', Next: 'Nowhere' } },
    };
    let thrown: unknown;
    try {
      compileMachine(definition);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidDefinitionError);
    const problems = (thrown as InvalidDefinitionError).problems;
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['$.States.P.InputPath', '$.States.P.Next']),
    );
    for (const problem of problems) expect(problem.message).not.toContain(problem.path);
    expect((thrown as Error).message.split('$.States.P.InputPath').length).toBe(2);
  });
});

describe('Problems', () => {
  it('records what a compiler threw at the field, naming its place once', () => {
    const problems = new Problems();
    expect(
      problems.guard(['States', 'my state', 'Retry', 0], () => {
        throw new Error('cannot compile this');
      }),
    ).toBeUndefined();
    expect(problems.guard(['States', 'ok'], () => 42)).toBe(42);
    expect(problems.list).toEqual([
      {
        code: 'INVALID_VALUE',
        message: 'cannot compile this',
        path: "$.States['my state'].Retry[0]",
        location: '/States/my state/Retry[0]',
      },
    ]);
    expect(() => problems.assertNone()).toThrow(
      /^Invalid state machine definition \(1 problem\):\n {2}- \$\.States\['my state'\]\.Retry\[0\]: cannot compile this \[INVALID_VALUE\]$/,
    );
  });
});
