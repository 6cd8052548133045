// Proves the one input check every start shares: defaults filled in, every bad field named with
// its JSONPath, and input passed through untouched when the machine describes none.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ExecutionInputError, parseMachineInput } from './machine-input.js';

const orders = {
  name: 'orders',
  inputSchema: z.object({ id: z.string(), items: z.array(z.object({ qty: z.number().default(1) })) }),
};

describe('parseMachineInput', () => {
  it('returns the parsed input, defaults applied', () => {
    expect(parseMachineInput(orders, { id: 'o-1', items: [{}] })).toEqual({ id: 'o-1', items: [{ qty: 1 }] });
  });

  it('names every invalid field of the machine', () => {
    const error = (() => {
      try {
        parseMachineInput(orders, { items: [{ qty: 'two' }] });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ExecutionInputError);
    expect((error as ExecutionInputError).issues).toHaveLength(2);
    expect((error as Error).message).toMatch(
      /^input of state machine 'orders' is invalid: at \$\.id: .+; at \$\.items\[0\]\.qty: /,
    );
  });

  it('passes input through when the machine has no input schema', () => {
    const input = { anything: [1, 2] };
    expect(parseMachineInput({ name: 'free', inputSchema: undefined }, input)).toBe(input);
  });
});
