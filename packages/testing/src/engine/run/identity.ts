// Who an execution is: its ARN, name, machine and role, from the caller's context overrides or
// generated the way AWS would. The region and account come from the ARNs when given, so a Lambda
// or map-run ARN the engine builds lands in the same place.
import { randomUUID } from 'node:crypto';
import {
  executionArn as buildExecutionArn,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_REGION,
  type JsonValue,
  parseStatesArn,
  stateMachineArn,
} from '@sfini/core';
import type { RunOptions } from '../types.js';
import type { ExecutionIdentity, MachineIdentity } from './runtime.js';

export interface Identity {
  readonly executionArn: string;
  readonly execution: ExecutionIdentity;
  readonly stateMachine: MachineIdentity;
  readonly region: string;
  readonly accountId: string;
}

/** The default machine name when neither the caller nor the machine gives one. */
export const DEFAULT_MACHINE_NAME = 'LocalStateMachine';

export function executionIdentity(
  options: RunOptions,
  machineName: string | undefined,
  input: JsonValue,
  startMs: number,
): Identity {
  const given = options.context ?? {};
  const parsed = given.Execution?.Id ? parseStatesArn(given.Execution.Id) : undefined;
  const parsedMachine = given.StateMachine?.Id ? parseStatesArn(given.StateMachine.Id) : undefined;
  const region = parsed?.region ?? parsedMachine?.region ?? DEFAULT_REGION;
  const accountId = parsed?.accountId ?? parsedMachine?.accountId ?? DEFAULT_ACCOUNT_ID;
  const scope = { region, accountId };
  const name = given.StateMachine?.Name ?? machineName ?? DEFAULT_MACHINE_NAME;
  const executionName = given.Execution?.Name ?? randomUUID();
  const executionArn = given.Execution?.Id ?? buildExecutionArn(name, executionName, scope);
  return {
    executionArn,
    region,
    accountId,
    stateMachine: { Id: given.StateMachine?.Id ?? stateMachineArn(name, scope), Name: name },
    execution: {
      Id: executionArn,
      Input: input,
      StartTime: given.Execution?.StartTime ?? new Date(startMs).toISOString(),
      Name: executionName,
      RoleArn: given.Execution?.RoleArn ?? `arn:aws:iam::${accountId}:role/sfini-local`,
      RedriveCount: given.Execution?.RedriveCount ?? 0,
    },
  };
}
