// The error names Step Functions itself raises, as a list the validator and the DSL share. A
// Retry or Catch naming a `States.` error that does not exist never matches anything: AWS
// reserves the prefix for its own errors (a state cannot raise one), yet accepts the name when
// the machine is created, so a typo such as `States.Timout` silently disables the rule. The
// nearest known name makes the warning (and the DSL's type error) point at the fix.
import type { AslStatesErrorName } from './types.js';

/** Every error name Step Functions raises, `States.ALL` first. */
export const STATES_ERROR_NAMES = [
  'States.ALL',
  'States.BranchFailed',
  'States.DataLimitExceeded',
  'States.ExceedToleratedFailureThreshold',
  'States.HeartbeatTimeout',
  'States.Http.Socket',
  'States.IntrinsicFailure',
  'States.ItemReaderFailed',
  'States.NoChoiceMatched',
  'States.ParameterPathFailure',
  'States.Permissions',
  'States.QueryEvaluationError',
  'States.ResultPathMatchFailure',
  'States.ResultWriterFailed',
  'States.Runtime',
  'States.TaskFailed',
  'States.Timeout',
] as const satisfies readonly AslStatesErrorName[];

// Fails to compile when AslStatesErrorName gains a name the list lacks.
type Missing = Exclude<AslStatesErrorName, (typeof STATES_ERROR_NAMES)[number]>;
const listIsComplete: [Missing] extends [never] ? true : Missing = true;
void listIsComplete;

const known = new Set<string>(STATES_ERROR_NAMES);

/** True when `name` uses the reserved `States.` prefix but is no error Step Functions raises. */
export function isUnknownStatesError(name: string): boolean {
  return name.startsWith('States.') && !known.has(name);
}

/** Levenshtein distance between two short strings, ignoring case. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] as number;
}

/** The known error name nearest to `name` (a few edits away at most), if one is. */
export function nearestStatesError(name: string): AslStatesErrorName | undefined {
  let best: AslStatesErrorName | undefined;
  let bestDistance = 3;
  for (const candidate of STATES_ERROR_NAMES) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
