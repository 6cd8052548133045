// Turns an ASL object into the compiled graph the interpreter walks, checking what the engine
// needs to run it (states exist, transitions land, fields have the right shape) and reporting
// every problem at once with its location. Compiled machines are cached per definition object:
// tests and benchmarks run the same definition many times.

import { type DefinitionProblem, InvalidDefinitionError, validateDefinition } from '@sfini/core';
import { type CompiledExpression, compileExpression, expressionText } from '../eval/jsonata.js';
import {
  assignField,
  catchers,
  jsonataField,
  literal,
  numberField,
  Problems,
  pathField,
  payloadField,
  type Raw,
  retriers,
  stringField,
} from './fields.js';
import type {
  ChoiceBranch,
  CompiledGraph,
  CompiledMachine,
  CompiledState,
  QueryLanguage,
  StateType,
} from './model.js';

const STATE_TYPES = new Set<StateType>([
  'Pass',
  'Task',
  'Choice',
  'Wait',
  'Succeed',
  'Fail',
  'Parallel',
  'Map',
]);

function languageOf(raw: Raw, fallback: QueryLanguage, where: string, problems: Problems): QueryLanguage {
  const value = raw.QueryLanguage;
  if (value === undefined) return fallback;
  if (value !== 'JSONPath' && value !== 'JSONata') {
    problems.add(`${where}.QueryLanguage`, "must be 'JSONPath' or 'JSONata'");
    return fallback;
  }
  if (fallback === 'JSONata' && value === 'JSONPath') {
    problems.add(`${where}.QueryLanguage`, 'a state cannot use JSONPath when the machine uses JSONata');
  }
  return value;
}

function compileState(
  name: string,
  raw: Raw,
  inherited: QueryLanguage,
  where: string,
  problems: Problems,
): CompiledState | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.add(where, 'a state must be an object');
    return undefined;
  }
  const type = raw.Type as StateType;
  if (!STATE_TYPES.has(type)) {
    problems.add(`${where}.Type`, `unknown state type '${String(raw.Type)}'`);
    return undefined;
  }
  const language = languageOf(raw, inherited, where, problems);
  const jsonPath = language === 'JSONPath';
  const terminal = type === 'Succeed' || type === 'Fail' || type === 'Choice';
  if (!terminal && raw.End !== true && typeof raw.Next !== 'string') {
    problems.add(where, "a state needs 'Next' or 'End: true'");
  }
  const base = {
    name,
    type,
    queryLanguage: language,
    next: typeof raw.Next === 'string' ? raw.Next : undefined,
    end: raw.End === true || type === 'Succeed' || type === 'Fail',
    inputPath: jsonPath ? pathField(raw, 'InputPath', where, problems) : undefined,
    outputPath: jsonPath ? pathField(raw, 'OutputPath', where, problems) : undefined,
    assign: assignField(raw, language, where, problems),
    output: jsonPath ? undefined : jsonataField(raw, 'Output', where, problems),
    raw,
  };
  const execution = () => ({
    parameters: jsonPath ? payloadField(raw, 'Parameters', where, problems) : undefined,
    arguments: jsonPath ? undefined : jsonataField(raw, 'Arguments', where, problems),
    resultSelector: jsonPath ? payloadField(raw, 'ResultSelector', where, problems) : undefined,
    resultPath: jsonPath ? pathField(raw, 'ResultPath', where, problems) : undefined,
    retriers: retriers(raw, where, problems),
    catchers: catchers(raw, language, where, problems),
  });
  switch (type) {
    case 'Pass':
      return {
        ...base,
        type,
        result: literal(raw, 'Result'),
        hasResult: 'Result' in raw,
        parameters: jsonPath ? payloadField(raw, 'Parameters', where, problems) : undefined,
        resultPath: jsonPath ? pathField(raw, 'ResultPath', where, problems) : undefined,
      };
    case 'Succeed':
      return { ...base, type };
    case 'Fail':
      return {
        ...base,
        type,
        error: stringField(raw, 'Error', language, where, problems),
        cause: stringField(raw, 'Cause', language, where, problems),
      };
    case 'Choice':
      return compileChoice(base, raw, language, where, problems);
    case 'Wait':
      return {
        ...base,
        type,
        seconds: numberField(raw, 'Seconds', language, where, problems),
        timestamp: stringField(raw, 'Timestamp', language, where, problems),
      };
    case 'Task':
      if (typeof raw.Resource !== 'string')
        problems.add(`${where}.Resource`, 'a Task needs a Resource string');
      return {
        ...base,
        ...execution(),
        type,
        resource: String(raw.Resource),
        timeoutSeconds: numberField(raw, 'TimeoutSeconds', language, where, problems),
        heartbeatSeconds: numberField(raw, 'HeartbeatSeconds', language, where, problems),
        credentials: literal(raw, 'Credentials'),
      };
    case 'Parallel': {
      const branches = Array.isArray(raw.Branches) ? (raw.Branches as Raw[]) : [];
      if (branches.length === 0)
        problems.add(`${where}.Branches`, 'a Parallel state needs at least one branch');
      return {
        ...base,
        ...execution(),
        type,
        branches: branches.map((b, i) => compileGraph(b, language, `${where}.Branches[${i}]`, problems)),
      };
    }
    case 'Map':
      return compileMap(base, execution(), raw, language, where, problems);
  }
}

