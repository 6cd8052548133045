// Proves the depth scan on definitions built in JS, where sub-objects may be shared or even
// contain themselves: a shared part is walked and reported once (the walk is not exponential in
// the sharing), a cycle is reported where it closes instead of looping, and a definition with
// many too-deep places gets a bounded report that counts the rest.
import { describe, expect, it } from 'vitest';
import { MAX_NESTING_REPORTS, tooDeepLocations } from './nesting.js';
import { validateDefinition } from './validate.js';

function chain(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** `levels` levels, each of two keys holding the same object: 2^levels paths to `bottom`. */
function diamond(levels: number, bottom: unknown): unknown {
  let value = bottom;
  for (let i = 0; i < levels; i++) value = { l: value, r: value };
  return value;
}

describe('tooDeepLocations on shared sub-objects', () => {
  it('reports a too-deep part shared by 1024 paths once, at the first path', () => {
    const { locations, omitted } = tooDeepLocations(diamond(10, chain(30)), 25);
    expect(omitted).toBe(0);
    expect(locations).toHaveLength(1);
    expect(locations[0]!.slice(0, 10)).toEqual(Array(10).fill('l'));
    expect(locations[0]).toHaveLength(26);
  });

  it('walks a sharing of 2^60 paths in one pass per object', () => {
    // Walked per path, this would never end; each object is walked once.
    const { locations } = tooDeepLocations(diamond(60, chain(5)), 100);
    expect(locations).toEqual([]);
    expect(tooDeepLocations(diamond(60, chain(5)), 62).locations).toEqual([
      [...Array(60).fill('l'), 'a', 'a', 'a'],
    ]);
  });

  it('walks a shared object again when it is reached deeper, whichever path comes first', () => {
    const shared = chain(4);
    // Reached at depth 1 and at depth 3: only the deeper path is too deep for limit 6.
    const deepFirst = { deep: { x: { y: shared } }, shallow: shared };
    const shallowFirst = { shallow: shared, deep: { x: { y: shared } } };
    for (const value of [deepFirst, shallowFirst]) {
      expect(tooDeepLocations(value, 6).locations).toEqual([['deep', 'x', 'y', 'a', 'a', 'a', 'a']]);
    }
    // At limit 4 both paths pass it: the deeper one is where it first goes too deep.
    expect(tooDeepLocations(deepFirst, 4).locations).toEqual([['deep', 'x', 'y', 'a', 'a']]);
    expect(tooDeepLocations(shallowFirst, 4).locations).toEqual([
      ['shallow', 'a', 'a', 'a', 'a'],
      ['deep', 'x', 'y', 'a', 'a'],
    ]);
  });

  it('reports an object that contains itself where the cycle closes', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(tooDeepLocations({ Result: loop }).locations).toEqual([['Result', 'self']]);
  });
});

describe('checkNesting through validateDefinition', () => {
  it(`lists ${MAX_NESTING_REPORTS} too-deep places and counts the rest`, () => {
    const result = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, chain(300)]));
    const problems = validateDefinition({
      StartAt: 's',
      States: { s: { Type: 'Pass', Result: result, End: true } },
    });
    expect(problems.map((p) => p.code)).toEqual(Array(MAX_NESTING_REPORTS).fill('TOO_DEEPLY_NESTED'));
    expect(problems[0]!.path.startsWith('$.States.s.Result.k0.a')).toBe(true);
    expect(problems.at(-1)!.path.startsWith(`$.States.s.Result.k${MAX_NESTING_REPORTS - 1}.a`)).toBe(true);
    expect(problems.at(-1)!.message).toMatch(/ And 10 more places nested too deeply, not listed\.$/);
    expect(problems[0]!.message).not.toMatch(/more places/);
  });

  it('reports a deep value shared by two fields once', () => {
    const deep = chain(300);
    const problems = validateDefinition({
      QueryLanguage: 'JSONata',
      StartAt: 's',
      States: { s: { Type: 'Pass', Output: { a: deep }, Assign: { v: deep }, End: true } },
    });
    expect(problems.map((p) => p.path.split('.a.a')[0])).toEqual(['$.States.s.Output']);
  });
});
