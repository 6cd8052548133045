// Payload templates (Parameters, ResultSelector, ItemSelector): a JSON object whose keys ending
// in `.$` take a path or an intrinsic function. The types compute the object the template
// builds (its `.$` keys renamed, their values looked up) and point each bad `.$` value out by
// replacing it, in the expected type, with the sentence that says what is wrong.
import type { ContextObject, PathLookup } from './checks.js';
import type { PathError } from './path.js';

declare const intrinsicBrand: unique symbol;

/**
 * An intrinsic function call as the helpers build it: at run time the `States.X(...)` string,
 * at type level also its result type and the paths it reads (checked against the data).
 */
export type Intrinsic<Result = unknown, Paths extends string = string> = string & {
  readonly [intrinsicBrand]: { readonly result: Result; readonly paths: Paths };
};

/** The result types of intrinsic functions written as raw strings. */
interface IntrinsicResults {
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

type DollarLookup<V, D, Ctx> = V extends { readonly [intrinsicBrand]: { result: infer R; paths: infer P } }
  ? [IntrinsicPathProblem<P, D, Ctx>] extends [never]
    ? R
    : PathError<IntrinsicPathProblem<P, D, Ctx>>
  : V extends string
    ? string extends V
      ? unknown
      : V extends `States.${infer Fn}(${string}`
        ? Fn extends keyof IntrinsicResults
          ? IntrinsicResults[Fn]
          : PathError<`'States.${Fn}' is not an intrinsic function`>
        : PathLookup<V, D, Ctx>
    : PathError<`a '.$' field takes a path or an intrinsic function, not ${V extends number ? 'a number' : 'this value'}`>;

type IntrinsicPathProblem<P, D, Ctx> = P extends string
  ? PathLookup<P, D, Ctx> extends infer V
    ? [V] extends [PathError<infer M>]
      ? M
      : never
    : never
  : never;

type DollarValue<V, D, Ctx> =
  DollarLookup<V, D, Ctx> extends infer R ? ([R] extends [PathError] ? unknown : R) : never;

type DollarProblem<V, D, Ctx> =
  DollarLookup<V, D, Ctx> extends infer R ? ([R] extends [PathError<infer M>] ? M : never) : never;

/** The JSON a template `T` builds from data `D`. */
export type EvalTemplate<T, D, Ctx = ContextObject> = T extends readonly unknown[]
  ? { -readonly [I in keyof T]: EvalTemplate<T[I], D, Ctx> }
  : T extends object
    ? {
        -readonly [K in keyof T as K extends `${infer N}.$` ? N : K]: K extends `${string}.$`
          ? DollarValue<T[K], D, Ctx>
          : EvalTemplate<T[K], D, Ctx>;
      }
    : Widen<T>;

/** Every problem in template `T` against data `D`, as a union of sentences (`never`: none). */
export type TemplateProblems<T, D, Ctx = ContextObject> = T extends readonly unknown[]
  ? TemplateProblems<T[number], D, Ctx>
  : T extends object
    ? {
        [K in keyof T]-?: K extends `${string}.$`
          ? DollarProblem<T[K], D, Ctx>
          : TemplateProblems<T[K], D, Ctx>;
      }[keyof T]
    : never;

/** `T` with each bad `.$` value replaced by the sentence saying what is wrong with it. */
type MarkTemplate<T, D, Ctx> = T extends readonly unknown[]
  ? { [I in keyof T]: MarkTemplate<T[I], D, Ctx> }
  : T extends object
    ? {
        [K in keyof T]: K extends `${string}.$`
          ? [DollarProblem<T[K], D, Ctx>] extends [never]
            ? T[K]
            : DollarProblem<T[K], D, Ctx>
          : MarkTemplate<T[K], D, Ctx>;
      }
    : T;

/** A template argument: accepted as written when every `.$` value is valid. */
export type TemplateArg<T, D, Ctx = ContextObject> = T extends undefined
  ? T
  : [TemplateProblems<T, D, Ctx>] extends [never]
    ? T
    : MarkTemplate<T, D, Ctx>;

/** Any payload template. */
export type PayloadTemplate = { readonly [key: string]: unknown } | readonly unknown[];
