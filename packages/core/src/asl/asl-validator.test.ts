// Cross-checks our validator against asl-validator, an independent implementation: on every
// definition AWS accepted (the shared conformance corpus, skipped with a message when absent)
// both agree except for asl-validator's documented false rejections, and both refuse the same
// broken machines. Also proves the test helper that runs asl-validator cannot hide a real problem
// behind a known false rejection.
import { describe, expect, it } from 'vitest';
import {
  ASL_VALIDATOR_FALSE_REJECTIONS,
  aslValidatorVerdict,
  expectAslValidatorAccepts,
} from './asl-validator.test-support.js';
import {
  corpusAvailable,
  loadCorpusDefinitions,
  wrapStateAsMachine,
} from './conformance-corpus.test-support.js';
import { validateDefinition } from './validate.js';

// asl-validator builds its JSON schema validator on every call (about 0.1 s), so the corpus is
// deduplicated first: 651 cases hold far fewer distinct definitions.
function distinctCorpusMachines(): { id: string; definition: Record<string, unknown> }[] {
  const seen = new Set<string>();
  const out: { id: string; definition: Record<string, unknown> }[] = [];
  for (const entry of loadCorpusDefinitions()) {
    const definition = entry.kind === 'machine' ? entry.definition : wrapStateAsMachine(entry.definition);
    const key = JSON.stringify(definition);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: entry.id, definition });
  }
  return out;
}

describe.skipIf(!corpusAvailable())('asl-validator on the definitions AWS accepted', () => {
  it('agrees with this validator on every one, except the documented false rejections', () => {
    const tally = new Map<string, number>();
    const disagreements: string[] = [];
    for (const { id, definition } of distinctCorpusMachines()) {
      expect(validateDefinition(definition), id).toEqual([]);
      const verdict = aslValidatorVerdict(definition);
      if (!verdict.accepted) disagreements.push(`${id}: ${verdict.errors.join('; ')}`);
      for (const rule of verdict.knownFalseRejections) tally.set(rule, (tally.get(rule) ?? 0) + 1);
    }
    expect(disagreements).toEqual([]);
    // Every documented false rejection is still real: the corpus hits each one.
    expect([...tally.keys()].sort()).toEqual(ASL_VALIDATOR_FALSE_REJECTIONS.map((r) => r.id).sort());
  }, 180_000);
});

describe('expectAslValidatorAccepts', () => {
  it('passes a valid definition', () => {
    expect(() =>
      expectAslValidatorAccepts({ StartAt: 'a', States: { a: { Type: 'Pass', Result: 1, End: true } } }),
    ).not.toThrow();
  });

  it('fails with asl-validator errors on an invalid one', () => {
    expect(() =>
      expectAslValidatorAccepts({ StartAt: 'a', States: { a: { Type: 'Pass', Next: 'b' } } }),
    ).toThrow(/^asl-validator refuses the definition:\n {2}- MISSING_TRANSITION_TARGET: /);
  });

  it('does not let a known false rejection hide a real problem', () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'a',
      States: { a: { Type: 'Pass', Output: 0, End: true }, orphan: { Type: 'Succeed' } },
    };
    const verdict = aslValidatorVerdict(definition);
    expect(verdict.accepted).toBe(false);
    expect(verdict.errors.join('\n')).toMatch(/orphan is not reachable/);
  });

  it('names the false rejection it allowed for', () => {
    const verdict = aslValidatorVerdict({
      QueryLanguage: 'JSONata',
      StartAt: 'a',
      States: { a: { Type: 'Pass', Output: 'done', End: true } },
    });
    expect(verdict).toEqual({
      accepted: true,
      knownFalseRejections: ['jsonata-literal-output'],
      errors: expect.any(Array),
    });
  });

  it('leaves the definition it checks untouched', () => {
    const definition = { StartAt: 'a', States: { a: { Type: 'Pass', End: true } } };
    const before = JSON.stringify(definition);
    aslValidatorVerdict(definition);
    expect(JSON.stringify(definition)).toBe(before);
  });
});

describe('both validators refuse the same broken machines', () => {
  const broken: Record<string, unknown> = {
    'a dangling Next': { StartAt: 'a', States: { a: { Type: 'Pass', Next: 'b' } } },
    'an unreachable state': { StartAt: 'a', States: { a: { Type: 'Succeed' }, b: { Type: 'Succeed' } } },
    'no terminal state': { StartAt: 'a', States: { a: { Type: 'Pass', Next: 'a' } } },
    'a duplicate state name': {
      StartAt: 'p',
      States: {
        p: {
          Type: 'Parallel',
          End: true,
          Branches: [{ StartAt: 'p', States: { p: { Type: 'Succeed' } } }],
        },
      },
    },
    'both Next and End': { StartAt: 'a', States: { a: { Type: 'Pass', Next: 'a', End: true } } },
    'an unknown field': { StartAt: 'a', States: { a: { Type: 'Pass', End: true, Bogus: 1 } } },
    'a bad InputPath': { StartAt: 'a', States: { a: { Type: 'Pass', End: true, InputPath: 'x' } } },
    'a Wait with two durations': {
      StartAt: 'a',
      States: { a: { Type: 'Wait', Seconds: 1, SecondsPath: '$.s', End: true } },
    },
  };
  for (const [name, definition] of Object.entries(broken)) {
    it(name, () => {
      expect(validateDefinition(definition).length).toBeGreaterThan(0);
      expect(aslValidatorVerdict(definition).accepted).toBe(false);
    });
  }
});
