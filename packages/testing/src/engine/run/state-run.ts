// One execution of one state: its entered event, its context object, and the steps of the
// input/output pipeline every state type shares (InputPath, payload templates, ResultPath,
// OutputPath, Assign, JSONata Output). State modules compose these steps; the failure wording
// for each step lives here, next to the step.
import type { JsonValue } from '@sfini/core';
import type { IntrinsicScope } from '../../intrinsics/scope.js';
import type { AssignProgram, CompiledState, StateType } from '../compile/model.js';
import { queryEvaluationFailure, runtimeFailure, StatesErrors, StatesFailure } from '../errors.js';
import { evaluateIntrinsic } from '../eval/functions.js';
import {
  evaluateJsonataTemplate,
  JsonataEvaluationError,
  type JsonataNode,
  type StatesBinding,
} from '../eval/jsonata.js';
import { evaluatePayload, type PayloadHost, type PayloadNode } from '../eval/payload-template.js';
import { StateEnteredDetails, StateExitedDetails } from '../history/details.js';
import { type ParsedPath, parsePathCached } from '../paths/parse.js';
import { NOT_FOUND, type Selected, selectAt } from '../paths/select.js';
import { PathWriteError, writeAt } from '../paths/write.js';
import { stringify } from '../values/json.js';
import { assignedSizes } from './assign-limits.js';
import { buildContextObject, isoTime } from './context-object.js';
import type { Thread } from './runtime.js';

/** Jayway's bracket form of a path, as AWS quotes it in "No results for path" messages. */
function bracketPath(path: ParsedPath): string {
  let out = '$';
  for (const segment of path.segments) {
    if (segment.kind === 'name') out += `['${segment.name}']`;
    else if (segment.kind === 'index') out += `[${segment.index}]`;
    else return path.source;
  }
  return out;
}

const ENTERED: Readonly<Record<StateType, string>> = {
  Pass: 'PassStateEntered',
  Task: 'TaskStateEntered',
  Choice: 'ChoiceStateEntered',
  Wait: 'WaitStateEntered',
  Succeed: 'SucceedStateEntered',
  Fail: 'FailStateEntered',
  Parallel: 'ParallelStateEntered',
  Map: 'MapStateEntered',
};
const EXITED: Readonly<Record<StateType, string>> = {
  Pass: 'PassStateExited',
  Task: 'TaskStateExited',
  Choice: 'ChoiceStateExited',
  Wait: 'WaitStateExited',
  Succeed: 'SucceedStateExited',
  Fail: 'FailStateExited',
  Parallel: 'ParallelStateExited',
  Map: 'MapStateExited',
};

export class StateRun implements PayloadHost {
  readonly enteredEventId: number;
  readonly enteredAt: number;
  /** Set for states that can retry (Task, Map, Parallel); read by `$$.State.RetryCount`. */
  retryCount: number | undefined;
  mapItem: { index: number; value: JsonValue } | undefined;
  taskToken: string | undefined;
  /** The branches or iterations a Map or Parallel state runs now, in the order they started. */
  children: ReadonlySet<Thread> | undefined;
  #context: JsonValue | undefined;
  #enteredTime: string | undefined;

  constructor(
    readonly state: CompiledState,
    readonly thread: Thread,
    /** The raw state input, as recorded in the entered event. */
    readonly input: JsonValue,
  ) {
    this.enteredAt = thread.runtime.clock.now();
    this.enteredEventId = thread.event(
      ENTERED[state.type],
      'stateEnteredEventDetails',
      new StateEnteredDetails(state.name, input),
    );
    thread.current = this;
    if (state.type === 'Task' || state.type === 'Map' || state.type === 'Parallel') this.retryCount = 0;
    this.inspect('input', input);
  }

  /** The state has ended (exited, or failed with its own failure event): nothing is left to abort. */
  ended(): void {
    if (this.thread.current === this) this.thread.current = undefined;
  }

  get name(): string {
    return this.state.name;
  }

