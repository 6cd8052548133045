// Finding something to run a Task: the resolver first (the local endpoint hands activity tasks
// to polling workers through it), then a per-state mock, then an in-process activity matched by
// the name in its ARN, then a Lambda-style handler. Nothing found is a clear failure naming the
// state and the options that would have run it. Real work holds a virtual clock while it runs;
// a mock's delay is virtual time itself. An in-process activity fails as a sfini worker reports it.
import { randomUUID } from 'node:crypto';
import { type ActivityContext, type JsonValue, taskFailureOf } from '@sfini/core';
import { StatesErrors, StatesFailure, TaskFailedError, TaskNotScheduledError } from '../errors.js';
import type { Runtime } from '../run/runtime.js';
import {
  type LambdaHandler,
  type MockResponse,
  NOT_HANDLED,
  type StateMock,
  type TaskRequest,
} from '../types.js';
import { toJson } from '../values/json.js';
import { childPattern } from './children.js';
import { mockResultFor } from './mock-check.js';
import { lambdaFunctionName, type ResourceKind } from './resources.js';

/** What a Task asks to run, with the engine's view of the resource. */
export interface TaskInvocation extends TaskRequest {
  readonly kind: ResourceKind;
  /** Records TaskSubmitted: a `.waitForTaskToken` integration was started (with its response). */
  submitted(output: JsonValue | undefined): void;
}

/** True for a `.waitForTaskToken` service integration (an activity has its own token, by kind). */
export function waitsForToken(kind: ResourceKind): boolean {
  return kind.kind === 'service' && kind.pattern === 'waitForTaskToken';
}

/**
 * In `manual` mode, registers the Task's token before its integration starts, so the work it
 * starts (a handler, a child) may answer at once, even before it returns; undefined in `auto`
 * mode. The attempt may end before anyone awaits the answer (recording TaskSubmitted can throw),
 * so its rejection is never left unhandled; the Task still sees it through the returned promise.
 */
function awaitAnswer(runtime: Runtime, invocation: TaskInvocation): Promise<JsonValue> | undefined {
  const tokens = runtime.tasks.tokens;
  if (runtime.tasks.callbacks !== 'manual' || tokens === undefined) return undefined;
  const answered = tokens.wait(invocation.taskToken, {
    stateName: invocation.stateName,
    executionArn: invocation.executionArn,
    resource: invocation.resource,
    signal: invocation.signal,
    heartbeat: () => invocation.heartbeat(),
  });
  answered.catch(() => {});
  return answered;
}

/**
 * The callback pattern once its integration has started (`response` is what the start returned):
 * records TaskSubmitted, then the Task ends with `answer`: the token's answer in `manual` mode,
 * what stands for it in `auto` mode. Not held: a virtual clock may run on to the Task's timeout
 * while nobody answers.
 */
function submit(
  invocation: TaskInvocation,
  response: JsonValue | undefined,
  answer: Promise<JsonValue>,
): Promise<JsonValue> {
  invocation.submitted(response);
  return answer;
}

/** A mock without answers fails the execution: a Catch must not hide a missing answer. */
export const NO_TASK_RUNNER = 'States.Runtime';

function isResponseList(mock: StateMock): mock is readonly MockResponse[] {
  return Array.isArray(mock);
}

/**
 * Runs a mock; `counter` keys its invocation count (a state name, or `activity:NAME`). What it
 * returns for an activity with an output schema is parsed by that schema, as the activity's own
 * result would be; a result the schema refuses fails the execution with States.Runtime.
 */
async function runMock(
  runtime: Runtime,
  mock: StateMock,
  invocation: TaskInvocation,
  counter: string,
): Promise<JsonValue> {
  const result = await mockResult(runtime, mock, invocation, counter);
  const kind = invocation.kind;
  if (kind.kind !== 'activity') return result;
  const checked = mockResultFor(runtime.tasks.activities.get(kind.name), result);
  if (checked.ok) return checked.value;
  throw new StatesFailure(
    StatesErrors.Runtime,
    `The mock for '${counter}' returned what the output schema of activity '${kind.name}' refuses: ${checked.refused}`,
  );
}

