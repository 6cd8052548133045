// Executions as AWS runs them. STANDARD executions have unique names: a repeated StartExecution
// with the same name and input while the first runs is answered with the original (idempotent),
// any other reuse is ExecutionAlreadyExists. EXPRESS executions get `express:` ARNs qualified
// by an id, run through StartExecution or StartSyncExecution (which answers with the outcome),
// and, as on AWS, are not listed, described, stopped or given a history by the API.
import { randomUUID } from 'node:crypto';
import { InvalidDefinitionError, type JsonValue, executionArn as standardExecutionArn } from '@sfini/core';
import type { ExecutionHandle, RunOptions } from '../engine/types.js';
import { NotJsonError } from '../engine/values/json.js';
import { PAYLOAD_LIMIT_BYTES } from '../engine/values/size.js';
import { checkArn, checkResourceName, expressExecutionArn } from './arns.js';
import {
  ApiError,
  executionDoesNotExist,
  invalidDefinition,
  resourceNotFound,
  stateMachineTypeNotSupported,
} from './errors.js';
import { type ExecutionRecord, executionStatus, outcomeFields } from './execution-record.js';
import type { OperationHandler } from './http.js';
import { MAX_PAGE_SIZE, paginate } from './pagination.js';
import { RequestReader } from './request-reader.js';
import type { EndpointState, StateMachineRecord } from './state.js';
import { findStateMachine } from './state-machines.js';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] as const;

/** Starts an execution on the engine; the endpoint supplies it (real clock, task resolver). */
export type ExecutionStarter = (
  machine: StateMachineRecord,
  executionArn: string,
  executionName: string,
  input: JsonValue,
) => ExecutionHandle;

/** Looks up an execution by ARN; EXPRESS ARNs are refused as AWS refuses them here. */
export function findExecution(state: EndpointState, arn: string): ExecutionRecord {
  checkArn(arn, ['execution']);
  const record = state.executions.get(arn);
  if (!record) throw executionDoesNotExist(arn);
  return record;
}

function parseInput(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${detail}'`);
  }
}

/** The execution a Describe* request names (`executionArn`, optional `includedData`). */
function describedExecution(state: EndpointState, body: Record<string, unknown>): ExecutionRecord {
  const reader = new RequestReader(body);
  const arn = reader.string('executionArn', { required: true, min: 1, max: 256 });
  reader.enumOf('includedData', ['ALL_DATA', 'METADATA_ONLY'] as const);
  reader.done();
  return findExecution(state, arn);
}

/**
 * Starts an execution, turning what the engine refuses to start into AWS's 400 errors: input it
 * cannot take (nested too deeply, not JSON) is InvalidExecutionInput, a definition it cannot run
 * InvalidDefinition. Anything else is a fault of the endpoint and stays a 500.
 */
function startOrRefuse(start: () => ExecutionHandle): ExecutionHandle {
  try {
    return start();
  } catch (error) {
    if (error instanceof NotJsonError) {
      throw new ApiError(
        'InvalidExecutionInput',
        `Invalid State Machine Execution Input: '${error.message}'`,
      );
    }
    if (error instanceof InvalidDefinitionError) {
      throw invalidDefinition(error.problems);
    }
    throw error;
  }
}

interface StartRequest {
  machine: StateMachineRecord;
  name: string;
  inputText: string;
  input: JsonValue;
  traceHeader: string | undefined;
}

function readStartRequest(state: EndpointState, body: Record<string, unknown>): StartRequest {
  const reader = new RequestReader(body);
  const machineArn = reader.string('stateMachineArn', { required: true, min: 1, max: 256 });
  const givenName = reader.string('name', { min: 1, max: 80 });
  const inputText =
    reader.string('input', { max: PAYLOAD_LIMIT_BYTES, bytes: true, sensitive: true }) ?? '{}';
  const traceHeader = reader.string('traceHeader', { max: 256 });
  reader.enumOf('includedData', ['ALL_DATA', 'METADATA_ONLY'] as const);
  reader.done();
  const machine = findStateMachine(state, machineArn);
  if (givenName !== undefined) checkResourceName(givenName);
  const input = parseInput(inputText);
  return { machine, name: givenName ?? randomUUID(), inputText, input, traceHeader };
}

