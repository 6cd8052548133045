// Choice narrowing: what a rule proves about the data, applied to the data its target receives.
// Each condition carries the facts it proves when it holds (`Facts`) and those it proves when it
// does not (`Negated`, for `not`): `isPresent('$.x')` proves x present, `isString('$.x')` that x
// is a string, a comparison that its operand is present and of the compared kind (an equality
// proves the kind, not the literal, so states reached from other branches keep fitting). `and`
// proves the facts of all its conditions, `not` swaps the two lists, and `or` proves nothing
// itself, while `not(or(a, b))` proves the negations of both. The facts become writes in the
// data's log (data.ts), one per fact that changes a type, so narrowing never rebuilds the data.
import type { Absent, AnyData, ReadAt, WriteAt } from './data.js';
import type { ParsePath, PathError, PathRoot, PathSegment } from './path.js';

/** What a fact says about the value at its path. */
export type FactKind =
  | 'present'
  | 'absent'
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  | 'not-string'
  | 'not-number'
  | 'not-boolean'
  | 'not-null';

/** One fact: the path it is about, and what it says about the value there. */
export type Fact = readonly [path: string, kind: FactKind];

/** The facts an `isX(path, value)` test proves when it holds: `value` false means "is not". */
export type TestFacts<P, B, Yes extends FactKind, No extends FactKind> = [B] extends [true]
  ? OneFact<P, Yes>
  : [B] extends [false]
    ? OneFact<P, No>
    : [];

type OneFact<P, K extends FactKind> = [K] extends [never] ? [] : [readonly [P & string, K]];

type KindType = { string: string; number: number; boolean: boolean; null: null };

/** `T` as the fact of kind `K` leaves it. */
type NarrowType<T, K extends FactKind> = K extends 'present'
  ? unknown extends T
    ? unknown
    : Exclude<T, undefined>
  : K extends keyof KindType
    ? unknown extends T
      ? KindType[K]
      : Extract<T, KindType[K]>
    : K extends `not-${infer Not extends keyof KindType}`
      ? unknown extends T
        ? unknown
        : Exclude<T, KindType[Not]>
      : T;

/** True when `A` and `B` are the same type (both ways assignable). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// A fact that changes nothing (a comparison on a required number field) adds no write, so the
// data type, and what the editor shows, stay as they were. Nor does a fact that leaves no
// possible value: it comes from a rule already refused (`stringEquals` on a number field) or
// one that never holds, and a field typed `never` would only make the target's own checks
// report errors that are not there.
type NarrowOne<D extends AnyData, F> = F extends readonly [infer P extends string, infer K extends FactKind]
  ? PathRoot<P> extends 'data'
    ? ParsePath<P> extends infer S extends readonly [PathSegment, ...PathSegment[]]
      ? ReadAt<D, S> extends infer T
        ? [T] extends [PathError]
          ? D
          : K extends 'absent'
            ? WriteAt<D, S, Absent>
            : NarrowType<T, K> extends infer N
              ? [N] extends [never]
                ? D
                : Same<N, T> extends true
                  ? D
                  : WriteAt<D, S, N>
              : D
        : D
      : D
    : D
  : D;

/** Data `D` with each fact of `F` applied in order. Facts about variables or `$$` are skipped. */
export type Narrow<D extends AnyData, F extends readonly Fact[]> = F extends readonly [
  infer Head,
  ...infer Rest extends readonly Fact[],
]
  ? Narrow<NarrowOne<D, Head>, Rest>
  : D;
