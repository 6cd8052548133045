// Options (camelCase, as TypeScript users write them) to ASL fields (PascalCase), per state
// type. Unknown options are refused at definition time, since a misspelt option would
// otherwise vanish silently from the emitted ASL for a JavaScript caller.
import type { z } from 'zod';
import { isActivity } from '../activity.js';
import type { AslStateType } from '../asl/types.js';
import type { JsonObject, JsonValue } from '../json.js';
import { assertJsonSchema } from '../schema-json.js';
import type { TaskTarget } from './graph.js';
import { isLiteral } from './intrinsic-helpers.js';
import type { ProblemLog } from './problems.js';
import { describeValue } from './wiring.js';

type Converter = (value: unknown, where: string) => JsonValue;

/**
 * A JSON option (a template, a Result, an Assign): refused when JSON cannot carry it, with every
 * `literal(text)` in it replaced by its text.
 * @throws TypeError listing every value that is not JSON.
 */
export function json(value: unknown, where: string): JsonValue {
  const problems: string[] = [];
  const visit = (v: unknown, path: string): void => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) problems.push(`${path} is ${v}, which JSON cannot carry`);
      return;
    }
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) visit(item, `${path}[${i}]`);
      return;
    }
    if (isLiteral(v)) return;
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const [key, child] of Object.entries(v as Record<string, unknown>)) visit(child, `${path}.${key}`);
      return;
    }
    problems.push(
      `${path} is ${v === undefined ? 'undefined' : typeof v === 'object' ? 'a non-plain object' : `a ${typeof v}`}`,
    );
  };
  visit(value, where);
  if (problems.length > 0) throw new TypeError(`not JSON: ${problems.join('; ')}`);
  return withLiteralText(value as JsonValue);
}

/** `value` with every `literal(text)` replaced by its text, as AWS receives it. */
function withLiteralText(value: JsonValue): JsonValue {
  if (isLiteral(value)) return value.value;
  if (Array.isArray(value)) return value.map(withLiteralText);
  if (typeof value === 'object' && value !== null) {
    // fromEntries defines each key as data, so a key named `__proto__` stays an ordinary field.
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withLiteralText(child)]));
  }
  return value;
}

/** A string option. */
export function string(value: unknown, where: string): JsonValue {
  if (typeof value !== 'string')
    throw new TypeError(`${where} must be a string, got ${JSON.stringify(value)}`);
  return value;
}

function pathOrNull(value: unknown, where: string): JsonValue {
  return value === null ? null : string(value, where);
}

