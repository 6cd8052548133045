// Every intrinsic expression in the definitions AWS accepted (the recorded conformance cases)
// must parse. Pass `Result` values are skipped: AWS never evaluates `.$` keys there, so it does
// not check them either.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isIntrinsicExpression, parseIntrinsic } from './parser.js';

const casesDir = fileURLToPath(new URL('../../../../../shared/conformance/cases', import.meta.url));
const haveCases = existsSync(casesDir);

function collectExpressions(node: unknown, found: string[], evaluated: boolean): void {
  if (Array.isArray(node)) {
    for (const item of node) collectExpressions(item, found, evaluated);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (record.QueryLanguage === 'JSONata') return;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'Result') continue;
    if (evaluated && key.endsWith('.$') && typeof value === 'string' && isIntrinsicExpression(value)) {
      found.push(value);
    }
    const payload = ['Parameters', 'ItemSelector', 'ResultSelector', 'Assign', 'Arguments'].includes(key);
    collectExpressions(value, found, evaluated || payload);
  }
}

describe.skipIf(!haveCases)('intrinsic expressions in recorded AWS definitions', () => {
  it('all parse', () => {
    const expressions: string[] = [];
    for (const family of readdirSync(casesDir)) {
      for (const file of readdirSync(join(casesDir, family))) {
        const recorded = JSON.parse(readFileSync(join(casesDir, family, file), 'utf8')) as {
          definition?: unknown;
        };
        collectExpressions(recorded.definition, expressions, false);
      }
    }
    expect(expressions.length).toBeGreaterThan(100);
    const failures = expressions.flatMap((text) => {
      try {
        parseIntrinsic(text);
        return [];
      } catch (error) {
        return [`${text}: ${(error as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
  });
});

if (!haveCases) {
  describe('intrinsic expressions in recorded AWS definitions', () => {
    it.skip(`skipped: no recorded cases at ${casesDir}`, () => {});
  });
}
