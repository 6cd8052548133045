// Workflow variables (`Assign`, `$name`) as the types carry them from state to state. A state's
// Assign adds to what the states after it can read, and every `$name` path is checked against
// the variables in scope, so a misspelt name or a read before any assignment is a compile error.
// Like the data (data.ts), the variables are a flat log (each Assign's record, newest last)
// folded into one flat record every few Assigns: merging records at every Assign would build a
// chain of mapped types that TypeScript walks again at every later call.
//
// Scoping follows AWS. A Parallel branch or a Map item processor is a scope of its own: its
// states read the enclosing scopes' variables (`Outer`) but cannot assign them, and what they
// assign is not visible after the Parallel or Map. A distributed Map's item processor runs as
// child executions and reads no variable from outside it.
//
// Loops, and states reached on several paths: a state is typed where it is created, with the
// variables assigned before it on the path that creates it. A transition to an existing state
// (next, a Choice rule or default, a Catch) is accepted only when every variable that state was
// created with is assigned on the new path too, with a type that fits. So on every path into a
// state, the variables it and the states after it read have been assigned: the rule is sound,
// and conservative where a state would not actually read every variable it could.
import type { z } from 'zod';
import type { Jsonify } from '../../json.js';
import type { ContextObject } from './checks.js';
import type {
  Get,
  KindName,
  MayBeAbsent,
  ParsePath,
  PathError,
  PathSegment,
  RenderPath,
  SplitVariablePath,
} from './path.js';
import type { ParseRead, Projected, ReadSegment, SplitAtEach } from './projection.js';
import type { Rebuilt } from './rebuild.js';
import type {
  DollarProblem,
  EvalTemplate,
  MarkTemplate,
  PlainKeyProblem,
  TemplateProblems,
} from './template.js';

/**
 * The variables in scope at a state. `Own` is the log of records assigned in this scope (newest
 * last); `Outer` the variables of the enclosing scopes, which can be read but not assigned here.
 * Type-level only.
 */
export interface Vars<Own extends readonly object[] = readonly object[], Outer extends object = object> {
  readonly '~own': Own;
  readonly '~outer': Outer;
}

/** Any variables. */
export type AnyVars = Vars<readonly object[], object>;

/** No variable assigned yet: a machine's first state. */
export type NoVars = Vars<[], {}>;

/** Variables nothing is known about: any name may be read, as `unknown`. */
export type OpenVars = Vars<[], { readonly [name: string]: unknown }>;

/** How many Assign records the log holds before it is folded into one. */
type FoldVarsAt = 8;

type AsObject<T> = T extends object ? T : never;

/**
 * Record `A` rebuilt as a fresh object type whose values are rebuilt too (rebuild.ts), so it no
 * longer refers to the types it was computed from. Every variable stays required: a variable
 * typed `unknown` (a JSONata value) is assigned all the same.
 */
type FlatRecord<A> = FromEntries<RecordEntries<A>>;

// A separate alias, as in json.ts: the mapped type then refers only to the entries (already
// computed), not to `A`; and it sits in a conditional branch, so editors show the record itself
// rather than an alias name.
type FromEntries<U> = [U] extends [never]
  ? {}
  : {
      [E in U as E extends readonly [infer K extends PropertyKey, unknown] ? K : never]: E extends readonly [
        unknown,
        infer X,
      ]
        ? X
        : never;
    };

type RecordEntries<A> = { [K in keyof A]-?: readonly [K, Rebuilt<A[K]>] }[keyof A];

/** `B` with the fields of `T` replacing its own. */
type Override<B, T> = { [K in keyof B as K extends keyof T ? never : K]: B[K] } & T;

type MergeLog<L extends readonly object[]> = L extends readonly [
  ...infer Init extends readonly object[],
  infer Last,
]
  ? Override<MergeLog<Init>, Last>
  : {};

/** Every variable in scope as one plain record: name to type. */
export type VarsRecord<V> =
  V extends Vars<infer Own, infer Outer>
    ? Own extends readonly []
      ? Outer
      : FlatRecord<Override<Outer, MergeLog<Own>>>
    : {};

/**
 * The variables after an Assign that set the variables of record `A` (`undefined`: no Assign).
 * The record is rebuilt flat first: as computed from its template it refers to the variables
 * before it (`$name` reads), so each record would drag the whole chain of earlier ones along.
 */
export type VarsAfter<V, A> = [A] extends [undefined]
  ? V
  : V extends Vars<infer Own, infer Outer>
    ? Own['length'] extends FoldVarsAt
      ? Vars<[FlatRecord<MergeLog<[...Own, A & object]>>], Outer>
      : Vars<[...Own, AsObject<FlatRecord<A>>], Outer>
    : V;

/**
 * The variables a Parallel branch or Map item processor starts with: the enclosing ones, to
 * read only. A distributed Map's children start with none.
 */
export type InnerVars<V, Distributed extends boolean = false> = Distributed extends true
  ? NoVars
  : Vars<[], VarsRecord<V>>;

type FindVar<L extends readonly object[], N extends string, Outer> = L extends readonly [
  ...infer Init extends readonly object[],
  infer Last,
]
  ? N extends keyof Last
    ? [Last[N]]
    : FindVar<Init, N, Outer>
  : N extends keyof Outer
    ? [Outer[N]]
    : [];

/** `[type]` of variable `N` in `V`, or `[]` when no such variable is in scope. */
export type VariableType<V, N extends string> =
  V extends Vars<infer Own, infer Outer> ? FindVar<Own, N, Outer> : [unknown];

