// Starting and running executions. An execution's result is decided once, by whichever comes
// first: the machine finishing, a stop, the execution timeout, or the history cap. The result
// promise never rejects for an execution's own failure and always settles, even if a task
// handler never returns: stopping or timing out settles it at once and aborts what still runs.
import { type JsonValue, parseMachineInput } from '@sfini/core';
import { resolveClock } from './clock.js';
import { compileMachine } from './compile/machine.js';
import type { CompiledMachine } from './compile/model.js';
import { activityMap, childMachines, resolveDefinition } from './definition-source.js';
import { StatesErrors, StatesFailure, StoppedError } from './errors.js';
import { DEFAULT_JSONATA_LIMITS, type JsonataLimits, jsonataFunctionsWith } from './eval/jsonata.js';
import { VariableScope } from './eval/scope.js';
import { InputDetails, OutputDetails } from './history/details.js';
import { HistoryLimitError, HistoryRecorder, MAX_HISTORY_EVENTS } from './history/recorder.js';
import { executionIdentity } from './run/identity.js';
import { runGraph } from './run/interpreter.js';
import { ExecutionRuntime, ExecutionTaskMeans, type Runtime, Thread } from './run/runtime.js';
import { knownBytes } from './states/payload-bound.js';
import { asFailure } from './states/retry-catch.js';
import { ChildMachines } from './task/children.js';
import { checkMocks } from './task/mock-check.js';
import { checkTaskFailure, checkTaskOutput, type PendingTaskToken, TaskTokens } from './task/task-tokens.js';
import type {
  CallbackMode,
  DefinitionSource,
  ExecutionHandle,
  ExecutionStatus,
  HistoryEvent,
  LocalExecutionResult,
  LocalExecutionResultBase,
  RunOptions,
} from './types.js';
import { toJson } from './values/json.js';
import { jsonByteSize, PAYLOAD_LIMIT_BYTES, withinPayloadLimit } from './values/size.js';

/** The reason timers, threads and tasks are aborted with once an execution has ended; made once. */
const ENDED = new StoppedError('the execution has ended');

/**
 * The JSONata budget of an execution: the shared default unless the caller sets one.
 * @throws TypeError when a limit is not a positive number.
 */
function jsonataLimits(given: RunOptions['jsonataLimits']): JsonataLimits {
  if (given === undefined) return DEFAULT_JSONATA_LIMITS;
  const limits = {
    timeoutMs: given.timeoutMs ?? DEFAULT_JSONATA_LIMITS.timeoutMs,
    maxDepth: given.maxDepth ?? DEFAULT_JSONATA_LIMITS.maxDepth,
  };
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !(value > 0)) {
      throw new TypeError(`jsonataLimits.${name} must be a positive number, not ${String(value)}`);
    }
  }
  return limits;
}

/**
 * Starts an execution and returns at once. Given a core state machine, the input is parsed by
 * its input schema first, as the runtime's start does on AWS: defaults are applied and bad
 * input is refused before the execution exists.
 * @throws InvalidDefinitionError (from @sfini/core) listing every problem of an invalid definition,
 * the machine's or a child's in `options.machines`.
 * @throws ExecutionInputError (from @sfini/core) naming every field a machine's input schema refuses.
 * @throws MockSetupError when `mocks` name no Task state of the machine or of a child machine in
 * `options.machines`, `activityMocks` no activity they run, or a mock returns what the activity's
 * output schema refuses (all listed).
 * @throws TypeError when the definition or input is not JSON.
 * @param source the definition: an ASL object, its JSON text, or a core state machine.
 * @param input the execution's input; default `{}`.
 * @param options mocks, task resolver, lambdas, activities, clock (default `real`), signal, ...
 * @returns a handle whose `result` settles when the execution ends, with `onEvent` and `stop`.
 * @example
 * const run = startExecution(definition, { n: 1 }, { clock: 'real' });
 * run.onEvent((e) => console.log(e.type));
 * const result = await run.result;
 */
export function startExecution(
  source: DefinitionSource,
  input: JsonValue = {},
  options: RunOptions = {},
): ExecutionHandle {
  return beginExecution(source, input, options, 'checked');
}

/**
 * startExecution, with the mocks checked against the machine (`checked`) or not: the local
 * endpoint's mocks serve every machine it runs, so a state one machine lacks is no mistake there.
 */
