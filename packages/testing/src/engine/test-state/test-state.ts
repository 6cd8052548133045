// TestState, locally: one state run once through the same code as an execution, with hooks that
// record each stage of its pipeline and stop at the first retry or catch decision instead of
// waiting, as AWS's TestState API reports them. A mocked result stands in for the task (or for a
// whole Map or Parallel); stateConfiguration simulates retries already made and failed items.
// Local requests (a core machine or an ASL object, input as a value) become AWS's request first.
import { randomUUID } from 'node:crypto';
import {
  type AnyStateMachine,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_REGION,
  InvalidDefinitionError,
  type JsonValue,
  validateDefinition,
  validateStateDefinition,
} from '@sfini/core';
import { VirtualClock } from '../clock.js';
import { Problems } from '../compile/fields.js';
import { compileGraph } from '../compile/machine.js';
import type { CompiledState } from '../compile/model.js';
import { activityMap } from '../definition-source.js';
import type { StatesFailure } from '../errors.js';
import { StoppedError } from '../errors.js';
import { VariableScope } from '../eval/scope.js';
import { HistoryRecorder } from '../history/recorder.js';
import { runState } from '../run/interpreter.js';
import { type InspectionHooks, type RetryDecision, type Runtime, Thread } from '../run/runtime.js';
import { asFailure } from '../states/retry-catch.js';
import type { StepResult } from '../states/step.js';
import type { RunOptions, StateMock } from '../types.js';
import { stringify } from '../values/json.js';
import { jsonByteSize } from '../values/size.js';
import {
  type AnyTestStateRequest,
  type AslObjectTestStateRequest,
  type MachineStartTestStateRequest,
  type MachineStateTestStateRequest,
  toAwsRequest,
} from './local-request.js';
import {
  type InspectionData,
  type InspectionErrorDetails,
  type TestStateRequest,
  TestStateRequestError,
  type TestStateResponse,
} from './types.js';

/** Local means to run a tested Task that has no mock. */
export type TestStateOptions = Pick<RunOptions, 'activities' | 'lambdas' | 'taskResolver'>;

/** The name AWS's TestState gives the state in the context object. */
const CONTEXT_STATE_NAME = 'StateName';
const NUMERIC_STAGES = new Set(['maxConcurrency', 'toleratedFailureCount', 'toleratedFailurePercentage']);

class Retriable extends Error {
  constructor(readonly decision: RetryDecision) {
    super('retriable');
  }
}

function parseJson(text: string | undefined, field: string, fallback: JsonValue): JsonValue {
  if (text === undefined) return fallback;
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    const code =
      field === 'definition'
        ? 'InvalidDefinition'
        : field === 'input'
          ? 'InvalidExecutionInput'
          : 'ValidationException';
    throw new TestStateRequestError(code, `'${field}' is not valid JSON: ${(error as Error).message}`);
  }
}

function targetState(request: TestStateRequest): { state: CompiledState; name: string } {
  const definition = parseJson(request.definition, 'definition', null);
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw new TestStateRequestError('InvalidDefinition', 'the definition must be a JSON object');
  }
  const isMachine = 'States' in definition;
  const name = request.stateName ?? (isMachine ? String(definition.StartAt) : CONTEXT_STATE_NAME);
  const graphSource = isMachine
    ? definition
    : {
        StartAt: name,
        States: { [name]: definition },
        QueryLanguage: definition.QueryLanguage ?? 'JSONPath',
      };
  const found = isMachine
    ? validateDefinition(definition)
    : validateStateDefinition(definition, { stateName: name });
  if (found.length > 0) throw new InvalidDefinitionError(found, isMachine ? undefined : 'state definition');
  const problems = new Problems();
  const graph = compileGraph(graphSource as Record<string, unknown>, 'JSONPath', [], problems);
  problems.assertNone();
  const state = graph.states.get(name);
  if (!state)
    throw new TestStateRequestError('InvalidDefinition', `the definition has no state named '${name}'`);
  return { state, name };
}

function taskMock(request: TestStateRequest): StateMock | undefined {
  const mock = request.mock;
  if (mock?.errorOutput) {
    return { throw: { error: mock.errorOutput.error ?? '', cause: mock.errorOutput.cause } };
  }
  if (mock?.result !== undefined) return { return: parseJson(mock.result, 'mock.result', null) };
  return undefined;
}

/**
 * Runs one state as AWS's TestState API does and answers with the same fields. The request is
 * AWS's (definition and input as JSON text), or a local one: a core machine (its activities
 * run in process; the first state's input typed and parsed by the machine's input schema) or a
 * plain ASL object, with the input as a value.
 * @param request the state's definition (one state, or a machine with `stateName`), its input,
 * and optionally a mock, variables and an inspection level, as AWS's TestState takes them.
 * @param options how the state's Task is answered when not mocked (resolver, lambdas, activities).
 * @throws TestStateRequestError when the request is malformed (its `code` names the AWS error).
 * @throws InvalidDefinitionError (from @sfini/core) when the definition is invalid.
 * @throws ExecutionInputError (from @sfini/core) when a machine's input schema refuses the input
 * of its first state.
 * @example
 * const r = await testState({ definition: JSON.stringify({ Type: 'Pass', End: true }), input: '{"a":1}' });
 * // r.status === 'SUCCEEDED', r.output === '{"a":1}'
 * @example
 * const first = await testState({ definition: orderMachine, input: { orderId: 'o-1' } });
 */
