// Parallel and Map states as types: their options, the data each branch or iteration starts
// with, and their results (a tuple of branch outputs, an array of iteration outputs). Their
// branches and item processors are scopes of their own for variables (vars.ts): they start with
// the enclosing variables to read, and a distributed Map's children with none.
import type { z } from 'zod';
import type { JsonObject } from '../../json.js';
import type { Flow, OutputOf, Returned } from './api.js';
import type { ContextObject, PathValue, Select, TypedPathArg } from './checks.js';
import type { AnyData, Materialize, Plain } from './data.js';
import type { CompoundOptions, MapContext } from './options.js';
import type { Rebuilt } from './rebuild.js';
import type { EvalTemplate, TemplateArg } from './template.js';
import type { OpenVars } from './vars.js';

/** A builder of a branch (Parallel) or item processor (Map) starting with data `D`, variables `V`. */
export type BranchBuilder<D extends AnyData, V = OpenVars> = (start: Flow<D, never, V>) => Returned;

/** A result after a ResultSelector template, or unchanged without one. */
export type SelectResultOf<R, RS, V = OpenVars> = RS extends undefined
  ? R
  : Rebuilt<EvalTemplate<RS, Plain<R>, ContextObject, V>>;

/** The result of a Parallel state: each branch's output, in order. */
export type ParallelResult<B> = {
  -readonly [I in keyof B]: OutputOf<B[I] extends (...args: never[]) => infer H ? H : never>;
};

/** The result of a Map state: the item processor's outputs (unknown when a ResultWriter writes them). */
export type MapResult<P, RW> = RW extends undefined
  ? OutputOf<P extends (...args: never[]) => infer H ? H : never>[]
  : unknown;

type ItemsOf<D extends AnyData, IP, ITP, V> = ITP extends string
  ? PathValue<ITP, Select<D, IP, V>, ContextObject, V>
  : Materialize<Select<D, IP, V>>;

type ElementOf<T> = T extends readonly (infer E)[] ? E : unknown;

/** The data each Map iteration starts with. */
export type MapItemData<D extends AnyData, IP, ITP, IS, ISC, V = OpenVars> = ISC extends z.ZodType
  ? Plain<z.output<ISC>>
  : IS extends undefined
    ? Plain<ElementOf<ItemsOf<D, IP, ITP, V>>>
    : Plain<Rebuilt<EvalTemplate<IS, Select<D, IP, V>, MapContext<ElementOf<ItemsOf<D, IP, ITP, V>>>, V>>>;

/** How a Map runs its items. */
export interface ProcessorConfigOption {
  mode?: 'INLINE' | 'DISTRIBUTED';
  executionType?: 'STANDARD' | 'EXPRESS';
}

/** True when a Map's `processorConfig` makes it distributed. */
export type IsDistributed<PC> = PC extends { readonly mode: 'DISTRIBUTED' } ? true : false;

/** Options of a Parallel state. */
export interface ParallelOptions<
  D extends AnyData,
  B,
  IP,
  PT,
  RS,
  RP,
  OP,
  JO,
  OS,
  V = OpenVars,
  AS = undefined,
  ASC = undefined,
  RT = undefined,
> extends CompoundOptions<D, IP, RS, RP, OP, ParallelResult<B>, V, AS, ASC, RT> {
  /** The branches, each built from the state's (parametrised) input. */
  branches: B;
  parameters?: TemplateArg<PT, Select<D, IP, V>, ContextObject, V>;
  /** JSONata: the input given to each branch. */
  arguments?: unknown;
  output?: JO;
  outputSchema?: OS;
}

/** Options of a Map state (inline or distributed). */
export interface MapOptions<
  D extends AnyData,
  P,
  IP,
  ITP,
  IS,
  ISC,
  RS,
  RP,
  OP,
  RW,
  JO,
  OS,
  V = OpenVars,
  AS = undefined,
  ASC = undefined,
  PC = undefined,
  MCP = undefined,
  TFPP = undefined,
  TFCP = undefined,
  RT = undefined,
> extends CompoundOptions<D, IP, RS, RP, OP, MapResult<P, RW>, V, AS, ASC, RT> {
  /** Builds the states run on each item. */
  itemProcessor: P;
  /** The array to iterate (default `$`); a `$name` path iterates a variable. */
  itemsPath?: TypedPathArg<ITP, Select<D, IP, V>, readonly unknown[], 'itemsPath must name an array', V>;
  /** JSONata: the items (an array or an expression). */
  items?: unknown;
  /** Shapes each item; `$$.Map.Item.Value` is the item. */
  itemSelector?: TemplateArg<IS, Select<D, IP, V>, MapContext<ElementOf<ItemsOf<D, IP, ITP, V>>>, V>;
  /** The shape of each item when it cannot be inferred (an ItemReader, JSONata `items`). */
  itemSchema?: ISC;
  maxConcurrency?: number;
  maxConcurrencyPath?: TypedPathArg<
    MCP,
    Select<D, IP, V>,
    number,
    'maxConcurrencyPath must name a number',
    V
  >;
  /**
   * `INLINE` (default) or `DISTRIBUTED`, and for distributed maps the child execution type. The
   * states of a distributed Map's item processor cannot read the variables assigned outside it.
   */
  processorConfig?: PC & ProcessorConfigOption;
  /** Distributed: where items come from (S3). */
  itemReader?: JsonObject;
  /** Distributed: how items are batched. */
  itemBatcher?: JsonObject;
  /** Distributed: where results are written; the state's result is then a manifest. */
  resultWriter?: RW;
  toleratedFailurePercentage?: number;
  toleratedFailurePercentagePath?: TypedPathArg<
    TFPP,
    Select<D, IP, V>,
    number,
    'toleratedFailurePercentagePath must name a number',
    V
  >;
  toleratedFailureCount?: number;
  toleratedFailureCountPath?: TypedPathArg<
    TFCP,
    Select<D, IP, V>,
    number,
    'toleratedFailureCountPath must name a number',
    V
  >;
  /** Distributed: a label for child executions. */
  label?: string;
  output?: JO;
  outputSchema?: OS;
}
