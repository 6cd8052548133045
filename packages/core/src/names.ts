// AWS refuses some names only when a resource is created, long after the code that chose the
// name ran. Checking the same rules where a name is first given turns that late API error
// into an error at the line that wrote it.

/** Characters AWS Step Functions rejects in activity, state machine and execution names. */
const FORBIDDEN_NAME_CHARS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what AWS refuses
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/u;

/** The longest name AWS accepts for activities, state machines and executions. */
export const MAX_RESOURCE_NAME_LENGTH = 80;

/**
 * Thrown when a name would be refused by AWS. The message names the resource kind and why.
 * @example
 * ```ts
 * activity('resize images', { input: z.object({}) }, () => null);
 * // throws InvalidNameError: invalid activity name "resize images": it contains " ", ...
 * ```
 */
export class InvalidNameError extends Error {
  override readonly name = 'InvalidNameError';
  /**
   * @param kind the kind of resource (`activity`, `state machine`, ...).
   * @param value the name refused.
   * @param reason why AWS would refuse it.
   */
  constructor(
    readonly kind: string,
    readonly value: string,
    readonly reason: string,
  ) {
    super(`invalid ${kind} name ${JSON.stringify(value)}: ${reason}`);
  }
}

/**
 * Says why AWS would refuse `name` as a resource name, or returns undefined when it is fine.
 * @param name an activity, state machine or execution name.
 * @example
 * ```ts
 * resourceNameProblem('nightly-run'); // undefined
 * resourceNameProblem('a:b'); // 'it contains ":", which AWS does not allow in names'
 * ```
 */
export function resourceNameProblem(name: string): string | undefined {
  if (typeof name !== 'string') return 'a name must be a string';
  if (name.length === 0) return 'a name cannot be empty';
  if (name.length > MAX_RESOURCE_NAME_LENGTH) {
    return `it is ${name.length} characters long; AWS allows at most ${MAX_RESOURCE_NAME_LENGTH}`;
  }
  const forbidden = FORBIDDEN_NAME_CHARS.exec(name);
  if (forbidden) return `it contains ${JSON.stringify(forbidden[0])}, which AWS does not allow in names`;
  const control = CONTROL_CHARS.exec(name);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
    return `it contains the control character U+${code}`;
  }
  return undefined;
}

/**
 * Throws an {@link InvalidNameError} when AWS would refuse `name` for a resource of `kind`.
 * @param kind the kind of resource, as the message names it.
 * @param name the name to check.
 * @throws InvalidNameError naming the kind, the name and why.
 * @example
 * ```ts
 * assertResourceName('execution', executionName);
 * ```
 */
export function assertResourceName(kind: string, name: string): void {
  const problem = resourceNameProblem(name);
  if (problem !== undefined) throw new InvalidNameError(kind, name, problem);
}
