// Nested executions (`arn:aws:states:::states:startExecution[.sync[:2]|.waitForTaskToken]`): the child machine
// runs in process, found in RunOptions.machines by its ARN or name, with the parent's options
// and clock, so a virtual clock skips the child's waits too. What the Task returns is what AWS
// returns: the started execution for request-response, the child's description for `.sync`
// (Output as JSON text) and `.sync:2` (Output as JSON). A child that does not succeed fails the
// Task with States.TaskFailed, its description (with Error and Cause) as the cause.
import { randomUUID } from 'node:crypto';
import { ExecutionInputError, executionArn, type JsonValue, parseStatesArn } from '@sfini/core';
import type { EngineClock } from '../clock.js';
import { TaskFailedError } from '../errors.js';
import type { DefinitionSource, ExecutionHandle, LocalExecutionResult, RunOptions } from '../types.js';

/** Starts an execution: the engine's own start, handed in so this file does not import it. */
export type StartChild = (source: DefinitionSource, input: JsonValue, options: RunOptions) => ExecutionHandle;

/** What a `states:startExecution` Task asks for. */
interface ChildRequest {
  readonly arn: string;
  readonly input: JsonValue;
  readonly name: string | undefined;
}

/** The integration pattern, from the action after `states:`. */
export type ChildPattern = 'start' | 'sync' | 'sync:2' | 'waitForTaskToken';

/** The pattern of a `states:` action, or undefined when it is not a start this engine runs. */
export function childPattern(action: string): ChildPattern | undefined {
  if (action === 'startExecution') return 'start';
  if (action === 'startExecution.sync') return 'sync';
  if (action === 'startExecution.sync:2') return 'sync:2';
  if (action === 'startExecution.waitForTaskToken') return 'waitForTaskToken';
  return undefined;
}

