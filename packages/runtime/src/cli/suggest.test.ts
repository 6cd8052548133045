// Proves the suggestion rule: one slip (a swap, a missing, extra or wrong letter) or a unique
// prefix finds the name meant; anything further, or a tie, suggests nothing.
import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './suggest.js';

describe('closestName', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('wiat', 'wait')).toBe(1);
    expect(editDistance('start', 'strat')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('finds the name one slip away, or the unique name a prefix begins', () => {
    const names = ['start', 'stop', 'status', 'executions', 'history'];
    expect(closestName('strat', names)).toBe('start');
    expect(closestName('histroy', names)).toBe('history');
    expect(closestName('exec', names)).toBe('executions');
    expect(closestName('STOP', names)).toBe('stop');
  });

  it('suggests nothing when no name is close, or two are equally close', () => {
    expect(closestName('deploy', ['start', 'stop'])).toBeUndefined();
    expect(closestName('sta', ['start', 'status'])).toBeUndefined();
    expect(closestName('sop', ['stop', 'shop'])).toBeUndefined();
  });
});
