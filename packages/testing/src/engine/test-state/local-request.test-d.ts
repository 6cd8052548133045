// Types of testState's local requests, both ways: a machine's first state takes the machine's
// input type; a named state or an ASL object takes any JSON; AWS's text request still compiles.
import { describe, expectTypeOf, it } from 'vitest';
import { counterMachine } from '../machine.test-support.js';
import { testState } from './test-state.js';
import type { TestStateResponse } from './types.js';

describe('testState request types', () => {
  it('accepts a machine, an ASL object and the AWS request', () => {
    expectTypeOf(
      testState({ definition: counterMachine, input: { counter: 1, step: 2 } }),
    ).resolves.toEqualTypeOf<TestStateResponse>();
    void testState({ definition: counterMachine, stateName: 'Done', input: [1, 'any JSON'] });
    void testState({ definition: { Type: 'Pass', End: true }, input: { a: 1 } });
    void testState({ definition: '{"Type":"Pass","End":true}', input: '{"a":1}' });
  });

  it('refuses input the machine does not take and input text with a machine', () => {
    // @ts-expect-error counter must be a number
    void testState({ definition: counterMachine, input: { counter: '1', step: 2 } });
    // @ts-expect-error the first state of a machine takes its input as a value, not JSON text
    void testState({ definition: counterMachine, input: '{"counter":1,"step":2}' });
    // @ts-expect-error a definition is a machine, an ASL object or JSON text
    void testState({ definition: 42 });
  });
});