async function mockResult(
  runtime: Runtime,
  mock: StateMock,
  invocation: TaskInvocation,
  counter: string,
): Promise<JsonValue> {
  const count = runtime.mockInvocations.get(counter) ?? 0;
  runtime.mockInvocations.set(counter, count + 1);
  if (typeof mock === 'function') {
    return toJson(
      await mock({
        stateName: invocation.stateName,
        resource: invocation.resource,
        input: invocation.input,
        invocation: count,
      }),
    );
  }
  const response: MockResponse | undefined = isResponseList(mock)
    ? (mock[Math.min(count, mock.length - 1)] as MockResponse | undefined)
    : mock;
  if (response === undefined) {
    throw new TaskFailedError(NO_TASK_RUNNER, `The mock for '${counter}' has no responses.`);
  }
  if (response.delaySeconds !== undefined && response.delaySeconds > 0) {
    await runtime.clock.sleep(response.delaySeconds * 1000, invocation.signal);
  }
  if ('throw' in response) throw new TaskFailedError(response.throw.error, response.throw.cause);
  return response.return;
}

/** What the `lambda:invoke` Task's Parameters build. */
interface LambdaInvokeRequest {
  readonly FunctionName?: unknown;
  readonly Payload?: JsonValue;
  readonly InvocationType?: unknown;
  readonly Qualifier?: unknown;
}

/** The version an invocation runs: a numeric Qualifier, else a version after the name, else $LATEST. */
function executedVersion(request: LambdaInvokeRequest): string {
  const qualifier = request.Qualifier;
  if (typeof qualifier === 'string' && /^\d+$/.test(qualifier)) return qualifier;
  return /:(\d+)$/.exec(String(request.FunctionName))?.[1] ?? '$LATEST';
}

/**
 * AWS's response envelope around a function's output: the status code of the invocation type
 * (an `Event` invocation returns at once, with an empty Payload) and the SDK's metadata.
 */
