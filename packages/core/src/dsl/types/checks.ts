// Argument checks for path-valued options. Each check is a conditional type whose "valid"
// branch is the argument's own type parameter, so TypeScript still infers the literal the user
// wrote, and whose other branch is the error sentence itself: the compiler then reports
// `Type '"$.a.missing"' is not assignable to type '"no field 'missing' at $.a"'`.
import type { AnyData, Plain, ReadValue, WriteProblem } from './data.js';
import type {
  Get,
  KindName,
  OpaquePath,
  ParsePath,
  PathError,
  PathRoot,
  PathSegment,
  RenderPath,
} from './path.js';
import type { ParseRead, Projected, ReadSegment, SplitAtEach } from './projection.js';
import type { OpenVars, VariableLookup } from './vars.js';

/** The context object (`$$`), as far as its shape is fixed. `Item` is a Map iteration's item. */
export interface ContextObject<Item = unknown> {
  readonly Execution: {
    readonly Id: string;
    readonly Input: unknown;
    readonly Name: string;
    readonly RoleArn: string;
    readonly StartTime: string;
    readonly RedriveCount: number;
    readonly RedriveTime?: string;
  };
  readonly State: { readonly EnteredTime: string; readonly Name: string; readonly RetryCount: number };
  readonly StateMachine: { readonly Id: string; readonly Name: string };
  readonly Task: { readonly Token: string };
  readonly Map: {
    readonly Item: {
      readonly Index: number;
      readonly Value: Item;
      readonly Key?: string;
      readonly Source?: string;
    };
  };
}

/** A path option: a path string, `null` (AWS's "discard"), or absent. */
export type PathOption = string | null | undefined;

/**
 * The value found at path `P` of data `D` (context paths read `Ctx`, variable paths the
 * variables `V`), or a {@link PathError}.
 */
export type PathLookup<P extends string, D, Ctx = ContextObject, V = OpenVars> = string extends P
  ? unknown
  : PathRoot<P> extends 'data'
    ? ParsePath<P> extends infer S
      ? S extends OpaquePath
        ? IndefiniteLookup<P, D>
        : S extends readonly PathSegment[]
          ? ReadValue<D, S>
          : unknown
      : never
    : PathRoot<P> extends 'context'
      ? P extends `$${infer Rest}`
        ? ParsePath<Rest> extends infer S
          ? S extends readonly PathSegment[]
            ? // Followed from `$$`, so a message names the context path as written.
              Get<Ctx, S, '$$'> extends infer V
              ? [V] extends [PathError]
                ? V
                : Exclude<V, undefined>
              : never
            : unknown
          : never
        : never
      : PathRoot<P> extends 'variable'
        ? VariableLookup<P, V>
        : PathError<`a path starts with '$', but '${P}' does not`>;

/**
 * The value an indefinite data path (`$.lines[*].sku`) yields: the array of what it matches
 * (projection.ts); `unknown` for syntax the types do not follow.
 */
type IndefiniteLookup<P extends string, D> =
  ParseRead<P> extends infer S extends readonly ReadSegment[]
    ? SplitAtEach<S> extends [infer Prefix extends PathSegment[], infer Rest extends readonly ReadSegment[]]
      ? ReadValue<D, Prefix> extends infer Base
        ? [Base] extends [PathError]
          ? Base
          : Projected<Base, Rest, RenderPath<Prefix>>
        : never
      : unknown
    : unknown;

/** The value at path `P` of data `D`; `unknown` where the path cannot be followed. */
export type PathValue<P extends string, D, Ctx = ContextObject, V = OpenVars> =
  PathLookup<P, D, Ctx, V> extends infer X ? ([X] extends [PathError] ? unknown : X) : never;

/** The error sentence for reading `P` from `D`, or `never` when the path is fine. */
export type ReadProblem<P extends string, D, Ctx = ContextObject, V = OpenVars> =
  PathLookup<P, D, Ctx, V> extends infer X ? ([X] extends [PathError<infer M>] ? M : never) : never;

/**
 * A read-path argument (InputPath, OutputPath, ItemsPath, ...): accepted as written when valid.
 * `V` are the variables in scope, for `$name` paths.
 */
export type ReadPathArg<P, D, Ctx = ContextObject, V = OpenVars> = P extends string
  ? [ReadProblem<P, D, Ctx, V>] extends [never]
    ? P
    : ReadProblem<P, D, Ctx, V>
  : P;

/**
 * A read-path argument whose value must have type `Want`. `Need` ends the message, e.g.
 * `"$.name is a string, but numericLessThan compares numbers"`. `V` are the variables in scope.
 */
export type TypedPathArg<P, D, Want, Need extends string, V = OpenVars> = P extends string
  ? PathLookup<P, D, ContextObject, V> extends infer X
    ? [X] extends [PathError<infer M>]
      ? M
      : unknown extends X
        ? P
        : [Extract<X, Want>] extends [never]
          ? `${P} is ${KindName<X>}, but ${Need}`
          : P
    : never
  : P;

/** The error sentence for writing at `P` in `D`, or `never`. */
export type WriteProblemOf<P extends string, D> = string extends P
  ? never
  : PathRoot<P> extends 'data'
    ? ParsePath<P> extends infer S
      ? S extends readonly PathSegment[]
        ? WriteProblem<D, S> extends infer E
          ? [E] extends [PathError<infer M>]
            ? M
            : never
          : never
        : `a result path names one place; '${P}' has wildcards or filters`
      : never
    : `a result path starts with '$.', but '${P}' does not`;

/** A write-path argument (ResultPath, a Catch's ResultPath): accepted as written when valid. */
export type WritePathArg<P, D> = P extends string
  ? [WriteProblemOf<P, D>] extends [never]
    ? P
    : WriteProblemOf<P, D>
  : P;

/**
 * Data after an InputPath-like selection (`undefined`: all of it, `null`: `{}`); a `$name`
 * path selects a variable's value from `V`.
 */
export type Select<D extends AnyData, P, V = OpenVars> = P extends undefined
  ? D
  : P extends null
    ? Plain<{}>
    : P extends '$'
      ? D
      : P extends string
        ? Plain<PathValue<P, D, ContextObject, V>>
        : D;
