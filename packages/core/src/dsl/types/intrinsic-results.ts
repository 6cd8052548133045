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

/** A call whose result type depends on its arguments: computed where the template is used. */
export interface DeferredIntrinsic<Fn extends string = string, Args extends readonly unknown[] = unknown[]> {
  readonly '~fn': Fn;
  readonly '~args': Args;
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

/** How messages name an argument: its path, or its position. */
type ArgName<A, Position extends string> = A extends `$${string}` ? A : `its ${Position} argument`;

type ElementOf<T> = T extends readonly (infer E)[] ? E : never;

/** `R` when `T` may be an array; otherwise the sentence saying `Fn` needs one. */
type NeedsArray<Fn extends string, T, A, R> = unknown extends T
  ? R
  : [Extract<T, readonly unknown[]>] extends [never]
    ? PathError<`States.${Fn} needs an array, but ${ArgName<A, 'first'>} is ${KindName<T>}`>
    : R;

type ElementsOr<T, Fallback> = unknown extends T ? Fallback : ElementOf<T>;

type AnyObject = { [key: string]: unknown };

type ObjectOf<T> = unknown extends T ? AnyObject : Exclude<Extract<T, object>, readonly unknown[]>;

/** A shallow merge, as AWS's JsonMerge does: the right object's fields replace the left's. */
type ShallowMerge<L, R> = {
  [K in keyof L | keyof R]: K extends keyof R ? R[K] : K extends keyof L ? L[K] : never;
};

type NeedsObject<T, A, Position extends string, R> = unknown extends T
  ? R
  : [ObjectOf<T>] extends [never]
    ? PathError<`States.JsonMerge merges objects, but ${ArgName<A, Position>} is ${KindName<T>}`>
    : R;

/** The result of calling `Fn` with arguments `Args` whose values are `Vals`. */
type CallResult<
  Fn extends string,
  Args extends readonly unknown[],
  Vals extends readonly unknown[],
> = Fn extends 'ArrayGetItem'
  ? NeedsArray<Fn, Vals[0], Args[0], ElementsOr<Vals[0], unknown>>
  : Fn extends 'ArrayPartition'
    ? NeedsArray<Fn, Vals[0], Args[0], ElementsOr<Vals[0], unknown>[][]>
    : Fn extends 'ArrayUnique'
      ? NeedsArray<Fn, Vals[0], Args[0], ElementsOr<Vals[0], unknown>[]>
      : Fn extends 'ArrayLength'
        ? NeedsArray<Fn, Vals[0], Args[0], number>
        : Fn extends 'ArrayContains'
          ? NeedsArray<Fn, Vals[0], Args[0], boolean>
          : Fn extends 'Array'
            ? { -readonly [I in keyof Vals]: Vals[I] }
            : Fn extends 'JsonMerge'
              ? NeedsObject<
                  Vals[0],
                  Args[0],
                  'first',
                  NeedsObject<Vals[1], Args[1], 'second', ShallowMerge<ObjectOf<Vals[0]>, ObjectOf<Vals[1]>>>
                >
              : Fn extends keyof IntrinsicResults
                ? IntrinsicResults[Fn]
                : unknown;

/**
 * The value an intrinsic with result `R` produces against data `D`, context `Ctx` and
 * variables `V`; a {@link PathError} when an argument has the wrong kind.
 */
export type IntrinsicValue<R, D, Ctx = ContextObject, V = OpenVars> =
  R extends DeferredIntrinsic<infer Fn, infer Args>
    ? CallResult<Fn, Args, { [I in keyof Args]: ArgValue<Args[I], D, Ctx, V> }>
    : R;
