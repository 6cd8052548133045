// Running a core state machine in a unit test. The machine knows the activities its Tasks run;
// the test must say, for every one of them, whether the real handler runs in process or a mock
// answers, so a forgotten activity is an error before anything runs rather than a Task that
// fails halfway. Input and output carry the machine's types.
import type { AnyStateMachine, JsonValue, MachineInput, MachineOutput } from '@sfini/core';
import { runExecution } from './execution.js';
import type { LocalExecutionResult, RunOptions, StateMock } from './types.js';

/** How one activity answers in a machine test: its own handler (`'handler'`) or a mock. */
export type ActivityAnswer = 'handler' | StateMock;

/** Options of {@link runMachine}: RunOptions, with every activity of the machine answered. */
export interface MachineTestOptions extends Omit<RunOptions, 'activities' | 'activityMocks'> {
  /** For every activity the machine uses, by its (full) name: `'handler'` or a mock. */
  activities: Readonly<Record<string, ActivityAnswer>>;
}

/** An execution result whose output has the machine's output type (after narrowing to SUCCEEDED). */
export type MachineRun<M extends AnyStateMachine> = LocalExecutionResult<MachineOutput<M>>;

/** Some activities of the machine have neither `'handler'` nor a mock, or unknown ones are named. */
export class MachineTestSetupError extends Error {
  override readonly name = 'MachineTestSetupError';
  constructor(
    readonly missing: readonly string[],
    readonly unknown: readonly string[],
  ) {
    const parts: string[] = [];
    if (missing.length > 0) {
      parts.push(
        `no handler or mock for ${missing.map((n) => `'${n}'`).join(', ')} (give 'handler' or a mock)`,
      );
    }
    if (unknown.length > 0) {
      parts.push(`the machine runs no activity named ${unknown.map((n) => `'${n}'`).join(', ')}`);
    }
    super(`runMachine: ${parts.join('; ')}`);
  }
}

/**
 * Runs a core state machine on a virtual clock. Every activity the machine uses must be
 * answered: `'handler'` runs the activity's own handler in process, a StateMock stands in for it.
 * @throws MachineTestSetupError (as a rejection) naming activities left unanswered or unknown.
 * @throws InvalidDefinitionError (as a rejection) when the machine's definition is invalid.
 * @example
 * const run = await runMachine(orderMachine, { orderId: 'o-1' }, {
 *   activities: { chargeCard: 'handler', sendEmail: { return: { sent: true } } },
 * });
 * run.output; // typed as the machine's output
 */
export async function runMachine<M extends AnyStateMachine>(
  machine: M,
  input: MachineInput<M>,
  options: MachineTestOptions,
): Promise<MachineRun<M>> {
  const { activities: answers, ...rest } = options;
  const names = new Set(machine.activities.map((a) => a.name));
  const missing = [...names].filter((name) => !Object.hasOwn(answers, name));
  const unknown = Object.keys(answers).filter((name) => !names.has(name));
  if (missing.length > 0 || unknown.length > 0) throw new MachineTestSetupError(missing, unknown);
  const activityMocks: Record<string, StateMock> = {};
  for (const [name, answer] of Object.entries(answers)) {
    if (answer !== 'handler') activityMocks[name] = answer;
  }
  const result = await runExecution(machine, input as JsonValue, {
    ...rest,
    activities: machine.activities.filter((a) => answers[a.name] === 'handler'),
    activityMocks,
  });
  return result as MachineRun<M>;
}
