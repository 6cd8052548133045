// The entry points of validation: a whole definition, or one state as AWS's TestState takes
// it. The walker descends machine -> states -> sub-machines, handing each check a context
// that names the owner and carries the query language in force, and gathers every problem
// rather than stopping at the first. A state without QueryLanguage uses the machine's, also
// inside a Parallel branch or a Map item processor whatever the Map or Parallel itself sets, as
// AWS reads it; a state of a JSONata machine cannot go back to JSONPath. State names are collected across the whole definition
// because AWS requires them unique everywhere, Parallel branches and Map processors included.
// Last, every value of the definition is scanned for nesting too deep to walk safely.
import {
  at,
  type CheckContext,
  describeType,
  expectEnum,
  expectInteger,
  isObject,
  ProblemList,
  quote,
  report,
  tooDeep,
} from './check-context.js';
import { checkChoiceState } from './choice-checks.js';
import { checkDataFields, checkTransition } from './data-fields.js';
import { checkGraph } from './graph.js';
import {
  checkMapState,
  checkParallelState,
  checkProcessorConfig,
  type SubMachineKind,
} from './map-parallel-checks.js';
import { checkNesting } from './nesting.js';
import {
  type DefinitionLocation,
  type DefinitionProblem,
  InvalidDefinitionError,
  toJsonPath,
} from './problems.js';
import { checkCatch, checkRetry } from './retry-catch.js';
import { checkFailState, checkTaskState, checkWaitState } from './state-checks.js';
import { checkStateFieldNames, isStateType, STATE_TYPES } from './state-fields.js';
import type { AslDefinition, AslQueryLanguage, AslState } from './types.js';

/** Options for {@link validateDefinition}. */
export interface ValidateOptions {
  /**
   * The query language states use when neither they nor the machine say; AWS's default is
   * JSONPath. Mostly useful with {@link validateStateDefinition}.
   */
  queryLanguage?: AslQueryLanguage;
}

/** Options for {@link validateStateDefinition}. */
export interface ValidateStateOptions extends ValidateOptions {
  /** The state's name, used in messages (default "the state"). */
  stateName?: string;
}

/** The longest state name AWS accepts, in characters. */
export const MAX_STATE_NAME_LENGTH = 80;

/**
 * Says why AWS would refuse `name` as a state name, or returns undefined when it accepts it.
 * AWS limits only the length (1 to 80 characters); spaces and punctuation are allowed.
 * @param name the state's name.
 * @example
 * ```ts
 * stateNameProblem('Charge card?'); // undefined
 * stateNameProblem(''); // why an empty name is refused
 * ```
 */
export function stateNameProblem(name: string): string | undefined {
  const length = [...name].length;
  if (length === 0) return 'a state name cannot be empty';
  if (length > MAX_STATE_NAME_LENGTH) {
    return `the name is ${length} characters long; AWS allows at most ${MAX_STATE_NAME_LENGTH}`;
  }
  return undefined;
}

const TOP_FIELDS = ['Comment', 'StartAt', 'States', 'Version', 'TimeoutSeconds', 'QueryLanguage'];
const SUB_FIELDS: Record<SubMachineKind, string[]> = {
  branch: ['Comment', 'StartAt', 'States'],
  processor: ['Comment', 'StartAt', 'States', 'ProcessorConfig'],
};

/** Walks one definition, remembering every state name seen so far. */
class Walker {
  readonly problems = new ProblemList();
  private readonly seen = new Map<string, DefinitionLocation>();
  /** The machine's query language: every state without its own uses it, nested ones included. */
  machineLanguage: AslQueryLanguage = 'JSONPath';

  machine(ctx: CheckContext, value: unknown, fields: readonly string[]): void {
    if (tooDeep(ctx)) return;
    if (!isObject(value)) {
      report(ctx, 'WRONG_TYPE', `must be an object with StartAt and States, not ${describeType(value)}.`);
      return;
    }
    for (const key of Object.keys(value)) {
      if (!fields.includes(key)) report(at(ctx, key), 'UNKNOWN_FIELD', `has no field ${quote(key)}.`);
    }
    let startAt: string | undefined;
    if (!Object.hasOwn(value, 'StartAt'))
      report(ctx, 'MISSING_FIELD', 'needs StartAt, the name of the first state.');
    else if (typeof value.StartAt !== 'string') {
      report(
        at(ctx, 'StartAt'),
        'WRONG_TYPE',
        `StartAt must be a state name string, not ${describeType(value.StartAt)}.`,
      );
    } else startAt = value.StartAt;
    if (Object.hasOwn(value, 'Comment') && typeof value.Comment !== 'string') {
      report(
        at(ctx, 'Comment'),
        'WRONG_TYPE',
        `Comment must be a string, not ${describeType(value.Comment)}.`,
      );
    }
    if (Object.hasOwn(value, 'ProcessorConfig') && fields.includes('ProcessorConfig')) {
      checkProcessorConfig(ctx, value.ProcessorConfig);
    }
    if (!Object.hasOwn(value, 'States')) {
      report(ctx, 'MISSING_FIELD', 'needs States, an object of named states.');
      return;
    }
    const states = value.States;
    if (!isObject(states)) {
      report(
        at(ctx, 'States'),
        'WRONG_TYPE',
        `States must be an object of named states, not ${describeType(states)}.`,
      );
      return;
    }
    if (Object.keys(states).length === 0) {
      report(at(ctx, 'States'), 'INVALID_VALUE', 'States must hold at least one state.');
      return;
    }
    for (const name of Object.keys(states)) {
      this.state([...ctx.location, 'States', name], name, states[name], ctx.queryLanguage);
    }
    checkGraph(ctx, startAt, states);
  }

