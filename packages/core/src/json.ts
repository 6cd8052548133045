// JSON is the only currency of a state machine: every payload crosses AWS as JSON text.
// These types say what a value looks like after that crossing, so a Date an activity returns
// is typed as the string the next state will actually see.

/** A JSON value as Step Functions stores and passes it. */
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
/** A JSON value that is not an array or an object. */
export type JsonPrimitive = string | number | boolean | null;
/** A JSON object: string keys, JSON values. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * The type a value has after `JSON.parse(JSON.stringify(value))`: dates become strings,
 * `toJSON()` results replace their owners, undefined and function members disappear. A type
 * that already is JSON is returned as it is, so deeply inferred types are not rebuilt.
 */
export type Jsonify<T> = T extends JsonValue ? T : JsonifyValue<T>;

type JsonifyValue<T> = T extends { toJSON(): infer J }
  ? Jsonify<J>
  : T extends JsonPrimitive
    ? T
    : T extends undefined | ((...args: never[]) => unknown) | symbol
      ? never
      : T extends readonly unknown[]
        ? {
            [K in keyof T]: T[K] extends undefined | ((...args: never[]) => unknown) | symbol
              ? null
              : Jsonify<T[K]>;
          }
        : T extends object
          ? JsonifyObject<T>
          : never;

type JsonifyObject<T> = {
  [K in keyof T as K extends string
    ? T[K] extends ((...args: never[]) => unknown) | symbol
      ? never
      : K
    : never]: undefined extends T[K] ? Jsonify<Exclude<T[K], undefined>> | undefined : Jsonify<T[K]>;
} extends infer O
  ? { [K in keyof O]: O[K] }
  : never;

/**
 * Round-trips a value through JSON text, exactly as it would travel through Step Functions.
 * @param value anything `JSON.stringify` accepts; `undefined` becomes `null`.
 * @example
 * ```ts
 * toJsonValue({ at: new Date(0), skip: undefined }); // { at: '1970-01-01T00:00:00.000Z' }
 * ```
 */
export function toJsonValue<T>(value: T): Jsonify<T> {
  if (value === undefined) return null as Jsonify<T>;
  const text = JSON.stringify(value);
  return (text === undefined ? null : JSON.parse(text)) as Jsonify<T>;
}

/**
 * `T` rebuilt as a fresh object type whose members no longer refer to the types it was
 * computed from. TypeScript treats mapped and inferred object types (zod's, the DSL's data
 * writes) as possibly generic, and re-instantiates them, through every layer they were built
 * from, each time they are passed to a generic signature. Past about fifty layers that walk
 * exceeds the instantiation depth (TS2589). A rebuilt type is one layer deep per level of
 * nesting. Fields whose type admits `undefined` come out optional.
 */
export type Flat<T> = T extends JsonPrimitive | undefined
  ? T
  : T extends readonly unknown[]
    ? number extends T['length']
      ? Flat<T[number]>[]
      : { -readonly [I in keyof T]: Flat<T[I]> }
    : T extends object
      ? FromEntries<EntriesOf<T>>
      : T;

type EntriesOf<T> = { [K in keyof T]-?: [K, Flat<T[K]>, undefined extends T[K] ? true : false] }[keyof T];

type FromEntries<U> = [Extract<U, [unknown, unknown, true]>] extends [never]
  ? {
      [E in U as E extends [infer K extends PropertyKey, unknown, unknown] ? K : never]: E extends [
        unknown,
        infer V,
        unknown,
      ]
        ? V
        : never;
    }
  : Merge<
      {
        [E in U as E extends [infer K extends PropertyKey, unknown, false] ? K : never]: E extends [
          unknown,
          infer V,
          unknown,
        ]
          ? V
          : never;
      } & {
        [E in U as E extends [infer K extends PropertyKey, unknown, true] ? K : never]?: E extends [
          unknown,
          infer V,
          unknown,
        ]
          ? V
          : never;
      }
    >;

/** One object type from an intersection, keeping each member's optionality. */
type Merge<T> = { [K in keyof T]: T[K] };
