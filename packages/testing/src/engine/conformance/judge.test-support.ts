// Test support (not exported by the package): scores the engine's answer to a recorded AWS case
// the way ../shared/conformance/README.md defines agreement. Strict: same status and the same
// output, or the same error and cause (and for TestState the same nextState and inspectionData).
// Lenient: same status and the same output or error name. Positions the recorder rewrote
// (`expected.normalized`: ids, dates, uuids) match anything.
import type { JsonValue } from '@sfini/core';
import type { RecordedEvent } from './events.test-support.js';
import type { CaseAnswer, CaseToRun } from './run-case.js';

/** A recorded case, with the fields the judge and the runner read. */
export interface ConformanceCase extends CaseToRun {
  readonly family: string;
  readonly expected: {
    readonly status: string;
    readonly output?: JsonValue;
    readonly error?: string;
    readonly cause?: string;
    readonly causeJson?: JsonValue;
    readonly nextState?: string;
    readonly inspectionData?: Record<string, JsonValue>;
    readonly normalized?: readonly { path: string; value: JsonValue }[];
  };
  /** The per-state events AWS recorded for execution cases. */
  readonly events?: readonly RecordedEvent[];
}

export type { CaseAnswer };

export interface Verdict {
  readonly strict: boolean;
  readonly lenient: boolean;
  readonly differences: readonly string[];
}

function placeholderPattern(text: string): RegExp | undefined {
  const parts = text.split(/<[A-Za-z][A-Za-z0-9_:.\- ]*>/);
  if (parts.length === 1) return undefined;
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
}

function same(
  expected: unknown,
  actual: unknown,
  at: string,
  wild: ReadonlySet<string>,
  out: string[],
): boolean {
  if (wild.has(at)) return true;
  if (expected === null || typeof expected !== 'object') {
    const equal =
      typeof expected === 'number' && typeof actual === 'number'
        ? Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected))
        : expected === actual;
    if (!equal) out.push(`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    return equal;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      return false;
    }
    let ok = true;
    for (let i = 0; i < expected.length; i++)
      ok = same(expected[i], actual[i], `${at}[${i}]`, wild, out) && ok;
    return ok;
  }
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
    out.push(`${at}: expected an object, got ${JSON.stringify(actual)}`);
    return false;
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  let ok = true;
  for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) {
    if (!Object.hasOwn(e, key) || !Object.hasOwn(a, key)) {
      out.push(`${at}.${key}: expected ${JSON.stringify(e[key])}, got ${JSON.stringify(a[key])}`);
      ok = false;
      continue;
    }
    ok = same(e[key], a[key], `${at}.${key}`, wild, out) && ok;
  }
  return ok;
}

/** Whether the answer's error and cause are the recorded ones (a recorded causeJson compares parsed). */
function sameFailure(
  expected: ConformanceCase['expected'],
  answer: CaseAnswer,
  wild: ReadonlySet<string>,
  differences: string[],
): { errorOk: boolean; causeOk: boolean } {
  const errorOk = (expected.error ?? null) === (answer.error ?? null) || wild.has('.error');
  if (!errorOk) differences.push(`.error: expected ${expected.error}, got ${answer.error}`);
  let causeOk: boolean;
  if (expected.causeJson !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.cause ?? '');
    } catch {
      parsed = undefined;
    }
    causeOk = same(expected.causeJson, parsed, '.causeJson', wild, []);
  } else if (wild.has('.cause')) {
    const pattern = placeholderPattern(expected.cause ?? '');
    causeOk = pattern ? pattern.test(answer.cause ?? '') : true;
  } else {
    causeOk = (expected.cause ?? null) === (answer.cause ?? null);
  }
  if (!causeOk) differences.push(`.cause: expected ${expected.cause}, got ${answer.cause}`);
  return { errorOk, causeOk };
}

/**
 * Judges one answer against its recorded case. Every status but SUCCEEDED carries an error and a
 * cause (FAILED, and TestState's CAUGHT_ERROR and RETRIABLE): strict agreement needs both.
 */
export function judge(c: ConformanceCase, answer: CaseAnswer): Verdict {
  const expected = c.expected;
  const wild = new Set((expected.normalized ?? []).map((n) => n.path));
  const differences: string[] = [];
  if (answer.status !== expected.status) {
    return {
      strict: false,
      lenient: false,
      differences: [`status: expected ${expected.status}, got ${answer.status}`],
    };
  }
  let strict: boolean;
  let lenient: boolean;
  if (expected.status === 'SUCCEEDED') {
    strict = lenient = same(expected.output, answer.output, '.output', wild, differences);
  } else {
    const { errorOk, causeOk } = sameFailure(expected, answer, wild, differences);
    lenient = errorOk;
    strict = errorOk && causeOk;
  }
  if (c.kind === 'test-state') {
    if (expected.nextState !== undefined && expected.nextState !== answer.nextState) {
      differences.push(`.nextState: expected ${expected.nextState}, got ${answer.nextState}`);
      strict = false;
    }
    if (
      expected.inspectionData &&
      !same(expected.inspectionData, answer.inspectionData ?? {}, '.inspectionData', wild, differences)
    ) {
      strict = false;
    }
  }
  return { strict, lenient, differences };
}
