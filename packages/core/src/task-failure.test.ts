// Proves the one rule turning a thrown value into a Task's error and cause: class names for
// unnamed subclasses, the message alone unless the stack is asked for, and AWS's length limits.
import { describe, expect, it } from 'vitest';
import { errorNameOf, MAX_CAUSE_LENGTH, MAX_ERROR_LENGTH, taskFailureOf } from './task-failure.js';

class Declined extends Error {}

describe('taskFailureOf', () => {
  it('names the error by its class when it set no name, the cause by its message alone', () => {
    expect(taskFailureOf(new Declined('card expired'))).toEqual({ error: 'Declined', cause: 'card expired' });
    expect(errorNameOf(new Error('x'))).toBe('Error');
    expect(errorNameOf('not an error')).toBe('Error');
  });

  it('appends the stack frames only when asked', () => {
    const { cause } = taskFailureOf(new Declined('card expired'), { includeStack: true });
    expect(cause.split('\n')[0]).toBe('card expired');
    expect(cause.split('\n')[1]).toMatch(/^\s+at /);
  });

  it('cuts error and cause to what SendTaskFailure accepts', () => {
    const long = new Error('m'.repeat(MAX_CAUSE_LENGTH + 10));
    long.name = 'N'.repeat(MAX_ERROR_LENGTH + 10);
    const failure = taskFailureOf(long);
    expect(failure.error).toHaveLength(MAX_ERROR_LENGTH);
    expect(failure.cause).toHaveLength(MAX_CAUSE_LENGTH);
    expect(failure.cause.endsWith('… [truncated]')).toBe(true);
  });
});
