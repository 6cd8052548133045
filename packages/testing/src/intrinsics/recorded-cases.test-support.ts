// Test support (not exported by the package): reads the executions recorded from real AWS in
// ../shared/conformance/cases, and walks their state-level events. The intrinsic and Choice
// suites check their evaluators against single steps of those recordings (a Pass state's
// template applied to the input it was entered with, a Choice state's decision) instead of running
// whole machines, which is the engine's job.

import type { JsonObject, JsonValue } from '@sfini/core';
import { JSONPath } from 'jsonpath-plus';
import {
  CONFORMANCE_CASES_DIR,
  loadConformanceCases,
} from '../../../core/src/asl/conformance-corpus.test-support.js';
import type { RecordedEvent } from '../engine/conformance/events.test-support.js';

export type { RecordedEvent };

/** A recorded AWS execution. */
export interface RecordedCase {
  readonly id: string;
  readonly family: string;
  readonly definition: JsonObject;
  readonly input: JsonValue;
  readonly expected: {
    readonly status: string;
    readonly output?: JsonValue;
    readonly error?: string;
    readonly cause?: string;
    readonly normalized?: readonly { path: string; value: JsonValue }[];
  };
  readonly events?: readonly RecordedEvent[];
  readonly kind?: string;
}

/** Where the recorded cases live beside the repository (`../shared`). */
export const RECORDED_CASES_DIR = CONFORMANCE_CASES_DIR;

/** All recorded cases (through core's one loader of the folder), or undefined when it is absent. */
export function loadRecordedCases(): RecordedCase[] | undefined {
  return loadConformanceCases<RecordedCase>();
}

/** Finds a state by name anywhere in a definition (branches and item processors included). */
export function findState(definition: JsonObject, name: string): JsonObject | undefined {
  const states = definition.States as Record<string, JsonObject> | undefined;
  if (states === undefined) return undefined;
  const direct = states[name];
  if (direct !== undefined) return direct;
  for (const state of Object.values(states)) {
    const nested = [
      ...((state.Branches as JsonObject[] | undefined) ?? []),
      ...[state.ItemProcessor, state.Iterator].filter((item): item is JsonObject => isObject(item)),
    ];
    for (const child of nested) {
      const found = findState(child, name);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Thrown by `resolveRecordedPath` when a path selects nothing. */
export class PathNotFound extends Error {}

/** Thrown when a step depends on data the recording does not carry (e.g. `$$.Map`). */
export class Unsupported extends Error {}

/** The data a recorded step can see: its input, the execution input and known variables. */
export interface RecordedData {
  readonly input: JsonValue;
  readonly executionInput: JsonValue;
  readonly variables: Readonly<Record<string, JsonValue>>;
}

/**
 * The context object fields a recording can stand in for: the execution input, plus names and
 * ids that the recorder replaced by placeholders (so any value compares equal).
 */
function recordedContext(data: RecordedData): JsonObject {
  const machine = 'arn:aws:states:us-east-1:111111111111:stateMachine:recorded-machine';
  return {
    Execution: {
      Input: data.executionInput,
      Name: 'recorded-execution',
      Id: 'arn:aws:states:us-east-1:111111111111:execution:recorded-machine:recorded-execution',
    },
    StateMachine: { Name: 'recorded-machine', Id: machine },
  };
}

/**
 * Resolves `$...`, `$$.Execution...`, `$$.StateMachine...` and `$var...` against recorded data
 * with jsonpath-plus (safe evaluation only). Other context paths are unsupported here.
 */
export function resolveRecordedPath(path: string, data: RecordedData): JsonValue {
  let root: JsonValue;
  let rest: string;
  if (path.startsWith('$$')) {
    if (!/^\$\$\.(Execution|StateMachine)\b/.test(path)) throw new Unsupported(`context path ${path}`);
    root = recordedContext(data);
    rest = path.slice(1);
  } else if (/^\$[A-Za-z_]/.test(path)) {
    const name = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(path)?.[1] as string;
    if (!Object.hasOwn(data.variables, name)) throw new Unsupported(`variable $${name} not recorded`);
    root = data.variables[name] as JsonValue;
    rest = `$${path.slice(name.length + 1)}`;
  } else {
    root = data.input;
    rest = path;
  }
  if (rest === '$') return root;
  const found = JSONPath({ path: rest, json: root as object, wrap: true, eval: 'safe' }) as JsonValue[];
  if (found.length === 0) throw new PathNotFound(`${path} selects nothing`);
  return found.length === 1 && !/\[\*\]|\.\.|\[\?|,|:/.test(rest) ? (found[0] as JsonValue) : found;
}

/** Replaces recorder placeholders (`<uuid:1>`, `RandomNumberGenerated`) in `actual` by the expected text. */
export function maskNormalized(
  expected: JsonValue,
  actual: JsonValue,
  placeholders: ReadonlySet<string>,
): JsonValue {
  if (typeof expected === 'string' && (placeholders.has(expected) || /^<[^<>]+>$/.test(expected))) {
    return expected;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return actual.map((item, index) => maskNormalized(expected[index] as JsonValue, item, placeholders));
  }
  if (isObject(expected) && isObject(actual)) {
    return Object.fromEntries(
      Object.entries(actual).map(([key, item]) => [
        key,
        Object.hasOwn(expected, key) ? maskNormalized(expected[key] as JsonValue, item, placeholders) : item,
      ]),
    );
  }
  return actual;
}
