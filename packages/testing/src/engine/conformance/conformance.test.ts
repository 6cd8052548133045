// The engine against every execution and TestState call recorded from real AWS in
// ../shared/conformance/cases: at least 97% strict agreement overall and in every family of more
// than 10 cases. Disagreements are printed with what differs. Where a case also recorded its
// per-state events and the engine's answer agrees, the history must agree with those events too.
// Skipped, with a message, where the shared folder is absent.
import { describe, expect, it } from 'vitest';
import { CASES_DIR, loadCases, runCase } from './cases.support.js';
import { compareEvents } from './events.support.js';
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
    const historyDisagreements: string[] = [];
    let historiesCompared = 0;
    for (const c of (cases ?? []).filter(scored)) {
      let verdict: Verdict;
      try {
        const answer = await runCase(c);
        verdict = judge(c, answer);
        if (verdict.strict && c.events !== undefined && answer.history !== undefined) {
          historiesCompared++;
          const differences = compareEvents(c, answer.history);
          if (differences.length > 0)
            historyDisagreements.push(`${c.family} ${c.id}\n    ${differences.slice(0, 5).join('\n    ')}`);
        }
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
        (disagreements.length > 0 ? `\ndisagreements:\n  ${disagreements.join('\n  ')}` : '') +
        `\nhistories compared with recorded events: ${historiesCompared}` +
        (historyDisagreements.length > 0
          ? `\nhistory disagreements:\n  ${historyDisagreements.join('\n  ')}`
          : ''),
    );
    expect(total.cases).toBeGreaterThan(600);
    expect(historiesCompared).toBeGreaterThan(250);
    expect(historyDisagreements).toEqual([]);
    expect(total.strict / total.cases).toBeGreaterThanOrEqual(THRESHOLD);
    for (const [name, f] of byFamily) {
      if (f.cases > 10) expect(f.strict / f.cases, `family ${name}`).toBeGreaterThanOrEqual(THRESHOLD);
    }
  }, 120_000);
});
