// Test support (not exported by the package): compares an execution's history with the per-state
// `events` a case recorded from AWS. The recordings keep each event's type, the state name, the
// JSON payloads, assigned variables, error and cause, and the Map index and length; ids and
// previousEventId were not kept. The recorder rewrote some positions (ARNs, dates, random values):
// a recorded string with `<...>` placeholders matches any string of that pattern, and the values
// the case lists under `expected.normalized`, like the recorder's tokens for dates and the role
// ARN, match anything. Inside Parallel states the recorder
// sorted the branch events and dropped some Parallel events, so for machines with a Parallel state
// the recorded events must all be found in the history, in any order, and what the history has
// beyond them may only be Parallel events.
import type { JsonValue } from '@sfini/core';
import type { HistoryEvent } from '../types.js';
import type { ConformanceCase } from './judge.test-support.js';

/** One event as the cases record it. */
export interface RecordedEvent {
  readonly type: string;
  readonly name?: string;
  readonly input?: JsonValue;
  readonly output?: JsonValue;
  readonly assignedVariables?: Record<string, JsonValue>;
  readonly error?: string;
  readonly cause?: string;
  readonly index?: number;
  readonly length?: number;
}

function parsed(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** An engine history event in the recorded shape. */
export function recordedShape(event: HistoryEvent): RecordedEvent {
  const out: Record<string, unknown> = { type: event.type };
  const state = event.stateEnteredEventDetails ?? event.stateExitedEventDetails;
  if (state) out.name = state.name;
  const input = (event.stateEnteredEventDetails ?? event.executionStartedEventDetails)?.input;
  if (input !== undefined) out.input = parsed(input);
  const output = (event.stateExitedEventDetails ?? event.executionSucceededEventDetails)?.output;
  if (output !== undefined) out.output = parsed(output);
  const assigned = event.stateExitedEventDetails?.assignedVariables;
  if (assigned) {
    out.assignedVariables = Object.fromEntries(Object.entries(assigned).map(([k, v]) => [k, parsed(v)]));
  }
  for (const [key, details] of Object.entries(event)) {
    if (!key.endsWith('EventDetails') || typeof details !== 'object' || details === null) continue;
    const d = details as Record<string, unknown>;
    for (const field of ['error', 'cause', 'index', 'length']) {
      if (d[field] !== undefined) out[field] = d[field];
    }
  }
  return out as unknown as RecordedEvent;
}

function placeholderPattern(text: string): RegExp | undefined {
  const parts = text.split(/<[A-Za-z][A-Za-z0-9_:.\- ]*>/);
  if (parts.length === 1) return undefined;
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
}

function matches(expected: unknown, actual: unknown, wild: ReadonlySet<string>): boolean {
  if (typeof expected === 'string') {
    if (expected === actual || wild.has(expected)) return true;
    const pattern = placeholderPattern(expected);
    return pattern !== undefined && typeof actual === 'string' && pattern.test(actual);
  }
  if (expected === null || typeof expected !== 'object') return expected === actual;
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => matches(item, actual[i], wild))
    );
  }
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
  for (const key of keys) {
    if (!Object.hasOwn(e, key) || !Object.hasOwn(a, key) || !matches(e[key], a[key], wild)) return false;
  }
  return true;
}

function hasParallel(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { Type?: unknown }).Type === 'Parallel') return true;
  return Object.values(value).some(hasParallel);
}

/** What the recorder wrote in place of dates and the execution role, in every case. */
const RECORDER_TOKENS = ['date', 'snf_role_arn'];

const show = (event: unknown) => JSON.stringify(event)?.slice(0, 240);

/** The differences between the history and the case's recorded events (empty: they agree). */
export function compareEvents(c: ConformanceCase, history: readonly HistoryEvent[]): string[] {
  const recorded = c.events;
  if (recorded === undefined) return [];
  const wild = new Set(
    (c.expected.normalized ?? []).flatMap((n) => (typeof n.value === 'string' ? [n.value] : [])),
  );
  for (const token of RECORDER_TOKENS) wild.add(token);
  const actual = history.map(recordedShape);
  if (!hasParallel(c.definition)) {
    const differences: string[] = [];
    if (actual.length !== recorded.length) {
      differences.push(
        `events: recorded ${recorded.length} (${recorded.map((e) => e.type).join(', ')}), got ${actual.length} (${actual.map((e) => e.type).join(', ')})`,
      );
      return differences;
    }
    recorded.forEach((event, i) => {
      if (!matches(event, actual[i], wild))
        differences.push(`events[${i}]: recorded ${show(event)}, got ${show(actual[i])}`);
    });
    return differences;
  }
  const unmatched = [...actual];
  const differences: string[] = [];
  for (const event of recorded) {
    const at = unmatched.findIndex((candidate) => matches(event, candidate, wild));
    if (at < 0) differences.push(`events: recorded ${show(event)} not in the history`);
    else unmatched.splice(at, 1);
  }
  for (const extra of unmatched) {
    if (!extra.type.startsWith('Parallel')) differences.push(`events: ${show(extra)} was not recorded`);
  }
  return differences;
}
