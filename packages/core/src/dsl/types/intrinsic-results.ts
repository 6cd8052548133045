// What an intrinsic function call produces, as a type. Most results are fixed (`States.UUID()` is
// a string), but several depend on their arguments (`States.ArrayGetItem` of a `T[]` is a `T`),
// and an argument that is a path has a type only where the template is used, against the data
// and variables there. So the helpers record such calls as a function name and its arguments
// (`DeferredIntrinsic`), and the template check computes the result in place. Arguments of the
// wrong kind (an array function given a string) are reported as sentences.
import type { ContextObject, PathLookup, PathValue } from './checks.js';
import type { KindName, PathError } from './path.js';
import type { OpenVars } from './vars.js';

declare const intrinsicBrand: unique symbol;

/**
 * An intrinsic function call as the helpers build it: at run time the `States.X(...)` string,
 * at type level also its result type (or a {@link DeferredIntrinsic} to compute it from) and
 * the paths it reads (checked against the data).
 */
export type Intrinsic<Result = unknown, Paths extends string = string> = string & {
  readonly [intrinsicBrand]: { readonly result: Result; readonly paths: Paths };
};

/**
 * A call whose result type (or whose arguments' kinds) depend on its arguments: computed where
 * the template is used. `Declared` is a result declared by the caller (StringToJson's schema).
 */
export interface DeferredIntrinsic<
  Fn extends string = string,
  Args extends readonly unknown[] = unknown[],
  Declared = unknown,
> {
  readonly '~fn': Fn;
  readonly '~args': Args;
  readonly '~declared'?: Declared;
}

/** The result types of intrinsic functions written as raw strings (`'States.Hash($.a, ...)'`). */
export interface IntrinsicResults {
  Format: string;
  StringToJson: unknown;
  JsonToString: string;
  Array: unknown[];
  ArrayPartition: unknown[][];
  ArrayContains: boolean;
  ArrayRange: number[];
  ArrayGetItem: unknown;
  ArrayLength: number;
  ArrayUnique: unknown[];
  Base64Encode: string;
  Base64Decode: string;
  Hash: string;
  JsonMerge: { [key: string]: unknown };
  MathRandom: number;
  MathAdd: number;
  StringSplit: string[];
  UUID: string;
}

/** Widens literal types to their primitive: data written by a state may change on a later pass. */
export type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly unknown[]
        ? { -readonly [I in keyof T]: Widen<T[I]> }
        : T extends object
          ? { -readonly [K in keyof T]: Widen<T[K]> }
          : T;

type PathProblems<P, D, Ctx, V> = P extends string
  ? PathLookup<P, D, Ctx, V> extends infer X
    ? [X] extends [PathError<infer M>]
      ? M
      : never
    : never
  : never;

/**
 * What a `.$` value built by an intrinsic helper yields against data `D`: its value, or a
 * {@link PathError} for a path naming nothing or an argument of the wrong kind. `never` when
 * `X` is not such a value.
 */
export type IntrinsicLookup<X, D, Ctx, V> = X extends {
  readonly [intrinsicBrand]: { readonly result: infer R; readonly paths: infer P };
}
  ? [PathProblems<P, D, Ctx, V>] extends [never]
    ? IntrinsicValue<R, D, Ctx, V>
    : PathError<PathProblems<P, D, Ctx, V>>
  : never;

/** The value of one argument: a path's value, a nested call's result, or the literal's type. */
type ArgValue<A, D, Ctx, V> = A extends { readonly [intrinsicBrand]: { readonly result: infer R } }
  ? IntrinsicValue<R, D, Ctx, V> extends infer X
    ? [X] extends [PathError]
      ? unknown
      : X
    : never
  : A extends `$${string}`
    ? PathValue<A, D, Ctx, V>
    : A extends { readonly kind: 'sfini.literal' }
      ? string
      : Widen<A>;

/** What kind of value an argument must be; `any` takes every JSON value. */
type ArgKind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'any';

interface KindTypes {
  string: string;
  number: number;
  boolean: boolean;
  array: readonly unknown[];
  object: { readonly [key: string]: unknown };
  any: unknown;
}

interface KindWords {
  string: 'a string';
  number: 'a number';
  boolean: 'a boolean';
  array: 'an array';
  object: 'an object';
  any: 'a value';
}

/**
 * The kind each argument of a function must have, as AWS checks them when the function runs
 * (an argument of another kind fails the state with `States.IntrinsicFailure`). Arguments past
 * the list (Format's values, Array's items) take any value.
 */