function readRequest(input: JsonValue): ChildRequest {
  const request = (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as {
    [key: string]: JsonValue;
  };
  const arn = request.StateMachineArn;
  if (typeof arn !== 'string' || arn.length === 0) {
    throw new TaskFailedError(
      'States.Runtime',
      'The Parameters of a states:startExecution Task must give StateMachineArn as a string.',
    );
  }
  const name = request.Name;
  if (name !== undefined && (typeof name !== 'string' || name.length === 0)) {
    throw new TaskFailedError('States.Runtime', 'The Name of a child execution must be a non-empty string.');
  }
  // A string Input is the input's JSON text, as StartExecution takes it.
  let childInput: JsonValue = request.Input ?? {};
  const text = childInput;
  if (typeof text === 'string') {
    try {
      childInput = JSON.parse(text) as JsonValue;
    } catch {
      throw new TaskFailedError(
        'StepFunctions.InvalidExecutionInputException',
        `The child's Input is not JSON text: ${text.slice(0, 100)}`,
      );
    }
  }
  return { arn, input: childInput, name };
}

/** The child's description, as DescribeExecution gives it, in PascalCase with epoch milliseconds. */
function describeChild(
  arn: string,
  name: string,
  input: JsonValue,
  result: LocalExecutionResult,
  payloadsAsText: boolean,
): { [key: string]: JsonValue } {
  const asPayload = (value: JsonValue): JsonValue => (payloadsAsText ? JSON.stringify(value) : value);
  const succeeded = result.status === 'SUCCEEDED';
  return {
    ExecutionArn: result.executionArn,
    Input: asPayload(input),
    InputDetails: { Included: true },
    Name: name,
    ...(succeeded ? { Output: asPayload(result.output), OutputDetails: { Included: true } } : {}),
    ...(result.error === undefined ? {} : { Error: result.error }),
    ...(result.cause === undefined ? {} : { Cause: result.cause }),
    RedriveCount: 0,
    RedriveStatus: succeeded ? 'NOT_REDRIVABLE' : 'REDRIVABLE',
    ...(succeeded ? { RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven' } : {}),
    StartDate: result.startDate.getTime(),
    StateMachineArn: arn,
    Status: result.status,
    StopDate: result.stopDate.getTime(),
  };
}

/** The machine name in a state machine ARN (a version or alias after it left out). */
function machineNameOf(arn: string): string | undefined {
  const parsed = parseStatesArn(arn);
  return parsed?.resourceType === 'stateMachine' ? parsed.resource[0] : undefined;
}

/**
 * Starts a child, turning what keeps it from starting into the failure AWS reports: input its
 * schema refuses is StartExecution's InvalidExecutionInputException; a definition that cannot run
 * is a setup mistake, States.Runtime, which no Retry or Catch takes.
 */
function startOrFail(
  start: StartChild,
  arn: string,
  source: DefinitionSource,
  input: JsonValue,
  options: RunOptions,
): ExecutionHandle {
  try {
    return start(source, input, options);
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    if (thrown instanceof ExecutionInputError) {
      throw new TaskFailedError('StepFunctions.InvalidExecutionInputException', message);
    }
    throw new TaskFailedError('States.Runtime', `The child machine '${arn}' cannot start: ${message}`);
  }
}

/** The child machines one execution can start, and how to run them. */
export class ChildMachines {
  constructor(
    private readonly options: RunOptions,
    private readonly start: StartChild,
  ) {}

  /** The machine `arn` names: a key equal to the ARN, else to the machine name in it. */
  find(arn: string): DefinitionSource | undefined {
    const machines = this.options.machines;
    if (machines === undefined) return undefined;
    const name = machineNameOf(arn);
    if (Array.isArray(machines)) {
      return (machines as readonly DefinitionSource[]).find(
        (machine) => typeof machine === 'object' && (machine as { name?: unknown }).name === name,
      );
    }
    const byKey = machines as Readonly<Record<string, DefinitionSource>>;
    if (Object.hasOwn(byKey, arn)) return byKey[arn];
    return name !== undefined && Object.hasOwn(byKey, name) ? byKey[name] : undefined;
  }

  /**
   * Starts the child the request names and resolves with the Task's result. Returns undefined,
   * synchronously, when no machine in the options has that ARN. `taskSignal` stops a child the
   * Task waits for; `executionSignal` (the parent execution's) one it only starts.
   */
  run(
    taskInput: JsonValue,
    pattern: Exclude<ChildPattern, 'waitForTaskToken'>,
    clock: EngineClock,
    taskSignal: AbortSignal,
    executionSignal: AbortSignal,
  ): Promise<JsonValue> | undefined {
    // A waiting Task stops its child when the Task ends. A request-response child outlives its
    // Task but not, in process, the parent's execution: a stop or the parent's end stops it too.
    const started = this.#launch(taskInput, clock, pattern === 'start' ? executionSignal : taskSignal);
    if (started === undefined) return undefined;
    if (pattern === 'start') return Promise.resolve(started.response);
    const { request, name, handle } = started;
    return handle.result.then((result) => {
      const description = describeChild(request.arn, name, request.input, result, pattern === 'sync');
      if (result.status === 'SUCCEEDED') return description;
      throw new TaskFailedError('States.TaskFailed', JSON.stringify(description));
    });
  }

  /**
   * `startExecution.waitForTaskToken`: starts the child as request-response does (it outlives the
   * Task, not the parent's execution) and gives StartExecution's response, which TaskSubmitted
   * records. The child answers the Task's token, which it gets in its input, through the shared
   * registry. `outcome()` is what stands for that answer when callbacks are `auto`: the child's
   * output once it succeeds, else a failure with its error and cause. Undefined when no machine in
   * the options has the ARN.
   */
  startForCallback(
    taskInput: JsonValue,
    clock: EngineClock,
    executionSignal: AbortSignal,
  ): { readonly response: JsonValue; outcome(): Promise<JsonValue> } | undefined {
    const started = this.#launch(taskInput, clock, executionSignal);
    if (started === undefined) return undefined;
    const { handle, response } = started;
    return {
      response,
      outcome: () =>
        handle.result.then((result) => {
          if (result.status === 'SUCCEEDED') return result.output;
          throw new TaskFailedError(result.error ?? `States.${result.status}`, result.cause);
        }),
    };
  }

  #launch(taskInput: JsonValue, clock: EngineClock, signal: AbortSignal) {
    const request = readRequest(taskInput);
    const source = this.find(request.arn);
    if (source === undefined) return undefined;
    const name = request.name ?? randomUUID();
    const machineName = machineNameOf(request.arn) ?? 'LocalStateMachine';
    // The child's context names the ARN StartExecution returns: its machine's partition, region
    // and account (a version or alias in the machine ARN is not part of it).
    const parsed = parseStatesArn(request.arn);
    const childArn = executionArn(machineName, name, {
      ...(parsed === undefined
        ? {}
        : { partition: parsed.partition, region: parsed.region, accountId: parsed.accountId }),
    });
    const { context: _parentContext, signal: _parentSignal, ...inherited } = this.options;
    const handle = startOrFail(this.start, request.arn, source, request.input, {
      ...inherited,
      clock,
      context: {
        StateMachine: { Id: request.arn, Name: machineName },
        Execution: { Id: childArn, Name: name },
      },
      signal,
    });
    const response: JsonValue = {
      ExecutionArn: handle.executionArn,
      StartDate: handle.startDate.getTime(),
      SdkHttpMetadata: {
        HttpHeaders: { 'Content-Type': 'application/x-amz-json-1.0' },
        HttpStatusCode: 200,
      },
      SdkResponseMetadata: { RequestId: randomUUID() },
    };
    return { request, name, handle, response };
  }
}
