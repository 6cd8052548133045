import { describe, expect, it } from 'vitest';
import { EndedTokens } from './ended-tokens.js';

describe('EndedTokens', () => {
  it('refuses a timed-out token with TaskTimedOut and an answered or unknown one with TaskDoesNotExist', () => {
    const ended = new EndedTokens();
    ended.remember('late', 'timedOut');
    ended.remember('answered', 'completed');
    expect(ended.refusal('late')).toEqual({
      code: 'TaskTimedOut',
      message: `Task Timed Out: 'Provided task does not exist anymore'`,
    });
    expect(ended.refusal('answered').code).toBe('TaskDoesNotExist');
    expect(ended.refusal('never').code).toBe('TaskDoesNotExist');
    expect([ended.has('late'), ended.has('answered'), ended.has('never')]).toEqual([true, true, false]);
  });

  it('forgets the oldest token once more than its capacity are kept', () => {
    const ended = new EndedTokens(2);
    ended.remember('a', 'timedOut');
    ended.remember('b', 'timedOut');
    ended.remember('c', 'timedOut');
    expect([ended.has('a'), ended.has('b'), ended.has('c')]).toEqual([false, true, true]);
    expect(ended.refusal('a').code).toBe('TaskDoesNotExist');
  });
});
