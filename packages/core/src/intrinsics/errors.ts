// A syntax error in an intrinsic function expression. Definitions are validated before anything
// runs, and a report that says "expected ')' at position 31" next to the field name lets the
// author fix the template without guessing; the fields stay machine-readable for validators that
// collect every problem of a definition at once.

/**
 * Thrown by `parseIntrinsic` when the text is not a well-formed intrinsic function call.
 * @example
 * ```ts
 * try {
 *   parseIntrinsic("States.Format('{}', $.a");
 * } catch (error) {
 *   if (error instanceof IntrinsicSyntaxError) console.error(error.position, error.expected, error.found);
 * }
 * ```
 */
export class IntrinsicSyntaxError extends Error {
  override readonly name = 'IntrinsicSyntaxError';
  /** The expression that failed to parse. */
  readonly expression: string;
  /** 0-based index of the offending character (the text length for "end of input"). */
  readonly position: number;
  /** What the parser expected there, e.g. `"',' or ')'"`. */
  readonly expected: string;
  /** What it found instead, quoted, or `end of input`. */
  readonly found: string;

  /**
   * @param expression the expression that failed to parse.
   * @param position 0-based index of the offending character.
   * @param expected what the parser expected there.
   * @param found what it found instead; default: quoted from `expression` at `position`.
   */
  constructor(expression: string, position: number, expected: string, found?: string) {
    const actual = found ?? describeFound(expression, position);
    super(
      `Invalid intrinsic function ${JSON.stringify(expression)}: expected ${expected} at position ${position}, found ${actual}`,
    );
    this.expression = expression;
    this.position = position;
    this.expected = expected;
    this.found = actual;
  }
}

function describeFound(expression: string, position: number): string {
  if (position >= expression.length) return 'end of input';
  const excerpt = expression.slice(position, position + 12);
  return JSON.stringify(excerpt.length < expression.length - position ? `${excerpt}…` : excerpt);
}
