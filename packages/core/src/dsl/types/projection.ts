// Indefinite JSONPath as types: wildcards (`[*]`, `.*`), slices (`[1:3]`), index unions
// (`[0,2]`), filters (`[?(...)]`) and deep scans (`..`). AWS (Jayway JSONPath) answers such a
// path with the list of every value it matches, flat however many projections it holds, and an
// empty list when nothing matches. So `$.lines[*].sku` is typed as the array of `sku`'s type, a
// slice or a filter as an array of the element type (a filter keeps some elements, so the
// element type still holds), and a deep scan, which may reach any depth, as `unknown[]`.
// A field named after a projection is still checked in the element type: `$.lines[*].skuu`
// names no field, whatever AWS would answer for it (an empty list), since that is a typo.
import type { Get, JoinPath, KindName, PathError, PathSegment } from './path.js';

/** A step that selects several values. `Text` is how it was written, for messages. */
export interface Each<Kind extends EachKind = EachKind, Text extends string = string> {
  readonly '~each': Kind;
  readonly '~text': Text;
}

/**
 * `all`: every element of an array or value of an object (`[*]`, `.*`); `items`: some elements
 * of an array (a slice or an index union); `filter`: the elements (or values) a filter keeps;
 * `deep`: anything below (`..`).
 */
export type EachKind = 'all' | 'items' | 'filter' | 'deep';

/** One step of a read path: a field, an index, or a projection. */
export type ReadSegment = PathSegment | Each;

/** The path could not be followed by the types (a syntax they do not model). */
export interface UnreadablePath {
  readonly '~unreadablePath': true;
}

/**
 * The steps of a `$`-rooted read path, projections included; {@link UnreadablePath} for syntax
 * the types do not follow (which the definition validator still checks).
 */
export type ParseRead<P extends string> = P extends '$'
  ? []
  : P extends `$${infer Rest}`
    ? ReadRest<Rest, []>
    : UnreadablePath;

type ReadRest<S extends string, Acc extends ReadSegment[]> = S extends ''
  ? Acc
  : S extends `..${string}`
    ? [...Acc, Each<'deep', '..'>] // what follows a deep scan may sit at any depth
    : S extends `.*${infer R}`
      ? ReadRest<R, [...Acc, Each<'all', '.*'>]>
      : S extends `.[${infer R}`
        ? ReadRest<`[${R}`, Acc>
        : S extends `[?(${infer Expr})]${infer R}`
          ? ReadRest<R, [...Acc, Each<'filter', `[?(${Expr})]`>]>
          : S extends `.${infer R}`
            ? ReadName<R, Acc>
            : S extends `[${infer Inner}]${infer R}`
              ? ReadBracket<Inner, R, Acc>
              : UnreadablePath;

type ReadName<S extends string, Acc extends ReadSegment[]> = S extends `${infer Name}.${infer R}`
  ? Name extends `${infer N}[${infer B}`
    ? NameStep<N, `[${B}.${R}`, Acc>
    : NameStep<Name, `.${R}`, Acc>
  : S extends `${infer N}[${infer B}`
    ? NameStep<N, `[${B}`, Acc>
    : NameStep<S, '', Acc>;

type NameStep<N extends string, R extends string, Acc extends ReadSegment[]> = N extends
  | ''
  | `${string}${'*' | '?' | '(' | ')' | '@' | ':' | ',' | ' '}${string}`
  ? UnreadablePath
  : ReadRest<R, [...Acc, N]>;

type ReadBracket<Inner extends string, R extends string, Acc extends ReadSegment[]> = Inner extends '*'
  ? ReadRest<R, [...Acc, Each<'all', '[*]'>]>
  : Inner extends `'${infer K}'`
    ? K extends `${string}'${string}`
      ? UnreadablePath // a union of quoted names
      : ReadRest<R, [...Acc, K]>
    : Inner extends `"${infer K}"`
      ? K extends `${string}"${string}`
        ? UnreadablePath
        : ReadRest<R, [...Acc, K]>
      : Inner extends `${infer N extends number}`
        ? `${N}` extends Inner
          ? ReadRest<R, [...Acc, N]>
          : UnreadablePath
        : Inner extends `${string}${':' | ','}${string}`
          ? ReadRest<R, [...Acc, Each<'items', `[${Inner}]`>]>
          : UnreadablePath;

/** `[definite prefix, rest from the first projection]` of a read path's steps. */
export type SplitAtEach<
  S extends readonly ReadSegment[],
  Prefix extends PathSegment[] = [],
> = S extends readonly [infer K, ...infer R extends readonly ReadSegment[]]
  ? K extends Each
    ? [Prefix, S]
    : SplitAtEach<R, [...Prefix, K & PathSegment]>
  : [Prefix, []];

type IsUnknown<T> = unknown extends T ? true : false;

type ValuesOf<T> = T extends readonly (infer E)[] ? E : T extends object ? T[keyof T] : never;

/** The values projection `K` selects from `T` (at `At`, for messages), or a PathError. */
type EachOf<T, K extends Each, At extends string> =
  IsUnknown<T> extends true
    ? unknown
    : K extends Each<'deep'>
      ? unknown
      : K extends Each<'items'>
        ? [Extract<T, readonly unknown[]>] extends [never]
          ? PathError<`${At} is ${KindName<T>}, not an array, so ${At}${K['~text']} names nothing`>
          : Extract<T, readonly unknown[]>[number]
        : [Extract<T, object>] extends [never]
          ? PathError<`${At} is ${KindName<T>}, so ${At}${K['~text']} names nothing`>
          : ValuesOf<Extract<T, object>>;

/**
 * The type of each value the steps `S` reach from the values `T` (at `At`). Missing values are
 * not matched, so `undefined` never appears; a `null` on the way matches nothing further.
 */
type Collect<T, S extends readonly ReadSegment[], At extends string> = S extends readonly [
  infer K,
  ...infer R extends readonly ReadSegment[],
]
  ? K extends Each
    ? EachOf<T, K, At> extends infer E
      ? [E] extends [PathError]
        ? E
        : Collect<Exclude<E, undefined>, R, `${At}${K['~text']}`>
      : never
    : Get<Exclude<T, null | undefined>, [K & PathSegment], At> extends infer N
      ? [N] extends [PathError]
        ? N
        : Collect<Exclude<N, undefined>, R, JoinPath<At, K>>
      : never
  : T;

/**
 * The value an indefinite path yields from `T`, the value at its definite prefix (`At`): the
 * array of what its steps `S` reach, or a PathError.
 */
export type Projected<T, S extends readonly ReadSegment[], At extends string> =
  Collect<T, S, At> extends infer L ? ([L] extends [PathError] ? L : Exclude<L, undefined>[]) : never;
