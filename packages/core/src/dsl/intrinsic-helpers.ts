// Typed builders for the intrinsic functions of payload templates. Each returns the exact
// `States.X(...)` text AWS expects, so emit needs no special case, and carries at type level
// its result type and the paths it reads, which the template check looks up in the data. A
// result that depends on the arguments (`arrayGetItem` of a `T[]` is a `T`) is computed where
// the template is used, against the data and variables there (types/intrinsic-results.ts).
// A string argument starting with `$` is a path (`$.field`, `$$.Execution.Id`, `$variable`);
// wrap a literal that starts with `$` in `literal()`.
import type { z } from 'zod';
import type { Jsonify } from '../json.js';
import type { DeferredIntrinsic, Intrinsic } from './types/template.js';

/** A literal string argument, for text that would otherwise read as a path. */
export interface LiteralString {
  readonly kind: 'sfini.literal';
  readonly value: string;
  /** A Format template: its `{}` placeholders are not escaped. */
  readonly template?: boolean;
}

const literals = new WeakSet<object>();

/**
 * Marks `value` as literal text even when it reads as a path: an intrinsic function argument
 * (`States.format(literal('$5 off'))`), or a template value under a key without `.$`
 * (`parameters: { note: literal('$.a is a path') }`), which the types would otherwise refuse.
 * @param value the text, passed on as it is.
 * @throws TypeError when `value` is not a string.
 * @example
 * ```ts
 * start.pass('price', { parameters: { 'label.$': States.format('{} off', literal('$5')) } });
 * ```
 */
export function literal(value: string): LiteralString {
  if (typeof value !== 'string') throw new TypeError(`literal() takes a string, got ${typeof value}`);
  const text = Object.freeze({ kind: 'sfini.literal' as const, value });
  literals.add(text);
  return text;
}

/** True for a value built by {@link literal}. */
export function isLiteral(value: unknown): value is LiteralString {
  return typeof value === 'object' && value !== null && literals.has(value);
}

