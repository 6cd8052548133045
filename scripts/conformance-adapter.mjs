// Adapter between the shared conformance runner (../shared/conformance/run-cases.mjs) and this
// engine. It runs each recorded case through the built @sfini/testing package exactly as a user
// would: runExecution for execution cases, testState for TestState cases.
import { runExecution, testState } from '../packages/testing/dist/index.js';

export const name = '@sfini/testing';

/** Runs an execution case; the runner compares status, output, error and cause. */
export async function runCase(c, helpers) {
  const result = await runExecution(c.definition, c.input, { context: helpers.awsLikeContext(c) });
  const out = { status: result.status };
  if (result.status === 'SUCCEEDED') out.output = result.output;
  if (result.error !== undefined) out.error = result.error;
  if (result.cause !== undefined) out.cause = result.cause;
  return out;
}

/** Runs a TestState case through testState with the request fields AWS's API takes. */
export async function runTestStateCase(c) {
  const request = {
    definition: JSON.stringify(c.definition),
    input: JSON.stringify(c.input),
    inspectionLevel: c.inspectionLevel,
  };
  if (c.stateName !== undefined) request.stateName = c.stateName;
  if (c.variables !== undefined) request.variables = JSON.stringify(c.variables);
  if (c.context !== undefined) request.context = JSON.stringify(c.context);
  if (c.mock !== undefined) request.mock = c.mock;
  if (c.stateConfiguration !== undefined) request.stateConfiguration = c.stateConfiguration;
  const response = await testState(request);
  const out = { status: response.status };
  if (response.output !== undefined) out.output = JSON.parse(response.output);
  if (response.error !== undefined) out.error = response.error;
  if (response.cause !== undefined) out.cause = response.cause;
  if (response.nextState !== undefined) out.nextState = response.nextState;
  if (response.inspectionData !== undefined) out.inspectionData = parseInspection(response.inspectionData);
  return out;
}

// inspectionData carries JSON values as JSON text, as AWS returns them; the recorded cases hold
// them parsed.
function parseInspection(data) {
  const out = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // not JSON text: keep as is
      }
    }
    out[key] = value;
  }
  return out;
}
