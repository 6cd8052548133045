// How a thrown value becomes a Task's `error` and `cause`, in one place for every place an
// activity runs: a sfini worker sends it to Step Functions, and the local engine records it
// when it runs the activity in process, so a test asserting a cause sees what AWS would. The
// error is the name a catcher matches (`MyError` for `class MyError extends Error`, even when
// the class never set `name`). The cause is the message alone unless a stack is asked for: the
// execution's history shows it to anyone who can read the execution, a stack carries file paths
// of the worker's host, and a Catch hands the cause on as data, where a stable sentence serves
// better than frames that change with every build. Both fit AWS's limits (256 and 32,768).

/** The longest `error` SendTaskFailure accepts. */
export const MAX_ERROR_LENGTH = 256;
/** The longest `cause` SendTaskFailure accepts. */
export const MAX_CAUSE_LENGTH = 32_768;

/** A task failure as SendTaskFailure carries it. */
export interface TaskFailure {
  error: string;
  cause: string;
}

/** Options of {@link taskFailureOf}. */
export interface TaskFailureOptions {
  /** Append the error's stack frames to the cause, after its message. Default false. */
  includeStack?: boolean;
}

const TRUNCATED = '… [truncated]';

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - TRUNCATED.length;
  // Never split a surrogate pair: the half left would not be valid text.
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return text.slice(0, end) + TRUNCATED;
}

/**
 * The name a catcher matches for `error`: its `name`, or its class name when `name` was left as
 * the inherited 'Error'; 'Error' for values that are not errors.
 * @param error anything thrown.
 * @example
 * ```ts
 * class Declined extends Error {}
 * errorNameOf(new Declined('card expired')); // 'Declined'
 * errorNameOf(new RangeError('too big')); // 'RangeError'
 * errorNameOf('oops'); // 'Error'
 * ```
 */
export function errorNameOf(error: unknown): string {
  if (!(error instanceof Error)) return 'Error';
  const ownName = typeof error.name === 'string' && error.name ? error.name : 'Error';
  if (ownName !== 'Error') return ownName;
  const className = (error.constructor as { name?: unknown } | undefined)?.name;
  return typeof className === 'string' && className && className !== 'Object' ? className : ownName;
}

function stackFrames(error: Error): string {
  const stack = typeof error.stack === 'string' ? error.stack : '';
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Turns anything a handler threw into the error and cause a Task fails with: the error's name
 * (at most 256 characters), and its message (its name when the message is empty), followed by
 * its stack frames with `includeStack` (at most 32,768 characters, cut with a marker). A value
 * that is not an Error gives error `Error` and the value, as JSON when it can be, as cause.
 * @param thrown anything a handler threw.
 * @param options `includeStack` to put the stack frames in the cause.
 * @example
 * class Declined extends Error {}
 * taskFailureOf(new Declined('card expired')); // { error: 'Declined', cause: 'card expired' }
 */
export function taskFailureOf(thrown: unknown, options: TaskFailureOptions = {}): TaskFailure {
  if (!(thrown instanceof Error)) {
    return { error: 'Error', cause: cut(describeValue(thrown), MAX_CAUSE_LENGTH) };
  }
  const frames = options.includeStack ? stackFrames(thrown) : '';
  const message = thrown.message || errorNameOf(thrown);
  const cause = frames ? `${message}\n${frames}` : message;
  return { error: cut(errorNameOf(thrown), MAX_ERROR_LENGTH), cause: cut(cause, MAX_CAUSE_LENGTH) };
}
