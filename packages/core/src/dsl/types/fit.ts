// Whether data of one type fits another (a Task's input its activity's input type, a
// transition's data what the target state reads), as a sentence naming the first field that
// differs, however deep: `field 'customer.email' is a number here, but the next state expects a
// string`. Printing both types would bury the difference in a wall of text. A field whose type
// the types could not follow (`unknown`, from a JSONata expression or a deep scan) does not fit
// a typed one: nothing says it holds what is expected, so it is named too.
import type { KindName } from './path.js';

type Plural<K extends string> = K extends 'a string'
  ? 'strings'
  : K extends 'a number'
    ? 'numbers'
    : K extends 'a boolean'
      ? 'booleans'
      : K extends 'null'
        ? 'nulls'
        : K extends 'an array'
          ? 'arrays'
          : K extends 'an object'
            ? 'objects'
            : K extends 'unknown'
              ? 'unknown values'
              : 'values of several kinds';

/** A kind for messages; arrays say what they hold: `an array of numbers`. */
type Described<T> = [T] extends [never]
  ? 'never'
  : [T] extends [readonly unknown[]]
    ? `an array of ${Plural<KindName<T[number]>>}`
    : KindName<T>;

type PlainObject<T> = [T] extends [object] ? ([T] extends [readonly unknown[]] ? false : true) : false;

type FieldProblems<S, T, Who extends string, Where extends string, Prefix extends string> = {
  [K in keyof T]-?: K extends keyof S
    ? string extends keyof S
      ? unknown extends S[K]
        ? never // open data (no schema): a field it has not typed cannot be checked
        : FieldProblem<S[K], T[K], `${Prefix}${K & string}`, Who, Where>
      : FieldProblem<S[K], T[K], `${Prefix}${K & string}`, Who, Where>
    : undefined extends T[K]
      ? never
      : `${Who} needs field '${Prefix}${K & string}', which the data ${Where} lacks`;
}[keyof T];

type FieldProblem<SV, TV, Name extends string, Who extends string, Where extends string> = [SV] extends [TV]
  ? never
  : unknown extends TV
    ? never
    : unknown extends SV
      ? `field '${Name}' ${Where} has a type the types cannot follow (unknown), but ${Who} expects ${Described<Exclude<TV, undefined>>}`
      : [PlainObject<SV>, PlainObject<Exclude<TV, undefined>>] extends [true, true]
        ? Deeper<FieldProblems<SV, Exclude<TV, undefined>, Who, Where, `${Name}.`>, SV, TV, Name, Who, Where>
        : [SV, Exclude<TV, undefined>] extends [readonly (infer SE)[], readonly (infer TE)[]]
          ? KindName<SE> extends KindName<TE>
            ? [PlainObject<SE>, PlainObject<TE>] extends [true, true]
              ? Deeper<FieldProblems<SE, TE, Who, Where, `${Name}[*].`>, SV, TV, Name, Who, Where>
              : Mismatch<SV, TV, Name, Who, Where>
            : Mismatch<SV, TV, Name, Who, Where>
          : Mismatch<SV, TV, Name, Who, Where>;

type Mismatch<
  SV,
  TV,
  Name extends string,
  Who extends string,
  Where extends string,
> = `field '${Name}' is ${Described<SV>} ${Where}, but ${Who} expects ${Described<Exclude<TV, undefined>>}`;

/** The problems found inside a field, or the field's own when nothing inside is named. */
type Deeper<P, SV, TV, Name extends string, Who extends string, Where extends string> = [P] extends [never]
  ? Mismatch<SV, TV, Name, Who, Where>
  : P;

/**
 * Why data `S` does not fit `T` (what `Who` expects), as a sentence; `never` when it fits.
 * `Where` says where `S` is, for the message.
 */
export type FitProblem<S, T, Who extends string, Where extends string = 'here'> = unknown extends T
  ? never
  : unknown extends S
    ? never
    : [S] extends [T]
      ? never
      : [S] extends [object]
        ? [T] extends [object]
          ? [S] extends [readonly unknown[]]
            ? `the data ${Where} is an array, but ${Who} does not expect one`
            : FieldProblems<S, T, Who, Where, ''> extends infer P
              ? [P] extends [never]
                ? string extends keyof S
                  ? never // open data (no schema): its fields cannot be checked
                  : `the data ${Where} does not fit what ${Who} expects`
                : `${P & string}` // rebuilt, so the compiler prints the sentences, not an alias
              : never
          : `the data ${Where} is ${KindName<S>}, but ${Who} expects ${KindName<T>}`
        : `the data ${Where} is ${KindName<S>}, but ${Who} expects ${KindName<T>}`;
