// JSON is the only currency of a state machine: every payload crosses AWS as JSON text.
// These types say what a value looks like after that crossing, so a Date an activity returns
// is typed as the string the next state will actually see.

/** A JSON value as Step Functions stores and passes it. */
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonPrimitive = string | number | boolean | null;
export type JsonObject = { [key: string]: JsonValue };

/**
 * The type a value has after `JSON.parse(JSON.stringify(value))`: dates become strings,
 * `toJSON()` results replace their owners, undefined and function members disappear.
 */
export type Jsonify<T> = T extends { toJSON(): infer J }
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

/** Round-trips a value through JSON text, exactly as it would travel through Step Functions. */
export function toJsonValue<T>(value: T): Jsonify<T> {
  if (value === undefined) return null as Jsonify<T>;
  const text = JSON.stringify(value);
  return (text === undefined ? null : JSON.parse(text)) as Jsonify<T>;
}
