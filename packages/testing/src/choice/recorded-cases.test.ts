// Measures the Choice evaluator against executions recorded from real AWS. Each time a JSONPath
// Choice state ran, the recording shows the input it was entered with and the state entered next
// (or the failure); each such decision is one probe. TestState recordings of a Choice state give
// the input and the `nextState` directly.

import type { JsonObject, JsonValue } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import {
  findState,
  isObject,
  loadRecordedCases,
  PathNotFound,
  RECORDED_CASES_DIR,
  type RecordedCase,
  type RecordedData,
  resolveRecordedPath,
} from '../intrinsics/recorded-cases.test-support.js';
import { ChoiceEvaluationError } from './errors.js';
import { selectChoice } from './evaluate.js';
import type { ChoiceScope, ChoiceStateDefinition } from './types.js';

type Outcome = { readonly next: string } | { readonly error: string; readonly cause: string };

interface Probe {
  readonly title: string;
  readonly family: string;
  readonly state: ChoiceStateDefinition;
  readonly data: RecordedData;
  readonly expected: Outcome;
}

function isJsonPathChoice(state: JsonObject | undefined): state is JsonObject & ChoiceStateDefinition {
  if (state?.Type !== 'Choice' || state.QueryLanguage === 'JSONata' || !Array.isArray(state.Choices))
    return false;
  return state.Choices.every((rule) => isObject(rule) && rule.Condition === undefined);
}

/** Drops the "An error occurred while executing the state ..." prefix the engine adds. */
function causeDetail(cause: string | undefined): string {
  return (cause ?? '').replace(
    /^An error occurred while executing the state '[^']*' \(entered at the event id #\d+\)\. /,
    '',
  );
}

/**
 * Recordings without events (the Choice operator suites) still show the decision when the
 * machine starts at a Choice state whose targets are distinct constant Pass states: the branch
 * taken is the one whose Result is the execution output.
 */
function probeFromOutput(recorded: RecordedCase): Probe[] {
  const states = recorded.definition.States as Record<string, JsonObject> | undefined;
  const start = states?.[recorded.definition.StartAt as string];
  if (states === undefined || !isJsonPathChoice(start) || recorded.expected.status !== 'SUCCEEDED') return [];
  const targets = [...new Set([...start.Choices.map((rule) => rule.Next), start.Default])];
  const results = targets.map((name) => (typeof name === 'string' ? states[name] : undefined));
  const constant = results.every(
    (target) => target?.Type === 'Pass' && target.End === true && target.Result !== undefined,
  );
  const texts = results.map((target) => JSON.stringify(target?.Result));
  if (!constant || new Set(texts).size !== texts.length) return [];
  const next = targets[texts.indexOf(JSON.stringify(recorded.expected.output))];
  if (typeof next !== 'string') return [];
  const data = { input: recorded.input, executionInput: recorded.input, variables: {} };
  return [{ title: recorded.id, family: recorded.family, state: start, data, expected: { next } }];
}

function probesOf(recorded: RecordedCase): Probe[] {
  if (recorded.events === undefined && recorded.kind !== 'test-state') return probeFromOutput(recorded);
  if (recorded.kind === 'test-state') {
    const state = recorded.definition;
    if (!isJsonPathChoice(state) || recorded.expected.status !== 'SUCCEEDED') return [];
    const next = (recorded.expected as { nextState?: string }).nextState;
    if (next === undefined) return [];
    const data = { input: recorded.input, executionInput: recorded.input, variables: {} };
    return [{ title: recorded.id, family: recorded.family, state, data, expected: { next } }];
  }
  const events = recorded.events ?? [];
  const probes: Probe[] = [];
  const variables: Record<string, JsonValue> = {};
  events.forEach((event, index) => {
    if (event.type === 'ChoiceStateEntered' && event.name !== undefined) {
      const state = findState(recorded.definition, event.name);
      const after = events.slice(index + 1).find((later) => later.type !== 'ChoiceStateExited');
      if (isJsonPathChoice(state) && after !== undefined) {
        const data = {
          input: event.input ?? null,
          executionInput: recorded.input,
          variables: { ...variables },
        };
        const title = `${recorded.id} › ${event.name} #${index}`;
        if (after.type.endsWith('StateEntered') && after.name !== undefined) {
          probes.push({ title, family: recorded.family, state, data, expected: { next: after.name } });
        } else if (after.type === 'ExecutionFailed' && after.error !== undefined) {
          const expected = { error: after.error, cause: causeDetail(after.cause) };
          probes.push({ title, family: recorded.family, state, data, expected });
        }
      }
    }
    if (event.assignedVariables !== undefined) Object.assign(variables, event.assignedVariables);
  });
  return probes;
}

function decide(probe: Probe): Outcome {
  const scope: ChoiceScope = {
    resolvePath: (path) => {
      try {
        return { found: true, value: resolveRecordedPath(path, probe.data) };
      } catch (error) {
        if (error instanceof PathNotFound) return { found: false };
        throw error;
      }
    },
  };
  try {
    return { next: selectChoice(probe.state, scope) };
  } catch (error) {
    if (error instanceof ChoiceEvaluationError) return { error: error.error, cause: error.cause };
    throw error;
  }
}

const cases = loadRecordedCases();

if (cases === undefined) {
  describe('Choice rules against recorded AWS executions', () => {
    it.skip(`skipped: no recorded cases at ${RECORDED_CASES_DIR}`, () => {});
  });
} else {
  const probes = cases.flatMap(probesOf);
  const families = [...new Set(probes.map((probe) => probe.family))];

  describe('Choice rules against recorded AWS executions', () => {
    it('finds probes in the recordings', () => {
      expect(probes.length).toBeGreaterThan(283);
    });

    for (const family of families) {
      describe(family, () => {
        for (const probe of probes.filter((candidate) => candidate.family === family)) {
          it(probe.title, () => {
            expect(decide(probe)).toEqual(probe.expected);
          });
        }
      });
    }
  });
}
