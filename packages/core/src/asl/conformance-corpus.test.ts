// Proves the validator accepts every definition AWS accepted: each machine and state of the
// recorded conformance cases (read from ../shared at run time; skipped with a message when the
// corpus is absent) validates with zero problems.
import { describe, expect, it } from 'vitest';
import { corpusAvailable, loadCorpusDefinitions } from './conformance-corpus.test-support.js';
import { validateDefinition, validateStateDefinition } from './validate.js';

const corpus = loadCorpusDefinitions();

describe.skipIf(!corpusAvailable())('definitions AWS accepted (../shared/conformance/cases)', () => {
  it('holds the recorded definitions (at least the 651 shared cases)', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(651);
  });

  it('validates every one of them with zero problems', () => {
    const rejected = corpus
      .map((c) => ({
        id: c.id,
        problems:
          c.kind === 'machine' ? validateDefinition(c.definition) : validateStateDefinition(c.definition),
      }))
      .filter((r) => r.problems.length > 0)
      .map((r) => `${r.id}: ${r.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    expect(rejected).toEqual([]);
  });
});

if (!corpusAvailable()) {
  describe('definitions AWS accepted', () => {
    it.skip('skipped: ../shared/conformance/cases is absent, so the AWS-accepted corpus cannot be read', () => {});
  });
}
