// Execution input is checked against the machine's input schema wherever an execution starts:
// on AWS (the runtime's start), on the local engine and in a TestState of the first state. One
// parse and one error serve them all, so a local test and a real run accept the same input, fill
// in the same defaults and reject bad input with the same message naming the same fields.
import type { z } from 'zod';
import { describeIssues } from './activity.js';
import type { StateMachineLike } from './machine-like.js';

/**
 * Execution input that does not satisfy the machine's input schema; names every bad field.
 * @example
 * ```ts
 * parseMachineInput(counter, { increment: 'three' });
 * // throws ExecutionInputError: input of state machine 'counter' is invalid: at $.increment: ...
 * ```
 */
export class ExecutionInputError extends Error {
  override readonly name = 'ExecutionInputError';
  /**
   * @param stateMachine the machine's name.
   * @param issues the input schema's issues.
   */
  constructor(
    readonly stateMachine: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`input of state machine '${stateMachine}' is invalid: ${describeIssues({ issues })}`);
  }
}

/**
 * The execution input of `machine` as it starts: `input` parsed by the machine's input schema
 * (defaults applied, unknown keys handled as the schema says), or `input` itself when the
 * machine describes no input.
 * @param machine - The machine whose `inputSchema` applies; only `name` and `inputSchema` are read.
 * @param input - The input as the caller gave it.
 * @throws ExecutionInputError naming every invalid field (`at $.seconds: ...`).
 * @example
 * const input = parseMachineInput(delayed, {}); // { seconds: 1 } when `seconds` defaults to 1
 */
export function parseMachineInput(
  machine: Pick<StateMachineLike, 'name' | 'inputSchema'>,
  input: unknown,
): unknown {
  const schema = machine.inputSchema;
  if (!schema) return input;
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ExecutionInputError(machine.name, parsed.error.issues);
  return parsed.data;
}
