// Running a core state machine in a unit test. The machine knows the activities its Tasks run;
// the test must say, for every one of them, whether the real handler runs in process or a mock
// answers, so a forgotten activity is an error before anything runs rather than a Task that
// fails halfway. Answers are keyed by full or (unambiguous) local name, or given with the
// activity object itself, which types a mock's return from the activity's output and cannot be
// misspelt. Input and output carry the machine's types.
import type {
  ActivityOutput,
  AnyActivity,
  AnyStateMachine,
  JsonValue,
  MachineInput,
  MachineOutput,
} from '@sfini/core';
import { runExecution } from './execution.js';
import type { LocalExecutionResult, RunOptions, StateMock } from './types.js';

/** How one activity answers in a machine test: its own handler (`'handler'`) or a mock returning `Output`. */
export type ActivityAnswer<Output = JsonValue> = 'handler' | StateMock<Output>;

/** An activity with its answer, made by {@link answer}. */
export interface ActivityAnswerEntry {
  readonly activity: AnyActivity;
  readonly answer: ActivityAnswer;
}

/**
 * Pairs an activity with its answer in a machine test; a mock's `return` (or a mock function's
 * result) is typed from the activity's output.
 * @param activity - The activity object the machine runs.
 * @param response - `'handler'` to run its handler in process, or a mock.
 * @example
 * await runMachine(orders, { amount: 1 }, {
 *   activities: [answer(charge, { return: { receipt: 'r-1' } }), answer(notify, 'handler')],
 * });
 */
export function answer<A extends AnyActivity>(
  activity: A,
  response: ActivityAnswer<ActivityOutput<A>>,
): ActivityAnswerEntry {
  return { activity, answer: response as ActivityAnswer };
}

/** Options of {@link runMachine}: RunOptions, with every activity of the machine answered. */
export interface MachineTestOptions extends Omit<RunOptions, 'activities' | 'activityMocks'> {
  /**
   * For every activity the machine uses, `'handler'` or a mock: keyed by full name (the
   * registration's prefix, then the local name) or by local name when no other activity of the
   * machine has it; or as a list of {@link answer} entries.
   */
  activities: Readonly<Record<string, ActivityAnswer>> | readonly ActivityAnswerEntry[];
}

/** An execution result whose output has the machine's output type (after narrowing to SUCCEEDED). */
export type MachineRun<M extends AnyStateMachine> = LocalExecutionResult<MachineOutput<M>>;

/**
 * Some activities of the machine have neither `'handler'` nor a mock, or answers name none (or
 * several). Its fields are named like those of MockSetupError, so both read alike.
 * @example
 * ```ts
 * // orders runs chargeCard and sendEmail; sendEmail is left unanswered:
 * await runMachine(orders, { orderId: 'o-1' }, { activities: { chargeCard: 'handler' } });
 * // rejects with MachineTestSetupError: no handler or mock for 'sendEmail' ...;
 * // error.unansweredActivities is ['sendEmail']
 * ```
 */
export class MachineTestSetupError extends Error {
  override readonly name = 'MachineTestSetupError';
  /**
   * @param unansweredActivities activities of the machine (full names) given neither `'handler'` nor a mock.
   * @param unknownActivities answer keys that name no activity of the machine.
   * @param ambiguousActivities one line per local name several activities of the machine share,
   * or per activity answered twice.
   */
  constructor(
    /** Activities of the machine (full names) given neither `'handler'` nor a mock. */
    readonly unansweredActivities: readonly string[],
    /** Answer keys that name no activity of the machine. */
    readonly unknownActivities: readonly string[],
    /** One line per local name several activities of the machine share, or per activity answered twice. */
    readonly ambiguousActivities: readonly string[] = [],
  ) {
    const parts: string[] = [];
    if (unansweredActivities.length > 0) {
      parts.push(
        `no handler or mock for ${unansweredActivities.map((n) => `'${n}'`).join(', ')} (give 'handler' or a mock)`,
      );
    }
    if (unknownActivities.length > 0) {
      parts.push(`the machine runs no activity named ${unknownActivities.map((n) => `'${n}'`).join(', ')}`);
    }
    parts.push(...ambiguousActivities);
    super(`runMachine: ${parts.join('; ')}`);
  }
}

