// What a state reads of its input, so that a transition into an existing state (a join, a loop)
// is checked against what that state reads rather than against everything it was built with.
//
// The rule, which docs/typed-data-flow.md states for users: a state needs, at each path it
// reads, a value of the type that path had where the state was built; and where its input flows
// on into its output (a Pass without Parameters or Result, a Choice, a Wait, a Succeed, a
// ResultPath that merges into the input, a ResultPath of null), it needs that part whole, since
// the states after it were typed from it. A Task needs what its activity takes (its declared
// input type) when it is given its whole input. JSONata `output`/`arguments` and a JSONata
// expression in Assign may read anything, so they need everything. Reads are kept as the options' own type arguments (a `ReadSpec`)
// and only worked out when the state is used as a target, so building a machine costs nothing
// more. A Catch added to a state passes the state's input on to its target when its resultPath
// merges; the builder refuses a join through a handle that does not know of such a Catch
// (wiring.ts), so the check stays sound whatever order the two are written in.

import type { LiteralString } from '../intrinsic-helpers.js';
import type { AnyData, Materialize } from './data.js';
import type { Intrinsic } from './intrinsic-results.js';
import type { ParsePath, PathRoot, PathSegment } from './path.js';
import type { FitProblem, InputOfTarget } from './pipeline.js';
import type { ParseRead, ReadSegment, SplitAtEach } from './projection.js';

/** The options of a state that decide what it reads, by kind. Type-level only. */
export type ReadSpec =
  | readonly ['all']
  | readonly [
      'pass',
      IP: unknown,
      PT: unknown,
      RES: unknown,
      RP: unknown,
      OP: unknown,
      JO: unknown,
      AS: unknown,
    ]
  | readonly [
      'task',
      R: unknown,
      IP: unknown,
      PT: unknown,
      RP: unknown,
      OP: unknown,
      JA: unknown,
      JO: unknown,
      TP: unknown,
      HP: unknown,
      AS: unknown,
    ]
  | readonly ['wait', IP: unknown, OP: unknown, SP: unknown, TP: unknown, JO: unknown, AS: unknown]
  | readonly ['choice', IP: unknown]
  | readonly ['succeed', IP: unknown, OP: unknown, JO: unknown]
  | readonly ['fail', EP: unknown, CP: unknown]
  | readonly ['parallel', IP: unknown, PT: unknown, RP: unknown, OP: unknown, JO: unknown, AS: unknown]
  | readonly [
      'map',
      IP: unknown,
      ITP: unknown,
      IS: unknown,
      RP: unknown,
      OP: unknown,
      JO: unknown,
      MCP: unknown,
      TFPP: unknown,
      TFCP: unknown,
      AS: unknown,
    ];

/** A state that needs its whole input (the conservative default). */
export type ReadsAll = readonly ['all'];

/** Ends a read that needs only a value to be there, whatever it is (an InputPath). */
interface Exists {
  readonly '~exists': true;
}

/** The definite steps of a data path (up to a projection); `never` for a variable or `$$`. */
type Segments<P> = P extends string
  ? string extends P
    ? [] // a path the types cannot see: everything
    : PathRoot<P> extends 'data'
      ? ParsePath<P> extends infer S extends PathSegment[]
        ? S
        : ParseRead<P> extends infer R extends readonly ReadSegment[]
          ? SplitAtEach<R>[0]
          : []
      : never
  : never;

/** The steps of path `P` read under the selection of InputPath `IP`. */
type Under<IP, P> = IP extends undefined | '$'
  ? Segments<P>
  : IP extends string
    ? string extends IP
      ? []
      : PathRoot<IP> extends 'data'
        ? ParsePath<IP> extends PathSegment[]
          ? Join<Segments<IP>, Segments<P>>
          : Segments<IP> // an indefinite selection: all it draws from
        : never // a variable or the context object: no data is read
    : never; // null: the selection is `{}`

type Join<Base extends PathSegment[], S> = S extends PathSegment[] ? [...Base, ...S] : never;