  topLevel(definition: unknown, defaultLanguage: AslQueryLanguage): void {
    let ctx: CheckContext = {
      problems: this.problems,
      owner: 'The state machine',
      location: [],
      queryLanguage: defaultLanguage,
    };
    if (isObject(definition)) {
      if (Object.hasOwn(definition, 'QueryLanguage')) {
        if (expectEnum(ctx, 'QueryLanguage', definition.QueryLanguage, ['JSONPath', 'JSONata'])) {
          ctx = { ...ctx, queryLanguage: definition.QueryLanguage as AslQueryLanguage };
        }
      }
      this.machineLanguage = ctx.queryLanguage;
      if (Object.hasOwn(definition, 'TimeoutSeconds'))
        expectInteger(ctx, 'TimeoutSeconds', definition.TimeoutSeconds, 1);
      if (Object.hasOwn(definition, 'Version') && typeof definition.Version !== 'string') {
        report(
          at(ctx, 'Version'),
          'WRONG_TYPE',
          `Version must be a string such as "1.0", not ${describeType(definition.Version)}.`,
        );
      }
    }
    this.machine(ctx, definition, TOP_FIELDS);
  }

  private readonly subMachine = (
    ctx: CheckContext,
    value: unknown,
    owner: string,
    kind: SubMachineKind,
  ): void => {
    this.machine({ ...ctx, owner, queryLanguage: this.machineLanguage }, value, SUB_FIELDS[kind]);
  };

  private checkName(ctx: CheckContext, name: string): void {
    const problem = stateNameProblem(name);
    if (problem) report(ctx, 'INVALID_STATE_NAME', `${problem}.`);
    const first = this.seen.get(name);
    if (first === undefined) this.seen.set(name, ctx.location);
    else {
      report(
        ctx,
        'DUPLICATE_STATE_NAME',
        `the name is already used by the state at ${toJsonPath(first)}; state names must be unique across the whole machine, branches and item processors included.`,
      );
    }
  }

  state(location: DefinitionLocation, name: string, value: unknown, inherited: AslQueryLanguage): void {
    const ctx: CheckContext = {
      problems: this.problems,
      owner: `State ${quote(name)}`,
      location,
      queryLanguage: inherited,
    };
    this.checkName(ctx, name);
    this.stateBody(ctx, name, value);
  }

  stateBody(base: CheckContext, name: string, value: unknown): void {
    if (!isObject(value)) {
      report(base, 'WRONG_TYPE', `a state must be an object, not ${describeType(value)}.`);
      return;
    }
    let ctx = base;
    if (Object.hasOwn(value, 'QueryLanguage')) {
      if (expectEnum(base, 'QueryLanguage', value.QueryLanguage, ['JSONPath', 'JSONata'])) {
        ctx = { ...base, queryLanguage: value.QueryLanguage as AslQueryLanguage };
        if (ctx.queryLanguage === 'JSONPath' && this.machineLanguage === 'JSONata') {
          report(
            at(base, 'QueryLanguage'),
            'WRONG_QUERY_LANGUAGE',
            `QueryLanguage cannot be "JSONPath" when the state machine's QueryLanguage is "JSONata".`,
          );
        }
      }
    }
    if (Object.hasOwn(value, 'Comment') && typeof value.Comment !== 'string') {
      report(
        at(ctx, 'Comment'),
        'WRONG_TYPE',
        `Comment must be a string, not ${describeType(value.Comment)}.`,
      );
    }
    const type = value.Type;
    if (!Object.hasOwn(value, 'Type')) {
      report(ctx, 'MISSING_FIELD', `needs Type, one of ${STATE_TYPES.join(', ')}.`);
      return;
    }
    if (!isStateType(type)) {
      report(
        at(ctx, 'Type'),
        'INVALID_VALUE',
        `Type must be one of ${STATE_TYPES.join(', ')}, not ${describeType(type)}.`,
      );
      return;
    }
    checkStateFieldNames(ctx, type, value);
    if (type !== 'Choice' && type !== 'Succeed' && type !== 'Fail') checkTransition(ctx, value);
    checkDataFields(ctx, type, value);
    switch (type) {
      case 'Task':
        checkTaskState(ctx, value);
        break;
      case 'Choice':
        checkChoiceState(ctx, value);
        break;
      case 'Wait':
        checkWaitState(ctx, value);
        break;
      case 'Fail':
        checkFailState(ctx, value);
        break;
      case 'Parallel':
        checkParallelState(ctx, value, name, this.subMachine);
        break;
      case 'Map':
        checkMapState(ctx, value, name, this.subMachine);
        break;
      default:
        break;
    }
    if (type === 'Task' || type === 'Parallel' || type === 'Map') {
      if (Object.hasOwn(value, 'Retry')) checkRetry(ctx, value.Retry);
      if (Object.hasOwn(value, 'Catch')) checkCatch(ctx, value.Catch);
    }
  }
}

