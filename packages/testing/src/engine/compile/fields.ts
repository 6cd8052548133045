// Compiling the fields states share. Each helper records a problem (with the JSON location of the
// field) instead of throwing, so an invalid definition is reported whole, not one error at a time.
import { type DefinitionProblem, InvalidDefinitionError, type JsonValue } from '@sfini/core';
import {
  compileExpression,
  compileJsonataTemplate,
  expressionText,
  type JsonataNode,
} from '../eval/jsonata.js';
import { compilePayload, type PayloadNode } from '../eval/payload-template.js';
import { type ParsedPath, parsePathCached } from '../paths/parse.js';
import type { AssignProgram, Catcher, NumberSource, QueryLanguage, Retrier, StringSource } from './model.js';

/** Problems found while compiling, each with the JSONPath of the field. */
export class Problems {
  readonly list: DefinitionProblem[] = [];
  add(path: string, message: string): void {
    this.list.push({
      code: 'INVALID_VALUE',
      message: `${path}: ${message}`,
      path,
      location: awsLocation(path),
    });
  }
  /** Runs `build`, turning a thrown error into a problem at `path`. */
  guard<T>(path: string, build: () => T): T | undefined {
    try {
      return build();
    } catch (error) {
      this.add(path, (error as Error).message);
      return undefined;
    }
  }
  /** Throws InvalidDefinitionError listing every problem, if there is any. */
  assertNone(subject?: string): void {
    if (this.list.length > 0) throw new InvalidDefinitionError(this.list, subject);
  }
}

/** `$.States.A.Retry[0]` as AWS writes locations: `/States/A/Retry/0`. */
function awsLocation(path: string): string {
  return (
    path
      .replace(/^\$/, '')
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .join('/') || '/'
  );
}

export type Raw = Readonly<Record<string, unknown>>;

/** A path field: undefined when absent, null when explicitly null. */
export function pathField(
  raw: Raw,
  key: string,
  where: string,
  problems: Problems,
): ParsedPath | null | undefined {
  if (!(key in raw)) return undefined;
  const value = raw[key];
  if (value === null) return null;
  if (typeof value !== 'string') {
    problems.add(`${where}.${key}`, 'must be a JSONPath string or null');
    return undefined;
  }
  return problems.guard(`${where}.${key}`, () => parsePathCached(value));
}

export function payloadField(
  raw: Raw,
  key: string,
  where: string,
  problems: Problems,
): PayloadNode | undefined {
  if (!(key in raw)) return undefined;
  return problems.guard(`${where}.${key}`, () => compilePayload(raw[key]));
}

/** A JSONata field; `prefix` places it in AWS's field names (`Choices[1]/Output`, `Catch[0]/Assign`). */
export function jsonataField(
  raw: Raw,
  key: string,
  where: string,
  problems: Problems,
  prefix = '',
): JsonataNode | undefined {
  if (!(key in raw)) return undefined;
  return problems.guard(`${where}.${key}`, () => compileJsonataTemplate(raw[key], `${prefix}${key}`));
}

export function assignField(
  raw: Raw,
  language: QueryLanguage,
  where: string,
  problems: Problems,
  prefix = '',
): AssignProgram | undefined {
  if (!('Assign' in raw)) return undefined;
  const value = raw.Assign;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add(`${where}.Assign`, 'must be an object of variable names to values');
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const name = language === 'JSONPath' && key.endsWith('.$') ? key.slice(0, -2) : key;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      problems.add(`${where}.Assign.${key}`, `'${name}' is not a valid variable name`);
    }
  }
  if (language === 'JSONata') {
    const template = jsonataField(raw, 'Assign', where, problems, prefix);
    return template && { kind: 'jsonata', template };
  }
  const template = payloadField(raw, 'Assign', where, problems);
  return template && { kind: 'jsonpath', template };
}

/**
 * A numeric field with its `...Path` twin (JSONPath), or a number/`{% %}` expression (JSONata).
 */
