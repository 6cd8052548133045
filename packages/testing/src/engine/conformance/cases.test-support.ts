// Test support (not exported by the package): the recorded cases, through core's one loader of
// the shared folder, and one case run on the engine with the context the shared runner gives
// executions (an AWS-like account, machine and role), so the suite and the runner score the same
// answers.
import {
  CONFORMANCE_CASES_DIR,
  loadConformanceCases,
} from '../../../../core/src/asl/conformance-corpus.test-support.js';
import type { ConformanceCase } from './judge.test-support.js';
import { type CaseAnswer, runConformanceCase } from './run-case.js';

/** Where the recorded cases live: ../shared beside the repository. */
export const CASES_DIR = CONFORMANCE_CASES_DIR;

/** Every recorded case, or undefined when ../shared is absent. */
export function loadCases(): ConformanceCase[] | undefined {
  return loadConformanceCases<ConformanceCase>();
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

/** Runs a case: an execution, or a TestState call for `kind: 'test-state'` cases. */
export function runCase(c: ConformanceCase): Promise<CaseAnswer> {
  return runConformanceCase(c, awsLikeContext(c));
}