  /** The context object as this state sees it now. */
  context(): JsonValue {
    if (this.#context === undefined) {
      const runtime = this.thread.runtime;
      if (runtime.contextOverride !== undefined) return runtime.contextOverride;
      if (this.#enteredTime === undefined) this.#enteredTime = isoTime(this.enteredAt);
      this.#context = buildContextObject(runtime.execution, runtime.stateMachine, {
        name: runtime.contextStateName ?? this.state.name,
        enteredTime: this.#enteredTime,
        retryCount: this.retryCount,
        mapItem: this.mapItem,
        taskToken: this.taskToken,
      });
    }
    return this.#context;
  }

  /** Forget the built context object (retry count, map item or task token changed). */
  contextChanged(): void {
    this.#context = undefined;
  }

  variable(name: string): JsonValue | undefined {
    const value = this.thread.variables.get(name);
    return value === NOT_FOUND ? undefined : value;
  }

  runtimeFailure(message: string): StatesFailure {
    if (this.thread.runtime.plainCauses) return new StatesFailure(StatesErrors.Runtime, message, 'runtime');
    return runtimeFailure(this.state.name, this.enteredEventId, message);
  }

  /** A States.QueryEvaluationError with AWS's cause wording. */
  queryFailure(message: string, location?: string): StatesFailure {
    if (this.thread.runtime.plainCauses) {
      return new StatesFailure(StatesErrors.QueryEvaluationError, message, 'evaluation', location);
    }
    return queryEvaluationFailure(this.state.name, this.enteredEventId, message, location);
  }

  /** Records a pipeline stage for TestState's inspectionData; free when nobody inspects. */
  inspect(stage: string, value: JsonValue): void {
    const inspection = this.thread.runtime.inspection;
    if (inspection !== undefined) inspection.record(stage, value);
  }

  select(path: ParsedPath, dollar: JsonValue): Selected {
    switch (path.root) {
      case 'input':
        return path.segments.length === 0 ? dollar : selectAt(path, dollar);
      case 'context':
        return selectAt(path, this.context());
      case 'variable': {
        const value = this.thread.variables.get(path.variable!);
        if (value === NOT_FOUND) return NOT_FOUND;
        return path.segments.length === 0 ? value : selectAt(path, value);
      }
    }
  }

  #rootText(path: ParsedPath, dollar: JsonValue): string {
    if (path.root === 'context') return stringify(this.context());
    if (path.root === 'variable') {
      const value = this.thread.variables.get(path.variable!);
      return value === NOT_FOUND ? 'null' : stringify(value);
    }
    return stringify(dollar);
  }

  /** Applies a path field (InputPath, OutputPath, ItemsPath...): null gives {}, missing fails. */
  applyPath(path: ParsedPath | null | undefined, dollar: JsonValue): JsonValue {
    if (path === undefined) return dollar;
    if (path === null) return {};
    const value = this.select(path, dollar);
    if (value === NOT_FOUND) {
      throw this.runtimeFailure(`Invalid path '${path.source}' : No results for path: ${bracketPath(path)}`);
    }
    return value;
  }

  /** Part of PayloadHost: the failure for a template path that names nothing. */
  missing(path: ParsedPath, field: string, dollar: JsonValue): StatesFailure {
    return this.runtimeFailure(
      `The JSONPath '${path.source}' specified for the field '${field}' could not be found in the input '${this.#rootText(path, dollar)}'`,
    );
  }

  /** Evaluates an intrinsic function call; its failures become States.Runtime with AWS's prefix. */
  intrinsic(expression: string, field: string, dollar: JsonValue): JsonValue {
    const random = this.thread.runtime.random;
    const scope: IntrinsicScope = {
      ...(random ? { random } : {}),
      resolvePath: (path) => {
        const parsed = parsePathCached(path);
        const value = this.select(parsed, dollar);
        if (value === NOT_FOUND) {
          throw this.runtimeFailure(
            `The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${this.#rootText(parsed, dollar)}'`,
          );
        }
        return value;
      },
    };
    try {
      return evaluateIntrinsic(expression, scope);
    } catch (thrown) {
      throw this.failureFrom(thrown);
    }
  }

  /**
   * Turns what an intrinsic function or a Choice rule threw into a StatesFailure: AWS's
   * States.Runtime causes get the state prefix, other errors keep their name and cause.
   */
  failureFrom(thrown: unknown): StatesFailure {
    if (thrown instanceof StatesFailure) return thrown;
    const error = thrown as { error?: unknown; cause?: unknown; message?: string };
    const cause = typeof error.cause === 'string' ? error.cause : String(error.message ?? thrown);
    if (typeof error.error === 'string' && error.error !== StatesErrors.Runtime) {
      return new StatesFailure(error.error, cause, 'runtime');
    }
    return this.runtimeFailure(cause);
  }

  payload(node: PayloadNode, dollar: JsonValue): JsonValue {
    return evaluatePayload(node, this, dollar);
  }

  /** ResultPath: merges `result` into the raw input (null keeps the input, absent replaces it). */
  applyResultPath(
    path: ParsedPath | null | undefined,
    result: JsonValue,
    rawInput: JsonValue = this.input,
  ): JsonValue {
    if (path === undefined) return result;
    if (path === null) return rawInput;
    if (path.root !== 'input') throw this.runtimeFailure(`Invalid ResultPath '${path.source}'`);
    if (path.segments.length === 0) return result;
    try {
      return writeAt(rawInput, path, result);
    } catch (error) {
      if (error instanceof PathWriteError) throw this.runtimeFailure(error.message);
      throw error;
    }
  }

  /** `$states` for a JSONata evaluation. */
  states(extra?: { result?: JsonValue; errorOutput?: JsonValue }): StatesBinding {
    const { jsonataFunctions: functions, jsonataLimits: limits } = this.thread.runtime;
    return {
      input: this.input,
      context: () => this.context(),
      ...(functions ? { functions } : {}),
      ...(limits ? { limits } : {}),
      ...extra,
    };
  }

  /** Evaluates a JSONata template; failures become States.QueryEvaluationError. */
  async jsonata(node: JsonataNode, states: StatesBinding): Promise<JsonValue> {
    try {
      return await evaluateJsonataTemplate(node, states, (name) => this.variable(name));
    } catch (error) {
      if (error instanceof JsonataEvaluationError) {
        throw this.queryFailure(error.message, error.field);
      }
      throw error;
    }
  }

  /** Evaluates Assign (JSONPath: `$` is `dollar`). Returns the new values, not yet visible. */
  assignJsonPath(
    program: AssignProgram | undefined,
    dollar: JsonValue,
  ): Record<string, JsonValue> | undefined {
    if (program === undefined || program.kind !== 'jsonpath') return undefined;
    return this.payload(program.template, dollar) as Record<string, JsonValue>;
  }

  async assignJsonata(
    program: AssignProgram | undefined,
    states: StatesBinding,
  ): Promise<Record<string, JsonValue> | undefined> {
    if (program === undefined || program.kind !== 'jsonata') return undefined;
    return (await this.jsonata(program.template, states)) as Record<string, JsonValue>;
  }

  /**
   * Makes assigned values visible to the states that follow, once AWS's variable quotas hold.
   * @throws StatesFailure (States.DataLimitExceeded) when they do not; then nothing is assigned.
   */
  commitAssign(values: Record<string, JsonValue> | undefined): void {
    if (values === undefined) return;
    const scope = this.thread.variables;
    const names = Object.keys(values);
    const sizes = assignedSizes(this.state.name, scope, values, names);
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      scope.set(name, values[name] as JsonValue, sizes[i]!);
    }
  }

  /** Records the exited event. */
  exit(output: JsonValue, assigned?: Record<string, JsonValue>): void {
    this.thread.event(
      EXITED[this.state.type],
      'stateExitedEventDetails',
      new StateExitedDetails(this.state.name, output, assigned),
    );
    this.ended();
  }

  /** Records an EvaluationFailed event for a JSONata failure, as AWS does before failing. */
  evaluationFailed(failure: StatesFailure): void {
    const details: Record<string, string> = { error: failure.error, state: this.state.name };
    if (failure.cause !== undefined) details.cause = failure.cause;
    if (failure.location !== undefined) details.location = failure.location;
    this.thread.event('EvaluationFailed', 'evaluationFailedEventDetails', details);
  }
}
