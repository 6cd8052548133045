// Payload templates (Parameters, ResultSelector, ItemSelector, Assign): a JSON object whose keys
// ending in `.$` take a path or an intrinsic function. The types compute the object the template
// builds (its `.$` keys renamed, their values looked up in the data, the context object or the
// variables in scope) and point each bad `.$` value out by replacing it, in the expected type,
// with the sentence that says what is wrong. A string value written `{% ... %}` is a JSONata
// expression, which the types cannot evaluate: it is `unknown`. A key without `.$` whose value
// reads as a path or an intrinsic call is refused too: AWS would pass the text on as it is (and
// only warn, NO_DOLLAR), which is almost never what was meant; `literal()` says it is meant.

import type { LiteralString } from '../intrinsic-helpers.js';
import type { ContextObject, PathLookup } from './checks.js';
import type { Intrinsic, IntrinsicLookup, IntrinsicResults, Widen } from './intrinsic-results.js';
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

/** The characters of `S`, as a union. */
type CharsOf<S extends string> = S extends `${infer C}${infer Rest}` ? C | CharsOf<Rest> : never;

type LowerLetter = CharsOf<'abcdefghijklmnopqrstuvwxyz'>;
type IdentifierStart = '_' | LowerLetter | Uppercase<LowerLetter>;

/** Text that reads as a JSONPath or a variable reference: `$.a`, `$[0]`, `$$.Execution`, `$name`. */
type PathLikeText =
  | `$.${string}`
  | `$[${string}`
  | `$$.${string}`
  | `$$[${string}`
  | `$${IdentifierStart}${string}`;

/**
 * The sentence for a key without `.$` holding text that reads as a path (`$.a`, `$$.a`, `$[0]`,
 * `$name`) or an intrinsic call, which AWS would pass on as text; `never` for other values.
 */
export type PlainKeyProblem<K, X> =
  X extends Intrinsic<unknown, string>
    ? `key '${K & string}' holds an intrinsic function call; name it '${K & string}.$', or wrap the text in literal()`
    : X extends string
      ? string extends X
        ? never
        : X extends PathLikeText
          ? `key '${K & string}' holds a path; name it '${K & string}.$', or wrap the text in literal()`
          : X extends `States.${string}(${string}`
            ? `key '${K & string}' holds an intrinsic function call; name it '${K & string}.$', or wrap the text in literal()`
            : never
      : never;

/** The JSON a template `T` builds from data `D` (and variables `V`). */
export type EvalTemplate<T, D, Ctx = ContextObject, V = OpenVars> = T extends readonly unknown[]
  ? { -readonly [I in keyof T]: EvalTemplate<T[I], D, Ctx, V> }
  : T extends LiteralString
    ? string
    : T extends string // before objects: an intrinsic helper's value is a branded string
      ? T extends `{%${string}%}`
        ? unknown
        : Widen<T>
      : T extends object
        ? {
            -readonly [K in keyof T as K extends `${infer N}.$` ? N : K]: K extends `${string}.$`
              ? DollarValue<T[K], D, Ctx, V>
              : EvalTemplate<T[K], D, Ctx, V>;
          }
        : Widen<T>;

/** Every problem in template `T` against data `D`, as a union of sentences (`never`: none). */
export type TemplateProblems<T, D, Ctx = ContextObject, V = OpenVars> = T extends readonly unknown[]
  ? TemplateProblems<T[number], D, Ctx, V>
  : T extends LiteralString | string
    ? never
    : T extends object
      ? {
          [K in keyof T]-?: K extends `${string}.$`
            ? DollarProblem<T[K], D, Ctx, V>
            : PlainKeyProblem<K, T[K]> | TemplateProblems<T[K], D, Ctx, V>;
        }[keyof T]
      : never;

/** `T` with each bad `.$` value replaced by the sentence saying what is wrong with it. */
export type MarkTemplate<T, D, Ctx = ContextObject, V = OpenVars> = T extends readonly unknown[]
  ? { [I in keyof T]: MarkTemplate<T[I], D, Ctx, V> }
  : T extends LiteralString | string
    ? T
    : T extends object
      ? {
          [K in keyof T]: K extends `${string}.$`
            ? [DollarProblem<T[K], D, Ctx, V>] extends [never]
              ? T[K]
              : DollarProblem<T[K], D, Ctx, V>
            : [PlainKeyProblem<K, T[K]>] extends [never]
              ? MarkTemplate<T[K], D, Ctx, V>
              : PlainKeyProblem<K, T[K]>;
        }
      : T;

/** A template argument: accepted as written when every `.$` value is valid. */
export type TemplateArg<T, D, Ctx = ContextObject, V = OpenVars> = T extends undefined
  ? T
  : [TemplateProblems<T, D, Ctx, V>] extends [never]
    ? T
    : MarkTemplate<T, D, Ctx, V>;

/** A JSONPath-looking value under a key of a JSONata template, which JSONata sends as text. */
type JsonataKeyProblem<K, X> = X extends string
  ? string extends X
    ? never
    : X extends PathLikeText
      ? `key '${K & string}' holds a path, which JSONata passes on as text; write it in a {% %} expression, or wrap the text in literal()`
      : never
  : never;

type JsonataProblems<T> = T extends readonly unknown[]
  ? JsonataProblems<T[number]>
  : T extends LiteralString | string
    ? never
    : T extends object
      ? { [K in keyof T]-?: JsonataKeyProblem<K, T[K]> | JsonataProblems<T[K]> }[keyof T]
      : never;

type MarkJsonata<T> = T extends readonly unknown[]
  ? { [I in keyof T]: MarkJsonata<T[I]> }
  : T extends LiteralString | string
    ? T
    : T extends object
      ? {
          [K in keyof T]: [JsonataKeyProblem<K, T[K]>] extends [never]
            ? MarkJsonata<T[K]>
            : JsonataKeyProblem<K, T[K]>;
        }
      : T;

/** A JSONata template argument (`arguments`): accepted as written unless a key holds a path. */
export type JsonataTemplateArg<T> = T extends undefined
  ? T
  : [JsonataProblems<T>] extends [never]
    ? T
    : MarkJsonata<T>;

/** Any payload template. */
export type PayloadTemplate = { readonly [key: string]: unknown } | readonly unknown[];
