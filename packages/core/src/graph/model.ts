// The graph every picture is drawn from, as types: scopes (the machine, each Parallel branch,
// each Map iterator) holding states, and typed edges between them. Both renderers (Mermaid
// and SVG) and the history reader depend only on this shape, never on ASL, so ASL's quirks
// (Iterator vs ItemProcessor, Next vs End, Choice rules) stay in build-graph.ts, which reads a
// definition into it. The error type lives here too: the history reader reports with it.
import type { AslStateType } from '../asl/types.js';

/** One Retry rule, reduced to what a picture shows. */
export interface RetrySummary {
  readonly errors: readonly string[];
  readonly maxAttempts: number;
  readonly intervalSeconds: number;
}

/** A state of the machine, wherever it is nested. */
export interface GraphState {
  /** A generated id, safe in Mermaid, SVG and ELK: `s0`, `s1`, ... */
  readonly id: string;
  readonly name: string;
  readonly type: AslStateType;
  /** Where the state sits in the definition, e.g. `$.States["load"].Branches[0].States["x"]`. */
  readonly path: string;
  /** Short facts shown under the name: resource, wait time, error and cause. */
  readonly details: readonly string[];
  /** The state's Comment, shown as a tooltip. */
  readonly comment: string | undefined;
  readonly retries: readonly RetrySummary[];
  /** Parallel branches or the Map iterator; empty for other types. */
  readonly scopes: readonly GraphScope[];
}

/** A list of states with one entry point: the machine, a Parallel branch or a Map iterator. */
export interface GraphScope {
  readonly id: string;
  /** `Machine`, `Branch 1`, `Iterator`, ... */
  readonly label: string;
  readonly states: readonly GraphState[];
  /** The id of the start marker node of this scope. */
  readonly startId: string;
  /** The id of the end marker node of this scope. */
  readonly endId: string;
  /** The Parallel or Map state that owns this scope; undefined for the machine. */
  readonly owner: GraphState | undefined;
}

/** Why an edge exists. `start` and `end` connect a scope's markers to its states. */
export type EdgeKind = 'next' | 'choice' | 'default' | 'catch' | 'start' | 'end';

/** A transition drawn between two nodes of the same scope. */
export interface GraphEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** Choice rule, `Default`, or the caught error names. */
  readonly label: string | undefined;
  readonly scopeId: string;
}

/** A machine as a graph: its scopes, every state and every edge. */
export interface MachineGraph {
  readonly root: GraphScope;
  readonly states: readonly GraphState[];
  readonly edges: readonly GraphEdge[];
  /** States by name; AWS requires names unique across the machine, so lists have one entry. */
  readonly byName: ReadonlyMap<string, readonly GraphState[]>;
  /** The Parallel or Map state directly around each nested state, by state id. */
  readonly container: ReadonlyMap<string, GraphState>;
  readonly comment: string | undefined;
}

/** One thing wrong with a definition, at a JSON path. */
export interface GraphProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown when a definition cannot be drawn or a history cannot be read; lists every problem
 * found, each with its path (`$.States["x"].Next` in the definition, `history[3]` in a history).
 * @example
 * ```ts
 * try {
 *   toMermaid('{ not json');
 * } catch (error) {
 *   if (error instanceof GraphInputError) for (const p of error.problems) console.error(p.path, p.message);
 * }
 * ```
 */
export class GraphInputError extends Error {
  override readonly name = 'GraphInputError';
  /**
   * @param problems every problem found, each with its path.
   * @param subject what was malformed: the definition (default) or the history.
   */
  constructor(
    readonly problems: readonly GraphProblem[],
    readonly subject: 'definition' | 'history' = 'definition',
  ) {
    super(
      `cannot draw this ${subject === 'history' ? 'execution history' : 'state machine'} ` +
        `(${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'),
    );
  }
}