/** StartExecution, StartSyncExecution, StopExecution, DescribeExecution, ListExecutions, DescribeStateMachineForExecution. */
export function executionOperations(
  state: EndpointState,
  start: ExecutionStarter,
): Record<string, OperationHandler> {
  function launch(request: StartRequest, arn: string): ExecutionRecord {
    const handle = startOrRefuse(() => start(request.machine, arn, request.name, request.input));
    const record: ExecutionRecord = {
      arn,
      name: request.name,
      stateMachineArn: request.machine.arn,
      stateMachineName: request.machine.name,
      type: request.machine.type,
      revision: request.machine.revision,
      inputText: request.inputText,
      traceHeader: request.traceHeader,
      startDate: handle.startDate,
      seq: state.nextSeq(),
      handle,
      result: undefined,
    };
    state.executions.set(arn, record);
    void handle.result.then((result) => {
      record.result = result;
    });
    return record;
  }

  return {
    StartExecution(body) {
      const request = readStartRequest(state, body);
      const { machine, name } = request;
      if (machine.type === 'EXPRESS') {
        const record = launch(request, expressExecutionArn(state.scope, machine.name, name, randomUUID()));
        return { executionArn: record.arn, startDate: record.startDate };
      }
      const arn = standardExecutionArn(machine.name, name, state.scope);
      const existing = state.executions.get(arn);
      if (existing) {
        const idempotent =
          executionStatus(existing) === 'RUNNING' && existing.inputText === request.inputText;
        if (!idempotent) throw new ApiError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
        return { executionArn: arn, startDate: existing.startDate };
      }
      const record = launch(request, arn);
      return { executionArn: record.arn, startDate: record.startDate };
    },

    async StartSyncExecution(body) {
      const request = readStartRequest(state, body);
      if (request.machine.type !== 'EXPRESS') throw stateMachineTypeNotSupported();
      const arn = expressExecutionArn(state.scope, request.machine.name, request.name, randomUUID());
      const record = launch(request, arn);
      const result = await record.handle.result;
      // StartSyncExecution reports SUCCEEDED, FAILED or TIMED_OUT; an execution aborted by the
      // endpoint shutting down is reported as failed, with the abort's error and cause.
      const status = result.status === 'ABORTED' ? 'FAILED' : result.status;
      return {
        executionArn: arn,
        stateMachineArn: record.stateMachineArn,
        name: record.name,
        startDate: record.startDate,
        status,
        input: record.inputText,
        inputDetails: { included: true },
        traceHeader: record.traceHeader,
        ...outcomeFields(result),
      };
    },

    async StopExecution(body) {
      const reader = new RequestReader(body);
      const arn = reader.string('executionArn', { required: true, min: 1, max: 256 });
      const error = reader.string('error', { max: 256, sensitive: true });
      const cause = reader.string('cause', { max: 32_768, sensitive: true });
      reader.done();
      const record = findExecution(state, arn);
      if (executionStatus(record) === 'RUNNING') {
        record.handle.stop({
          ...(error === undefined ? {} : { error }),
          ...(cause === undefined ? {} : { cause }),
        });
        const stopped = await Promise.race([
          record.handle.result,
          new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1000).unref()),
        ]);
        return { stopDate: stopped?.stopDate ?? new Date() };
      }
      return { stopDate: record.result?.stopDate ?? new Date() };
    },

    DescribeExecution(body) {
      const record = describedExecution(state, body);
      return {
        executionArn: record.arn,
        stateMachineArn: record.stateMachineArn,
        name: record.name,
        status: executionStatus(record),
        startDate: record.startDate,
        input: record.inputText,
        inputDetails: { included: true },
        traceHeader: record.traceHeader,
        redriveCount: 0,
        ...outcomeFields(record.result),
      };
    },

    ListExecutions(body) {
      const reader = new RequestReader(body);
      const machineArn = reader.string('stateMachineArn', { min: 1, max: 256 });
      const statusFilter = reader.enumOf('statusFilter', STATUSES);
      const maxResults = reader.integer('maxResults', 0, MAX_PAGE_SIZE);
      const nextToken = reader.string('nextToken', { min: 1, max: 3096 });
      const mapRunArn = reader.string('mapRunArn', { min: 1, max: 2000 });
      reader.enumOf('redriveFilter', ['REDRIVEN', 'NOT_REDRIVEN'] as const);
      reader.done();
      if (mapRunArn !== undefined) throw resourceNotFound(mapRunArn);
      if (machineArn === undefined) {
        throw new ApiError('ValidationException', 'Must provide a StateMachine ARN or MapRun ARN');
      }
      const machine = findStateMachine(state, machineArn);
      if (machine.type === 'EXPRESS') throw stateMachineTypeNotSupported();
      const matching = [...state.executions.values()]
        .filter((e) => e.stateMachineArn === machineArn)
        .filter((e) => statusFilter === undefined || executionStatus(e) === statusFilter)
        .reverse();
      const query = `ListExecutions|${machineArn}|${statusFilter ?? ''}`;
      const page = paginate(matching, (e) => e.seq, { maxResults, nextToken }, query, false);
      return {
        executions: page.items.map((e) => ({
          executionArn: e.arn,
          stateMachineArn: e.stateMachineArn,
          name: e.name,
          status: executionStatus(e),
          startDate: e.startDate,
          stopDate: e.result?.stopDate,
          redriveCount: 0,
        })),
        nextToken: page.nextToken,
      };
    },

    DescribeStateMachineForExecution(body) {
      const record = describedExecution(state, body);
      const { revision } = record;
      return {
        stateMachineArn: record.stateMachineArn,
        name: record.stateMachineName,
        definition: revision.definition,
        roleArn: revision.roleArn,
        updateDate: revision.updateDate,
        loggingConfiguration: revision.loggingConfiguration,
        tracingConfiguration: revision.tracingConfiguration,
        revisionId: revision.revisionId,
      };
    },
  };
}

/** The context object an endpoint execution starts with (`$$.Execution`, `$$.StateMachine`). */
export function executionContext(
  machine: StateMachineRecord,
  executionArn: string,
  executionName: string,
  startTime: Date,
): NonNullable<RunOptions['context']> {
  return {
    Execution: {
      Id: executionArn,
      Name: executionName,
      StartTime: startTime.toISOString(),
      RoleArn: machine.revision.roleArn,
      RedriveCount: 0,
    },
    StateMachine: { Id: machine.arn, Name: machine.name },
  };
}