export function numberField(
  raw: Raw,
  key: string,
  language: QueryLanguage,
  where: string,
  problems: Problems,
): NumberSource | undefined {
  const value = raw[key];
  const pathKey = `${key}Path`;
  if (pathKey in raw) {
    const path = pathField(raw, pathKey, where, problems);
    return path ? { kind: 'path', path, field: pathKey } : undefined;
  }
  if (value === undefined) return undefined;
  if (typeof value === 'number') return { kind: 'value', value };
  const text = expressionText(value);
  if (language === 'JSONata' && text !== undefined) {
    const expression = problems.guard(`${where}.${key}`, () => compileExpression(text));
    return expression && { kind: 'expression', expression, field: key };
  }
  problems.add(`${where}.${key}`, 'must be a number');
  return undefined;
}

/** A string field (Fail's Error/Cause, Wait's Timestamp) with its `...Path` twin. */
export function stringField(
  raw: Raw,
  key: string,
  language: QueryLanguage,
  where: string,
  problems: Problems,
): StringSource | undefined {
  const pathKey = `${key}Path`;
  if (pathKey in raw) {
    const value = raw[pathKey];
    if (typeof value === 'string' && value.trim().startsWith('States.')) {
      return { kind: 'intrinsic', expression: value.trim(), field: pathKey };
    }
    const path = pathField(raw, pathKey, where, problems);
    return path ? { kind: 'path', path, field: pathKey } : undefined;
  }
  const value = raw[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    problems.add(`${where}.${key}`, 'must be a string');
    return undefined;
  }
  const text = expressionText(value);
  if (language === 'JSONata' && text !== undefined) {
    const expression = problems.guard(`${where}.${key}`, () => compileExpression(text));
    return expression && { kind: 'expression', expression, field: key };
  }
  return { kind: 'value', value };
}

function errorEquals(raw: Raw, where: string, problems: Problems): string[] {
  const list = raw.ErrorEquals;
  if (!Array.isArray(list) || list.length === 0 || !list.every((e) => typeof e === 'string')) {
    problems.add(`${where}.ErrorEquals`, 'must be a non-empty array of error names');
    return [];
  }
  return list as string[];
}

export function retriers(raw: Raw, where: string, problems: Problems): Retrier[] {
  if (!('Retry' in raw)) return [];
  if (!Array.isArray(raw.Retry)) {
    problems.add(`${where}.Retry`, 'must be an array of retriers');
    return [];
  }
  return (raw.Retry as Raw[]).map((r, i) => {
    const at = `${where}.Retry[${i}]`;
    const num = (key: string, fallback: number, min: number) => {
      const v = r[key];
      if (v === undefined) return fallback;
      if (typeof v !== 'number' || v < min) {
        problems.add(`${at}.${key}`, `must be a number of at least ${min}`);
        return fallback;
      }
      return v;
    };
    const jitter = r.JitterStrategy ?? 'NONE';
    if (jitter !== 'FULL' && jitter !== 'NONE')
      problems.add(`${at}.JitterStrategy`, "must be 'FULL' or 'NONE'");
    return {
      errorEquals: errorEquals(r, at, problems),
      intervalSeconds: num('IntervalSeconds', 1, 1),
      maxAttempts: num('MaxAttempts', 3, 0),
      backoffRate: num('BackoffRate', 2, 1),
      maxDelaySeconds: r.MaxDelaySeconds === undefined ? undefined : num('MaxDelaySeconds', 0, 1),
      jitter: jitter === 'FULL' ? 'FULL' : 'NONE',
    };
  });
}

export function catchers(raw: Raw, language: QueryLanguage, where: string, problems: Problems): Catcher[] {
  if (!('Catch' in raw)) return [];
  if (!Array.isArray(raw.Catch)) {
    problems.add(`${where}.Catch`, 'must be an array of catchers');
    return [];
  }
  return (raw.Catch as Raw[]).map((c, i) => {
    const at = `${where}.Catch[${i}]`;
    if (typeof c.Next !== 'string') problems.add(`${at}.Next`, 'must name the state to go to');
    return {
      errorEquals: errorEquals(c, at, problems),
      next: String(c.Next),
      resultPath: language === 'JSONPath' ? pathField(c, 'ResultPath', at, problems) : undefined,
      assign: assignField(c, language, at, problems, `Catch[${i}]/`),
      output: language === 'JSONata' ? jsonataField(c, 'Output', at, problems, `Catch[${i}]/`) : undefined,
    };
  });
}

/** The literal JSON of a field, or undefined. */
export function literal(raw: Raw, key: string): JsonValue | undefined {
  return raw[key] as JsonValue | undefined;
}