/** The algorithms `States.Hash` takes. */
export type HashAlgorithm = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

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
  /**
   * `States.StringToJson`: parses a JSON string. Its result is `unknown` unless `schema` (a zod
   * schema, used only for the type: nothing checks the text at run time) declares it.
   */
  stringToJson<const A extends IntrinsicArg, S extends z.ZodType | undefined = undefined>(
    text: A,
    _schema?: S,
  ): Intrinsic<
    DeferredIntrinsic<'StringToJson', [A], S extends z.ZodType ? Jsonify<z.output<S>> : unknown>,
    PathsOf<A>
  > {
    return call('StringToJson', [text]);
  },
  /** `States.JsonToString`: serialises a value to a JSON string. */
  jsonToString<const A extends IntrinsicArg>(value: A): Intrinsic<string, PathsOf<A>> {
    return call('JsonToString', [value]);
  },
  /** `States.Array`: an array of the arguments; typed as the tuple of their types. */
  array<const A extends readonly IntrinsicArg[]>(
    ...items: A
  ): Intrinsic<DeferredIntrinsic<'Array', A>, PathsIn<A>> {
    return call('Array', items);
  },
  /** `States.ArrayPartition`: splits an array into chunks of `size` (a `T[]` gives `T[][]`). */
  arrayPartition<const A extends IntrinsicArg, const S extends IntrinsicArg>(
    array: A,
    size: S,
  ): Intrinsic<DeferredIntrinsic<'ArrayPartition', [A, S]>, PathsOf<A> | PathsOf<S>> {
    return call('ArrayPartition', [array, size]);
  },
  /** `States.ArrayContains`: whether `array` holds `value`. */
  arrayContains<const A extends IntrinsicArg, const V extends IntrinsicArg>(
    array: A,
    value: V,
  ): Intrinsic<DeferredIntrinsic<'ArrayContains', [A, V]>, PathsOf<A> | PathsOf<V>> {
    return call('ArrayContains', [array, value]);
  },
  /** `States.ArrayRange`: numbers from `start` to `end` by `step`. */
  arrayRange<const A extends readonly [IntrinsicArg, IntrinsicArg, IntrinsicArg]>(
    ...args: A
  ): Intrinsic<DeferredIntrinsic<'ArrayRange', A>, PathsIn<A>> {
    return call('ArrayRange', args);
  },
  /** `States.ArrayGetItem`: the item at `index` (of a `T[]`, a `T`). */
  arrayGetItem<const A extends IntrinsicArg, const I extends IntrinsicArg>(
    array: A,
    index: I,
  ): Intrinsic<DeferredIntrinsic<'ArrayGetItem', [A, I]>, PathsOf<A> | PathsOf<I>> {
    return call('ArrayGetItem', [array, index]);
  },
  /** `States.ArrayLength`: the length of an array. */
  arrayLength<const A extends IntrinsicArg>(
    array: A,
  ): Intrinsic<DeferredIntrinsic<'ArrayLength', [A]>, PathsOf<A>> {
    return call('ArrayLength', [array]);
  },
  /** `States.ArrayUnique`: the array without duplicates (a `T[]` gives `T[]`). */
  arrayUnique<const A extends IntrinsicArg>(
    array: A,
  ): Intrinsic<DeferredIntrinsic<'ArrayUnique', [A]>, PathsOf<A>> {
    return call('ArrayUnique', [array]);
  },
  /** `States.Base64Encode`. */
  base64Encode<const A extends IntrinsicArg>(
    text: A,
  ): Intrinsic<DeferredIntrinsic<'Base64Encode', [A]>, PathsOf<A>> {
    return call('Base64Encode', [text]);
  },
  /** `States.Base64Decode`. */
  base64Decode<const A extends IntrinsicArg>(
    text: A,
  ): Intrinsic<DeferredIntrinsic<'Base64Decode', [A]>, PathsOf<A>> {
    return call('Base64Decode', [text]);
  },
  /**
   * `States.Hash`: the hex digest of `data` with `algorithm` (MD5, SHA-1, SHA-256, SHA-384,
   * SHA-512, or a path to one of those names). Data that is not a string is hashed in its text form.
   */
  hash<const A extends IntrinsicArg, const H extends HashAlgorithm | `$${string}` | LiteralString>(
    data: A,
    algorithm: H,
  ): Intrinsic<DeferredIntrinsic<'Hash', [A, H]>, PathsOf<A> | PathsOf<H>> {
    return call('Hash', [data, algorithm]);
  },
  /**
   * `States.JsonMerge`: merges two objects, `right`'s fields replacing `left`'s; AWS supports
   * only the shallow merge (`deep` false), and the type is that merge.
   */
  jsonMerge<const A extends IntrinsicArg, const B extends IntrinsicArg>(
    left: A,
    right: B,
    deep = false,
  ): Intrinsic<DeferredIntrinsic<'JsonMerge', [A, B]>, PathsOf<A> | PathsOf<B>> {
    return call('JsonMerge', [left, right, deep]);
  },
  /** `States.MathRandom`: a random integer from `start` (inclusive) to `end` (exclusive). */
  mathRandom<
    const A extends
      | readonly [IntrinsicArg, IntrinsicArg]
      | readonly [IntrinsicArg, IntrinsicArg, IntrinsicArg],
  >(...args: A): Intrinsic<DeferredIntrinsic<'MathRandom', A>, PathsIn<A>> {
    return call('MathRandom', args);
  },
  /** `States.MathAdd`: the sum of two integers. */
  mathAdd<const A extends IntrinsicArg, const B extends IntrinsicArg>(
    left: A,
    right: B,
  ): Intrinsic<DeferredIntrinsic<'MathAdd', [A, B]>, PathsOf<A> | PathsOf<B>> {
    return call('MathAdd', [left, right]);
  },
  /** `States.StringSplit`: splits `text` on any of the `separators` characters. */
  stringSplit<const A extends IntrinsicArg, const S extends IntrinsicArg>(
    text: A,
    separators: S,
  ): Intrinsic<DeferredIntrinsic<'StringSplit', [A, S]>, PathsOf<A> | PathsOf<S>> {
    return call('StringSplit', [text, separators]);
  },
  /** `States.UUID`: a fresh v4 UUID. */
  uuid(): Intrinsic<string, never> {
    return call('UUID', []);
  },
} as const;