export function beginExecution(
  source: DefinitionSource,
  input: JsonValue,
  options: RunOptions,
  mocks: 'checked' | 'shared',
  tokens: TaskTokens = new TaskTokens(),
): ExecutionHandle {
  const resolved = resolveDefinition(source);
  const machine = compileMachine(resolved.definition, options.validation);
  const activities = activityMap(resolved.activities, options.activities);
  if (mocks === 'checked') {
    const children = childMachines(options);
    checkMocks(
      [machine, ...children.graphs],
      options.mocks ?? {},
      options.activityMocks ?? {},
      activityMap(children.activities, resolved.activities, options.activities),
    );
  }
  const value = toJson(
    resolved.machine === undefined ? input : (parseMachineInput(resolved.machine, input) as JsonValue),
  );
  const clock = resolveClock(options.clock, 'real');
  const startMs = clock.now();
  const identity = executionIdentity(options, resolved.machineName, value, startMs);
  const history = new HistoryRecorder(clock, options.maxHistoryEvents ?? MAX_HISTORY_EVENTS);
  const controller = new AbortController();
  const runtime = new ExecutionRuntime(
    clock,
    history,
    identity.executionArn,
    identity.execution,
    identity.stateMachine,
    identity.region,
    identity.accountId,
    controller.signal,
    new ExecutionTaskMeans(
      options.taskResolver,
      options.mocks ?? {},
      options.activityMocks ?? {},
      activities,
      options.lambdas ?? {},
      new ChildMachines(options, (child, childInput, childOptions) =>
        beginExecution(child, childInput, childOptions, 'shared', tokens),
      ),
      callbackMode(options.callbacks),
      tokens,
    ),
    options.random,
    options.random ? jsonataFunctionsWith(options.random) : undefined,
    jsonataLimits(options.jsonataLimits),
  );
  return launch(
    machine,
    value,
    runtime,
    controller,
    identity.execution.RoleArn ?? undefined,
    options.signal,
    tokens,
  );
}

/** @throws TypeError when `callbacks` is neither `auto` nor `manual`. */
export function callbackMode(given: RunOptions['callbacks']): CallbackMode {
  if (given === undefined || given === 'auto' || given === 'manual') return given ?? 'auto';
  throw new TypeError(`callbacks must be 'auto' or 'manual', not ${JSON.stringify(given)}`);
}

/**
 * Runs an execution to its end on a virtual clock by default (waits take no time).
 * Never rejects for execution failures: they are results.
 * @param source the definition: an ASL object, its JSON text, or a core state machine.
 * @param input the execution's input; default `{}`.
 * @param options mocks, task resolver, lambdas, activities, clock (default `virtual`), signal, ...
 * @throws InvalidDefinitionError (as a rejection) when the definition is invalid.
 * @throws ExecutionInputError (as a rejection) when a machine's input schema refuses the input.
 * @throws MockSetupError (as a rejection) when a mock names nothing the machine runs or returns
 * what its activity's output schema refuses.
 * @example
 * const { status, output } = await runExecution({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, { x: 1 });
 */
export async function runExecution(
  source: DefinitionSource,
  input: JsonValue = {},
  options: RunOptions = {},
): Promise<LocalExecutionResult> {
  return startExecution(source, input, { ...options, clock: options.clock ?? 'virtual' }).result;
}

