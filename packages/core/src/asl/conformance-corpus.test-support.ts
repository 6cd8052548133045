// Test support: the one reader of the conformance cases recorded from real AWS, read from the
// shared folder at run time (they are never copied into the repository). Every suite that
// replays them, here and in @sfini/testing, loads them through `loadConformanceCases`. Execution
// cases hold whole machines; TestState cases hold either a machine or a single state.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the shared conformance cases live, beside the repository (`../shared`). */
export const CONFORMANCE_CASES_DIR = fileURLToPath(
  new URL('../../../../../shared/conformance/cases', import.meta.url),
);

/** The fields every recorded case has; each reader types the rest it reads. */
export interface RecordedCaseFile {
  readonly id: string;
  readonly family: string;
  readonly kind?: string;
  readonly definition: Record<string, unknown>;
}

/** True when the shared corpus is present. */
export function corpusAvailable(): boolean {
  return existsSync(CONFORMANCE_CASES_DIR);
}

/**
 * Every recorded case, parsed, by family then file name; undefined when the corpus is absent.
 * `T` names the fields the caller reads (the files are trusted test data, not validated here).
 */
export function loadConformanceCases<T extends RecordedCaseFile = RecordedCaseFile>(): T[] | undefined {
  if (!corpusAvailable()) return undefined;
  const cases: T[] = [];
  for (const family of readdirSync(CONFORMANCE_CASES_DIR).sort()) {
    const folder = join(CONFORMANCE_CASES_DIR, family);
    for (const file of readdirSync(folder).sort()) {
      if (file.endsWith('.json')) cases.push(JSON.parse(readFileSync(join(folder, file), 'utf8')) as T);
    }
  }
  return cases;
}

/** One definition from the corpus. */
export interface CorpusDefinition {
  /** `family/case id`, for messages. */
  id: string;
  /** A whole machine (`machine`) or a single state as TestState takes it (`state`). */
  kind: 'machine' | 'state';
  definition: Record<string, unknown>;
}

/** Every definition of the corpus, in a stable order; empty when the corpus is absent. */
export function loadCorpusDefinitions(): CorpusDefinition[] {
  return (loadConformanceCases() ?? []).map(({ id, family, definition }) => ({
    id: `${family}/${id}`,
    kind: 'States' in definition ? 'machine' : 'state',
    definition,
  }));
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
