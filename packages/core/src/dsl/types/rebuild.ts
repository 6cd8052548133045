// Data computed from a template (Parameters, ResultSelector, ItemSelector) is a mapped type whose
// members are looked up lazily in the data before it. A chain of such states (each Pass
// reshaping what the previous one built) then nests those lookups one level per state, and
// TypeScript gives up after about fifty (TS2589). Rebuilding the computed object as a fresh type,
// its members evaluated now, cuts each link, as json.ts `Flat` does for activity outputs, but
// keeping optionality exactly as it is (`Flat` makes every field that admits `undefined`
// optional, which would turn a template's `unknown` fields optional).
import type { JsonPrimitive } from '../../json.js';

/** `T` rebuilt as a fresh type that no longer refers to the types it was computed from. */
export type Rebuilt<T> = T extends JsonPrimitive | undefined
  ? T
  : unknown extends T
    ? T
    : T extends readonly unknown[]
      ? number extends T['length']
        ? Rebuilt<T[number]>[]
        : { -readonly [I in keyof T]: Rebuilt<T[I]> }
      : T extends object
        ? FromEntries<EntriesOf<T>>
        : T;

type EntriesOf<T> = {
  [K in keyof T]-?: readonly [K, Rebuilt<T[K]>, {} extends Pick<T, K> ? true : false];
}[keyof T];

type KeyOf<E> = E extends readonly [infer K extends PropertyKey, unknown, unknown] ? K : never;
type ValueOf<E> = E extends readonly [unknown, infer V, unknown] ? V : never;

// Separate aliases over the entries: the mapped types then refer only to the entries, which are
// already computed, and not to `T`. Each mapped type sits in a conditional branch rather than
// being an alias's whole body, so editors show the object itself rather than the alias name.
type FromEntries<U> = [Extract<U, readonly [unknown, unknown, true]>] extends [never]
  ? { [E in U as KeyOf<E>]: ValueOf<E> }
  : WithOptional<
      Extract<U, readonly [unknown, unknown, false]>,
      Extract<U, readonly [unknown, unknown, true]>
    >;

type WithOptional<Req, Opt> = { [E in Req as KeyOf<E>]: ValueOf<E> } & {
  [E in Opt as KeyOf<E>]?: ValueOf<E>;
} extends infer M
  ? { [K in keyof M]: M[K] }
  : never;
