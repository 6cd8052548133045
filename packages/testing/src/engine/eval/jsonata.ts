// JSONata, as Step Functions runs it: expressions sit in `{% ... %}` strings anywhere in a field's
// value, see `$states` (input, result, errorOutput, context) and the workflow variables as
// bindings, and have AWS's extra functions ($partition, $range, $hash, $random, $uuid, $parse).
// Each expression is compiled once. Only the names an expression mentions are bound, so a state
// that never reads `$states.context` never builds the context object. JSONata evaluates data
// only: results are copied back into plain JSON, so nothing it returns keeps JSONata's markers.
// Expressions come from untrusted definitions, and an evaluation holds the event loop (its
// promises settle as microtasks), so each runs within a time budget and a depth of nested
// evaluation (recursive functions) and fails with States.QueryEvaluationError past either.
import type { JsonValue } from '@sfini/core';
import jsonata from 'jsonata';
import { defineOwn } from '../paths/write.js';
import { jsonTypeName } from '../values/json.js';
import { awsJsonataFunctions } from './functions.js';

/** A compiled `{% %}` template: literal JSON with expressions at some leaves. */
export type JsonataNode =
  | { readonly kind: 'static'; readonly value: JsonValue }
  | { readonly kind: 'expression'; readonly expression: CompiledExpression; readonly field: string }
  | { readonly kind: 'object'; readonly entries: readonly { key: string; node: JsonataNode }[] }
  | { readonly kind: 'array'; readonly items: readonly JsonataNode[] };

/** What one JSONata evaluation may take before it fails. */
export interface JsonataLimits {
  /** Milliseconds of evaluation (real time, whatever the execution's clock). */
  readonly timeoutMs: number;
  /** Nested evaluation steps (a recursive function adds several per call). */
  readonly maxDepth: number;
}

/**
 * The default budget: a second, a hundred times what real expressions over a 256 KiB payload
 * take, and short enough that a runaway expression stalls a local endpoint only briefly.
 */
export const DEFAULT_JSONATA_LIMITS: JsonataLimits = Object.freeze({ timeoutMs: 1_000, maxDepth: 1_000 });

/** One expression, compiled once per set of limits it is evaluated under. */
export class CompiledExpression {
  readonly #variants = new Map<string, jsonata.Expression>();
  constructor(
    readonly source: string,
    /** Compiled under DEFAULT_JSONATA_LIMITS. */
    readonly compiled: jsonata.Expression,
    /** `$name` references in the source, to bind only those. */
    readonly references: ReadonlySet<string>,
  ) {}

  /** The compiled expression enforcing `limits`. */
  under(limits: JsonataLimits): jsonata.Expression {
    if (limits === DEFAULT_JSONATA_LIMITS) return this.compiled;
    const key = `${limits.timeoutMs}/${limits.maxDepth}`;
    let variant = this.#variants.get(key);
    if (variant === undefined) {
      variant = jsonata(this.source, { timeout: limits.timeoutMs, stack: limits.maxDepth });
      this.#variants.set(key, variant);
    }
    return variant;
  }
}

/** What `$states` holds while a state evaluates. */
export interface StatesBinding {
  input: JsonValue;
  context: () => JsonValue;
  result?: JsonValue;
  errorOutput?: JsonValue;
  /** The AWS functions to bind, when an execution injects its own randomness. */
  functions?: Readonly<Record<string, unknown>>;
  /** The execution's budget; DEFAULT_JSONATA_LIMITS when absent. */
  limits?: JsonataLimits;
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
const expressionCache = new Map<string, CompiledExpression>();
/** Step Functions' own JSONata functions, bound where an expression names them. */
const AWS_FUNCTIONS: Readonly<Record<string, unknown>> = awsJsonataFunctions();

/** Step Functions' JSONata functions drawing on `random` ($random without a seed, $uuid). */
export function jsonataFunctionsWith(random: () => number): Readonly<Record<string, unknown>> {
  return awsJsonataFunctions({ random });
}

/** Compiles one expression (without the `{% %}` delimiters). */
export function compileExpression(source: string): CompiledExpression {
  const cached = expressionCache.get(source);
  if (cached) return cached;
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(source, {
      timeout: DEFAULT_JSONATA_LIMITS.timeoutMs,
      stack: DEFAULT_JSONATA_LIMITS.maxDepth,
    });
  } catch (error) {
    const e = error as { code?: string; message?: string };
    throw new JsonataSyntaxError(
      `invalid JSONata expression '${source}': ${e.code ?? ''} ${e.message ?? ''}`,
    );
  }
  const references = new Set<string>();
  for (const match of source.matchAll(REFERENCE)) references.add(match[1]!);
  const entry = new CompiledExpression(source, compiled, references);
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
    else if (Object.hasOwn(AWS_FUNCTIONS, name)) bindings[name] = (states.functions ?? AWS_FUNCTIONS)[name];
  }
  let result: unknown;
  try {
    result = await expression.under(states.limits ?? DEFAULT_JSONATA_LIMITS).evaluate(undefined, bindings);
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