/**
 * Validates a state machine definition and returns every problem found, in definition order;
 * an empty array means AWS would accept it.
 * @param definition the parsed ASL (any value: non-objects are reported, never thrown on).
 * @param options the query language states default to.
 * @example
 * validateDefinition({ StartAt: 'a', States: { a: { Type: 'Pass', Next: 'b' } } });
 * // [{ code: 'MISSING_TRANSITION_TARGET', path: '$.States.a.Next', location: '/States/a/Next', ... }, ...]
 */
export function validateDefinition(definition: unknown, options: ValidateOptions = {}): DefinitionProblem[] {
  const walker = new Walker();
  walker.topLevel(definition, options.queryLanguage ?? 'JSONPath');
  checkNesting(walker.problems, definition, 'The state machine');
  return walker.problems.items;
}

/**
 * Validates a single state as AWS's TestState API takes it (no machine around it, so its
 * `Next` is not resolved); sub-machines of Parallel and Map states are validated fully.
 * @param state the state's definition (any value: non-objects are reported, never thrown on).
 * @param options the state's name for messages, and the query language it defaults to.
 * @example
 * ```ts
 * validateStateDefinition({ Type: 'Wait', End: true }, { stateName: 'pause' });
 * // one problem: a Wait state needs one of Seconds, Timestamp, SecondsPath, TimestampPath
 * ```
 */
export function validateStateDefinition(
  state: unknown,
  options: ValidateStateOptions = {},
): DefinitionProblem[] {
  const walker = new Walker();
  const ctx: CheckContext = {
    problems: walker.problems,
    owner: options.stateName === undefined ? 'The state' : `State ${quote(options.stateName)}`,
    location: [],
    queryLanguage: options.queryLanguage ?? 'JSONPath',
  };
  // Tested alone, the state stands for its machine: its own QueryLanguage is the default inside it.
  const own = isObject(state) ? state.QueryLanguage : undefined;
  walker.machineLanguage = own === 'JSONata' || own === 'JSONPath' ? own : ctx.queryLanguage;
  walker.stateBody(ctx, options.stateName ?? 'state', state);
  checkNesting(walker.problems, state, ctx.owner);
  return walker.problems.items;
}

/**
 * Throws an {@link InvalidDefinitionError} listing every problem when `definition` is invalid.
 * @param definition the parsed ASL; typed as a definition once this returns.
 * @param options the query language states default to.
 * @throws InvalidDefinitionError with `problems` set.
 * @example
 * ```ts
 * const definition: unknown = JSON.parse(text);
 * assertValidDefinition(definition);
 * definition.StartAt; // typed from here on
 * ```
 */
export function assertValidDefinition(
  definition: unknown,
  options: ValidateOptions = {},
): asserts definition is AslDefinition {
  const problems = validateDefinition(definition, options);
  if (problems.length > 0) throw new InvalidDefinitionError(problems);
}

/**
 * Throws an {@link InvalidDefinitionError} listing every problem when a single state is invalid.
 * @param state the state's definition; typed as a state once this returns.
 * @param options the state's name for messages, and the query language it defaults to.
 * @throws InvalidDefinitionError with `problems` set.
 * @example
 * ```ts
 * assertValidStateDefinition({ Type: 'Pass', Result: 1, End: true }, { stateName: 'one' });
 * ```
 */
export function assertValidStateDefinition(
  state: unknown,
  options: ValidateStateOptions = {},
): asserts state is AslState {
  const problems = validateStateDefinition(state, options);
  if (problems.length > 0) throw new InvalidDefinitionError(problems, 'state definition');
}
