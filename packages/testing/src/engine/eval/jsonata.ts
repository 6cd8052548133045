// JSONata, as Step Functions runs it: expressions sit in `{% ... %}` strings anywhere in a field's
// value, see `$states` (input, result, errorOutput, context) and the workflow variables as
// bindings, and have AWS's extra functions ($partition, $range, $hash, $random, $uuid, $parse).
// Each expression is compiled once. Only the names an expression mentions are bound, so a state
// that never reads `$states.context` never builds the context object. JSONata evaluates data
// only: results are copied back into plain JSON, so nothing it returns keeps JSONata's markers.
import { createHash, randomUUID } from 'node:crypto';
import type { JsonValue } from '@sfini/core';
import jsonata from 'jsonata';
import { defineOwn } from '../paths/write.js';
import { jsonTypeName } from '../values/json.js';

/** A compiled `{% %}` template: literal JSON with expressions at some leaves. */
export type JsonataNode =
  | { readonly kind: 'static'; readonly value: JsonValue }
  | { readonly kind: 'expression'; readonly expression: CompiledExpression; readonly field: string }
  | { readonly kind: 'object'; readonly entries: readonly { key: string; node: JsonataNode }[] }
  | { readonly kind: 'array'; readonly items: readonly JsonataNode[] };

export interface CompiledExpression {
  readonly source: string;
  readonly compiled: jsonata.Expression;
  /** `$name` references in the source, to bind only those. */
  readonly references: ReadonlySet<string>;
}

/** What `$states` holds while a state evaluates. */
export interface StatesBinding {
  input: JsonValue;
  context: () => JsonValue;
  result?: JsonValue;
  errorOutput?: JsonValue;
}

/** A JSONata expression failed or returned something unusable; `message` is AWS's wording tail. */
export class JsonataEvaluationError extends Error {
  override readonly name = 'JsonataEvaluationError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** A `{% %}` expression does not parse. */
export class JsonataSyntaxError extends Error {
  override readonly name = 'JsonataSyntaxError';
}

const EXPRESSION = /^\{%([\s\S]*)%\}$/;
const REFERENCE = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
const LIMITS = { timeout: 10_000, stack: 1_000 };
const expressionCache = new Map<string, CompiledExpression>();

/** Compiles one expression (without the `{% %}` delimiters). */
export function compileExpression(source: string): CompiledExpression {
  const cached = expressionCache.get(source);
  if (cached) return cached;
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(source, LIMITS);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    throw new JsonataSyntaxError(
      `invalid JSONata expression '${source}': ${e.code ?? ''} ${e.message ?? ''}`,
    );
  }
  registerAwsFunctions(compiled);
  const references = new Set<string>();
  for (const match of source.matchAll(REFERENCE)) references.add(match[1]!);
  const entry = { source, compiled, references };
  if (expressionCache.size > 5_000) expressionCache.clear();
  expressionCache.set(source, entry);
  return entry;
}

/** The expression inside a `{% %}` string, or undefined for a literal string. */
export function expressionText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = EXPRESSION.exec(value);
  return match ? match[1]!.trim() : undefined;
}

/** Compiles a field's value; `field` names it in error messages (nested fields join with '/'). */
export function compileJsonataTemplate(value: unknown, field: string): JsonataNode {
  const text = expressionText(value);
  if (text !== undefined) return { kind: 'expression', expression: compileExpression(text), field };
  if (Array.isArray(value)) {
    const items = value.map((item, i) => compileJsonataTemplate(item, `${field}[${i}]`));
    return items.every((n) => n.kind === 'static')
      ? { kind: 'static', value: value as JsonValue }
      : { kind: 'array', items };
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).map((key) => ({
      key,
      node: compileJsonataTemplate((value as Record<string, unknown>)[key], `${field}/${key}`),
    }));
    return entries.every((e) => e.node.kind === 'static')
      ? { kind: 'static', value: value as JsonValue }
      : { kind: 'object', entries };
  }
  return { kind: 'static', value: value as JsonValue };
}

/** Evaluates a compiled template against `$states` and the visible variables. */
export async function evaluateJsonataTemplate(
  node: JsonataNode,
  states: StatesBinding,
  variables: (name: string) => JsonValue | undefined,
): Promise<JsonValue> {
  switch (node.kind) {
    case 'static':
      return node.value;
    case 'expression':
      return evaluateExpression(node.expression, node.field, states, variables);
    case 'array': {
      const out: JsonValue[] = [];
      for (const item of node.items) out.push(await evaluateJsonataTemplate(item, states, variables));
      return out;
    }
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      for (const entry of node.entries) {
        defineOwn(out, entry.key, await evaluateJsonataTemplate(entry.node, states, variables));
      }
      return out;
    }
  }
}

