// Turns an ASL object into the compiled graph the interpreter walks. Whether the definition is
// valid is @sfini/core's validateDefinition's to say (every problem at once, with its location);
// the compiler runs only on what it accepted, so it does not check the structure again and only
// parses and compiles, with the same path and JSONata parsers. Compiled machines are cached per
// definition object: tests and benchmarks run the same definition many times.

import {
  type AslQueryLanguage,
  type AslStateType,
  type DefinitionLocation,
  type DefinitionProblem,
  InvalidDefinitionError,
  validateDefinition,
} from '@sfini/core';
import { type CompiledExpression, compileExpression, expressionText } from '../eval/jsonata.js';
import { toJson } from '../values/json.js';
import { jsonByteSize } from '../values/size.js';
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
import type { ChoiceBranch, CompiledGraph, CompiledMachine, CompiledState } from './model.js';
import { uniformState } from './uniform.js';

function compileState(
  name: string,
  raw: Raw,
  /** The machine's query language: a state without its own uses it, at any depth (as AWS). */
  machineLanguage: AslQueryLanguage,
  where: DefinitionLocation,
  problems: Problems,
): CompiledState {
  const type = raw.Type as AslStateType;
  const language = (raw.QueryLanguage as AslQueryLanguage | undefined) ?? machineLanguage;
  const jsonPath = language === 'JSONPath';
  const base = {
    name,
    type,
    queryLanguage: language,
    next: typeof raw.Next === 'string' ? raw.Next : undefined,
    nextState: undefined,
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
    retriers: retriers(raw),
    catchers: catchers(raw, language, where, problems),
  });
  switch (type) {
    case 'Pass':
      return {
        ...base,
        type,
        result: literal(raw, 'Result'),
        hasResult: 'Result' in raw,
        resultBytes: 'Result' in raw ? jsonByteSize(toJson(raw.Result)) : 0,
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
        seconds: numberField(raw, 'Seconds', where, problems),
        timestamp: stringField(raw, 'Timestamp', language, where, problems),
      };
    case 'Task':
      return {
        ...base,
        ...execution(),
        type,
        resource: raw.Resource as string,
        timeoutSeconds: numberField(raw, 'TimeoutSeconds', where, problems),
        heartbeatSeconds: numberField(raw, 'HeartbeatSeconds', where, problems),
        credentials: literal(raw, 'Credentials'),
      };
    case 'Parallel':
      return {
        ...base,
        ...execution(),
        type,
        // States inside a branch use the machine's language, whatever the Parallel itself uses.
        branches: (raw.Branches as Raw[]).map((b, i) =>
          compileGraph(b, machineLanguage, [...where, 'Branches', i], problems),
        ),
      };
    case 'Map':
      return compileMap(base, execution(), raw, language, machineLanguage, where, problems);
  }
}

function compileChoice(
  base: Omit<CompiledState, 'type'>,
  raw: Raw,
  language: AslQueryLanguage,
  where: DefinitionLocation,
  problems: Problems,
): CompiledState {
  const choices: ChoiceBranch[] = (raw.Choices as Raw[]).map((rule, i) => {
    const at = [...where, 'Choices', i];
    let condition: CompiledExpression | undefined;
    if (language === 'JSONata') {
      const text =
        typeof rule.Condition === 'boolean' ? String(rule.Condition) : expressionText(rule.Condition);
      condition = problems.guard([...at, 'Condition'], () => compileExpression(text!));
    }
    return {
      rule,
      condition,
      next: rule.Next as string,
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
  language: AslQueryLanguage,
  machineLanguage: AslQueryLanguage,
  where: DefinitionLocation,
  problems: Problems,
): CompiledState {
  const jsonPath = language === 'JSONPath';
  const processorKey = 'ItemProcessor' in raw ? 'ItemProcessor' : 'Iterator';
  const processorRaw = raw[processorKey] as Raw;
  const config = (processorRaw.ProcessorConfig ?? {}) as Raw;
  const itemSelectorKey = 'ItemSelector' in raw ? 'ItemSelector' : 'Parameters';
  return {
    ...base,
    ...execution,
    parameters: undefined,
    type: 'Map',
    // States inside the item processor use the machine's language, whatever the Map itself uses.
    processor: compileGraph(processorRaw, machineLanguage, [...where, processorKey], problems),
    distributed: config.Mode === 'DISTRIBUTED',
    itemsPath: jsonPath ? (pathField(raw, 'ItemsPath', where, problems) ?? undefined) : undefined,
    items: 'Items' in raw ? jsonataField(raw, 'Items', where, problems) : undefined,
    itemSelector: jsonPath ? payloadField(raw, itemSelectorKey, where, problems) : undefined,
    itemSelectorJsonata: jsonPath ? undefined : jsonataField(raw, 'ItemSelector', where, problems),
    maxConcurrency: numberField(raw, 'MaxConcurrency', where, problems),
    toleratedFailureCount: numberField(raw, 'ToleratedFailureCount', where, problems),
    toleratedFailurePercentage: numberField(raw, 'ToleratedFailurePercentage', where, problems),
    itemBatcher: raw.ItemBatcher as Raw | undefined,
    itemReader: raw.ItemReader as Raw | undefined,
    label: typeof raw.Label === 'string' ? raw.Label : undefined,
  } as CompiledState;
}

/**
 * Compiles a `{ StartAt, States }` graph that validation accepted (so every transition lands on a
 * state of it, except, for TestState, the successors of the one state tested).
 */
export function compileGraph(
  raw: Raw,
  language: AslQueryLanguage,
  where: DefinitionLocation,
  problems: Problems,
): CompiledGraph {
  const graphLanguage = (raw.QueryLanguage as AslQueryLanguage | undefined) ?? language;
  const statesRaw = raw.States as Record<string, Raw>;
  const states = new Map<string, CompiledState>();
  for (const name of Object.keys(statesRaw)) {
    const state = compileState(name, statesRaw[name]!, graphLanguage, [...where, 'States', name], problems);
    states.set(name, uniformState(state));
  }
  for (const state of states.values()) {
    state.nextState = state.next === undefined ? undefined : states.get(state.next);
  }
  return { startAt: raw.StartAt as string, states, queryLanguage: graphLanguage };
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
  const graph = compileGraph(own, 'JSONPath', [], problems);
  problems.assertNone();
  const machine: CompiledMachine = {
    ...graph,
    timeoutSeconds: own.TimeoutSeconds as number | undefined,
    definition: own,
  };
  compiledCache.set(definition, machine);
  return machine;
}