function compileChoice(
  base: Omit<CompiledState, 'type'>,
  raw: Raw,
  language: QueryLanguage,
  where: string,
  problems: Problems,
): CompiledState {
  const list = Array.isArray(raw.Choices) ? (raw.Choices as Raw[]) : [];
  if (list.length === 0) problems.add(`${where}.Choices`, 'a Choice state needs at least one rule');
  const choices: ChoiceBranch[] = list.map((rule, i) => {
    const at = `${where}.Choices[${i}]`;
    if (typeof rule.Next !== 'string') problems.add(`${at}.Next`, 'a choice rule needs Next');
    let condition: CompiledExpression | undefined;
    if (language === 'JSONata') {
      const text = expressionText(rule.Condition);
      if (typeof rule.Condition === 'boolean') condition = compileExpression(String(rule.Condition));
      else if (text === undefined)
        problems.add(`${at}.Condition`, 'a JSONata choice rule needs a {% %} Condition');
      else condition = problems.guard(`${at}.Condition`, () => compileExpression(text));
    }
    return {
      rule,
      condition,
      next: String(rule.Next),
      assign: assignField(rule, language, at, problems, `Choices[${i}]/`),
      output:
        language === 'JSONata' ? jsonataField(rule, 'Output', at, problems, `Choices[${i}]/`) : undefined,
      conditionField: `Choices[${i}]/Condition`,
    };
  });
  return {
    ...base,
    type: 'Choice',
    choices,
    default: typeof raw.Default === 'string' ? raw.Default : undefined,
  } as CompiledState;
}

function compileMap(
  base: Omit<CompiledState, 'type'>,
  execution: object,
  raw: Raw,
  language: QueryLanguage,
  where: string,
  problems: Problems,
): CompiledState {
  const jsonPath = language === 'JSONPath';
  const processorRaw = (raw.ItemProcessor ?? raw.Iterator) as Raw | undefined;
  if (!processorRaw) problems.add(`${where}.ItemProcessor`, 'a Map state needs an ItemProcessor');
  const config = (processorRaw?.ProcessorConfig ?? {}) as Raw;
  const itemSelectorKey = 'ItemSelector' in raw ? 'ItemSelector' : 'Parameters';
  return {
    ...base,
    ...execution,
    parameters: undefined,
    type: 'Map',
    // Nested states inherit the enclosing state's language, as the core's validation reads them.
    processor: compileGraph(processorRaw ?? {}, language, `${where}.ItemProcessor`, problems),
    distributed: config.Mode === 'DISTRIBUTED',
    itemsPath: jsonPath ? (pathField(raw, 'ItemsPath', where, problems) ?? undefined) : undefined,
    items: 'Items' in raw ? jsonataField(raw, 'Items', where, problems) : undefined,
    itemSelector: jsonPath ? payloadField(raw, itemSelectorKey, where, problems) : undefined,
    itemSelectorJsonata: jsonPath ? undefined : jsonataField(raw, 'ItemSelector', where, problems),
    maxConcurrency: numberField(raw, 'MaxConcurrency', language, where, problems),
    toleratedFailureCount: numberField(raw, 'ToleratedFailureCount', language, where, problems),
    toleratedFailurePercentage: numberField(raw, 'ToleratedFailurePercentage', language, where, problems),
    itemBatcher: raw.ItemBatcher as Raw | undefined,
    itemReader: raw.ItemReader as Raw | undefined,
    label: typeof raw.Label === 'string' ? raw.Label : undefined,
  } as CompiledState;
}

