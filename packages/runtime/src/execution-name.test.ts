// Proves generated execution names read machine_timestamp_random, differ within one second, fit
// AWS's 80 characters by shortening the machine part, and never split a surrogate pair.
import { describe, expect, it } from 'vitest';
import { generateExecutionName } from './execution-name.js';

const at = new Date('2018-07-11T19:07:26.530Z');

describe('generateExecutionName', () => {
  it('reads machine_timestamp_random', () => {
    expect(generateExecutionName('myStateMachine', at)).toMatch(
      /^myStateMachine_2018-07-11T19-07-26_[0-9a-f]{8}$/,
    );
  });

  it('differs between two calls in the same second', () => {
    expect(generateExecutionName('m', at)).not.toBe(generateExecutionName('m', at));
  });

  it('keeps the timestamp and suffix within 80 characters by shortening the machine part', () => {
    const long = 'x'.repeat(90);
    const name = generateExecutionName(long, at);
    expect(name).toHaveLength(80);
    expect(name).toMatch(/^x{51}_2018-07-11T19-07-26_[0-9a-f]{8}$/);
  });

  it('never cuts a surrogate pair in half', () => {
    const name = generateExecutionName(`${'a'.repeat(50)}😀tail`, at);
    expect(name.startsWith(`${'a'.repeat(50)}_`)).toBe(true);
    expect(name.length).toBeLessThanOrEqual(80);
  });
});
