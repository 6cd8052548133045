// The state data as the types carry it from state to state: a base object type plus a flat log
// of writes (ResultPath writes, Catch error writes). Rewriting the data type at every write
// builds a chain of lazily resolved mapped types that TypeScript gives up on ("excessively
// deep", TS2589) after about thirty states. A flat log keeps each step cheap: reads scan the
// log from the newest write, and the log is folded into a new base every FOLD_AT writes, so no
// chain is ever longer than that.
import type { Flat } from '../../json.js';
import type { DropPrefix, Get, IsPrefix, PathError, PathSegment, RenderPath } from './path.js';

/** One write in the log: the segments written and the type written there. */
export type Write = readonly [segments: readonly PathSegment[], value: unknown];

/** State data: `Base` with the writes of `Log` applied in order. Type-level only. */
export interface Data<Base = unknown, Log extends readonly Write[] = readonly Write[]> {
  readonly '~base': Base;
  readonly '~log': Log;
}

/**
 * Written where a Choice rule proves a field absent (`not(isPresent(path))`): the field is
 * removed rather than given a type.
 */
export interface Absent {
  readonly '~absent': true;
}

/** Any state data. */
export type AnyData = Data<unknown, readonly Write[]>;

/** Data whose whole value is `T`, with no writes pending. */
export type Plain<T> = Data<T, []>;

/** How many writes the log holds before it is folded into the base. */
type FoldAt = 16;

/** An object type standing for data nothing is known about: any field may be read. */
export type UnknownObject = { [key: string]: unknown };

/** `T` with `V` written at `S`, creating missing objects on the way as AWS does. */
export type SetAt<T, S extends readonly PathSegment[], V> = S extends readonly [
  infer K,
  ...infer R extends PathSegment[],
]
  ? K extends string
    ? SetField<unknown extends T ? UnknownObject : T, K, R, V>
    : K extends number
      ? T extends readonly (infer E)[]
        ? (E | SetAt<E, R, V>)[]
        : SetAt<{}, R, V>[]
      : T
  : V;

// A missing object on the way is created empty (`{}`), as AWS does; only data already typed
// `unknown` stays open to any field.
type SetField<T, K extends string, R extends readonly PathSegment[], V> = T extends readonly unknown[]
  ? { [P in K]: SetAt<{}, R, V> }
  : T extends object
    ? [R, V] extends [readonly [], Absent]
      ? { [P in keyof T as P extends K ? never : P]: T[P] }
      : { [P in keyof T as P extends K ? never : P]: T[P] } & {
          [P in K]: SetAt<P extends keyof T ? Exclude<T[P], undefined> : {}, R, V>;
        }
    : { [P in K]: SetAt<{}, R, V> };

/** Applies every write of `L` to `B`, oldest first. */
export type ApplyLog<B, L extends readonly Write[]> = L extends readonly [
  readonly [infer S extends readonly PathSegment[], infer V],
  ...infer Rest extends readonly Write[],
]
  ? ApplyLog<SetAt<B, S, V>, Rest>
  : B;

/** The plain type of state data `D`. */
export type Materialize<D> = D extends Data<infer B, infer L> ? ApplyLog<B, L> : D;

/** Data `D` with `V` written at `S`; `[]` replaces the whole value. */
export type WriteAt<D extends AnyData, S extends readonly PathSegment[], V> = S extends readonly []
  ? Data<V, []>
  : D extends Data<infer B, infer L>
    ? L['length'] extends FoldAt
      ? // Rebuilt flat: a base made of the writes' mapped types would be walked through every
        // earlier fold whenever TypeScript re-instantiates it (TS2589 after ~50 writes).
        Data<Flat<ApplyLog<B, [...L, readonly [S, V]]>>, []>
      : Data<B, [...L, readonly [S, V]]>
    : never;

/**
 * The type at `S` in data `D`, or a {@link PathError}. Scans the log from the newest write: a
 * write at or above `S` answers directly; a write below `S` means the subtree must be built.
 */
export type ReadAt<D, S extends readonly PathSegment[]> =
  D extends Data<infer B, infer L> ? ReadLog<B, L, L, S> : Get<D, S>;

type ReadLog<
  B,
  All extends readonly Write[],
  L extends readonly Write[],
  S extends readonly PathSegment[],
> = L extends readonly [
  ...infer Init extends readonly Write[],
  readonly [infer WS extends readonly PathSegment[], infer V],
]
  ? IsPrefix<WS, S> extends true
    ? V extends Absent
      ? Get<ApplyLog<B, All>, S>
      : Get<V, DropPrefix<WS, S>, RenderPath<WS>>
    : IsPrefix<S, WS> extends true
      ? Get<ApplyLog<B, All>, S>
      : ReadLog<B, All, Init, S>
  : Get<B, S>;

/** The value read at `S`, with `undefined` dropped: a missing value fails the state at run time. */
export type ReadValue<D, S extends readonly PathSegment[]> =
  ReadAt<D, S> extends infer V ? ([V] extends [PathError] ? V : Exclude<V, undefined>) : never;

/** Why writing at `S` would fail (`ResultPathMatchFailure`), or `never` when it is fine. */
export type WriteProblem<D, S extends readonly PathSegment[]> = S extends readonly [
  ...infer Parent extends PathSegment[],
  unknown,
]
  ? ReadAt<D, Parent> extends infer P
    ? [P] extends [PathError]
      ? WriteProblem<D, Parent>
      : unknown extends P
        ? never
        : [Exclude<P, undefined>] extends [readonly unknown[]]
          ? S extends readonly [...PathSegment[], number]
            ? never
            : PathError<`cannot write at ${RenderPath<S>}: ${RenderPath<Parent>} is an array`>
          : [Exclude<P, undefined>] extends [object]
            ? never
            : PathError<`cannot write at ${RenderPath<S>}: ${RenderPath<Parent>} is not an object`>
    : never
  : never;