/**
 * Compiles a `{ StartAt, States }` graph; checks every transition lands on a state of it unless
 * `checkTransitions` is false (TestState runs one state whose successors need not exist).
 */
export function compileGraph(
  raw: Raw,
  language: QueryLanguage,
  where: string,
  problems: Problems,
  checkTransitions = true,
): CompiledGraph {
  const graphLanguage = languageOf(raw, language, where, problems);
  const statesRaw = raw.States;
  const states = new Map<string, CompiledState>();
  if (typeof statesRaw !== 'object' || statesRaw === null || Array.isArray(statesRaw)) {
    problems.add(`${where}.States`, 'must be an object of states');
  } else {
    for (const name of Object.keys(statesRaw)) {
      const state = compileState(
        name,
        (statesRaw as Record<string, Raw>)[name]!,
        graphLanguage,
        `${where}.States.${name}`,
        problems,
      );
      if (state) states.set(name, state);
    }
  }
  const startAt = typeof raw.StartAt === 'string' ? raw.StartAt : '';
  if (!states.has(startAt) && typeof statesRaw === 'object') {
    problems.add(`${where}.StartAt`, `names no state: '${String(raw.StartAt)}'`);
  }
  for (const state of checkTransitions ? states.values() : []) {
    const targets: [string, string][] = [];
    if (state.next !== undefined) targets.push(['Next', state.next]);
    if (state.type === 'Choice') {
      for (const [i, c] of state.choices.entries()) targets.push([`Choices[${i}].Next`, c.next]);
      if (state.default !== undefined) targets.push(['Default', state.default]);
    }
    if ('catchers' in state) {
      for (const [i, c] of state.catchers.entries()) targets.push([`Catch[${i}].Next`, c.next]);
    }
    for (const [field, target] of targets) {
      if (!states.has(target))
        problems.add(`${where}.States.${state.name}.${field}`, `names no state: '${target}'`);
    }
  }
  return { startAt, states, queryLanguage: graphLanguage };
}

const compiledCache = new WeakMap<object, CompiledMachine>();
const problemsCache = new WeakMap<object, readonly DefinitionProblem[]>();

/**
 * How strictly a definition is checked before it runs. `aws` (the default) refuses everything
 * AWS would refuse at CreateStateMachine. `runnable` refuses only what the engine cannot run: it
 * lets through state names repeated across Parallel branches or Map processors and unreachable
 * states, which AWS refuses but which have one clear meaning when run.
 */
export type ValidationMode = 'aws' | 'runnable';

const SERVICE_ONLY_RULES: ReadonlySet<string> = new Set(['DUPLICATE_STATE_NAME', 'UNREACHABLE_STATE']);

/**
 * Compiles a whole definition, validated first by the core's validateDefinition.
 * The definition is copied first, so later changes to the caller's object do not reach
 * a compiled machine, and cached per object.
 * @throws InvalidDefinitionError listing every problem found.
 */
export function compileMachine(
  definition: Record<string, unknown>,
  mode: ValidationMode = 'aws',
): CompiledMachine {
  let found = problemsCache.get(definition);
  if (found === undefined) {
    found = validateDefinition(definition);
    problemsCache.set(definition, found);
  }
  const refused = mode === 'aws' ? found : found.filter((p) => !SERVICE_ONLY_RULES.has(p.code));
  if (refused.length > 0) throw new InvalidDefinitionError(refused);
  const cached = compiledCache.get(definition);
  if (cached) return cached;
  const own = JSON.parse(JSON.stringify(definition)) as Record<string, unknown>;
  const problems = new Problems();
  const graph = compileGraph(own, 'JSONPath', '$', problems);
  const timeout = own.TimeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 0)) {
    problems.add('$.TimeoutSeconds', 'must be a whole number of seconds');
  }
  problems.assertNone();
  const machine: CompiledMachine = {
    ...graph,
    timeoutSeconds: typeof timeout === 'number' ? timeout : undefined,
    definition: own,
  };
  compiledCache.set(definition, machine);
  return machine;
}
