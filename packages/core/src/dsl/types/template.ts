// Payload templates (Parameters, ResultSelector, ItemSelector, Assign): a JSON object whose keys
// ending in `.$` take a path or an intrinsic function. The types compute the object the template
// builds (its `.$` keys renamed, their values looked up in the data, the context object or the
// variables in scope) and point each bad `.$` value out by replacing it, in the expected type,
// with the sentence that says what is wrong. A string value written `{% ... %}` is a JSONata
// expression, which the types cannot evaluate: it is `unknown`.
import type { ContextObject, PathLookup } from './checks.js';
import type { IntrinsicLookup, IntrinsicResults, Widen } from './intrinsic-results.js';
import type { PathError } from './path.js';
import type { OpenVars } from './vars.js';

export type { DeferredIntrinsic, Intrinsic, IntrinsicValue, Widen } from './intrinsic-results.js';

type DollarLookup<X, D, Ctx, V> = [IntrinsicLookup<X, D, Ctx, V>] extends [never]
  ? X extends string
    ? string extends X
      ? unknown
      : X extends `States.${infer Fn}(${string}`
        ? Fn extends keyof IntrinsicResults
          ? IntrinsicResults[Fn]
          : PathError<`'States.${Fn}' is not an intrinsic function`>
        : PathLookup<X, D, Ctx, V>
    : PathError<`a '.$' field takes a path or an intrinsic function, not ${X extends number ? 'a number' : 'this value'}`>
  : IntrinsicLookup<X, D, Ctx, V>;

type DollarValue<X, D, Ctx, V> =
  DollarLookup<X, D, Ctx, V> extends infer R ? ([R] extends [PathError] ? unknown : R) : never;

/** What is wrong with the `.$` value `X` against data `D` (a sentence), or `never`. */
export type DollarProblem<X, D, Ctx = ContextObject, V = OpenVars> =
  DollarLookup<X, D, Ctx, V> extends infer R ? ([R] extends [PathError<infer M>] ? M : never) : never;

/** The JSON a template `T` builds from data `D` (and variables `V`). */
export type EvalTemplate<T, D, Ctx = ContextObject, V = OpenVars> = T extends readonly unknown[]
  ? { -readonly [I in keyof T]: EvalTemplate<T[I], D, Ctx, V> }
  : T extends object
    ? {
        -readonly [K in keyof T as K extends `${infer N}.$` ? N : K]: K extends `${string}.$`
          ? DollarValue<T[K], D, Ctx, V>
          : EvalTemplate<T[K], D, Ctx, V>;
      }
    : T extends `{%${string}%}`
      ? unknown
      : Widen<T>;

/** Every problem in template `T` against data `D`, as a union of sentences (`never`: none). */
export type TemplateProblems<T, D, Ctx = ContextObject, V = OpenVars> = T extends readonly unknown[]
  ? TemplateProblems<T[number], D, Ctx, V>
  : T extends object
    ? {
        [K in keyof T]-?: K extends `${string}.$`
          ? DollarProblem<T[K], D, Ctx, V>
          : TemplateProblems<T[K], D, Ctx, V>;
      }[keyof T]
    : never;

/** `T` with each bad `.$` value replaced by the sentence saying what is wrong with it. */
export type MarkTemplate<T, D, Ctx = ContextObject, V = OpenVars> = T extends readonly unknown[]
  ? { [I in keyof T]: MarkTemplate<T[I], D, Ctx, V> }
  : T extends object
    ? {
        [K in keyof T]: K extends `${string}.$`
          ? [DollarProblem<T[K], D, Ctx, V>] extends [never]
            ? T[K]
            : DollarProblem<T[K], D, Ctx, V>
          : MarkTemplate<T[K], D, Ctx, V>;
      }
    : T;

/** A template argument: accepted as written when every `.$` value is valid. */
export type TemplateArg<T, D, Ctx = ContextObject, V = OpenVars> = T extends undefined
  ? T
  : [TemplateProblems<T, D, Ctx, V>] extends [never]
    ? T
    : MarkTemplate<T, D, Ctx, V>;

/** Any payload template. */
export type PayloadTemplate = { readonly [key: string]: unknown } | readonly unknown[];