/** Evaluates one expression and checks that it produced a JSON value. */
export async function evaluateExpression(
  expression: CompiledExpression,
  field: string,
  states: StatesBinding,
  variables: (name: string) => JsonValue | undefined,
): Promise<JsonValue> {
  const bindings: Record<string, unknown> = {};
  for (const name of expression.references) {
    if (name === 'states') {
      const binding: Record<string, unknown> = { input: states.input, context: states.context() };
      if (states.result !== undefined) binding.result = states.result;
      if (states.errorOutput !== undefined) binding.errorOutput = states.errorOutput;
      bindings.states = binding;
      continue;
    }
    const value = variables(name);
    if (value !== undefined) bindings[name] = value;
  }
  let result: unknown;
  try {
    result = await expression.compiled.evaluate(undefined, bindings);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const detail = e.code ? `${e.code}: ${e.message}` : String(e.message ?? error);
    throw new JsonataEvaluationError(
      `The JSONata expression '${expression.source}' specified for the field '${field}' threw an error during evaluation. ${detail}`,
      field,
    );
  }
  if (result === undefined) {
    throw new JsonataEvaluationError(
      `The JSONata expression '${expression.source}' specified for the field '${field}' returned nothing (undefined).`,
      field,
    );
  }
  return toPlainJson(result, expression.source, field);
}

function toPlainJson(value: unknown, source: string, field: string): JsonValue {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') {
      throw new JsonataEvaluationError(
        `The JSONata expression '${source}' specified for the field '${field}' returned an unexpected result type: a function.`,
        field,
      );
    }
    return value as JsonValue;
  }
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}

/** AWS's message for an expression whose result has the wrong JSON type. */
export function unexpectedTypeMessage(
  source: string,
  field: string,
  expected: string,
  value: JsonValue,
): string {
  return `The JSONata expression '${source}' specified for the field '${field}' returned an unexpected result type. Expected '${expected}', but was '${jsonTypeName(value)}' for value: ${JSON.stringify(value)}`;
}

function fail(code: string, message: string): never {
  throw Object.assign(new Error(message), { code });
}

function registerAwsFunctions(expression: jsonata.Expression): void {
  expression.registerFunction(
    'partition',
    (array: unknown, size: unknown) => {
      if (!Array.isArray(array)) fail('D3001', 'The first argument of $partition must be an array');
      if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
        fail('D3001', 'The chunk size of $partition must be a positive integer');
      }
      const out: unknown[][] = [];
      for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size));
      return out;
    },
    '<an:a>',
  );
  expression.registerFunction(
    'range',
    (start: number, end: number, step: number) => {
      if (![start, end, step].every((n) => Number.isInteger(n)))
        fail('D3001', 'The arguments of $range must be integers');
      if (step === 0) fail('D3001', 'The step of $range cannot be 0');
      const out: number[] = [];
      for (let n = start; step > 0 ? n <= end : n >= end; n += step) {
        out.push(n);
        if (out.length > 1_000) fail('D3001', 'The result of $range cannot have more than 1000 items');
      }
      return out;
    },
    '<nnn:a>',
  );
  expression.registerFunction(
    'hash',
    (data: unknown, algorithm: string) => {
      const names: Record<string, string> = {
        MD5: 'md5',
        'SHA-1': 'sha1',
        'SHA-256': 'sha256',
        'SHA-384': 'sha384',
        'SHA-512': 'sha512',
      };
      const name = names[algorithm];
      if (!name) fail('D3001', `Unsupported hash algorithm '${algorithm}'`);
      const text = typeof data === 'string' ? data : JSON.stringify(data);
      return createHash(name).update(text).digest('hex');
    },
    '<js:s>',
  );
  expression.registerFunction(
    'random',
    (seed?: number) => (seed === undefined ? Math.random() : seededRandom(seed)),
    '<n?:n>',
  );
  expression.registerFunction('uuid', () => randomUUID(), '<:s>');
  expression.registerFunction(
    'parse',
    (text: string) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return fail('D3001', `The argument of $parse is not valid JSON: ${text}`);
      }
    },
    '<s:j>',
  );
}

function seededRandom(seed: number): number {
  // mulberry32: a small deterministic generator, enough for reproducible sampling.
  let t = (Math.trunc(seed) + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
