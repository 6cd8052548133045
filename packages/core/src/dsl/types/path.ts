// Type-level JSONPath: the literal a user wrote is parsed into segments and followed through a
// plain object type. Only the path written is ever examined; the types never enumerate every
// path of a schema (that costs tens of times more instantiations on wide schemas). Syntax the
// types cannot follow (wildcards, filters, slices, deep scan) makes the path "opaque": it is
// accepted and yields `unknown`, and the definition validator still checks its syntax.

/** One step of a path: a field name or an array index. */
export type PathSegment = string | number;

/** A failed path: the message is a sentence naming the field and where it was looked for. */
export interface PathError<Message extends string = string> {
  readonly '~pathError': Message;
}

/** Marks a path the types cannot follow (wildcards, filters, slices, deep scan). */
export interface OpaquePath {
  readonly '~opaquePath': true;
}

/** What a path string is rooted at. */
export type PathRoot<P extends string> = P extends `$$${string}`
  ? 'context'
  : P extends '$' | `$.${string}` | `$[${string}`
    ? 'data'
    : P extends `$${string}`
      ? 'variable'
      : 'invalid';

/**
 * A variable path (`$name`, `$name.field[0]`) split into the variable's name and the rest of
 * the path, written as a path from `$` (`$.field[0]`), so {@link ParsePath} follows it.
 */
export type SplitVariablePath<P extends string> = P extends `$${infer Body}`
  ? Body extends `${infer Name}.${infer Rest}`
    ? Name extends `${infer Short}[${infer Bracket}`
      ? [Short, `$[${Bracket}.${Rest}`]
      : [Name, `$.${Rest}`]
    : Body extends `${infer Name}[${infer Rest}`
      ? [Name, `$[${Rest}`]
      : [Body, '$']
  : never;

/** The segments of a `$`-rooted path, or {@link OpaquePath} when the types cannot follow it. */
export type ParsePath<P extends string> = P extends '$'
  ? []
  : P extends `$${infer Rest}`
    ? ParseRest<Rest, []>
    : OpaquePath;

type ParseRest<S extends string, Acc extends PathSegment[]> = S extends ''
  ? Acc
  : S extends `.${infer R}`
    ? ParseName<R, Acc>
    : S extends `[${infer Inner}]${infer R}`
      ? ParseBracket<Inner, R, Acc>
      : OpaquePath;

type ParseName<S extends string, Acc extends PathSegment[]> = S extends `${infer Name}.${infer R}`
  ? Name extends `${infer N}[${infer B}`
    ? NameStep<N, `[${B}.${R}`, Acc>
    : NameStep<Name, `.${R}`, Acc>
  : S extends `${infer N}[${infer B}`
    ? NameStep<N, `[${B}`, Acc>
    : NameStep<S, '', Acc>;

type NameStep<N extends string, R extends string, Acc extends PathSegment[]> = N extends
  | ''
  | `${string}${'*' | '?' | '(' | ')' | '@' | ':' | ',' | ' '}${string}`
  ? OpaquePath
  : ParseRest<R, [...Acc, N]>;

type ParseBracket<
  Inner extends string,
  R extends string,
  Acc extends PathSegment[],
> = Inner extends `'${infer K}'`
  ? ParseRest<R, [...Acc, K]>
  : Inner extends `"${infer K}"`
    ? ParseRest<R, [...Acc, K]>
    : Inner extends `${infer N extends number}`
      ? `${N}` extends Inner
        ? ParseRest<R, [...Acc, N]>
        : OpaquePath
      : OpaquePath;

/** Renders the path of `At` extended by one segment, for messages. */
export type JoinPath<At extends string, K> = K extends number
  ? `${At}[${K}]`
  : K extends string
    ? K extends `${string}${'.' | '[' | ']' | ' ' | "'"}${string}`
      ? `${At}['${K}']`
      : `${At}.${K}`
    : At;

/** Renders a list of segments as a path rooted at `At`. */
export type RenderPath<S extends readonly PathSegment[], At extends string = '$'> = S extends readonly [
  infer K,
  ...infer R extends PathSegment[],
]
  ? RenderPath<R, JoinPath<At, K>>
  : At;

/** A short name for the kind of a value, used in messages: `a string or a number` for a mix. */
export type KindName<T> = [T] extends [never]
  ? 'never'
  : [T] extends [string]
    ? 'a string'
    : [T] extends [number]
      ? 'a number'
      : [T] extends [boolean]
        ? 'a boolean'
        : [T] extends [null]
          ? 'null'
          : [T] extends [readonly unknown[]]
            ? 'an array'
            : [T] extends [object]
              ? 'an object'
              : unknown extends T
                ? 'unknown'
                : JoinKinds<
                    [
                      ...KindIf<Extract<T, string>, 'a string'>,
                      ...KindIf<Extract<T, number>, 'a number'>,
                      ...KindIf<Extract<T, boolean>, 'a boolean'>,
                      ...KindIf<Extract<T, null>, 'null'>,
                      ...KindIf<Extract<T, readonly unknown[]>, 'an array'>,
                      ...KindIf<Exclude<Extract<T, object>, readonly unknown[]>, 'an object'>,
                      ...KindIf<Extract<T, undefined>, 'absent'>,
                    ]
                  >;