export function testState<M extends AnyStateMachine>(
  request: MachineStartTestStateRequest<M> | MachineStateTestStateRequest<M>,
  options?: TestStateOptions,
): Promise<TestStateResponse>;
export function testState(
  request: TestStateRequest | AslObjectTestStateRequest,
  options?: TestStateOptions,
): Promise<TestStateResponse>;
export async function testState(
  local: AnyTestStateRequest,
  options: TestStateOptions = {},
): Promise<TestStateResponse> {
  const { request, activities } = toAwsRequest(local);
  const { state, name } = targetState(request);
  const input = parseJson(request.input, 'input', {});
  const variables = parseJson(request.variables, 'variables', {});
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
    throw new TestStateRequestError('ValidationException', "'variables' must be a JSON object");
  }
  const contextOverride =
    request.context === undefined ? undefined : parseJson(request.context, 'context', {});
  const configuration = request.stateConfiguration ?? {};
  const level = request.inspectionLevel ?? 'INFO';

  const stages = new Map<string, JsonValue>();
  const errorDetails: InspectionErrorDetails = {};
  let caughtFailure: StatesFailure | undefined;
  const mock = taskMock(request);
  const wholeStateMock = state.type === 'Map' || state.type === 'Parallel';
  const hooks: InspectionHooks = {
    record: (stage, value) => {
      stages.set(stage, value);
    },
    retry: (decision) => {
      errorDetails.retryIndex = decision.retrierIndex;
      if (!decision.exhausted) {
        errorDetails.retryBackoffIntervalSeconds = decision.delaySeconds;
        throw new Retriable(decision);
      }
    },
    caught: (failure, index) => {
      errorDetails.catchIndex = index;
      caughtFailure = failure;
    },
    ...(configuration.retrierRetryCount !== undefined
      ? { retrierRetryCount: configuration.retrierRetryCount }
      : {}),
    ...(configuration.mapItemReaderData !== undefined
      ? { itemReaderData: parseJson(configuration.mapItemReaderData, 'mapItemReaderData', []) as JsonValue[] }
      : {}),
    ...(wholeStateMock && request.mock
      ? {
          stateOutcome: {
            ...(request.mock.result !== undefined
              ? { result: parseJson(request.mock.result, 'mock.result', null) }
              : {}),
            ...(request.mock.errorOutput
              ? {
                  error: {
                    error: request.mock.errorOutput.error ?? '',
                    cause: request.mock.errorOutput.cause,
                  },
                }
              : {}),
            ...(configuration.mapIterationFailureCount !== undefined
              ? { mapIterationFailureCount: configuration.mapIterationFailureCount }
              : {}),
          },
        }
      : {}),
  };

  const clock = new VirtualClock();
  const controller = new AbortController();
  const machineName = `TestStateMachine-${randomUUID().slice(0, 8)}`;
  const executionName = randomUUID();
  const runtime: Runtime = {
    clock,
    history: new HistoryRecorder(clock),
    executionArn: `arn:aws:states:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:express:${machineName}:${executionName}`,
    execution: {
      Id: `arn:aws:states:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:express:${machineName}:${executionName}`,
      Input: input,
      Name: executionName,
      RoleArn: request.roleArn ?? null,
      StartTime: new Date(clock.now()).toISOString(),
    },
    stateMachine: {
      Id: `arn:aws:states:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:stateMachine:${machineName}`,
      Name: machineName,
    },
    region: DEFAULT_REGION,
    accountId: DEFAULT_ACCOUNT_ID,
    signal: controller.signal,
    mockInvocations: new Map(),
    tasks: {
      resolver: options.taskResolver,
      mocks: mock && state.type === 'Task' ? { [name]: mock } : {},
      activityMocks: {},
      activities: activityMap(activities, options.activities),
      lambdas: options.lambdas ?? {},
    },
    inspection: hooks,
    contextStateName: CONTEXT_STATE_NAME,
    plainCauses: true,
    ...(contextOverride !== undefined ? { contextOverride } : {}),
  };
  const scope = new VariableScope();
  for (const key of Object.keys(variables)) {
    const value = (variables as Record<string, JsonValue>)[key]!;
    scope.set(key, value, jsonByteSize(value));
  }
  const thread = new Thread(runtime, scope, 0, controller.signal);

  let response: TestStateResponse;
  try {
    const outcome = runState(state, input, thread);
    const step: StepResult = outcome instanceof Promise ? await outcome : outcome;
    response = caughtFailure
      ? {
          status: 'CAUGHT_ERROR',
          output: stringify(step.output),
          error: caughtFailure.error,
          ...cause(caughtFailure),
        }
      : { status: 'SUCCEEDED', output: stringify(step.output) };
    if (step.next !== undefined) response.nextState = step.next;
  } catch (thrown) {
    if (thrown instanceof Retriable) {
      const failure = thrown.decision.failure;
      response = { status: 'RETRIABLE', error: failure.error, ...cause(failure) };
    } else {
      if (thrown instanceof StoppedError) throw thrown;
      const failure = asFailure(thrown);
      response = { status: 'FAILED', ...(failure.error ? { error: failure.error } : {}), ...cause(failure) };
    }
  } finally {
    controller.abort(new StoppedError('test over'));
  }
  if (level !== 'INFO') {
    response.inspectionData = inspectionData(stages, errorDetails, variables as Record<string, JsonValue>);
  }
  return response;
}

function cause(failure: StatesFailure): { cause?: string } {
  return failure.cause === undefined ? {} : { cause: failure.cause };
}

function inspectionData(
  stages: Map<string, JsonValue>,
  errorDetails: InspectionErrorDetails,
  variables: Record<string, JsonValue>,
): InspectionData {
  const data: Record<string, unknown> = {};
  for (const [stage, value] of stages) data[stage] = NUMERIC_STAGES.has(stage) ? value : stringify(value);
  if (Object.keys(variables).length > 0) data.variables = stringify(variables);
  if (Object.keys(errorDetails).length > 0) data.errorDetails = errorDetails;
  return data as InspectionData;
}
