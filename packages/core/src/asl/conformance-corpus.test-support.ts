// Test support: the definitions AWS accepted, read from the shared conformance cases at run
// time (they are never copied into the repository). Execution cases hold whole machines;
// TestState cases hold either a machine or a single state, validated as TestState would.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the shared conformance cases live, beside the repository (`../shared`). */
export const CONFORMANCE_CASES_DIR = fileURLToPath(
  new URL('../../../../../shared/conformance/cases', import.meta.url),
);

/** One definition from the corpus. */
export interface CorpusDefinition {
  /** `family/file.json`, for messages. */
  id: string;
  /** A whole machine (`machine`) or a single state as TestState takes it (`state`). */
  kind: 'machine' | 'state';
  definition: Record<string, unknown>;
}

/** True when the shared corpus is present. */
export function corpusAvailable(): boolean {
  return existsSync(CONFORMANCE_CASES_DIR);
}

/** Every definition of the corpus, in a stable order; empty when the corpus is absent. */
export function loadCorpusDefinitions(): CorpusDefinition[] {
  if (!corpusAvailable()) return [];
  const out: CorpusDefinition[] = [];
  for (const family of readdirSync(CONFORMANCE_CASES_DIR).sort()) {
    const folder = join(CONFORMANCE_CASES_DIR, family);
    for (const file of readdirSync(folder).sort()) {
      if (!file.endsWith('.json')) continue;
      const parsed = JSON.parse(readFileSync(join(folder, file), 'utf8')) as {
        definition: Record<string, unknown>;
      };
      const definition = parsed.definition;
      out.push({ id: `${family}/${file}`, kind: 'States' in definition ? 'machine' : 'state', definition });
    }
  }
  return out;
}

/**
 * Wraps a single state (as TestState takes it) in a machine, adding a Succeed state for each
 * state it transitions to, so whole-machine validators can judge the state unchanged.
 */
export function wrapStateAsMachine(
  state: Record<string, unknown>,
  name = 'TestedState',
): Record<string, unknown> {
  const targets = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value !== name) targets.add(value);
  };
  add(state.Next);
  add(state.Default);
  for (const list of [state.Choices, state.Catch]) {
    if (Array.isArray(list)) for (const item of list) add((item as { Next?: unknown } | null)?.Next);
  }
  const states: Record<string, unknown> = { [name]: state };
  for (const target of targets) states[target] = { Type: 'Succeed' };
  return { StartAt: name, States: states };
}