/** InputPath `IP` must name something (`$`: always does). */
type ExistsAt<IP> = IP extends string
  ? string extends IP
    ? never
    : PathRoot<IP> extends 'data'
      ? Segments<IP> extends infer S extends PathSegment[]
        ? S extends []
          ? never
          : [...S, Exists]
        : never
      : never
  : never;

/** The paths a `.$` value reads: a path, or an intrinsic's paths; a raw `States.` call: all. */
type DollarPaths<X> =
  X extends Intrinsic<unknown, infer P>
    ? string extends P
      ? '$'
      : P
    : X extends string
      ? string extends X
        ? '$'
        : X extends `States.${string}`
          ? '$'
          : X
      : never;

/** The paths a payload template reads. */
type TemplatePaths<T> = T extends readonly unknown[]
  ? TemplatePaths<T[number]>
  : T extends LiteralString | string
    ? never
    : T extends object
      ? { [K in keyof T]-?: K extends `${string}.$` ? DollarPaths<T[K]> : TemplatePaths<T[K]> }[keyof T]
      : never;

/** What passes on into the output besides the result, by ResultPath `RP` and OutputPath `OP`. */
type PassedOn<IP, RP, OP, ResultIsSelection extends boolean> = RP extends null
  ? Segments<OP extends string ? OP : '$'>
  : RP extends undefined | '$'
    ? ResultIsSelection extends true
      ? Under<IP, OP extends string ? OP : '$'>
      : never
    : Segments<OP extends string ? OP : '$'>; // merged into the input

type Defined<X> = [X] extends [undefined] ? false : true;

/**
 * True when a JSONata output (or a Task's arguments) is given, or an Assign holds a JSONata
 * expression: any of them may read `$states.input` anywhere, so the state needs all its input.
 */
export type ReadsFreely<JO, AS> = Defined<JO> extends true ? true : HasJsonata<AS>;

type HasJsonata<X> = X extends `{%${string}%}`
  ? true
  : X extends string
    ? false
    : X extends object
      ? true extends { [K in keyof X]-?: HasJsonata<X[K]> }[keyof X]
        ? true
        : false
      : false;

/** `X` placed at steps `S`: `{ a: { b: X } }` for `['a', 'b']`. */
type AtPath<S extends readonly PathSegment[], X> = S extends readonly [
  infer K,
  ...infer R extends readonly PathSegment[],
]
  ? K extends number
    ? AtPath<R, X>[]
    : { [P in K & string]: AtPath<R, X> }
  : X;

/** Every path (as steps) spec `S` reads; `[]` is the whole input. */
type PathsOf<S> = S extends readonly [
  'pass',
  infer IP,
  infer PT,
  infer RES,
  infer RP,
  infer OP,
  infer JO,
  infer AS,
]
  ? ReadsFreely<JO, AS> extends true
    ? []
    :
        | (Defined<RES> extends true
            ? ExistsAt<IP>
            : Defined<PT> extends true
              ? Under<IP, TemplatePaths<PT>> | ExistsAt<IP>
              : never)
        | PassedOn<IP, RP, OP, Defined<RES> extends true ? false : Defined<PT> extends true ? false : true>
  : S extends readonly [
        'task',
        unknown,
        infer IP,
        infer PT,
        infer RP,
        infer OP,
        infer JA,
        infer JO,
        infer TP,
        infer HP,
        infer AS,
      ]
    ? ReadsFreely<JA | JO, AS> extends true
      ? []
      :
          | (Defined<PT> extends true ? Under<IP, TemplatePaths<PT>> : never)
          | ExistsAt<IP>
          | Segments<TP>
          | Segments<HP>
          | PassedOn<IP, RP, OP, false>
    : S extends readonly ['wait', infer IP, infer OP, infer SP, infer TP, infer JO, infer AS]
      ? ReadsFreely<JO, AS> extends true
        ? []
        : Under<IP, (OP extends string ? OP : '$') | SP | TP | TemplatePaths<AS>>
      : S extends readonly ['choice', infer IP]
        ? Under<IP, '$'>
        : S extends readonly ['succeed', infer IP, infer OP, infer JO]
          ? Defined<JO> extends true
            ? []
            : Under<IP, OP extends string ? OP : '$'>
          : S extends readonly ['fail', infer EP, infer CP]
            ? Segments<DollarPaths<EP> | DollarPaths<CP>>
            : S extends readonly ['parallel', infer IP, infer PT, infer RP, infer OP, infer JO, infer AS]
              ? ReadsFreely<JO, AS> extends true
                ? []
                :
                    | (Defined<PT> extends true
                        ? Under<IP, TemplatePaths<PT>> | ExistsAt<IP>
                        : Under<IP, '$'>)
                    | PassedOn<IP, RP, OP, false>
              : S extends readonly [
                    'map',
                    infer IP,
                    infer ITP,
                    infer IS,
                    infer RP,
                    infer OP,
                    infer JO,
                    infer MCP,
                    infer TFPP,
                    infer TFCP,
                    infer AS,
                  ]
                ? ReadsFreely<JO, AS> extends true
                  ? []
                  :
                      | Under<IP, (ITP extends string ? ITP : '$') | TemplatePaths<IS> | MCP | TFPP | TFCP>
                      | PassedOn<IP, RP, OP, false>
                : [];

