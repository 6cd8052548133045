// Proves testState's local requests: a core machine is taken as it is (no emit-and-stringify),
// its first state's input parsed by the machine's input schema (defaults applied, bad input
// refused naming the field) while a later state's input is taken as given, its activities run in
// process, and a plain ASL object works with the input as a value.
import { ExecutionInputError } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { counterMachine, orderMachine } from '../machine.test-support.js';
import { testState } from './test-state.js';

describe('testState on a core machine', () => {
  it('tests the first state with the input parsed by the machine input schema', async () => {
    const response = await testState({ definition: counterMachine, input: { counter: 1, step: 2 } });
    expect(response).toEqual({ status: 'SUCCEEDED', output: '{"counter":3,"step":2}', nextState: 'Done' });
  });

  it('refuses first-state input the machine input schema refuses, naming the field', async () => {
    // @ts-expect-error step is missing
    const failed = testState({ definition: counterMachine, input: { counter: 1 } });
    await expect(failed).rejects.toBeInstanceOf(ExecutionInputError);
    await expect(failed).rejects.toThrow(/^input of state machine 'counter' is invalid: at \$\.step: /);
  });

  it('takes the input of a later state as given, and mocks as AWS TestState does', async () => {
    const response = await testState({
      definition: orderMachine(),
      stateName: 'Notify',
      input: { receipt: 'r-1' },
      mock: { result: JSON.stringify({ sent: true, extra: 1 }) },
    });
    expect(response).toEqual({
      status: 'SUCCEEDED',
      output: '{"receipt":"r-1","notified":{"sent":true}}',
      nextState: 'Shape',
    });
  });
});

describe('testState on a plain ASL object', () => {
  it('takes a single state and its input as values', async () => {
    const response = await testState({
      definition: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true },
      input: { n: 21 },
    });
    expect(response).toEqual({ status: 'SUCCEEDED', output: '{"doubled":42}' });
  });

  it('takes a whole machine with a state name', async () => {
    const response = await testState({
      definition: orderMachine().toDefinition(),
      stateName: 'Shape',
      input: { receipt: 'r', notified: { sent: false } },
    });
    expect(response).toEqual({ status: 'SUCCEEDED', output: '{"receipt":"r","sent":false}' });
  });
});