/** The value at variable path `P` (`$name...`), or a {@link PathError} naming what is wrong. */
export type VariableLookup<P extends string, V> =
  SplitVariablePath<P> extends [infer Name extends string, infer Rest extends string]
    ? VariableType<V, Name> extends [infer T]
      ? ParsePath<Rest> extends infer S
        ? S extends readonly PathSegment[]
          ? Get<T, S, `$${Name}`>
          : ParseRead<Rest> extends infer R extends readonly ReadSegment[]
            ? SplitAtEach<R> extends [
                infer Prefix extends PathSegment[],
                infer Steps extends readonly ReadSegment[],
              ]
              ? Get<T, Prefix, `$${Name}`> extends infer Base
                ? [Base] extends [PathError]
                  ? Base
                  : Projected<Exclude<Base, undefined>, Steps, RenderPath<Prefix, `$${Name}`>>
                : never
              : unknown
            : unknown
        : never
      : PathError<`no variable '${Name}' is assigned before this state`>
    : unknown;

/** True when following variable path `P` may find nothing (an optional field of the variable). */
export type VariableMayBeAbsent<P extends string, V> =
  SplitVariablePath<P> extends [infer Name extends string, infer Rest extends string]
    ? VariableType<V, Name> extends [infer T]
      ? ParsePath<Rest> extends infer S extends readonly PathSegment[]
        ? MayBeAbsent<T, S>
        : false
      : false
    : false;

// --- Assign ---

/** The variable a key of an Assign template sets (`name.$` sets `name`). */
type VarName<K> = K extends `${infer N}.$` ? N : K;

type NameProblem<K, V> =
  VarName<K> extends 'states'
    ? `'states' is reserved by Step Functions; no variable can be named so`
    : V extends Vars<readonly object[], infer Outer>
      ? string extends keyof Outer
        ? never
        : VarName<K> extends keyof Outer
          ? `variable '${VarName<K> & string}' belongs to an enclosing scope: a state inside a Parallel branch or Map item processor can read it but not assign it`
          : never
      : never;

type AssignProblems<AS, Over, V, Ctx> = {
  [K in keyof AS]-?:
    | NameProblem<K, V>
    | (K extends `${string}.$`
        ? DollarProblem<AS[K], Over, Ctx, V>
        : PlainKeyProblem<K, AS[K]> | TemplateProblems<AS[K], Over, Ctx, V>);
}[keyof AS];

type MarkAssign<AS, Over, V, Ctx> = {
  [K in keyof AS]: [NameProblem<K, V>] extends [never]
    ? K extends `${string}.$`
      ? [DollarProblem<AS[K], Over, Ctx, V>] extends [never]
        ? AS[K]
        : DollarProblem<AS[K], Over, Ctx, V>
      : [PlainKeyProblem<K, AS[K]>] extends [never]
        ? MarkTemplate<AS[K], Over, Ctx, V>
        : PlainKeyProblem<K, AS[K]>
    : NameProblem<K, V>;
};

/** What an Assign is: an object whose keys name variables. */
export type AssignObject = { readonly [name: string]: unknown };

/**
 * An `assign` argument: accepted as written when every name may be assigned here and every
 * `.$` value reads something that exists in `Over` (what the state's Assign is evaluated over)
 * or in the variables `V`.
 */
export type AssignArg<AS, Over, V, Ctx = ContextObject> = AS extends undefined
  ? AS
  : AS extends readonly unknown[]
    ? AssignObject
    : AS extends object
      ? [AssignProblems<AS, Over, V, Ctx>] extends [never]
        ? AS
        : MarkAssign<AS, Over, V, Ctx>
      : AssignObject;

type Declared<A, ASC> = ASC extends z.ZodType ? Override<A, Jsonify<z.output<ASC>>> : A;

/**
 * The record of variables an Assign sets: each value's type, from its literal or the path it
 * reads; JSONata expressions are `unknown` unless `assignSchema` (`ASC`) declares them.
 */
export type Assigned<AS, Over, V, ASC = undefined, Ctx = ContextObject> = AS extends undefined
  ? undefined
  : Declared<EvalTemplate<AS, Over, Ctx, V>, ASC>;

/** The variables after a state with Assign `AS` evaluated over `Over`. */
export type VarsAfterAssign<V, AS, Over, ASC = undefined, Ctx = ContextObject> = AS extends undefined
  ? V
  : VarsAfter<V, Assigned<AS, Over, V, ASC, Ctx>>;

// --- transitions ---

type VarProblems<H, T> = {
  [K in keyof T]-?: K extends keyof H
    ? [H[K]] extends [T[K]]
      ? never
      : unknown extends T[K]
        ? never
        : KindName<H[K]> extends KindName<T[K]>
          ? `variable '${K & string}' here does not fit the type the target state was created with`
          : `variable '${K & string}' is ${KindName<H[K]>} here, but the target state was created with it as ${KindName<T[K]>}`
    : `the target state can read variable '${K & string}', which is not assigned on this path`;
}[keyof T];

/**
 * Why entering a state created with variables `There` from a place with variables `Here` is
 * unsafe, as a sentence; `never` when every variable it was created with is assigned here too.
 */
export type VarsFitProblem<Here, There> =
  VarsRecord<There> extends infer T
    ? [keyof T] extends [never]
      ? never
      : string extends keyof T
        ? never
        : VarsRecord<Here> extends infer H
          ? VarProblems<H, T>
          : never
    : never;
