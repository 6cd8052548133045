// Proves each example emits the same ASL as the Python seed it re-imagines, except for the
// deliberate differences seed-differences.ts lists (each checked to change something), by
// comparing toDefinition() as JSON with the seed's recorded ASL in fixtures/python-seed; each is
// also accepted by our validator and by asl-validator, the second opinion the core tests use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateDefinition } from '@sfini/core';
import { describe, expect, test } from 'vitest';
import { expectAslValidatorAccepts } from '../../packages/core/src/asl/asl-validator.test-support.js';
import { seedExamples } from './examples.js';
import { expectedDefinition, seedDifferences } from './seed-differences.js';

const fixture = (id: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../fixtures/python-seed/${id}.asl.json`, import.meta.url)), 'utf8'),
  );

describe('the seed examples emit the ASL the Python seed builds', () => {
  for (const example of seedExamples) {
    test(`${example.title}: the seed's ASL, with ${seedDifferences[example.id].length} deliberate difference(s)`, () => {
      const emitted = example.stateMachine.toDefinition();
      expect(emitted).toEqual(expectedDefinition(example.id, fixture(example.id)));
      expect(validateDefinition(emitted)).toEqual([]);
      expectAslValidatorAccepts(emitted);
    });
  }

  test('each deliberate difference changes the seed ASL (none is a no-op)', () => {
    for (const example of seedExamples) {
      for (const difference of seedDifferences[example.id]) {
        const seed = fixture(example.id);
        const changed = structuredClone(seed);
        difference.apply(changed);
        expect(changed, difference.why).not.toEqual(seed);
      }
    }
  });

  test('every example lists exactly the activities its machine runs', () => {
    for (const example of seedExamples) {
      expect([...example.stateMachine.activities].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
        [...example.activities].sort((a, b) => a.name.localeCompare(b.name)),
      );
    }
  });
});
