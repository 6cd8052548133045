// JSONPath payload templates (Parameters, ResultSelector, ItemSelector, JSONPath Assign). A
// template is compiled once: parts without any `.$` key become one shared static value, the rest
// a small tree of paths and intrinsic calls. Evaluating it builds only the dynamic objects; the
// static parts are reused, which is safe because the engine never mutates values.
import type { JsonValue } from '@sfini/core';
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
    return { kind: 'object', entries };
  }
  return { kind: 'static', value: template as JsonValue };
}

/** How a template reaches the data, the context and the intrinsic functions. */
export interface PayloadEnvironment {
  /** Resolves a path; returns NOT_FOUND when it names nothing. */
  select(path: ParsedPath): JsonValue | typeof NOT_FOUND;
  /** Builds the failure for a path that names nothing in field `field`. */
  missing(path: ParsedPath, field: string): Error;
  /** Evaluates an intrinsic call appearing in field `field`. */
  intrinsic(expression: string, field: string): JsonValue;
}

/** Evaluates a compiled template. */
export function evaluatePayload(node: PayloadNode, env: PayloadEnvironment): JsonValue {
  switch (node.kind) {
    case 'static':
      return node.value;
    case 'path': {
      const value = env.select(node.path);
      if (value === NOT_FOUND) throw env.missing(node.path, node.field);
      return value;
    }
    case 'intrinsic':
      return env.intrinsic(node.expression, node.field);
    case 'array':
      return node.items.map((item) => evaluatePayload(item, env));
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      for (const entry of node.entries) defineOwn(out, entry.key, evaluatePayload(entry.node, env));
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
