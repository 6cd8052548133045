// What an intrinsic function needs from the engine that runs it. Path lookup stays with the
// engine because only it knows the state input, the context object and the variables in scope,
// and because a missing path must fail with the engine's own wording ("The JSONPath '$.x'
// specified for the field 'y.$' could not be found in the input ..."), which names the field.
// Randomness is injectable so tests and replays of States.MathRandom and States.UUID are
// deterministic.

import type { IntrinsicPath, JsonValue } from '@sfini/core';

/** The engine's side of an intrinsic function evaluation. */
export interface IntrinsicScope {
  /**
   * Resolves a path argument: `$...` against the state input, `$$...` against the context object,
   * `$name...` against the variable `name`. Throws the engine's error when nothing is found.
   */
  resolvePath(path: string, node: IntrinsicPath): JsonValue;
  /**
   * A uniform source in [0, 1) for States.MathRandom without a seed and for States.UUID.
   * Defaults to `Math.random` and `crypto.randomUUID`.
   */
  random?: () => number;
}

/** Fills 16 bytes from the scope's random source, or from the platform's when it has none. */
export function randomUuid(scope: Pick<IntrinsicScope, 'random'>): string {
  const { random } = scope;
  if (random === undefined) return globalThis.crypto.randomUUID();
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256) & 0xff);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
