// Typed builders for the intrinsic functions of payload templates. Each returns the exact
// `States.X(...)` text AWS expects, so emit needs no special case, and carries at type level
// its result type and the paths it reads, which the template check looks up in the data.
// A string argument starting with `$` is a path; wrap a literal that starts with `$` in
// `literal()`.
import type { Intrinsic } from './types/template.js';

/** A literal string argument, for text that would otherwise read as a path. */
export interface LiteralString {
  readonly kind: 'sfini.literal';
  readonly value: string;
  /** A Format template: its `{}` placeholders are not escaped. */
  readonly template?: boolean;
}

/** Marks `value` as literal text even when it starts with `$`. */
export function literal(value: string): LiteralString {
  return Object.freeze({ kind: 'sfini.literal' as const, value });
}

/** What an intrinsic function accepts as an argument. */
export type IntrinsicArg = string | number | boolean | null | LiteralString | Intrinsic<unknown, string>;

type PathsOf<A> = A extends Intrinsic<unknown, infer P> ? P : A extends `$${string}` ? A : never;

type PathsIn<A extends readonly unknown[]> = PathsOf<A[number]>;

/** Quotes literal text; `{` and `}` stay bare in a Format template, where they are placeholders. */
function quote(text: string, template = false): string {
  return `'${text.replace(template ? /[\\']/g : /[\\'{}]/g, (c) => `\\${c}`)}'`;
}

function renderArg(arg: IntrinsicArg, fn: string, position: number): string {
  if (arg === null) return 'null';
  switch (typeof arg) {
    case 'number':
      if (!Number.isFinite(arg))
        throw new RangeError(`States.${fn}: argument ${position} is not a finite number`);
      return String(arg);
    case 'boolean':
      return String(arg);
    case 'string':
      return arg.startsWith('$') || arg.startsWith('States.') ? arg : quote(arg);
    case 'object':
      if (arg.kind === 'sfini.literal') return quote(arg.value, arg.template);
      break;
  }
  throw new TypeError(`States.${fn}: argument ${position} cannot appear in an intrinsic function`);
}

function call<R, P extends string>(fn: string, args: readonly IntrinsicArg[]): Intrinsic<R, P> {
  return `States.${fn}(${args.map((a, i) => renderArg(a, fn, i + 1)).join(', ')})` as Intrinsic<R, P>;
}

/**
 * Typed helpers for AWS's intrinsic functions, for `.$` fields of payload templates.
 * @example
 * parameters: { 'greeting.$': States.format('Hello {}', '$.name'), 'id.$': States.uuid() }
 */
