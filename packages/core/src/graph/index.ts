/**
 * @sfini/core/graph: pictures of state machines. Any machine (built with the DSL, imported,
 * or plain ASL JSON) becomes a Mermaid flowchart or a standalone SVG laid out by ELK, and an
 * execution history (from AWS or the local engine) colours each state by what happened to it.
 * A separate entry point so that `@sfini/core` never loads the layout engine.
 * @module
 */
import { isStateMachine, type StateMachineLike } from '../machine-like.js';
import { buildGraph } from './build-graph.js';
import { type HistoryReading, readHistory, type StateRun } from './history.js';
import type { ExecutionStatus, HistoryEventLike } from './history-events.js';
import { layoutGraph } from './layout.js';
import { writeMermaid } from './mermaid.js';
import { GraphInputError, type MachineGraph } from './model.js';
import { writeSvg } from './svg.js';

export type { AslStateType as StateType } from '../asl/types.js';
export { MAX_HISTORY_EVENTS, OUTCOMES_BY_SEVERITY, type StateOutcome, type StateRun } from './history.js';
export type { ExecutionStatus, HistoryErrorDetails, HistoryEventLike } from './history-events.js';
export { GraphInputError, type GraphProblem } from './model.js';
export { OUTCOME_COLOURS, OUTCOME_LABELS, type Swatch, TYPE_COLOURS } from './palette.js';

/**
 * What can be drawn: a machine from the DSL or an import (anything with `toDefinition()`), an
 * ASL definition object, or ASL as JSON text.
 */
export type GraphSource = StateMachineLike | Record<string, unknown> | string;

/** Options common to both outputs. */
export interface GraphOptions {
  /**
   * An execution's events, as `GetExecutionHistory` returns them (AWS or the local endpoint),
   * in any order. When given, every state is coloured by what happened to it.
   */
  readonly history?: readonly HistoryEventLike[];
  /** A heading; defaults to the machine's name, else the definition's Comment. `false` for none. */
  readonly title?: string | false;
  /** Flow direction: top to bottom (default) or left to right. */
  readonly direction?: 'TB' | 'LR';
}

/** Options of {@link toMermaid}. */
export type MermaidOptions = GraphOptions;

/** Options of {@link toSvg}. */
export interface SvgOptions extends GraphOptions {
  /** Draw the legend of colours and edge styles under the picture (default true). */
  readonly legend?: boolean;
}

/** What an execution history says about a machine, state by state. */
export interface ExecutionOutcomes {
  /** Where the execution stands after the last event read. */
  readonly status: ExecutionStatus;
  /** One entry per state of the machine, by state name (`notReached` for states never entered). */
  readonly states: ReadonlyMap<string, StateRun>;
  /** Names the history mentions that the machine has no state for (e.g. a different version). */
  readonly unknownStates: readonly string[];
}

interface Prepared {
  readonly graph: MachineGraph;
  readonly reading: HistoryReading | undefined;
  readonly title: string | undefined;
}

function prepare(source: GraphSource, options: GraphOptions): Prepared {
  let definition: unknown = source;
  let name: string | undefined;
  if (typeof source === 'string') {
    try {
      definition = JSON.parse(source);
    } catch (error) {
      throw new GraphInputError([{ path: '$', message: `not valid JSON: ${(error as Error).message}` }]);
    }
  } else if (isStateMachine(source)) {
    definition = source.toDefinition();
    name = source.name;
  }
  const graph = buildGraph(definition);
  const reading = options.history === undefined ? undefined : readHistory(graph, options.history);
  const title = options.title === false ? undefined : (options.title ?? name ?? graph.comment);
  return { graph, reading, title };
}

/**
 * Writes a machine as a Mermaid flowchart: a node per state (shape by type), Parallel
 * branches and Map iterators as nested subgraphs, Choice rules and caught errors on edges,
 * Retry rules as dotted self-loops, start and end markers. With `history`, nodes are coloured
 * by outcome (classDefs named `succeeded`, `retried`, `caught`, `failed`, `running`,
 * `notReached`), the path taken is drawn thick, and a legend subgraph is added.
 * @param source the machine or its ASL definition.
 * @param options an execution history to colour by, a title, and the flow direction.
 * @throws GraphInputError listing every problem when the definition or history is malformed;
 * a DSL machine's own validation errors (from `toDefinition()`) pass through unchanged.
 * @example
 * ```ts
 * const text = toMermaid(machine, { history: events });
 * ```
 */
export function toMermaid(source: GraphSource, options: MermaidOptions = {}): string {
  const { graph, reading, title } = prepare(source, options);
  return writeMermaid(graph, { direction: options.direction ?? 'TB', title, reading });
}

/**
 * Draws a machine as a standalone SVG document, laid out by ELK's layered algorithm, with
 * Parallel and Map states as boxes around their branches, Choice rules and Catch errors on
 * edges, Retry rules inside their state's box, and a legend. With `history`, each state is
 * filled by its outcome, retries and visit counts are shown as badges, and the path taken is
 * drawn thick. Each state's `<g>` carries `data-name`, `data-type`, `data-outcome` and its box
 * (`data-x`, `data-y`, `data-width`, `data-height`).
 * @param source the machine or its ASL definition.
 * @param options an execution history to colour by, a title, the flow direction, and the legend.
 * @throws GraphInputError listing every problem when the definition or history is malformed;
 * a DSL machine's own validation errors (from `toDefinition()`) pass through unchanged.
 * @example
 * ```ts
 * await writeFile('machine.svg', await toSvg(machine, { history: events }));
 * ```
 */
export async function toSvg(source: GraphSource, options: SvgOptions = {}): Promise<string> {
  const { graph, reading, title } = prepare(source, options);
  const scene = await layoutGraph(graph, reading?.states, options.direction);
  return writeSvg(scene, { title, reading, legend: options.legend ?? true });
}

/**
 * Reads an execution history against a machine: the execution's status and, for every
 * state, its outcome (the worst over its visits: failed, running, caught, retried,
 * succeeded, else notReached), visit counts by outcome, retries and error names. Map
 * iterations and loops count as separate visits.
 * @param source the machine or its ASL definition.
 * @param history the execution's events, as GetExecutionHistory or `runExecution` gives them.
 * @throws GraphInputError when the definition or the history is malformed.
 * @example
 * ```ts
 * const result = await runExecution(counter, { increment: 3 });
 * const outcomes = analyzeHistory(counter, result.history);
 * outcomes.status; // 'succeeded'
 * outcomes.states.get('add')?.visits; // 4
 * ```
 */
export function analyzeHistory(source: GraphSource, history: readonly HistoryEventLike[]): ExecutionOutcomes {
  const { reading } = prepare(source, { history });
  const { status, states, unknownStates } = reading!;
  return { status, states, unknownStates };
}
