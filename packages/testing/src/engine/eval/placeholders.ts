// Stand-ins for the intrinsic-function and Choice-rule evaluators, which live in their own
// modules (src/intrinsics, src/choice). These cover only what the engine's own tests need until
// those modules are wired in; they are replaced, not extended.
import type { JsonValue } from '@sfini/core';
import type { EvaluationScope } from './scope.js';

function splitArgs(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === "'") quote = false;
    } else if (ch === "'") quote = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (body.trim() !== '') out.push(body.slice(start).trim());
  return out;
}

function argument(text: string, scope: EvaluationScope): JsonValue {
  if (text.startsWith("'")) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  if (text.startsWith('$')) return scope.resolvePath(text);
  if (text.startsWith('States.')) return evaluateIntrinsic(text, scope);
  return JSON.parse(text) as JsonValue;
}

/** Placeholder: States.MathAdd, States.Format, States.ArrayLength, States.Array only. */
export function evaluateIntrinsic(expression: string, scope: EvaluationScope): JsonValue {
  const open = expression.indexOf('(');
  const name = expression.slice(0, open).trim();
  const args = splitArgs(expression.slice(open + 1, expression.lastIndexOf(')'))).map((a) =>
    argument(a, scope),
  );
  switch (name) {
    case 'States.MathAdd':
      return Math.round(args[0] as number) + Math.round(args[1] as number);
    case 'States.ArrayLength':
      return (args[0] as JsonValue[]).length;
    case 'States.Array':
      return args;
    case 'States.Format': {
      let i = 1;
      return (args[0] as string).replace(/\{\}/g, () => {
        const v = args[i++];
        return typeof v === 'string' ? v : JSON.stringify(v);
      });
    }
    default:
      throw new Error(`intrinsic ${name} is not available yet`);
  }
}

type Rule = Record<string, unknown>;

/** Placeholder: And, Or, Not, IsPresent, StringEquals, BooleanEquals, Numeric* (+Path). */
export function evaluateChoiceRule(rule: Rule, scope: EvaluationScope): boolean {
  if (Array.isArray(rule.And)) return (rule.And as Rule[]).every((r) => evaluateChoiceRule(r, scope));
  if (Array.isArray(rule.Or)) return (rule.Or as Rule[]).some((r) => evaluateChoiceRule(r, scope));
  if (rule.Not) return !evaluateChoiceRule(rule.Not as Rule, scope);
  const found = scope.tryResolvePath(rule.Variable as string);
  if ('IsPresent' in rule) return found.found === rule.IsPresent;
  if (!found.found) throw new Error(`Invalid path '${rule.Variable}'`);
  const value = found.value;
  for (const [key, raw] of Object.entries(rule)) {
    if (key === 'Variable' || key === 'Next' || key === 'Assign' || key === 'Output') continue;
    const operand = key.endsWith('Path') ? scope.resolvePath(raw as string) : raw;
    const op = key.endsWith('Path') ? key.slice(0, -4) : key;
    switch (op) {
      case 'StringEquals':
        return value === operand;
      case 'BooleanEquals':
        return value === operand;
      case 'NumericEquals':
        return value === operand;
      case 'NumericLessThan':
        return typeof value === 'number' && value < (operand as number);
      case 'NumericGreaterThan':
        return typeof value === 'number' && value > (operand as number);
      case 'NumericLessThanEquals':
        return typeof value === 'number' && value <= (operand as number);
      case 'NumericGreaterThanEquals':
        return typeof value === 'number' && value >= (operand as number);
      default:
        throw new Error(`Choice operator ${key} is not available yet`);
    }
  }
  return false;
}
