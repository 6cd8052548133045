// What a Task's Catch sees is the `error` and `cause` the worker sent, so the error must be the
// name a catcher can match (`MyError` for `class MyError extends Error`, even when the class
// never set `name`), and both must fit AWS's limits (256 and 32,768 characters) instead of being
// refused by SendTaskFailure. The cause is the message alone unless a stack is asked for: Step
// Functions keeps it in the execution's history and shows it in the console to anyone who can
// read the execution, and a stack carries absolute file paths of the worker's host; a Catch also
// hands the cause on as data, where a stable sentence serves better than frames that change
// with every build. The stack stays available to the worker's own logs (onEvent).

/** The longest `error` SendTaskFailure accepts. */
export const MAX_ERROR_LENGTH = 256;
/** The longest `cause` SendTaskFailure accepts. */
export const MAX_CAUSE_LENGTH = 32_768;

/** A task failure as SendTaskFailure carries it. */
export interface TaskFailure {
  error: string;
  cause: string;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = '… [truncated]';
  let end = max - marker.length;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return text.slice(0, end) + marker;
}

/**
 * The name a catcher matches for `error`: its `name`, or its class name when `name` was left as
 * the inherited 'Error'; 'Error' for values that are not errors.
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

/** Options of {@link taskFailureOf}. */
export interface TaskFailureOptions {
  /** Append the error's stack frames to the cause, after its message. Default false. */
  includeStack?: boolean;
}

/**
 * Turns anything a handler threw into the error and cause sent to Step Functions: the error's
 * name (at most 256 characters), and its message (its name when the message is empty), followed
 * by its stack frames with `includeStack` (at most 32,768 characters, cut with a marker).
 * A value that is not an Error gives error `Error` and the value, as JSON when it can be, as cause.
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
