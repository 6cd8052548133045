// The execution history: events numbered from 1, each pointing at the event before it in its
// own thread of work (a Parallel branch or a Map iteration keeps its own chain), as AWS does.
// Listeners see each event as it is recorded; the local endpoint streams history from them.
// AWS ends an execution whose history reaches 25,000 events; the recorder enforces the cap and
// leaves room for the final ExecutionFailed event.
import type { Clock, HistoryEvent } from '../types.js';
import { makeEvent } from './events.js';

/** AWS's cap on events in one execution's history. */
export const MAX_HISTORY_EVENTS = 25_000;

/** The history reached its cap; the execution must end. */
export class HistoryLimitError extends Error {
  override readonly name = 'HistoryLimitError';
  constructor(readonly limit: number) {
    super(`the execution history reached its limit of ${limit} events`);
  }
}

export class HistoryRecorder {
  // Array.of, not a literal: a literal could be pretenured (see events.ts), and an old array would
  // keep every young event pushed into it alive past the young collections.
  readonly events: HistoryEvent[] = Array.of<HistoryEvent>();
  readonly #listeners = new Set<(event: HistoryEvent) => void>();
  #closed = false;
  #lastMs = Number.NaN;
  #lastDate: Date | undefined;

  constructor(
    readonly clock: Clock,
    readonly limit: number = MAX_HISTORY_EVENTS,
  ) {}

  /** Id of the last event recorded, 0 when none. */
  get lastId(): number {
    return this.events.length;
  }

  /**
   * Records an event and returns its id. `detailsKey` names the details field
   * (e.g. 'stateEnteredEventDetails'). Throws HistoryLimitError when only the final event fits.
   */
  add(type: string, previousEventId: number, detailsKey?: string, details?: object): number {
    if (this.#closed) return this.events.length;
    if (this.events.length >= this.limit - 1) throw new HistoryLimitError(this.limit);
    return this.#push(type, previousEventId, detailsKey, details);
  }

  /** Records the execution's final event (it may take the last slot) and stops recording. */
  close(type: string, previousEventId: number, detailsKey?: string, details?: object): number {
    if (this.#closed) return this.events.length;
    const id = this.#push(type, previousEventId, detailsKey, details);
    this.#closed = true;
    return id;
  }

  get closed(): boolean {
    return this.#closed;
  }

  onEvent(listener: (event: HistoryEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #push(type: string, previousEventId: number, detailsKey?: string, details?: object): number {
    const id = this.events.length + 1;
    // Events recorded in the same millisecond share one Date: a virtual clock records whole
    // chains of states at one instant, and a Date per event would be most of their garbage.
    const ms = this.clock.now();
    if (ms !== this.#lastMs || this.#lastDate === undefined) {
      this.#lastMs = ms;
      this.#lastDate = new Date(ms);
    }
    const event = makeEvent(this.#lastDate, type, id, previousEventId, detailsKey, details);
    this.events.push(event);
    if (this.#listeners.size > 0) {
      for (const listener of this.#listeners) {
        try {
          listener(event);
        } catch {
          // A listener's failure must not disturb the execution.
        }
      }
    }
    return id;
  }
}
