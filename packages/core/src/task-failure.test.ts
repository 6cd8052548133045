// Proves how a thrown value becomes a task failure: the error named by its class, the cause the
// message alone by default or followed by the stack when asked, both cut to AWS's limits, and
// values that are not errors described rather than lost.
import { describe, expect, it } from 'vitest';
import { errorNameOf, MAX_CAUSE_LENGTH, MAX_ERROR_LENGTH, taskFailureOf } from './task-failure.js';

class MyError extends Error {}
class NamedError extends Error {
  override name = 'Custom.Name';
}

describe('taskFailureOf', () => {
  it('names an error by its class when `name` was inherited', () => {
    expect(errorNameOf(new MyError('x'))).toBe('MyError');
    expect(errorNameOf(new NamedError('x'))).toBe('Custom.Name');
    expect(errorNameOf(new TypeError('x'))).toBe('TypeError');
    expect(errorNameOf(new Error('x'))).toBe('Error');
  });

  it('sends the message alone by default, so no file path of the worker leaves it', () => {
    const failure = taskFailureOf(new MyError('foobar'));
    expect(failure).toEqual({ error: 'MyError', cause: 'foobar' });
    expect(taskFailureOf(new MyError(''))).toEqual({ error: 'MyError', cause: 'MyError' });
  });

  it('puts the message first, then the stack frames, with includeStack', () => {
    const failure = taskFailureOf(new MyError('foobar'), { includeStack: true });
    expect(failure.error).toBe('MyError');
    const [first, ...frames] = failure.cause.split('\n');
    expect(first).toBe('foobar');
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((line) => /^\s+at /.test(line))).toBe(true);
  });

  it("cuts error and cause to AWS's limits", () => {
    const error = new Error('m'.repeat(40_000));
    error.name = 'N'.repeat(300);
    const failure = taskFailureOf(error, { includeStack: true });
    expect(failure.error).toHaveLength(MAX_ERROR_LENGTH);
    expect(failure.cause).toHaveLength(MAX_CAUSE_LENGTH);
    expect(failure.cause.endsWith('… [truncated]')).toBe(true);
  });

  it('describes thrown values that are not errors', () => {
    expect(taskFailureOf('plain text')).toEqual({ error: 'Error', cause: 'plain text' });
    expect(taskFailureOf({ code: 7 })).toEqual({ error: 'Error', cause: '{"code":7}' });
  });
});