type KindIf<T, Name extends string> = [T] extends [never] ? [] : [Name];

type JoinKinds<Names extends readonly string[]> = Names extends readonly [infer Only extends string]
  ? Only
  : Names extends readonly [infer First extends string, ...infer Rest extends readonly string[]]
    ? `${First} or ${JoinKinds<Rest>}`
    : 'not an object';

type IsUnknown<T> = unknown extends T ? true : false;

type FieldOf<T, K extends string> = T extends readonly unknown[]
  ? never
  : T extends object
    ? K extends keyof T
      ? T[K]
      : string extends keyof T
        ? T[string & keyof T]
        : never
    : never;

type HasFieldEverywhere<T, K extends string> = (
  T extends readonly unknown[]
    ? false
    : T extends object
      ? K extends keyof T
        ? true
        : string extends keyof T
          ? true
          : false
      : false
) extends true
  ? true
  : false;

type ElementOf<T> = T extends readonly (infer E)[] ? E : never;

/** Item `K` of array `T`: for a tuple, the type at that position (`never` past its end). */
type ItemOf<T, K extends number> = T extends readonly unknown[]
  ? number extends T['length']
    ? T[number]
    : `${K}` extends keyof T
      ? T[`${K}` & keyof T]
      : never
  : never;

/** One step from `T` by segment `K`; `At` is where `T` sits, for messages. */
type Step<T, K, At extends string> =
  IsUnknown<T> extends true
    ? unknown
    : K extends number
      ? [ElementOf<T>] extends [never]
        ? PathError<`${At} is ${KindName<T>}, not an array, so ${JoinPath<At, K>} names nothing`>
        : [ItemOf<T, K>] extends [never]
          ? PathError<`${At} has no item ${K}: it is a tuple of ${Extract<T, readonly unknown[]>['length']} items`>
          : ItemOf<T, K>
      : K extends string
        ? [FieldOf<T, K>] extends [never]
          ? [Extract<T, object>] extends [never]
            ? PathError<`${At} is ${KindName<T>}, not an object, so ${JoinPath<At, K>} names nothing`>
            : [Exclude<Extract<T, object>, readonly unknown[]>] extends [never]
              ? PathError<`${At} is an array; index it (${At}[0]) before naming field '${K}'`>
              : PathError<`no field '${K}' at ${At}`>
          : FieldOf<T, K>
        : unknown;

/**
 * The type found by following `S` from `T`; a {@link PathError} when a segment names nothing.
 * Optional and nullable steps are followed through their present values.
 */
export type Get<T, S extends readonly PathSegment[], At extends string = '$'> = S extends readonly [
  infer K,
  ...infer R extends PathSegment[],
]
  ? Step<T, K, At> extends infer N
    ? [N] extends [PathError]
      ? N
      : Get<R extends [] ? N : Exclude<N, undefined | null>, R, JoinPath<At, K>>
    : never
  : T;

/**
 * True when following `S` from `T` may find nothing at run time: an optional field, a nullable
 * value on the way, or a union member without the field. Choice comparisons on such paths need
 * an `isPresent` guard.
 */
export type MayBeAbsent<T, S extends readonly PathSegment[]> = S extends readonly [
  infer K,
  ...infer R extends PathSegment[],
]
  ? IsUnknown<T> extends true
    ? false
    : K extends string
      ? HasFieldEverywhere<T, K> extends false
        ? true
        : undefined extends FieldOf<T, K>
          ? true
          : MayBeAbsent<Exclude<FieldOf<T, K>, undefined>, R>
      : K extends number
        ? MayBeAbsent<ElementOf<T>, R>
        : false
  : false;

/** True when `Prefix` is a prefix of (or equal to) `S`. */
export type IsPrefix<
  Prefix extends readonly PathSegment[],
  S extends readonly PathSegment[],
> = Prefix extends readonly [infer P, ...infer PR extends PathSegment[]]
  ? S extends readonly [infer K, ...infer SR extends PathSegment[]]
    ? [P] extends [K]
      ? [K] extends [P]
        ? IsPrefix<PR, SR>
        : false
      : false
    : false
  : true;

/** `S` without its first `N` segments (N = length of `Prefix`). */
export type DropPrefix<
  Prefix extends readonly PathSegment[],
  S extends readonly PathSegment[],
> = Prefix extends readonly [unknown, ...infer PR extends PathSegment[]]
  ? S extends readonly [unknown, ...infer SR extends PathSegment[]]
    ? DropPrefix<PR, SR>
    : []
  : S;
