// Task: one attempt hands the resource to the task resolution chain (which may refuse it before it
// is scheduled, as AWS refuses an unknown activity), records it scheduled, and races it against
// TimeoutSeconds (counted from scheduling) and HeartbeatSeconds (counted from the start, reset by
// each heartbeat) on the execution's clock.
// Whatever wins, the attempt's timers are cancelled, so a virtual clock never jumps to a stale one.
import type { JsonValue } from '@sfini/core';
import type { NumberSource, TaskState } from '../compile/model.js';
import {
  describeThrown,
  StatesErrors,
  StatesFailure,
  StoppedError,
  TaskFailedError,
  TaskNotScheduledError,
} from '../errors.js';
import type { Runtime, Thread } from '../run/runtime.js';
import type { StateRun } from '../run/state-run.js';
import { TaskEvents } from '../task/events.js';
import { runTaskResource, waitsForToken } from '../task/resolve.js';
import { classifyResource, type ResourceKind } from '../task/resources.js';
import { newTaskToken } from '../task/task-tokens.js';
import { stringify } from '../values/json.js';
import { readNumberField } from './number-fields.js';
import { runWithRetry } from './retry-catch.js';
import type { StepResult } from './step.js';

const kinds = new WeakMap<TaskState, ResourceKind>();
const REARMED = Object.freeze({ name: 'HeartbeatRearmed' });
/** Why an attempt's timers and signal are aborted once it has settled; made once. */
const ATTEMPT_OVER = new StoppedError('the task attempt is over');

function kindOf(state: TaskState): ResourceKind {
  let kind = kinds.get(state);
  if (kind === undefined) {
    kind = classifyResource(state.resource);
    kinds.set(state, kind);
  }
  return kind;
}

/** The largest TimeoutSeconds AWS accepts, and what a Task waiting for its token gets when it sets none. */
const DEFAULT_TASK_TIMEOUT_SECONDS = 99_999_999;

async function seconds(
  run: StateRun,
  source: NumberSource | undefined,
  field: string,
): Promise<number | undefined> {
  if (source === undefined) return undefined;
  const { value, path } = await readNumberField(run, source, run.input);
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > DEFAULT_TASK_TIMEOUT_SECONDS
  ) {
    const name = source.kind === 'path' ? `${field}Path` : field;
    throw run.runtimeFailure(
      `The ${name} parameter must be a whole number of seconds from 1 to 99999999: ${path ? `${path} == ` : ''}${stringify(value)}`,
    );
  }
  return value;
}

function waitsForAnswer(runtime: Runtime, kind: ResourceKind): boolean {
  return runtime.tasks.callbacks === 'manual' && waitsForToken(kind);
}

class Timeout extends Error {
  constructor(readonly error: string) {
    super(error);
  }
}

async function attemptTask(state: TaskState, run: StateRun, input: JsonValue): Promise<JsonValue> {
  const runtime = run.thread.runtime;
  const kind = kindOf(state);
  const timeoutSeconds = await seconds(run, state.timeoutSeconds, 'TimeoutSeconds');
  const heartbeatSeconds = await seconds(run, state.heartbeatSeconds, 'HeartbeatSeconds');
  const events = new TaskEvents(run.thread, kind);
  // Scheduled is recorded once something takes the task: a resolver may refuse it first.
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    events.scheduled(input, timeoutSeconds, heartbeatSeconds);
  };

  const attempt = new AbortController();
  const onStop = () => attempt.abort(run.thread.signal.reason);
  run.thread.signal.addEventListener('abort', onStop, { once: true });
  let rejectTimer: (reason: Timeout) => void = () => {};
  const timers = new Promise<never>((_, reject) => {
    rejectTimer = reject;
  });
  timers.catch(() => {});
  const sleepThen = (ms: number, signal: AbortSignal, error: string) => {
    runtime.clock.sleep(ms, signal).then(
      () => rejectTimer(new Timeout(error)),
      () => {},
    );
  };
  // A Task waiting for its token times out at AWS's default when it sets no TimeoutSeconds, so a
  // run nobody answers ends (at once, on a virtual clock with nothing else pending).
  const timeoutLimit =
    timeoutSeconds ?? (waitsForAnswer(runtime, kind) ? DEFAULT_TASK_TIMEOUT_SECONDS : undefined);
  if (timeoutLimit !== undefined) sleepThen(timeoutLimit * 1000, attempt.signal, StatesErrors.Timeout);
  let heartbeatTimer: AbortController | undefined;
  const armHeartbeat = () => {
    if (heartbeatSeconds === undefined || attempt.signal.aborted) return;
    heartbeatTimer?.abort(REARMED);
    heartbeatTimer = new AbortController();
    sleepThen(
      heartbeatSeconds * 1000,
      AbortSignal.any([attempt.signal, heartbeatTimer.signal]),
      StatesErrors.HeartbeatTimeout,
    );
  };
  let started = false;
  const markStarted = (workerName?: string) => {
    if (started || attempt.signal.aborted) return;
    schedule();
    started = true;
    events.started(workerName);
    armHeartbeat();
  };
  const stopped = new Promise<never>((_, reject) => {
    attempt.signal.addEventListener('abort', () => reject(attempt.signal.reason), { once: true });
  });
  stopped.catch(() => {});
  try {
    const work = runTaskResource(runtime, {
      kind,
      resource: state.resource,
      stateName: state.name,
      input,
      timeoutSeconds,
      heartbeatSeconds,
      executionArn: runtime.executionArn,
      taskToken: run.taskToken ?? '',
      signal: attempt.signal,
      heartbeat: armHeartbeat,
      started: (details) => markStarted(details?.workerName),
      submitted: (output) => {
        if (attempt.signal.aborted) return;
        markStarted();
        events.submitted(output);
      },
    });
    // Recording Scheduled may throw (the execution ended meanwhile): the work's end is then moot.
    work.catch(() => {});
    schedule();
    if (kind.kind !== 'activity') markStarted();
    const result = await Promise.race([work, timers, stopped]);
    events.succeeded(result);
    return result;
  } catch (thrown) {
    if (thrown instanceof StoppedError || run.thread.signal.aborted) throw thrown;
    if (thrown instanceof TaskNotScheduledError) throw run.runtimeFailure(thrown.reason);
    schedule();
    if (thrown instanceof Timeout) {
      attempt.abort(new TaskFailedError(thrown.error));
      events.timedOut(thrown.error, undefined);
      throw new StatesFailure(thrown.error, undefined, 'task');
    }
    const { error, cause } = describeThrown(thrown);
    events.failed(error, cause);
    throw new StatesFailure(error, cause, 'task');
  } finally {
    if (!attempt.signal.aborted) attempt.abort(ATTEMPT_OVER);
    run.thread.signal.removeEventListener('abort', onStop);
  }
}

export function runTask(state: TaskState, input: JsonValue, thread: Thread): Promise<StepResult> {
  const kind = kindOf(state);
  const needsToken = kind.kind === 'activity' || waitsForToken(kind);
  return runWithRetry(state, input, thread, {
    prepare: needsToken
      ? (run) => {
          run.taskToken = newTaskToken();
          run.contextChanged();
        }
      : undefined,
    attempt: (run, effective) => attemptTask(state, run, effective),
  });
}
