// Everything the endpoint remembers lives in one in-memory object handed to every operation
// module: one place to look for what exists, and one place `close()` tears down. Records keep
// a sequence number so lists page by cursor (see pagination.ts) in a stable order.
import type { EndpointScope } from './arns.js';
import type { ExecutionRecord } from './execution-record.js';

/** An activity registered on the endpoint. */
export interface ActivityRecord {
  readonly arn: string;
  readonly name: string;
  readonly creationDate: Date;
  readonly encryptionConfiguration: Record<string, unknown>;
  readonly seq: number;
}

/** STANDARD or EXPRESS, as AWS names the two kinds of workflow. */
export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** The configuration of a state machine that executions run: captured whole at each start. */
export interface StateMachineRevision {
  readonly definition: string;
  readonly roleArn: string;
  readonly loggingConfiguration: Record<string, unknown>;
  readonly tracingConfiguration: Record<string, unknown>;
  /** Absent until the first update, as AWS reports it. */
  readonly revisionId: string | undefined;
  /** When this revision was made: the creation date, then each update's date. */
  readonly updateDate: Date;
}

/** A state machine registered on the endpoint. */
export interface StateMachineRecord {
  readonly arn: string;
  readonly name: string;
  readonly type: StateMachineType;
  readonly creationDate: Date;
  readonly seq: number;
  /** Replaced on UpdateStateMachine; running executions keep the revision they started with. */
  revision: StateMachineRevision;
}

/** The endpoint's whole memory. */
export interface EndpointState {
  readonly scope: EndpointScope;
  readonly activities: Map<string, ActivityRecord>;
  readonly stateMachines: Map<string, StateMachineRecord>;
  readonly executions: Map<string, ExecutionRecord>;
  /** Tags by resource ARN, keys in insertion order. */
  readonly tags: Map<string, Map<string, string>>;
  /** A number larger than every one handed out before. */
  nextSeq(): number;
}

/** Creates an empty memory for an endpoint answering for `scope`. */
export function createEndpointState(scope: EndpointScope): EndpointState {
  let seq = 0;
  return {
    scope,
    activities: new Map(),
    stateMachines: new Map(),
    executions: new Map(),
    tags: new Map(),
    nextSeq: () => ++seq,
  };
}