function lambdaEnvelope(request: LambdaInvokeRequest, payload: JsonValue): JsonValue {
  const requestId = randomUUID();
  const type = request.InvocationType;
  const statusCode = type === 'Event' ? 202 : type === 'DryRun' ? 204 : 200;
  const version = executedVersion(request);
  return {
    ExecutedVersion: version,
    Payload: statusCode === 200 ? payload : '',
    SdkHttpMetadata: {
      AllHttpHeaders: {
        'Content-Type': ['application/json'],
        'X-Amz-Executed-Version': [version],
        'x-amzn-RequestId': [requestId],
      },
      HttpHeaders: {
        'Content-Type': 'application/json',
        'X-Amz-Executed-Version': version,
        'x-amzn-RequestId': requestId,
      },
      HttpStatusCode: statusCode,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: statusCode,
  };
}

function lambdaFailure(thrown: unknown): TaskFailedError {
  if (thrown instanceof TaskFailedError) return thrown;
  const error = thrown instanceof Error ? thrown.name || 'Error' : 'Error';
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new TaskFailedError(error, JSON.stringify({ errorMessage: message, errorType: error }));
}

/** What a sfini worker would send for a handler that threw (its default: the cause is the message alone). */
function activityFailure(thrown: unknown): TaskFailedError {
  if (thrown instanceof TaskFailedError) return thrown;
  const { error, cause } = taskFailureOf(thrown);
  return new TaskFailedError(error, cause);
}

/** Runs real work holding the virtual clock, until the work settles or its task is stopped. */
async function held<T>(runtime: Runtime, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  const release = runtime.clock.hold();
  signal.addEventListener('abort', release, { once: true });
  try {
    return await work();
  } finally {
    signal.removeEventListener('abort', release);
    release();
  }
}

/** Runs `work` without waiting for it; what it throws or rejects with is dropped. */
function runDetached(work: () => unknown): void {
  try {
    Promise.resolve(work()).catch(() => {});
  } catch {
    // An Event invocation's failure never reaches the Task.
  }
}

/**
 * A `lambda:invoke[.waitForTaskToken]` Task with a handler. DryRun only checks access, so the
 * function never runs; an Event invocation is queued and answered at once whatever the function
 * does, so it runs detached and its failure is lost. A callback Task in `manual` mode has its token
 * registered first and is submitted with the invocation's response; in `auto` mode the handler's
 * return stands for the answer, so the handler always runs to its end, whatever the InvocationType.
 */
function invokeLambda(
  runtime: Runtime,
  invocation: TaskInvocation,
  request: LambdaInvokeRequest,
  handler: LambdaHandler,
): Promise<JsonValue> {
  const callback = waitsForToken(invocation.kind);
  const answer = callback ? awaitAnswer(runtime, invocation) : undefined;
  const started = (envelope: JsonValue): Promise<JsonValue> =>
    answer === undefined ? Promise.resolve(envelope) : submit(invocation, envelope, answer);
  if (!callback || answer !== undefined) {
    if (request.InvocationType === 'DryRun') return started(lambdaEnvelope(request, null));
    if (request.InvocationType === 'Event') {
      runDetached(() => handler(structuredClone(request.Payload ?? null)));
      return started(lambdaEnvelope(request, null));
    }
  }
  const invoked = held(runtime, invocation.signal, async () => {
    try {
      return toJson(await handler(structuredClone(request.Payload ?? null)));
    } catch (thrown) {
      throw lambdaFailure(thrown);
    }
  });
  if (!callback) return invoked.then((payload) => lambdaEnvelope(request, payload));
  return invoked.then((payload) =>
    submit(invocation, lambdaEnvelope(request, payload), answer ?? Promise.resolve(payload)),
  );
}

function findLambda(runtime: Runtime, reference: string) {
  const handlers = runtime.tasks.lambdas;
  if (Object.hasOwn(handlers, reference)) return handlers[reference];
  const name = lambdaFunctionName(reference);
  return Object.hasOwn(handlers, name) ? handlers[name] : undefined;
}

/**
 * Runs the task and resolves with its JSON result; rejects with TaskFailedError on failure.
 * Throws TaskNotScheduledError, synchronously, when nothing can run it (or the resolver refuses it).
 */
export function runTaskResource(runtime: Runtime, invocation: TaskInvocation): Promise<JsonValue> {
  const resolver = runtime.tasks.resolver;
  if (resolver) {
    const answer = resolver(invocation);
    if (answer !== NOT_HANDLED) return held(runtime, invocation.signal, async () => toJson(await answer));
  }
  const mocks = runtime.tasks.mocks;
  if (Object.hasOwn(mocks, invocation.stateName)) {
    return runMock(runtime, mocks[invocation.stateName]!, invocation, invocation.stateName);
  }
  const kind = invocation.kind;
  if (kind.kind === 'activity' && Object.hasOwn(runtime.tasks.activityMocks, kind.name)) {
    return runMock(runtime, runtime.tasks.activityMocks[kind.name]!, invocation, `activity:${kind.name}`);
  }
  if (kind.kind === 'activity') {
    const activity = runtime.tasks.activities.get(kind.name);
    if (activity) {
      const context: ActivityContext = {
        signal: invocation.signal,
        heartbeat: async () => invocation.heartbeat(),
        taskToken: invocation.taskToken,
      };
      invocation.started({ workerName: 'in-process' });
      return held(runtime, invocation.signal, async () => {
        try {
          return toJson(await activity.invoke(structuredClone(invocation.input), context));
        } catch (thrown) {
          throw activityFailure(thrown);
        }
      });
    }
  }
  if (kind.kind === 'lambda') {
    const handler = findLambda(runtime, kind.arn);
    if (handler) {
      return held(runtime, invocation.signal, async () => {
        try {
          return toJson(await handler(structuredClone(invocation.input)));
        } catch (thrown) {
          throw lambdaFailure(thrown);
        }
      });
    }
  }
  if (kind.kind === 'service' && kind.service === 'lambda' && kind.action.startsWith('invoke')) {
    const request = invocation.input as LambdaInvokeRequest | null;
    const handler =
      typeof request?.FunctionName === 'string' ? findLambda(runtime, request.FunctionName) : undefined;
    if (handler) return invokeLambda(runtime, invocation, request!, handler);
  }
  const pattern =
    kind.kind === 'service' && kind.service === 'states' ? childPattern(kind.action) : undefined;
  const answer = waitsForToken(kind) ? awaitAnswer(runtime, invocation) : undefined;
  const children = runtime.tasks.children;
  // Not held: the child's own waits advance the shared virtual clock.
  if (pattern === 'waitForTaskToken') {
    const child = children?.startForCallback(invocation.input, runtime.clock, runtime.signal);
    if (child) return submit(invocation, child.response, answer ?? child.outcome());
  } else if (pattern !== undefined) {
    const child = children?.run(invocation.input, pattern, runtime.clock, invocation.signal, runtime.signal);
    if (child) return child;
  }
  if (answer !== undefined) {
    // Nothing simulates the start (a queue, a topic): the Task is submitted and waits for its token.
    return submit(invocation, undefined, answer);
  }
  const means =
    kind.kind === 'activity'
      ? `an activity named '${kind.name}' in options.activities`
      : kind.kind === 'lambda' || (kind.kind === 'service' && kind.service === 'lambda')
        ? 'a handler in options.lambdas'
        : pattern !== undefined
          ? 'the child machine in options.machines'
          : 'a resolver (options.taskResolver)';
  throw new TaskNotScheduledError(
    `Nothing can run the Task state '${invocation.stateName}' (resource '${invocation.resource}'): give options.mocks['${invocation.stateName}'] or ${means}.`,
  );
}