function launch(
  machine: CompiledMachine,
  input: JsonValue,
  runtime: Runtime,
  controller: AbortController,
  roleArn: string | undefined,
  external: AbortSignal | undefined,
  tokens: TaskTokens,
): ExecutionHandle {
  const { history, clock } = runtime;
  const startDate = new Date(clock.now());
  let status: 'RUNNING' | ExecutionStatus = 'RUNNING';
  let settle: (result: LocalExecutionResult) => void = () => {};
  const result = new Promise<LocalExecutionResult>((resolve) => {
    settle = resolve;
  });
  // Only a machine with TimeoutSeconds arms a timer (AbortControllers are not free to make).
  const timers = machine.timeoutSeconds === undefined ? undefined : new AbortController();

  // AWS links the first state's event to no event (previousEventId 0), not to ExecutionStarted.
  const thread = new Thread(runtime, new VariableScope(), 0, controller.signal);
  const finish = (
    final: ExecutionStatus,
    type: string,
    key: string,
    details: object,
    extra: { output?: JsonValue; error?: string; cause?: string },
    previousEventId = history.lastId,
  ) => {
    if (status !== 'RUNNING') return;
    status = final;
    history.close(type, previousEventId, key, details);
    timers?.abort(ENDED);
    if (!controller.signal.aborted) controller.abort(ENDED);
    external?.removeEventListener('abort', onExternalAbort);
    // `finish` passes an output exactly when the status is SUCCEEDED, as the union requires.
    const ended = new Result(
      final,
      extra,
      history.events,
      startDate,
      new Date(clock.now()),
      runtime.executionArn,
    );
    settle(ended as LocalExecutionResult);
  };
  // The machine's own end follows the top-level chain, which a failing branch or iteration hands
  // its last event to; a stop or a timeout follows whatever was recorded last.
  const fail = (error: string | undefined, cause: string | undefined, previousEventId?: number) => {
    const details: Record<string, string> = {};
    if (error) details.error = error;
    if (cause !== undefined) details.cause = cause;
    finish(
      'FAILED',
      'ExecutionFailed',
      'executionFailedEventDetails',
      details,
      {
        ...(error ? { error } : {}),
        ...(cause !== undefined ? { cause } : {}),
      },
      previousEventId,
    );
  };
  const stop = (options: { error?: string; cause?: string } = {}) => {
    const details: Record<string, string> = {};
    if (options.error !== undefined) details.error = options.error;
    if (options.cause !== undefined) details.cause = options.cause;
    finish('ABORTED', 'ExecutionAborted', 'executionAbortedEventDetails', details, details);
  };
  const onExternalAbort = () => stop();

  history.add(
    'ExecutionStarted',
    0,
    'executionStartedEventDetails',
    new InputDetails(input, roleArn === undefined ? {} : { roleArn }),
  );
  external?.addEventListener('abort', onExternalAbort, { once: true });
  if (external?.aborted) stop();

  if (timers !== undefined && machine.timeoutSeconds !== undefined && status === 'RUNNING') {
    clock.sleep(machine.timeoutSeconds * 1000, timers.signal).then(
      () =>
        finish(
          'TIMED_OUT',
          'ExecutionTimedOut',
          'executionTimedOutEventDetails',
          { error: StatesErrors.Timeout },
          {
            error: StatesErrors.Timeout,
          },
        ),
      () => {},
    );
  }

  const run = async () => {
    const inputBytes = jsonByteSize(input);
    if (inputBytes > PAYLOAD_LIMIT_BYTES) {
      throw new StatesFailure(
        StatesErrors.DataLimitExceeded,
        'The execution input exceeds the maximum number of bytes service limit.',
      );
    }
    thread.sizedValue = input;
    thread.sizedBytes = inputBytes;
    const output = await runGraph(machine, input, thread);
    if (knownBytes(thread, output) > PAYLOAD_LIMIT_BYTES && !withinPayloadLimit(output)) {
      throw new StatesFailure(
        StatesErrors.DataLimitExceeded,
        'The execution output exceeds the maximum number of bytes service limit.',
      );
    }
    return output;
  };
  if (status === 'RUNNING') {
    run().then(
      (output) =>
        finish(
          'SUCCEEDED',
          'ExecutionSucceeded',
          'executionSucceededEventDetails',
          new OutputDetails(output),
          { output },
          thread.lastEventId,
        ),
      (thrown) => {
        if (status !== 'RUNNING') return;
        if (thrown instanceof HistoryLimitError) {
          fail(
            StatesErrors.Runtime,
            `The execution reached the maximum number of history events (${thrown.limit}) and was stopped.`,
          );
          return;
        }
        let failure: StatesFailure;
        try {
          failure = asFailure(thrown);
        } catch {
          failure = new StatesFailure(StatesErrors.Runtime, String((thrown as Error)?.message ?? thrown));
        }
        // Before any state ran (the input was refused), the failure follows ExecutionStarted.
        fail(failure.error, failure.cause, thread.lastEventId || history.lastId);
      },
    );
  }

  return new Handle(runtime.executionArn, startDate, result, history, () => status, stop, tokens);
}

/**
 * What an execution ended with. A class, not an object literal: a caller keeping each result a
 * little while (a loop awaiting the next run) is enough for V8 to allocate a literal's results in
 * the old generation from then on, and each would then keep its whole history alive past the
 * young collections (see history/events.ts). Absent fields stay absent, as in a literal.
 */
class Result implements LocalExecutionResultBase {
  declare output?: JsonValue;
  declare error?: string;
  declare cause?: string;
  constructor(
    readonly status: ExecutionStatus,
    extra: { output?: JsonValue; error?: string; cause?: string },
    readonly history: HistoryEvent[],
    readonly startDate: Date,
    readonly stopDate: Date,
    readonly executionArn: string,
  ) {
    if ('output' in extra) this.output = extra.output;
    if (extra.error !== undefined) this.error = extra.error;
    if (extra.cause !== undefined) this.cause = extra.cause;
  }
}

/**
 * The handle of a started execution. A class, not an object literal with a getter: a literal's
 * accessor holds a fresh closure per execution, which gives every handle a hidden class of its
 * own, and V8's young-generation collector keeps those classes (and through the closure the
 * whole execution) alive until the next full collection.
 */
class Handle implements ExecutionHandle {
  readonly #recorder: HistoryRecorder;
  readonly #tokens: TaskTokens;
  constructor(
    readonly executionArn: string,
    readonly startDate: Date,
    readonly result: Promise<LocalExecutionResult>,
    recorder: HistoryRecorder,
    readonly status: () => 'RUNNING' | ExecutionStatus,
    readonly stop: (options?: { error?: string; cause?: string }) => void,
    tokens: TaskTokens,
  ) {
    this.#recorder = recorder;
    this.#tokens = tokens;
  }

  pendingTaskTokens(): PendingTaskToken[] {
    return this.#tokens.pending();
  }

  sendTaskSuccess(taskToken: string, output: JsonValue): void {
    this.#tokens.succeed(taskToken, checkTaskOutput(toJson(output)));
  }

  sendTaskFailure(taskToken: string, error?: string, cause?: string): void {
    checkTaskFailure(error, cause);
    this.#tokens.fail(taskToken, error, cause);
  }

  sendTaskHeartbeat(taskToken: string): void {
    this.#tokens.heartbeat(taskToken);
  }

  get history(): readonly HistoryEvent[] {
    return this.#recorder.events;
  }

  onEvent(listener: (event: HistoryEvent) => void): () => void {
    return this.#recorder.onEvent(listener);
  }
}
