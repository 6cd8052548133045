// JSONPath payload templates (Parameters, ResultSelector, ItemSelector, JSONPath Assign). A
// template is compiled once: parts without any `.$` key become one shared static value, the rest
// a small tree of paths and intrinsic calls. Evaluating it builds only the dynamic objects; the
// static parts are reused, which is safe because the engine never mutates values.
import type { JsonValue } from '@sfini/core';
import { javaBucket, javaGrownCapacity, stringHashCode } from '../../intrinsics/java-values.js';
import { type ParsedPath, parsePathCached } from '../paths/parse.js';
import { NOT_FOUND } from '../paths/select.js';
import { defineOwn } from '../paths/write.js';

/** A compiled payload template. */
export type PayloadNode =
  | { readonly kind: 'static'; readonly value: JsonValue }
  | { readonly kind: 'object'; readonly entries: readonly PayloadEntry[] }
  | { readonly kind: 'array'; readonly items: readonly PayloadNode[] }
  | { readonly kind: 'path'; readonly path: ParsedPath; readonly field: string }
  | { readonly kind: 'intrinsic'; readonly expression: string; readonly field: string };

export interface PayloadEntry {
  readonly key: string;
  readonly node: PayloadNode;
}

/** The template has a `.$` value that is neither a path nor an intrinsic call. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

function compileDynamic(field: string, source: unknown): PayloadNode {
  if (typeof source !== 'string') {
    throw new TemplateError(`the value of '${field}' must be a path or an intrinsic function call`);
  }
  const text = source.trim();
  if (text.startsWith('States.')) return { kind: 'intrinsic', expression: text, field };
  if (text.startsWith('$')) return { kind: 'path', path: parsePathCached(text), field };
  throw new TemplateError(
    `the value of '${field}' must be a path ($..., $$..., $variable) or an intrinsic function call, got '${source}'`,
  );
}

/**
 * The order AWS writes a template's keys in, as recorded: literal keys first, as written, then
 * the computed (`.$`) keys in the iteration order of a java.util.HashMap holding them. Key order
 * never changes what a value means; it only makes output and history text read like AWS's.
 */
function awsKeyOrder(entries: PayloadEntry[]): PayloadEntry[] {
  const literal = entries.filter((e) => e.node.kind === 'static');
  const computed = entries.filter((e) => e.node.kind !== 'static');
  const capacity = javaGrownCapacity(computed.length);
  const ordered = computed
    .map((entry, index) => ({ entry, index, bucket: javaBucket(stringHashCode(entry.key), capacity) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((x) => x.entry);
  return [...literal, ...ordered];
}

/** Compiles a template; throws TemplateError or PathSyntaxError naming the offending field. */
export function compilePayload(template: unknown): PayloadNode {
  if (Array.isArray(template)) {
    const items = template.map((item) => compilePayload(item));
    if (items.every((n) => n.kind === 'static')) return { kind: 'static', value: template as JsonValue };
    return { kind: 'array', items };
  }
  if (typeof template === 'object' && template !== null) {
    const entries: PayloadEntry[] = [];
    let dynamic = false;
    for (const key of Object.keys(template)) {
      const value = (template as Record<string, unknown>)[key];
      if (key.endsWith('.$')) {
        entries.push({ key: key.slice(0, -2), node: compileDynamic(key, value) });
        dynamic = true;
      } else {
        const node = compilePayload(value);
        if (node.kind !== 'static') dynamic = true;
        entries.push({ key, node });
      }
    }
    if (!dynamic) return { kind: 'static', value: template as JsonValue };
    return { kind: 'object', entries: awsKeyOrder(entries) };
  }
  return { kind: 'static', value: template as JsonValue };
}

/**
 * How a template reaches the data, the context and the intrinsic functions; `dollar` is what `$`
 * stands for. The running state implements it, so evaluating a template allocates nothing but
 * the objects it builds.
 */
export interface PayloadHost {
  /** Resolves a path; returns NOT_FOUND when it names nothing. */
  select(path: ParsedPath, dollar: JsonValue): JsonValue | typeof NOT_FOUND;
  /** Builds the failure for a path that names nothing in field `field`. */
  missing(path: ParsedPath, field: string, dollar: JsonValue): Error;
  /** Evaluates an intrinsic call appearing in field `field`. */
  intrinsic(expression: string, field: string, dollar: JsonValue): JsonValue;
}

/** Evaluates a compiled template. */
export function evaluatePayload(node: PayloadNode, host: PayloadHost, dollar: JsonValue): JsonValue {
  switch (node.kind) {
    case 'static':
      return node.value;
    case 'path': {
      const value = host.select(node.path, dollar);
      if (value === NOT_FOUND) throw host.missing(node.path, node.field, dollar);
      return value;
    }
    case 'intrinsic':
      return host.intrinsic(node.expression, node.field, dollar);
    case 'array':
      return node.items.map((item) => evaluatePayload(item, host, dollar));
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      for (const entry of node.entries) defineOwn(out, entry.key, evaluatePayload(entry.node, host, dollar));
      return out;
    }
  }
}

/** True when the compiled template reads the context object somewhere. */
export function payloadUsesContext(node: PayloadNode): boolean {
  switch (node.kind) {
    case 'static':
      return false;
    case 'path':
      return node.path.root === 'context';
    case 'intrinsic':
      return node.expression.includes('$$');
    case 'array':
      return node.items.some(payloadUsesContext);
    case 'object':
      return node.entries.some((e) => payloadUsesContext(e.node));
  }
}
