// Task tokens outlive their tasks: AWS answers a late SendTask* with TaskTimedOut when the task
// ended without the answer and TaskDoesNotExist when it was already answered or never existed.
// Both token issuers (the callback registry and the endpoint's activity broker) keep that memory
// the same way, bounded so a long-lived endpoint does not grow without end; each turns the refusal
// into its own error type (the handle's TaskTokenError, the endpoint's ApiError).

/** How a token's task ended. */
export type TokenEnding = 'completed' | 'timedOut';

/** AWS's refusal of an answer to a token no task waits for. */
export interface TokenRefusal {
  readonly code: 'TaskDoesNotExist' | 'TaskTimedOut';
  readonly message: string;
}

/** How many ended tokens are remembered for their late callers. */
const REMEMBERED_TOKENS = 10_000;

const TIMED_OUT: TokenRefusal = {
  code: 'TaskTimedOut',
  message: `Task Timed Out: 'Provided task does not exist anymore'`,
};
const DOES_NOT_EXIST: TokenRefusal = {
  code: 'TaskDoesNotExist',
  message: `Task Does Not Exist: 'Provided task does not exist anymore'`,
};

/** The tokens of ended tasks, oldest forgotten first once more than `capacity` are kept. */
export class EndedTokens {
  readonly #ended = new Map<string, TokenEnding>();

  /** @param capacity how many ended tokens to remember. */
  constructor(private readonly capacity = REMEMBERED_TOKENS) {}

  /** Remembers that `token`'s task ended, and how. */
  remember(token: string, ending: TokenEnding): void {
    this.#ended.set(token, ending);
    if (this.#ended.size > this.capacity) {
      const oldest = this.#ended.keys().next().value;
      if (oldest !== undefined) this.#ended.delete(oldest);
    }
  }

  /** Whether `token`'s task ended and is still remembered. */
  has(token: string): boolean {
    return this.#ended.has(token);
  }

  /** The refusal AWS answers a call for `token` with, once no task waits for it. */
  refusal(token: string): TokenRefusal {
    return this.#ended.get(token) === 'timedOut' ? TIMED_OUT : DOES_NOT_EXIST;
  }
}
