// A machine's definition runs once, and a mistake found while it runs (a bad name, a duplicate
// state, an unknown option, a slot already taken, a target never created) is recorded rather
// than thrown, so the definition runs on and one error lists every problem with its location,
// not the first only. Each step that can go wrong runs through `attempt` with a fallback that
// lets the building go on; once the definition has returned, a handle used late throws at once.

/**
 * Thrown by `machine()` when its definition has problems: every one of them, in the order they
 * were found, each naming where it is (`machine 'orders': state 'charge' ...`).
 * @example
 * ```ts
 * try {
 *   machine('orders', {}, (start) => start.pass('a').pass('a'));
 * } catch (error) {
 *   if (error instanceof MachineDefinitionError) for (const problem of error.problems) console.error(problem.message);
 * }
 * ```
 */
export class MachineDefinitionError extends Error {
  override readonly name = 'MachineDefinitionError';
  /** Every problem found, as the error each would have been on its own. */
  readonly problems: readonly Error[];

  /**
   * @param machineName the machine's name.
   * @param problems every problem found, in order.
   */
  constructor(machineName: string, problems: readonly Error[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.map((problem) => `  - ${problem.message.replaceAll('\n', '\n    ')}`);
    super(`machine '${machineName}' has ${count}:\n${lines.join('\n')}`);
    this.problems = problems;
  }
}

/** The problems of one machine's definition, shared by all its scopes. */
export class ProblemLog {
  readonly #problems: Error[] = [];
  #closed = false;

  /** Records `problem` (thrown at once when the log is closed). */
  add(problem: Error): void {
    if (this.#closed) throw problem;
    this.#problems.push(problem);
  }

  /** Runs `step`; a problem it throws is recorded and `fallback` returned instead. */
  attempt<T>(step: () => T, fallback: T): T {
    if (this.#closed) return step();
    try {
      return step();
    } catch (error) {
      this.#problems.push(asError(error));
      return fallback;
    }
  }

  /**
   * Closes the log once the definition has run (from then on a problem is thrown at once) and
   * throws what was found: `thrown`, the definition's own error, comes last, or alone (as it
   * is) when nothing else was found.
   * @param machineName the machine, as the error names it.
   * @param thrown what the definition threw, if it threw.
   * @throws MachineDefinitionError listing every problem, or `thrown` itself.
   */
  close(machineName: string, thrown?: { readonly value: unknown }): void {
    this.#closed = true;
    if (thrown !== undefined && this.#problems.length === 0) throw thrown.value;
    const all = thrown === undefined ? this.#problems : [...this.#problems, asError(thrown.value)];
    if (all.length > 0) throw new MachineDefinitionError(machineName, all);
  }

  /** The problems recorded so far. */
  get problems(): readonly Error[] {
    return this.#problems;
  }
}

function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