function seconds(value: unknown, where: string): JsonValue {
  if (typeof value === 'string' && /^\{%[\s\S]*%\}$/.test(value.trim())) return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 99_999_999) {
    throw new RangeError(
      `${where} must be a whole number of seconds (or a JSONata expression), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** A whole number from 0, or a JSONata expression. */
export function positive(value: unknown, where: string): JsonValue {
  if (typeof value === 'string' && /^\{%[\s\S]*%\}$/.test(value.trim())) return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`${where} must be a whole number from 0, got ${JSON.stringify(value)}`);
  }
  return value;
}

function percentage(value: unknown, where: string): JsonValue {
  if (typeof value !== 'number' || value < 0 || value > 100) {
    throw new RangeError(`${where} must be a number from 0 to 100, got ${JSON.stringify(value)}`);
  }
  return value;
}

function timestamp(value: unknown, where: string): JsonValue {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`${where} is an invalid Date`);
    return value.toISOString();
  }
  return string(value, where);
}

function queryLanguage(value: unknown, where: string): JsonValue {
  if (value !== 'JSONPath' && value !== 'JSONata') {
    throw new TypeError(`${where} must be 'JSONPath' or 'JSONata', got ${JSON.stringify(value)}`);
  }
  return value;
}

function processorConfig(value: unknown, where: string): JsonValue {
  const config = value as { mode?: unknown; executionType?: unknown };
  const out: JsonObject = {};
  if (config.mode !== undefined) out.Mode = string(config.mode, `${where}.mode`);
  if (config.executionType !== undefined)
    out.ExecutionType = string(config.executionType, `${where}.executionType`);
  return out;
}

/** Option name -> [ASL field, converter]. */
const FIELDS: Record<string, [string, Converter]> = {
  comment: ['Comment', string],
  queryLanguage: ['QueryLanguage', queryLanguage],
  inputPath: ['InputPath', pathOrNull],
  outputPath: ['OutputPath', pathOrNull],
  resultPath: ['ResultPath', pathOrNull],
  parameters: ['Parameters', json],
  resultSelector: ['ResultSelector', json],
  result: ['Result', json],
  arguments: ['Arguments', json],
  output: ['Output', json],
  assign: ['Assign', json],
  credentials: ['Credentials', json],
  timeoutSeconds: ['TimeoutSeconds', seconds],
  timeoutSecondsPath: ['TimeoutSecondsPath', string],
  heartbeatSeconds: ['HeartbeatSeconds', seconds],
  heartbeatSecondsPath: ['HeartbeatSecondsPath', string],
  seconds: ['Seconds', seconds],
  secondsPath: ['SecondsPath', string],
  timestamp: ['Timestamp', timestamp],
  timestampPath: ['TimestampPath', string],
  error: ['Error', string],
  errorPath: ['ErrorPath', string],
  cause: ['Cause', string],
  causePath: ['CausePath', string],
  items: ['Items', json],
  itemsPath: ['ItemsPath', string],
  itemSelector: ['ItemSelector', json],
  itemReader: ['ItemReader', json],
  itemBatcher: ['ItemBatcher', json],
  resultWriter: ['ResultWriter', json],
  maxConcurrency: ['MaxConcurrency', positive],
  maxConcurrencyPath: ['MaxConcurrencyPath', string],
  toleratedFailurePercentage: ['ToleratedFailurePercentage', percentage],
  toleratedFailurePercentagePath: ['ToleratedFailurePercentagePath', string],
  toleratedFailureCount: ['ToleratedFailureCount', positive],
  toleratedFailureCountPath: ['ToleratedFailureCountPath', string],
  label: ['Label', string],
  processorConfig: ['ProcessorConfig', processorConfig],
};

const COMMON = ['comment', 'queryLanguage'];
const ASSIGN = ['assign', 'assignSchema'];
const IO = ['inputPath', 'outputPath'];
const TYPED_OUTPUT = ['output', 'outputSchema'];

/** The options each state type takes; options handled by the builder itself are listed too. */
const ALLOWED: Record<AslStateType, readonly string[]> = {
  Pass: [...COMMON, ...IO, ...TYPED_OUTPUT, ...ASSIGN, 'parameters', 'result', 'resultPath'],
  Task: [
    ...COMMON,
    ...IO,
    ...TYPED_OUTPUT,
    'parameters',
    'resultSelector',
    'resultPath',
    'arguments',
    ...ASSIGN,
    'credentials',
    'timeoutSeconds',
    'timeoutSecondsPath',
    'heartbeatSeconds',
    'heartbeatSecondsPath',
    'retry',
  ],
  Wait: [
    ...COMMON,
    ...IO,
    ...TYPED_OUTPUT,
    ...ASSIGN,
    'seconds',
    'secondsPath',
    'timestamp',
    'timestampPath',
  ],
  Choice: [...COMMON, ...IO, ...TYPED_OUTPUT, ...ASSIGN],
  Succeed: [...COMMON, ...IO, ...TYPED_OUTPUT],
  Fail: [...COMMON, 'error', 'errorPath', 'cause', 'causePath'],
  Parallel: [
    ...COMMON,
    ...IO,
    ...TYPED_OUTPUT,
    'parameters',
    'arguments',
    'resultSelector',
    'resultPath',
    ...ASSIGN,
    'retry',
    'branches',
  ],
  Map: [
    ...COMMON,
    ...IO,
    ...TYPED_OUTPUT,
    'resultSelector',
    'resultPath',
    ...ASSIGN,
    'retry',
    'itemProcessor',
    'items',
    'itemsPath',
    'itemSelector',
    'itemSchema',
    'itemReader',
    'itemBatcher',
    'resultWriter',
    'maxConcurrency',
    'maxConcurrencyPath',
    'toleratedFailurePercentage',
    'toleratedFailurePercentagePath',
    'toleratedFailureCount',
    'toleratedFailureCountPath',
    'label',
    'processorConfig',
  ],
};

/** Options the builder handles itself rather than copying to ASL. */
const HANDLED = new Set(['retry', 'branches', 'itemProcessor', 'outputSchema', 'itemSchema', 'assignSchema']);

/** The name of the variable an Assign key sets: `total.$` sets `total`. */
function variableName(key: string): string {
  return key.endsWith('.$') ? key.slice(0, -2) : key;
}

/**
 * Checks `assignSchema` (the declared types of JSONata variables) against `assign`: a zod object
 * whose every field names a variable the Assign sets, and which JSON can carry.
 * @throws TypeError naming `where` and the problem.
 */
export function checkAssignSchema(options: Record<string, unknown>, where: string): void {
  const schema = options.assignSchema as z.ZodType | undefined;
  if (schema === undefined) return;
  const shape = (schema as { shape?: unknown }).shape;
  if (typeof shape !== 'object' || shape === null) {
    throw new TypeError(`${where}: assignSchema must be a zod object naming the assigned variables`);
  }
  assertJsonSchema(schema, `${where}: assignSchema`);
  const assign = options.assign;
  const names = new Set(
    typeof assign === 'object' && assign !== null ? Object.keys(assign).map(variableName) : [],
  );
  const extra = Object.keys(shape).filter((name) => !names.has(name));
  if (extra.length > 0) {
    throw new TypeError(
      `${where}: assignSchema declares ${extra.map((n) => `'${n}'`).join(', ')}, which assign does not set`,
    );
  }
}

/**
 * The ASL fields for `options` of a state of `type`; each unknown or malformed option is
 * recorded in `log` (naming the state and option) and left out.
 */
export function aslFields(
  type: AslStateType,
  options: Record<string, unknown>,
  where: string,
  log: ProblemLog,
): Record<string, JsonValue> {
  const allowed = ALLOWED[type];
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(options)) {
    if (!allowed.includes(key)) {
      log.add(new TypeError(`${where}: a ${type} state has no option '${key}'`));
      continue;
    }
    if (value === undefined || HANDLED.has(key)) continue;
    const [field, convert] = FIELDS[key]!;
    try {
      out[field] = convert(value, key);
    } catch (error) {
      log.add(new TypeError(`${where}: ${(error as Error).message}`));
    }
  }
  return out;
}

/**
 * What a Task runs, and its options with the activity's defaults filled in: its description as
 * the Comment, its timeouts unless the Task reads them from paths. Options set to `undefined`
 * fall back to those defaults.
 * @throws TypeError when `resource` is neither an activity nor a resource(arn, ...).
 * @throws RangeError when heartbeatSeconds is not below timeoutSeconds.
 */
export function taskOptions(
  resource: unknown,
  options: Record<string, unknown>,
  where: string,
): { target: TaskTarget; options: Record<string, unknown> } {
  let target: TaskTarget;
  let defaults: Record<string, unknown> = {};
  if (isActivity(resource)) {
    target = { kind: 'activity', activity: resource };
    defaults = {
      comment: resource.description,
      timeoutSeconds: options.timeoutSecondsPath === undefined ? resource.timeoutSeconds : undefined,
      heartbeatSeconds: options.heartbeatSecondsPath === undefined ? resource.heartbeatSeconds : undefined,
    };
  } else if (isTaskResource(resource)) {
    target = { kind: 'arn', arn: resource.arn };
  } else {
    throw new TypeError(
      `${where}: a Task runs an activity or a resource(arn, ...), got ${describeValue(resource)}`,
    );
  }
  const merged = { ...defaults, ...stripUndefined(options) };
  const { timeoutSeconds, heartbeatSeconds } = merged as {
    timeoutSeconds?: unknown;
    heartbeatSeconds?: unknown;
  };
  if (
    typeof timeoutSeconds === 'number' &&
    typeof heartbeatSeconds === 'number' &&
    heartbeatSeconds >= timeoutSeconds
  ) {
    throw new RangeError(
      `${where}: heartbeatSeconds (${heartbeatSeconds}) must be below timeoutSeconds (${timeoutSeconds})`,
    );
  }
  return { target, options: merged };
}

function stripUndefined(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

function isTaskResource(value: unknown): value is { kind: 'sfini.resource'; arn: string } {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'sfini.resource'
  );
}