export const States = {
  /** `States.Format`: fills each `{}` of `template` with the next argument. */
  format<const A extends readonly IntrinsicArg[]>(
    template: string | LiteralString,
    ...args: A
  ): Intrinsic<string, PathsIn<A>> {
    const text = typeof template === 'string' ? template : template.value;
    return call('Format', [{ kind: 'sfini.literal', value: text, template: true }, ...args]);
  },
  /** `States.StringToJson`: parses a JSON string. */
  stringToJson<const A extends IntrinsicArg>(text: A): Intrinsic<unknown, PathsOf<A>> {
    return call('StringToJson', [text]);
  },
  /** `States.JsonToString`: serialises a value to a JSON string. */
  jsonToString<const A extends IntrinsicArg>(value: A): Intrinsic<string, PathsOf<A>> {
    return call('JsonToString', [value]);
  },
  /** `States.Array`: an array of the arguments. */
  array<const A extends readonly IntrinsicArg[]>(...items: A): Intrinsic<unknown[], PathsIn<A>> {
    return call('Array', items);
  },
  /** `States.ArrayPartition`: splits an array into chunks of `size`. */
  arrayPartition<const A extends IntrinsicArg, const S extends IntrinsicArg>(
    array: A,
    size: S,
  ): Intrinsic<unknown[][], PathsOf<A> | PathsOf<S>> {
    return call('ArrayPartition', [array, size]);
  },
  /** `States.ArrayContains`: whether `array` holds `value`. */
  arrayContains<const A extends IntrinsicArg, const V extends IntrinsicArg>(
    array: A,
    value: V,
  ): Intrinsic<boolean, PathsOf<A> | PathsOf<V>> {
    return call('ArrayContains', [array, value]);
  },
  /** `States.ArrayRange`: numbers from `start` to `end` by `step`. */
  arrayRange<const A extends readonly [IntrinsicArg, IntrinsicArg, IntrinsicArg]>(
    ...args: A
  ): Intrinsic<number[], PathsIn<A>> {
    return call('ArrayRange', args);
  },
  /** `States.ArrayGetItem`: the item at `index`. */
  arrayGetItem<const A extends IntrinsicArg, const I extends IntrinsicArg>(
    array: A,
    index: I,
  ): Intrinsic<unknown, PathsOf<A> | PathsOf<I>> {
    return call('ArrayGetItem', [array, index]);
  },
  /** `States.ArrayLength`: the length of an array. */
  arrayLength<const A extends IntrinsicArg>(array: A): Intrinsic<number, PathsOf<A>> {
    return call('ArrayLength', [array]);
  },
  /** `States.ArrayUnique`: the array without duplicates. */
  arrayUnique<const A extends IntrinsicArg>(array: A): Intrinsic<unknown[], PathsOf<A>> {
    return call('ArrayUnique', [array]);
  },
  /** `States.Base64Encode`. */
  base64Encode<const A extends IntrinsicArg>(text: A): Intrinsic<string, PathsOf<A>> {
    return call('Base64Encode', [text]);
  },
  /** `States.Base64Decode`. */
  base64Decode<const A extends IntrinsicArg>(text: A): Intrinsic<string, PathsOf<A>> {
    return call('Base64Decode', [text]);
  },
  /** `States.Hash`: the hex digest of `data` with `algorithm` (MD5, SHA-1, SHA-256, SHA-384, SHA-512). */
  hash<const A extends IntrinsicArg>(
    data: A,
    algorithm: 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512' | LiteralString,
  ): Intrinsic<string, PathsOf<A>> {
    return call('Hash', [data, algorithm]);
  },
  /** `States.JsonMerge`: merges two objects; AWS supports only the shallow merge (`deep` false). */
  jsonMerge<const A extends IntrinsicArg, const B extends IntrinsicArg>(
    left: A,
    right: B,
    deep = false,
  ): Intrinsic<{ [key: string]: unknown }, PathsOf<A> | PathsOf<B>> {
    return call('JsonMerge', [left, right, deep]);
  },
  /** `States.MathRandom`: a random integer from `start` (inclusive) to `end` (exclusive). */
  mathRandom<
    const A extends
      | readonly [IntrinsicArg, IntrinsicArg]
      | readonly [IntrinsicArg, IntrinsicArg, IntrinsicArg],
  >(...args: A): Intrinsic<number, PathsIn<A>> {
    return call('MathRandom', args);
  },
  /** `States.MathAdd`: the sum of two integers. */
  mathAdd<const A extends IntrinsicArg, const B extends IntrinsicArg>(
    left: A,
    right: B,
  ): Intrinsic<number, PathsOf<A> | PathsOf<B>> {
    return call('MathAdd', [left, right]);
  },
  /** `States.StringSplit`: splits `text` on any of the `separators` characters. */
  stringSplit<const A extends IntrinsicArg, const S extends IntrinsicArg>(
    text: A,
    separators: S,
  ): Intrinsic<string[], PathsOf<A> | PathsOf<S>> {
    return call('StringSplit', [text, separators]);
  },
  /** `States.UUID`: a fresh v4 UUID. */
  uuid(): Intrinsic<string, never> {
    return call('UUID', []);
  },
} as const;