interface ArgKinds {
  Format: ['string'];
  StringToJson: ['string'];
  ArrayPartition: ['array', 'number'];
  ArrayContains: ['array', 'any'];
  ArrayRange: ['number', 'number', 'number'];
  ArrayGetItem: ['array', 'number'];
  ArrayLength: ['array'];
  ArrayUnique: ['array'];
  Base64Encode: ['string'];
  Base64Decode: ['string'];
  Hash: ['any', 'string'];
  JsonMerge: ['object', 'object', 'boolean'];
  MathRandom: ['number', 'number', 'number'];
  MathAdd: ['number', 'number'];
  StringSplit: ['string', 'string'];
}

type Ordinal = ['first', 'second', 'third', 'fourth'];

type ObjectPart<T> = Exclude<Extract<T, object>, readonly unknown[]>;

/** True when a value of type `T` may be of kind `K`. */
type MayBe<T, K extends ArgKind> = K extends 'any'
  ? true
  : unknown extends T
    ? true
    : K extends 'object'
      ? [ObjectPart<T>] extends [never]
        ? false
        : true
      : [Extract<T, KindTypes[K]>] extends [never]
        ? false
        : true;

/** How messages name an argument that has the wrong kind: its path, or what it is. */
type Given<A, T> = A extends `$${string}` ? `${A} is ${KindName<T>}` : `it is ${KindName<T>}`;

/** The first argument whose value cannot be of the kind `Fn` needs there, as a PathError; else `never`. */
type KindProblem<
  Fn extends string,
  Args extends readonly unknown[],
  Vals extends readonly unknown[],
  Kinds extends readonly ArgKind[],
  I extends unknown[] = [],
> = Kinds extends readonly [infer K extends ArgKind, ...infer Rest extends readonly ArgKind[]]
  ? I['length'] extends Vals['length']
    ? never // an optional argument left out
    : MayBe<Vals[I['length']], K> extends true
      ? KindProblem<Fn, Args, Vals, Rest, [...I, unknown]>
      : PathError<`States.${Fn} needs ${KindWords[K]} as its ${Ordinal[I['length']] & string} argument, but ${Given<Args[I['length']], Vals[I['length']]>}`>
  : never;

type ElementOf<T> = T extends readonly (infer E)[] ? E : never;

type ElementsOr<T, Fallback> = unknown extends T ? Fallback : ElementOf<T>;

type AnyObject = { [key: string]: unknown };

type ObjectOf<T> = unknown extends T ? AnyObject : ObjectPart<T>;

/** A shallow merge, as AWS's JsonMerge does: the right object's fields replace the left's. */
type ShallowMerge<L, R> = {
  [K in keyof L | keyof R]: K extends keyof R ? R[K] : K extends keyof L ? L[K] : never;
};

/** The result of `Fn` once its arguments have the right kinds. */
type ResultOf<Fn extends string, Vals extends readonly unknown[], Declared> = Fn extends 'ArrayGetItem'
  ? ElementsOr<Vals[0], unknown>
  : Fn extends 'ArrayPartition'
    ? ElementsOr<Vals[0], unknown>[][]
    : Fn extends 'ArrayUnique'
      ? ElementsOr<Vals[0], unknown>[]
      : Fn extends 'Array'
        ? { -readonly [I in keyof Vals]: Vals[I] }
        : Fn extends 'JsonMerge'
          ? ShallowMerge<ObjectOf<Vals[0]>, ObjectOf<Vals[1]>>
          : Fn extends 'StringToJson'
            ? Declared
            : Fn extends keyof IntrinsicResults
              ? IntrinsicResults[Fn]
              : unknown;

/** The result of calling `Fn` with arguments `Args` whose values are `Vals`, or why it fails. */
type CallResult<
  Fn extends string,
  Args extends readonly unknown[],
  Vals extends readonly unknown[],
  Declared,
> = (Fn extends keyof ArgKinds ? KindProblem<Fn, Args, Vals, ArgKinds[Fn]> : never) extends infer P
  ? [P] extends [never]
    ? ResultOf<Fn, Vals, Declared>
    : P
  : never;

/**
 * The value an intrinsic with result `R` produces against data `D`, context `Ctx` and
 * variables `V`; a {@link PathError} when an argument has the wrong kind.
 */
export type IntrinsicValue<R, D, Ctx = ContextObject, V = OpenVars> =
  R extends DeferredIntrinsic<infer Fn, infer Args, infer Declared>
    ? CallResult<Fn, Args, { [I in keyof Args]: ArgValue<Args[I], D, Ctx, V> }, Declared>
    : R;
