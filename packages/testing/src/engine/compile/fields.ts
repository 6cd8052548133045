// Compiling the fields states share. Definitions reach the compiler only once @sfini/core's
// validateDefinition (or validateStateDefinition) accepted them, so the structure (types, Next,
// StartAt, ranges, names) is not checked again here: defaults are applied and paths, templates
// and expressions compiled, with the same parsers the validator used. Should a compiler still
// refuse something the validator accepted, the failure is recorded with the field's location and
// reported as InvalidDefinitionError, so even that disagreement names what and where.
import {
  type AslQueryLanguage,
  type AslRetrier,
  type DefinitionLocation,
  type DefinitionProblem,
  InvalidDefinitionError,
  type JsonValue,
  toAwsLocation,
  toJsonPath,
} from '@sfini/core';
import {
  compileExpression,
  compileJsonataTemplate,
  expressionText,
  type JsonataNode,
} from '../eval/jsonata.js';
import { compilePayload, type PayloadNode } from '../eval/payload-template.js';
import { type ParsedPath, parsePathCached } from '../paths/parse.js';
import type { AssignProgram, Catcher, NumberSource, Retrier, StringSource } from './model.js';

/** What the compiler could not compile, each with the location of the field. */
export class Problems {
  readonly list: DefinitionProblem[] = [];
  /** Runs `build`, turning a thrown error into a problem at `location`. */
  guard<T>(location: DefinitionLocation, build: () => T): T | undefined {
    try {
      return build();
    } catch (error) {
      this.list.push({
        code: 'INVALID_VALUE',
        message: (error as Error).message,
        path: toJsonPath(location),
        location: toAwsLocation(location),
      });
      return undefined;
    }
  }
  /** Throws InvalidDefinitionError listing every problem, if there is any. */
  assertNone(subject?: string): void {
    if (this.list.length > 0) throw new InvalidDefinitionError(this.list, subject);
  }
}

export type Raw = Readonly<Record<string, unknown>>;

/** A path field: undefined when absent, null when explicitly null. */
export function pathField(
  raw: Raw,
  key: string,
  where: DefinitionLocation,
  problems: Problems,
): ParsedPath | null | undefined {
  if (!(key in raw)) return undefined;
  const value = raw[key];
  if (value === null) return null;
  return problems.guard([...where, key], () => parsePathCached(value as string));
}

export function payloadField(
  raw: Raw,
  key: string,
  where: DefinitionLocation,
  problems: Problems,
): PayloadNode | undefined {
  if (!(key in raw)) return undefined;
  return problems.guard([...where, key], () => compilePayload(raw[key]));
}

/** A JSONata field; `prefix` places it in AWS's field names (`Choices[1]/Output`, `Catch[0]/Assign`). */
export function jsonataField(
  raw: Raw,
  key: string,
  where: DefinitionLocation,
  problems: Problems,
  prefix = '',
): JsonataNode | undefined {
  if (!(key in raw)) return undefined;
  return problems.guard([...where, key], () => compileJsonataTemplate(raw[key], `${prefix}${key}`));
}

export function assignField(
  raw: Raw,
  language: AslQueryLanguage,
  where: DefinitionLocation,
  problems: Problems,
  prefix = '',
): AssignProgram | undefined {
  if (!('Assign' in raw)) return undefined;
  if (language === 'JSONata') {
    const template = jsonataField(raw, 'Assign', where, problems, prefix);
    return template && { kind: 'jsonata', template };
  }
  const template = payloadField(raw, 'Assign', where, problems);
  return template && { kind: 'jsonpath', template };
}

/** A numeric field with its `...Path` twin (JSONPath), or a number/`{% %}` expression (JSONata). */
export function numberField(
  raw: Raw,
  key: string,
  where: DefinitionLocation,
  problems: Problems,
): NumberSource | undefined {
  const pathKey = `${key}Path`;
  if (pathKey in raw) {
    const path = pathField(raw, pathKey, where, problems);
    return path ? { kind: 'path', path, field: pathKey } : undefined;
  }
  const value = raw[key];
  if (value === undefined) return undefined;
  if (typeof value === 'number') return { kind: 'value', value };
  const expression = problems.guard([...where, key], () => compileExpression(expressionText(value)!));
  return expression && { kind: 'expression', expression, field: key };
}

/** A string field (Fail's Error/Cause, Wait's Timestamp) with its `...Path` twin. */
export function stringField(
  raw: Raw,
  key: string,
  language: AslQueryLanguage,
  where: DefinitionLocation,
  problems: Problems,
): StringSource | undefined {
  const pathKey = `${key}Path`;
  if (pathKey in raw) {
    const value = raw[pathKey] as string;
    if (value.trim().startsWith('States.')) {
      return { kind: 'intrinsic', expression: value.trim(), field: pathKey };
    }
    const path = pathField(raw, pathKey, where, problems);
    return path ? { kind: 'path', path, field: pathKey } : undefined;
  }
  const value = raw[key];
  if (typeof value !== 'string') return undefined;
  const text = expressionText(value);
  if (language === 'JSONata' && text !== undefined) {
    const expression = problems.guard([...where, key], () => compileExpression(text));
    return expression && { kind: 'expression', expression, field: key };
  }
  return { kind: 'value', value };
}

/** The retriers of a state, with AWS's defaults applied. */
export function retriers(raw: Raw): Retrier[] {
  return ((raw.Retry ?? []) as AslRetrier[]).map((r) => ({
    ErrorEquals: r.ErrorEquals,
    IntervalSeconds: r.IntervalSeconds ?? 1,
    MaxAttempts: r.MaxAttempts ?? 3,
    BackoffRate: r.BackoffRate ?? 2,
    MaxDelaySeconds: r.MaxDelaySeconds,
    JitterStrategy: r.JitterStrategy ?? 'NONE',
  }));
}

export function catchers(
  raw: Raw,
  language: AslQueryLanguage,
  where: DefinitionLocation,
  problems: Problems,
): Catcher[] {
  return ((raw.Catch ?? []) as Raw[]).map((c, i) => {
    const at = [...where, 'Catch', i];
    return {
      errorEquals: c.ErrorEquals as string[],
      next: c.Next as string,
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
