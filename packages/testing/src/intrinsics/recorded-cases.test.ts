// Measures evaluateIntrinsic against executions recorded from real AWS. Every Pass state that
// builds a payload with intrinsic functions is one probe: its Parameters template is applied to
// the input the state was entered with and compared with the output AWS recorded, and its Assign
// block is compared with the variables AWS recorded as assigned. Probes that need data the
// recording lacks (e.g. `$$.Map.Item.Value`) are listed as skipped, not counted as passes.

import type { JsonObject, JsonValue } from '@sfini/core';
import { isIntrinsicExpression } from '@sfini/core';
import { describe, expect, it } from 'vitest';
import { evaluateIntrinsic } from './evaluate.js';
import {
  findState,
  isObject,
  loadRecordedCases,
  maskNormalized,
  PathNotFound,
  RECORDED_CASES_DIR,
  type RecordedCase,
  type RecordedData,
  resolveRecordedPath,
  Unsupported,
} from './recorded-cases.test-support.js';

interface Probe {
  readonly title: string;
  readonly family: string;
  readonly run: () => { expected: JsonValue; actual: JsonValue };
}

function hasIntrinsic(template: JsonValue | undefined): boolean {
  if (Array.isArray(template)) return template.some(hasIntrinsic);
  if (!isObject(template)) return false;
  return Object.entries(template).some(
    ([key, value]) =>
      (key.endsWith('.$') && typeof value === 'string' && isIntrinsicExpression(value)) ||
      hasIntrinsic(value),
  );
}

/** The minimal payload-template walk the probes need: `.$` keys take a path or intrinsic value. */
function applyTemplate(template: JsonValue, data: RecordedData): JsonValue {
  if (Array.isArray(template)) return template.map((item) => applyTemplate(item, data));
  if (!isObject(template)) return template;
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$') && typeof value === 'string') {
      result[key.slice(0, -2)] = isIntrinsicExpression(value)
        ? evaluateIntrinsic(value, {
            resolvePath: (path) => resolveRecordedPath(path, data),
            random: () => 0.5,
          })
        : resolveRecordedPath(value, data);
    } else {
      result[key] = applyTemplate(value, data);
    }
  }
  return result;
}

function probesOf(recorded: RecordedCase): Probe[] {
  const events = recorded.events ?? [];
  const placeholders = new Set(
    (recorded.expected.normalized ?? []).flatMap((entry) =>
      typeof entry.value === 'string' ? [entry.value] : [],
    ),
  );
  const probes: Probe[] = [];
  const variables: Record<string, JsonValue> = {};
  let enteredInput: JsonValue = null;
  for (const event of events) {
    if (event.type.endsWith('StateEntered')) enteredInput = event.input ?? null;
    if (event.type === 'PassStateExited' && event.name !== undefined) {
      const state = findState(recorded.definition, event.name);
      const data: RecordedData = {
        input: enteredInput,
        executionInput: recorded.input,
        variables: { ...variables },
      };
      const title = `${recorded.id} › ${event.name}`;
      if (state !== undefined && state.QueryLanguage !== 'JSONata') {
        const plain =
          state.InputPath === undefined && state.OutputPath === undefined && state.ResultPath === undefined;
        if (plain && hasIntrinsic(state.Parameters) && event.output !== undefined) {
          const expected = event.output;
          probes.push({
            title: `${title} › Parameters`,
            family: recorded.family,
            run: () => ({
              expected,
              actual: maskNormalized(
                expected,
                applyTemplate(state.Parameters as JsonValue, data),
                placeholders,
              ),
            }),
          });
        }
        if (
          state.InputPath === undefined &&
          hasIntrinsic(state.Assign) &&
          event.assignedVariables !== undefined
        ) {
          const assigned = event.assignedVariables;
          probes.push({
            title: `${title} › Assign`,
            family: recorded.family,
            run: () => {
              const result =
                state.Result ??
                (state.Parameters === undefined ? data.input : applyTemplate(state.Parameters, data));
              const actual = applyTemplate(state.Assign as JsonValue, {
                ...data,
                input: result,
              }) as JsonObject;
              const expected = Object.fromEntries(
                Object.keys(actual).map((key) => [key, assigned[key] ?? null]),
              );
              return { expected, actual: maskNormalized(expected, actual, placeholders) };
            },
          });
        }
      }
    }
    if (event.assignedVariables !== undefined) Object.assign(variables, event.assignedVariables);
  }
  return probes;
}

const cases = loadRecordedCases();

if (cases === undefined) {
  describe('intrinsic functions against recorded AWS executions', () => {
    it.skip(`skipped: no recorded cases at ${RECORDED_CASES_DIR}`, () => {});
  });
} else {
  const probes = cases.flatMap(probesOf);
  const families = [...new Set(probes.map((probe) => probe.family))];

  describe('intrinsic functions against recorded AWS executions', () => {
    it('finds probes in the recordings', () => {
      expect(probes.length).toBeGreaterThan(90);
    });

    for (const family of families) {
      describe(family, () => {
        for (const probe of probes.filter((candidate) => candidate.family === family)) {
          it(probe.title, (context) => {
            let outcome: { expected: JsonValue; actual: JsonValue };
            try {
              outcome = probe.run();
            } catch (error) {
              if (error instanceof Unsupported) return context.skip(error.message);
              if (error instanceof PathNotFound)
                throw new Error(`recorded data lacks a path: ${error.message}`);
              throw error;
            }
            expect(outcome.actual).toEqual(outcome.expected);
          });
        }
      });
    }
  });
}
