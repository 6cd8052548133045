// The math intrinsics. States.MathAdd rounds each operand half up before adding (recorded:
// 1.49 + 1.5 = 3, -1.5 + 0 = -1, -0.5 + 0 = 0) and works on 32-bit integers, failing when an
// operand or the sum leaves that range. States.MathRandom truncates its bounds, returns an
// integer in [start, end) and fails for an empty range; with a seed it is deterministic, drawn
// the way java.util.Random(seed).nextInt(end - start) draws, so a seeded call gives the same
// value on every evaluation.

import {
  expectArity,
  fitsInt,
  type IntrinsicImplementation,
  invalid,
  requireNumber,
  requireTruncatedInt,
} from './arguments.js';

export const statesMathAdd: IntrinsicImplementation = (args) => {
  const name = 'States.MathAdd';
  expectArity(name, args, 2);
  const [left, right] = [0, 1].map((index) => {
    const rounded = Math.round(requireNumber(name, args[index], `operand ${index + 1}`)) + 0;
    if (!fitsInt(rounded))
      invalid(name, `operand ${index + 1} must fit in a 32-bit integer, got ${args[index]}`);
    return rounded;
  }) as [number, number];
  const sum = left + right;
  if (!fitsInt(sum)) invalid(name, `the sum ${sum} does not fit in a 32-bit integer`);
  return sum;
};

export const statesMathRandom: IntrinsicImplementation = (args, { scope }) => {
  const name = 'States.MathRandom';
  expectArity(name, args, 2, 3);
  const start = requireTruncatedInt(name, args[0], 'the start');
  const end = requireTruncatedInt(name, args[1], 'the end');
  if (end <= start) invalid(name, `the end (${args[1]}) must be greater than the start (${args[0]})`);
  const bound = end - start;
  if (!fitsInt(bound)) invalid(name, `the range from ${start} to ${end} is wider than a 32-bit integer`);
  if (args.length === 3) {
    const seed = requireTruncatedInt(name, args[2], 'the seed');
    return start + javaRandomNextInt(seed, bound);
  }
  const random = scope.random ?? Math.random;
  return start + Math.min(bound - 1, Math.floor(random() * bound));
};

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

/** java.util.Random's linear congruential generator, seeded as `new Random(seed)`. */
export class JavaRandom {
  private state: bigint;

  constructor(seed: number) {
    this.state = (BigInt(seed) ^ MULTIPLIER) & MASK;
  }

  /** `next(bits)`: the top `bits` bits of the next state, as a signed 32-bit value. */
  next(bits: number): number {
    this.state = (this.state * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.state >> BigInt(48 - bits)));
  }

  /** `nextInt(bound)` for a positive `bound`: uniform in [0, bound). */
  nextInt(bound: number): number {
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    for (;;) {
      const bits = this.next(31);
      const value = bits % bound;
      if (bits - value + (bound - 1) <= 2 ** 31 - 1) return value;
    }
  }
}

/** The first `new java.util.Random(seed).nextInt(bound)` for a positive `bound`. */
export function javaRandomNextInt(seed: number, bound: number): number {
  return new JavaRandom(seed).nextInt(bound);
}