/** The answers by full activity name; throws MachineTestSetupError listing every problem. */
function answersByName(
  activities: readonly AnyActivity[],
  given: MachineTestOptions['activities'],
): Map<string, ActivityAnswer> {
  const byName = new Map(activities.map((a) => [a.name, a]));
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  const answers = new Map<string, ActivityAnswer>();
  const set = (key: string, name: string, value: ActivityAnswer) => {
    if (answers.has(name)) ambiguous.push(`'${name}' is answered twice (as '${key}' too)`);
    else answers.set(name, value);
  };
  const entries: [string, AnyActivity | undefined, ActivityAnswer][] = Array.isArray(given)
    ? (given as readonly ActivityAnswerEntry[]).map((e) => [e.activity.name, e.activity, e.answer])
    : Object.entries(given as Record<string, ActivityAnswer>).map(([k, v]) => [k, undefined, v]);
  for (const [key, object, value] of entries) {
    if (object !== undefined || byName.has(key)) {
      if (byName.has(key)) set(key, key, value);
      else unknown.push(key);
      continue;
    }
    const local = activities.filter((a) => a.localName === key);
    if (local.length === 1) set(key, local[0]!.name, value);
    else if (local.length === 0) unknown.push(key);
    else {
      ambiguous.push(
        `'${key}' is the local name of ${local.map((a) => `'${a.name}'`).join(', ')}: give the full name`,
      );
    }
  }
  const unanswered = [...byName.keys()].filter((name) => !answers.has(name));
  if (unanswered.length > 0 || unknown.length > 0 || ambiguous.length > 0) {
    throw new MachineTestSetupError(unanswered, unknown, ambiguous);
  }
  return answers;
}

/**
 * Runs a core state machine on a virtual clock. Every activity the machine uses must be
 * answered: `'handler'` runs the activity's own handler in process, a StateMock stands in for it
 * (its return values checked by the activity's output schema). The input is parsed by the
 * machine's input schema first, as a start on AWS does.
 * @param machine the machine, built with `machine()` from @sfini/core.
 * @param input its input, typed by the machine's input schema.
 * @param options `activities`, how each activity answers, and the other options of
 * {@link runExecution} (mocks by state, clock, signal, ...).
 * @throws MachineTestSetupError (as a rejection) naming activities left unanswered, unknown or ambiguous.
 * @throws ExecutionInputError (as a rejection) naming every field the input schema refuses.
 * @throws MockSetupError (as a rejection) for mocks naming no Task state or returning what an
 * activity's output schema refuses.
 * @throws InvalidDefinitionError (as a rejection) when the machine's definition is invalid.
 * @example
 * const run = await runMachine(orderMachine, { orderId: 'o-1' }, {
 *   activities: { chargeCard: 'handler', sendEmail: { return: { sent: true } } },
 * });
 * if (run.status === 'SUCCEEDED') run.output; // typed as the machine's output
 */
export async function runMachine<M extends AnyStateMachine>(
  machine: M,
  input: MachineInput<M>,
  options: MachineTestOptions,
): Promise<MachineRun<M>> {
  const { activities: given, ...rest } = options;
  const answers = answersByName(machine.activities, given);
  // No prototype: '__proto__' is a valid activity name, and must be a key, not a new prototype.
  const activityMocks: Record<string, StateMock> = Object.create(null);
  for (const [name, response] of answers) {
    if (response !== 'handler') activityMocks[name] = response;
  }
  const result = await runExecution(machine, input as JsonValue, {
    ...rest,
    activities: machine.activities.filter((a) => answers.get(a.name) === 'handler'),
    activityMocks,
  });
  return result as MachineRun<M>;
}
