// Replays one conformance case recorded from AWS (../shared/conformance) on the engine, through
// the public functions a user calls: runExecution for an execution, testState for a TestState
// call, and turns the answer into the case's terms (JSON text parsed back into values). It is the
// one runner of cases: the package's conformance suite and the adapter of the shared runner
// (scripts/conformance-adapter.mjs, which loads it from the build) both call it. Not exported by
// the package's index.
import type { JsonValue } from '@sfini/core';
import { runExecution } from '../execution.js';
import { testState } from '../test-state/test-state.js';
import type { TestStateRequest } from '../test-state/types.js';
import type { HistoryEvent, RunOptions } from '../types.js';

/** The fields of a recorded case the runner reads. */
export interface CaseToRun {
  readonly id: string;
  readonly kind?: string;
  readonly definition: Record<string, unknown>;
  readonly input: JsonValue;
  readonly stateName?: string;
  readonly variables?: JsonValue;
  readonly context?: JsonValue;
  readonly mock?: {
    result?: string;
    errorOutput?: { error?: string; cause?: string };
    fieldValidationMode?: string;
  };
  readonly stateConfiguration?: Record<string, unknown>;
  readonly inspectionLevel?: 'INFO' | 'DEBUG' | 'TRACE';
}

/** What the engine answered, in the case's terms (JSON values parsed). */
export interface CaseAnswer {
  status: string;
  output?: JsonValue;
  error?: string;
  cause?: string;
  nextState?: string;
  inspectionData?: Record<string, JsonValue>;
  /** The execution's history (execution cases). */
  history?: readonly HistoryEvent[];
}

/** inspectionData carries JSON values as JSON text, as AWS returns them; the cases hold them parsed. */
function parseOrKeep(value: unknown): JsonValue {
  if (typeof value !== 'string') return value as JsonValue;
  try {
    return JSON.parse(value) as JsonValue;
  } catch {
    return value;
  }
}

async function runTestStateCase(c: CaseToRun): Promise<CaseAnswer> {
  const request: TestStateRequest = {
    definition: JSON.stringify(c.definition),
    input: JSON.stringify(c.input),
    ...(c.inspectionLevel ? { inspectionLevel: c.inspectionLevel } : {}),
    ...(c.stateName !== undefined ? { stateName: c.stateName } : {}),
    ...(c.variables !== undefined ? { variables: JSON.stringify(c.variables) } : {}),
    ...(c.context !== undefined ? { context: JSON.stringify(c.context) } : {}),
    ...(c.mock !== undefined ? { mock: c.mock as TestStateRequest['mock'] } : {}),
    ...(c.stateConfiguration !== undefined ? { stateConfiguration: c.stateConfiguration } : {}),
  };
  const response = await testState(request);
  const answer: CaseAnswer = { status: response.status };
  if (response.output !== undefined) answer.output = JSON.parse(response.output) as JsonValue;
  if (response.error !== undefined) answer.error = response.error;
  if (response.cause !== undefined) answer.cause = response.cause;
  if (response.nextState !== undefined) answer.nextState = response.nextState;
  if (response.inspectionData !== undefined) {
    answer.inspectionData = Object.fromEntries(
      Object.entries(response.inspectionData).map(([k, v]) => [k, parseOrKeep(v)]),
    );
  }
  return answer;
}

/**
 * Runs a case: a TestState call for `kind: 'test-state'` cases, else an execution given
 * `context` (the recorder's account, machine and role, so ARNs in outputs read like AWS's).
 */
export async function runConformanceCase(
  c: CaseToRun,
  context: RunOptions['context'] = {},
): Promise<CaseAnswer> {
  if (c.kind === 'test-state') return runTestStateCase(c);
  const result = await runExecution(c.definition, c.input, { context });
  const answer: CaseAnswer = { status: result.status, history: result.history };
  if (result.status === 'SUCCEEDED') answer.output = result.output;
  if (result.error !== undefined) answer.error = result.error;
  if (result.cause !== undefined) answer.cause = result.cause;
  return answer;
}
