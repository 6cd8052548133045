// What a Task's Catch sees is the `error` and `cause` the worker sent, so the error must be the
// name a catcher can match (`MyError` for `class MyError extends Error`, even when the class
// never set `name`), and the cause must carry the message first, then the stack, cut to AWS's
// limits (256 and 32,768 characters) instead of being refused by SendTaskFailure.

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

/**
 * Turns anything a handler threw into the error and cause sent to Step Functions: the error's
 * name (at most 256 characters), and its message followed by its stack frames (at most 32,768).
 */
export function taskFailureOf(thrown: unknown): TaskFailure {
  if (!(thrown instanceof Error)) {
    return { error: 'Error', cause: cut(describeValue(thrown), MAX_CAUSE_LENGTH) };
  }
  const frames = stackFrames(thrown);
  const message = thrown.message || errorNameOf(thrown);
  const cause = frames ? `${message}\n${frames}` : message;
  return { error: cut(errorNameOf(thrown), MAX_ERROR_LENGTH), cause: cut(cause, MAX_CAUSE_LENGTH) };
}
