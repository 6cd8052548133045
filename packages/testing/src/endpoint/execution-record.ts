// What the endpoint keeps of an execution: the engine's live handle plus what AWS reports that
// the engine does not know (the machine revision it started from, its input text, its name).
// The revision is captured at start so DescribeStateMachineForExecution and the run itself are
// unaffected by later updates or deletion of the machine, as on AWS.
import type { ExecutionHandle, LocalExecutionResult } from '../engine/types.js';
import type { StateMachineRevision, StateMachineType } from './state.js';

/** An execution started through the endpoint. */
export interface ExecutionRecord {
  readonly arn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly type: StateMachineType;
  readonly revision: StateMachineRevision;
  /** The input exactly as the client sent it (normalised to `{}` when absent). */
  readonly inputText: string;
  readonly traceHeader: string | undefined;
  readonly startDate: Date;
  readonly seq: number;
  readonly handle: ExecutionHandle;
  /** Set once the execution has ended. */
  result: LocalExecutionResult | undefined;
}

/** The status AWS reports: RUNNING until the engine says otherwise. */
export function executionStatus(record: ExecutionRecord) {
  return record.result?.status ?? record.handle.status();
}

/** The outcome fields of DescribeExecution / StartSyncExecution for an ended execution. */
export function outcomeFields(result: LocalExecutionResult | undefined) {
  if (!result) return {};
  const succeeded = result.status === 'SUCCEEDED';
  return {
    stopDate: result.stopDate,
    output: succeeded ? JSON.stringify(result.output ?? null) : undefined,
    outputDetails: succeeded ? { included: true } : undefined,
    error: result.error,
    cause: result.cause,
  };
}
