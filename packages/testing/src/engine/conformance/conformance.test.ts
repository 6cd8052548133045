// The engine against every execution and TestState call recorded from real AWS in
// ../shared/conformance/cases: at least 97% strict agreement overall and in every family of more
// than 10 cases. Disagreements are printed with what differs. Skipped, with a message, where the
// shared folder is absent.
import { describe, expect, it } from 'vitest';
import { CASES_DIR, loadCases, runCase } from './cases.support.js';
import { type ConformanceCase, judge, type Verdict } from './judge.support.js';

const cases = loadCases();
if (cases === undefined) {
  console.warn(`conformance suite skipped: no recorded cases at ${CASES_DIR} (../shared is absent)`);
}
const THRESHOLD = 0.97;
const SCORED = new Set(['SUCCEEDED', 'FAILED']);

function scored(c: ConformanceCase): boolean {
  return c.kind === 'test-state' || SCORED.has(c.expected.status);
}

describe.skipIf(cases === undefined)('conformance with recorded AWS behaviour', () => {
  it('agrees strictly with at least 97% of the cases, overall and per family', async () => {
    const byFamily = new Map<string, { cases: number; strict: number; lenient: number }>();
    const disagreements: string[] = [];
    for (const c of (cases ?? []).filter(scored)) {
      let verdict: Verdict;
      try {
        verdict = judge(c, await runCase(c));
      } catch (error) {
        verdict = { strict: false, lenient: false, differences: [`threw ${(error as Error).stack}`] };
      }
      const family = byFamily.get(c.family) ?? { cases: 0, strict: 0, lenient: 0 };
      family.cases++;
      if (verdict.strict) family.strict++;
      if (verdict.lenient) family.lenient++;
      byFamily.set(c.family, family);
      if (!verdict.strict)
        disagreements.push(`${c.family} ${c.id}\n    ${verdict.differences.join('\n    ')}`);
    }
    const total = [...byFamily.values()].reduce(
      (sum, f) => ({
        cases: sum.cases + f.cases,
        strict: sum.strict + f.strict,
        lenient: sum.lenient + f.lenient,
      }),
      { cases: 0, strict: 0, lenient: 0 },
    );
    const lines = [...byFamily.entries()].map(
      ([name, f]) =>
        `${name.padEnd(24)} ${String(f.cases).padStart(4)}  strict ${f.strict}  lenient ${f.lenient}`,
    );
    console.log(
      `conformance (${CASES_DIR}):\n${lines.join('\n')}\n` +
        `TOTAL strict ${total.strict}/${total.cases} (${((100 * total.strict) / total.cases).toFixed(1)}%), ` +
        `lenient ${total.lenient}/${total.cases}` +
        (disagreements.length > 0 ? `\ndisagreements:\n  ${disagreements.join('\n  ')}` : ''),
    );
    expect(total.cases).toBeGreaterThan(600);
    expect(total.strict / total.cases).toBeGreaterThanOrEqual(THRESHOLD);
    for (const [name, f] of byFamily) {
      if (f.cases > 10) expect(f.strict / f.cases, `family ${name}`).toBeGreaterThanOrEqual(THRESHOLD);
    }
  }, 120_000);
});
