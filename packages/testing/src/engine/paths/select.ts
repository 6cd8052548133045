// Reading values at a parsed path. Lookups use own properties only, so `$.constructor` or
// `$.__proto__` never reach JavaScript internals. Filters are the one part handed to
// jsonpath-plus, always with `eval: 'safe'`: its safe evaluator interprets the expression
// itself and never turns it into JavaScript.
import type { JsonValue } from '@sfini/core';
import { JSONPath } from 'jsonpath-plus';
import type { ParsedPath, PathSegment } from './parse.js';

/** Marks "the path names nothing here". */
export const NOT_FOUND: unique symbol = Symbol('NOT_FOUND');
export type Selected = JsonValue | typeof NOT_FOUND;

type JsonObject = { [key: string]: JsonValue };

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own property `name` of `value`, or NOT_FOUND. */
export function ownMember(value: JsonValue, name: string): Selected {
  if (isObject(value) && Object.hasOwn(value, name)) return value[name] as JsonValue;
  return NOT_FOUND;
}

function element(value: JsonValue, index: number): Selected {
  if (!Array.isArray(value)) return NOT_FOUND;
  const at = index < 0 ? value.length + index : index;
  return at >= 0 && at < value.length ? (value[at] as JsonValue) : NOT_FOUND;
}

/**
 * Selects what `path` names inside `root` (the root already chosen: state data, context object
 * or variable value). A definite path yields its value or NOT_FOUND; an indefinite one a list.
 */
export function selectAt(path: ParsedPath, root: JsonValue): Selected {
  const segments = path.segments;
  if (path.definite) {
    let current: JsonValue = root;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as PathSegment;
      const next: Selected =
        segment.kind === 'name'
          ? ownMember(current, segment.name)
          : element(current, (segment as { index: number }).index);
      if (next === NOT_FOUND) return NOT_FOUND;
      current = next;
    }
    return current;
  }
  let nodes: JsonValue[] = [root];
  for (const segment of segments) {
    nodes = step(nodes, segment);
  }
  return nodes;
}

function step(nodes: JsonValue[], segment: PathSegment): JsonValue[] {
  const out: JsonValue[] = [];
  for (const node of nodes) {
    switch (segment.kind) {
      case 'name': {
        const found = ownMember(node, segment.name);
        if (found !== NOT_FOUND) out.push(found);
        break;
      }
      case 'index': {
        const found = element(node, segment.index);
        if (found !== NOT_FOUND) out.push(found);
        break;
      }
      case 'wildcard':
        if (Array.isArray(node)) out.push(...node);
        else if (isObject(node)) out.push(...Object.values(node));
        break;
      case 'slice':
        if (Array.isArray(node)) out.push(...slice(node, segment.start, segment.end, segment.step));
        break;
      case 'union':
        for (const key of segment.keys) {
          const found = typeof key === 'number' ? element(node, key) : ownMember(node, key);
          if (found !== NOT_FOUND) out.push(found);
        }
        break;
      case 'deep':
        collectDeep(node, segment.name, out);
        break;
      case 'filter':
        out.push(...filter(node, segment.expression));
        break;
    }
  }
  return out;
}

function slice(array: JsonValue[], start?: number, end?: number, stepBy = 1): JsonValue[] {
  const length = array.length;
  const clamp = (n: number) => (n < 0 ? Math.max(0, length + n) : Math.min(n, length));
  const out: JsonValue[] = [];
  if (stepBy > 0) {
    const from = start === undefined ? 0 : clamp(start);
    const to = end === undefined ? length : clamp(end);
    for (let i = from; i < to; i += stepBy) out.push(array[i] as JsonValue);
  } else {
    const from = start === undefined ? length - 1 : Math.min(clamp(start), length - 1);
    const to = end === undefined ? -1 : clamp(end);
    for (let i = from; i > to; i += stepBy) out.push(array[i] as JsonValue);
  }
  return out;
}

/**
 * `..name` collects every member called `name` at any depth; `..*` (no name) every node below.
 * Iterative, so deeply nested documents cannot overflow the stack.
 */
function collectDeep(root: JsonValue, name: string | undefined, out: JsonValue[]): void {
  const stack: JsonValue[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as JsonValue;
    if (name === undefined) {
      if (node !== root) out.push(node);
    } else {
      const found = ownMember(node, name);
      if (found !== NOT_FOUND) out.push(found);
    }
    const children = Array.isArray(node) ? node : isObject(node) ? Object.values(node) : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as JsonValue);
  }
}

/**
 * Jayway compares without coercion: `@.n == 0` does not match the string "0". jsonpath-plus
 * evaluates `==` as JavaScript does, so equality operators outside string literals are made strict.
 */
function strictEquality(expression: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i] as string;
    if (quote) {
      out += ch;
      if (ch === '\\') out += expression[++i] ?? '';
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    if ((ch === '=' || ch === '!') && expression[i + 1] === '=' && expression[i + 2] !== '=') {
      out += `${ch}==`;
      i++;
      continue;
    }
    out += ch;
  }
  return out;
}

const strictCache = new Map<string, string>();

function filter(node: JsonValue, expression: string): JsonValue[] {
  if (!Array.isArray(node) && !isObject(node)) return [];
  let strict = strictCache.get(expression);
  if (strict === undefined) {
    strict = strictEquality(expression);
    if (strictCache.size > 1_000) strictCache.clear();
    strictCache.set(expression, strict);
  }
  const result = JSONPath({
    path: `$[?(${strict})]`,
    json: node as object,
    eval: 'safe',
    wrap: true,
    ignoreEvalErrors: true,
  }) as unknown;
  return Array.isArray(result) ? (result as JsonValue[]) : [];
}
