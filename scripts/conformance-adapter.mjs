// Adapter between the shared conformance runner (../shared/conformance/run-cases.mjs) and this
// engine. It runs each recorded case through the package's one case runner (the same code the
// package's own conformance suite uses), loaded from the build: runExecution for execution cases,
// testState for TestState cases, exactly as a user would call them.
import { runConformanceCase } from '../packages/testing/dist/engine/conformance/run-case.js';

export const name = '@sfini/testing';

/** The fields of an answer the runner scores (the history stays out of its report). */
function scoredFields(answer) {
  const { history: _history, ...scored } = answer;
  return scored;
}

/** Runs an execution case with the runner's AWS-like context. */
export async function runCase(c, helpers) {
  return scoredFields(await runConformanceCase(c, helpers.awsLikeContext(c)));
}

/** Runs a TestState case. */
export async function runTestStateCase(c) {
  return scoredFields(await runConformanceCase(c));
}
