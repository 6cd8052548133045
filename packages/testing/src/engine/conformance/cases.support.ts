// Test support (not exported by the package): runs one recorded case on the engine, through the
// public API a user would call, and turns the answer into the case's terms. The context given to
// executions matches the shared runner's (an AWS-like account, machine and role), so both score
// the same answers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonValue } from '@sfini/core';
import { runExecution } from '../execution.js';
import { testState } from '../test-state/test-state.js';
import type { TestStateRequest } from '../test-state/types.js';
import type { CaseAnswer, ConformanceCase } from './judge.support.js';

/** Where the recorded cases live: ../shared beside the repository. */
export const CASES_DIR = fileURLToPath(
  new URL('../../../../../../shared/conformance/cases', import.meta.url),
);

/** Every recorded case, or undefined when ../shared is absent. */
export function loadCases(): ConformanceCase[] | undefined {
  if (!existsSync(CASES_DIR)) return undefined;
  const cases: ConformanceCase[] = [];
  for (const family of readdirSync(CASES_DIR).sort()) {
    for (const file of readdirSync(join(CASES_DIR, family)).sort()) {
      if (file.endsWith('.json')) cases.push(JSON.parse(readFileSync(join(CASES_DIR, family, file), 'utf8')));
    }
  }
  return cases;
}

function awsLikeContext(c: ConformanceCase) {
  const account = '111111111111';
  const machine = `arn:aws:states:us-east-1:${account}:stateMachine:conformance`;
  const name = c.id.slice(-8);
  return {
    Execution: {
      Id: `arn:aws:states:us-east-1:${account}:execution:conformance:${name}`,
      Name: name,
      RoleArn: `arn:aws:iam::${account}:role/conformance`,
      RedriveCount: 0,
    },
    StateMachine: { Id: machine, Name: 'conformance' },
  };
}

function parseOrKeep(value: unknown): JsonValue {
  if (typeof value !== 'string') return value as JsonValue;
  try {
    return JSON.parse(value) as JsonValue;
  } catch {
    return value;
  }
}

/** Runs a case: an execution, or a TestState call for `kind: 'test-state'` cases. */
export async function runCase(c: ConformanceCase): Promise<CaseAnswer> {
  if (c.kind === 'test-state') {
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
  const result = await runExecution(c.definition, c.input, { context: awsLikeContext(c) });
  const answer: CaseAnswer = { status: result.status };
  if (result.status === 'SUCCEEDED') answer.output = result.output;
  if (result.error !== undefined) answer.error = result.error;
  if (result.cause !== undefined) answer.cause = result.cause;
  return answer;
}