/** What a Task given its whole input needs there: its activity's input type. */
type TypedPart<S> = S extends readonly [
  'task',
  infer R,
  infer IP,
  infer PT,
  unknown,
  unknown,
  infer JA,
  ...unknown[],
]
  ? Defined<PT | JA> extends true
    ? unknown
    : unknown extends InputOfTarget<R>
      ? unknown
      : IP extends undefined | '$'
        ? InputOfTarget<R>
        : IP extends string
          ? PathRoot<IP> extends 'data'
            ? AtPath<Segments<IP>, InputOfTarget<R>>
            : unknown // a variable or the context object: no data is read
          : unknown
  : unknown;

type Heads<P> = P extends readonly [infer H, ...unknown[]] ? H : never;
type Tails<P, K> = P extends readonly [infer H, ...infer R] ? (H extends K ? R : never) : never;
type NumberTails<P> = P extends readonly [number, ...infer R] ? R : never;

/** `T` cut down to the parts paths `P` reach: what those paths need, with `T`'s optionality. */
type DeepPick<T, P> = [] extends P
  ? T
  : [Exclude<P, readonly [Exists]>] extends [never]
    ? unknown extends T
      ? unknown
      : {} | null
    : PickStep<T, Exclude<P, readonly [Exists]>>;

type PickStep<T, P> = unknown extends T
  ? unknown
  : T extends readonly (infer E)[]
    ? [NumberTails<P>] extends [never]
      ? T
      : DeepPick<E, NumberTails<P>>[]
    : T extends object
      ? { [K in keyof T as K extends Heads<P> ? K : never]: DeepPick<T[K], Tails<P, K>> }
      : T;

/**
 * What a state built with plain data `In` and reads `S` needs of the data sent to it: an object
 * type holding only the parts it reads (`unknown` when it reads nothing).
 */
export type Needs<In, S> = S extends ReadsAll
  ? In
  : PathsOf<S> extends infer P
    ? ([P] extends [never] ? unknown : DeepPick<In, P>) extends infer Picked
      ? unknown extends TypedPart<S>
        ? Picked
        : Picked & TypedPart<S>
      : never
    : never;

/** What is wrong with data `D` entering a state built with data `In` that reads `Reads`, or `never`. */
export type DataFitProblem<D extends AnyData, In extends AnyData, Reads> = [D] extends [In]
  ? never
  : FitProblem<Materialize<D>, Needs<Materialize<In>, Reads>, 'the next state'>;

/**
 * What a state reads once it has a Catch: a Catch that keeps the state's input (a resultPath
 * into it, or null), computes a JSONata output or assigns a JSONata expression passes the input
 * on (or may read it), so the state then needs all of it. The builder keeps to the same rule
 * (wiring.ts `catchPassesInput`).
 */
export type CatchReads<Reads, RP, JO, AS> = [RP] extends [undefined | '$']
  ? ReadsFreely<JO, AS> extends true
    ? ReadsAll
    : Reads
  : ReadsAll;
