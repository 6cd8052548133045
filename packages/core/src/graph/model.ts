// Both renderers (Mermaid and SVG) and the history reader need the same view of a machine:
// scopes (the machine, each Parallel branch, each Map iterator) holding states, and typed edges
// between them. Building that once from plain ASL keeps the renderers free of ASL quirks
// (Iterator vs ItemProcessor, Next vs End, Choice rules) and lets every structural problem be
// found in one pass and reported together. Definitions are untrusted: names only ever become
// Map keys or generated ids, never object keys, so `__proto__` is just another state name.
import { describeChoiceRule } from './choice-label.js';
import { formatSeconds, summarizeResource } from './describe.js';

/** The ASL state types. */
export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

const STATE_TYPES: ReadonlySet<string> = new Set([
  'Task',
  'Pass',
  'Choice',
  'Wait',
  'Succeed',
  'Fail',
  'Parallel',
  'Map',
]);

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
  readonly type: StateType;
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
 */
export class GraphInputError extends Error {
  override readonly name = 'GraphInputError';
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

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const keyPath = (base: string, key: string) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;

interface PendingEdge {
  from: GraphState;
  target: unknown;
  kind: EdgeKind;
  label: string | undefined;
  path: string;
}

/** Builds the graph of an ASL definition. @throws GraphInputError listing every problem. */
export function buildGraph(definition: unknown): MachineGraph {
  const problems: GraphProblem[] = [];
  const states: GraphState[] = [];
  const edges: GraphEdge[] = [];
  const byName = new Map<string, GraphState[]>();
  const container = new Map<string, GraphState>();
  let scopeCount = 0;

  const addEdge = (from: string, to: string, kind: EdgeKind, label: string | undefined, scopeId: string) => {
    edges.push({ id: `e${edges.length}`, from, to, kind, label, scopeId });
  };

  const readScope = (
    raw: unknown,
    path: string,
    label: string,
    owner: GraphState | undefined,
  ): GraphScope => {
    const id = `g${scopeCount++}`;
    const scopeStates: GraphState[] = [];
    const scope: GraphScope = {
      id,
      label,
      states: scopeStates,
      startId: `${id}_start`,
      endId: `${id}_end`,
      owner,
    };
    if (!isObject(raw)) {
      problems.push({ path, message: 'expected an object with StartAt and States' });
      return scope;
    }
    const rawStates = raw.States;
    if (!isObject(rawStates)) {
      problems.push({ path: `${path}.States`, message: 'expected an object of states' });
      return scope;
    }
    const local = new Map<string, GraphState>();
    const pending: PendingEdge[] = [];
    for (const [name, body] of Object.entries(rawStates)) {
      const statePath = keyPath(`${path}.States`, name);
      const state = readState(name, body, statePath, owner, pending);
      if (!state) continue;
      scopeStates.push(state);
      local.set(name, state);
      const same = byName.get(name);
      if (same) same.push(state);
      else byName.set(name, [state]);
    }
    const startAt = raw.StartAt;
    if (typeof startAt !== 'string') {
      problems.push({ path: `${path}.StartAt`, message: 'expected the name of the first state' });
    } else if (!local.has(startAt) && Object.hasOwn(rawStates, startAt) === false) {
      problems.push({
        path: `${path}.StartAt`,
        message: `names no state of this scope: ${JSON.stringify(startAt)}`,
      });
    } else {
      const first = local.get(startAt);
      if (first) addEdge(scope.startId, first.id, 'start', undefined, id);
    }
    for (const edge of pending) {
      if (typeof edge.target !== 'string') {
        problems.push({ path: edge.path, message: 'expected the name of a state' });
        continue;
      }
      const target = local.get(edge.target);
      if (!target) {
        if (!Object.hasOwn(rawStates, edge.target)) {
          problems.push({
            path: edge.path,
            message: `names no state of this scope: ${JSON.stringify(edge.target)}`,
          });
        }
        continue;
      }
      addEdge(edge.from.id, target.id, edge.kind, edge.label, id);
    }
    for (const state of scopeStates) {
      const body = rawStates[state.name] as Json;
      if (state.type === 'Succeed' || state.type === 'Fail' || body.End === true) {
        addEdge(state.id, scope.endId, 'end', undefined, id);
      }
    }
    return scope;
  };

  const readState = (
    name: string,
    body: unknown,
    path: string,
    parent: GraphState | undefined,
    pending: PendingEdge[],
  ): GraphState | undefined => {
    if (!isObject(body)) {
      problems.push({ path, message: 'expected a state object' });
      return undefined;
    }
    const type = body.Type;
    if (typeof type !== 'string' || !STATE_TYPES.has(type)) {
      problems.push({
        path: `${path}.Type`,
        message: `expected one of ${[...STATE_TYPES].join(', ')}, got ${JSON.stringify(type ?? null)}`,
      });
      return undefined;
    }
    const scopes: GraphScope[] = [];
    const state: GraphState = {
      id: `s${states.length}`,
      name,
      type: type as StateType,
      path,
      details: stateDetails(type as StateType, body),
      comment: typeof body.Comment === 'string' ? body.Comment : undefined,
      retries: readRetries(body.Retry, `${path}.Retry`),
      scopes,
    };
    states.push(state);
    if (parent) container.set(state.id, parent);

    if (body.Next !== undefined)
      pending.push({ from: state, target: body.Next, kind: 'next', label: undefined, path: `${path}.Next` });
    if (type === 'Choice') readChoices(state, body, path, pending);
    readCatchers(state, body.Catch, `${path}.Catch`, pending);

    if (type === 'Parallel') {
      const branches = body.Branches;
      if (!Array.isArray(branches) || branches.length === 0) {
        problems.push({ path: `${path}.Branches`, message: 'expected a non-empty array of branches' });
      } else {
        branches.forEach((branch, i) => {
          scopes.push(readScope(branch, `${path}.Branches[${i}]`, `Branch ${i + 1}`, state));
        });
      }
    } else if (type === 'Map') {
      const key = body.ItemProcessor !== undefined ? 'ItemProcessor' : 'Iterator';
      const processor = body[key];
      const distributed =
        isObject(processor) && isObject(processor.ProcessorConfig)
          ? processor.ProcessorConfig.Mode === 'DISTRIBUTED'
          : false;
      scopes.push(
        readScope(
          processor,
          `${path}.${key}`,
          distributed ? 'Item processor (distributed)' : 'Iterator',
          state,
        ),
      );
    }
    return state;
  };

  const readChoices = (state: GraphState, body: Json, path: string, pending: PendingEdge[]) => {
    const choices = body.Choices;
    if (!Array.isArray(choices) || choices.length === 0) {
      problems.push({ path: `${path}.Choices`, message: 'expected a non-empty array of rules' });
    } else {
      choices.forEach((rule, i) => {
        const rulePath = `${path}.Choices[${i}]`;
        if (!isObject(rule)) {
          problems.push({ path: rulePath, message: 'expected a Choice rule object' });
          return;
        }
        pending.push({
          from: state,
          target: rule.Next,
          kind: 'choice',
          label: describeChoiceRule(rule),
          path: `${rulePath}.Next`,
        });
      });
    }
    if (body.Default !== undefined) {
      pending.push({
        from: state,
        target: body.Default,
        kind: 'default',
        label: 'Default',
        path: `${path}.Default`,
      });
    }
  };

  const readCatchers = (state: GraphState, catchers: unknown, path: string, pending: PendingEdge[]) => {
    if (catchers === undefined) return;
    if (!Array.isArray(catchers)) {
      problems.push({ path, message: 'expected an array of catchers' });
      return;
    }
    catchers.forEach((catcher, i) => {
      if (!isObject(catcher)) {
        problems.push({ path: `${path}[${i}]`, message: 'expected a catcher object' });
        return;
      }
      const errors = errorNames(catcher.ErrorEquals, `${path}[${i}].ErrorEquals`);
      pending.push({
        from: state,
        target: catcher.Next,
        kind: 'catch',
        label: errors.join(', '),
        path: `${path}[${i}].Next`,
      });
    });
  };

  const readRetries = (retriers: unknown, path: string): RetrySummary[] => {
    if (retriers === undefined) return [];
    if (!Array.isArray(retriers)) {
      problems.push({ path, message: 'expected an array of retriers' });
      return [];
    }
    const out: RetrySummary[] = [];
    retriers.forEach((retrier, i) => {
      if (!isObject(retrier)) {
        problems.push({ path: `${path}[${i}]`, message: 'expected a retrier object' });
        return;
      }
      out.push({
        errors: errorNames(retrier.ErrorEquals, `${path}[${i}].ErrorEquals`),
        maxAttempts: typeof retrier.MaxAttempts === 'number' ? retrier.MaxAttempts : 3,
        intervalSeconds: typeof retrier.IntervalSeconds === 'number' ? retrier.IntervalSeconds : 1,
      });
    });
    return out;
  };

  const errorNames = (value: unknown, path: string): string[] => {
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
      problems.push({ path, message: 'expected a non-empty array of error names' });
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    }
    return value;
  };

  if (!isObject(definition))
    throw new GraphInputError([{ path: '$', message: 'expected an ASL definition object' }]);
  const root = readScope(definition, '$', 'Machine', undefined);
  if (problems.length > 0) throw new GraphInputError(problems);
  return {
    root,
    states,
    edges,
    byName,
    container,
    comment: typeof definition.Comment === 'string' ? definition.Comment : undefined,
  };
}

/** The short facts a picture shows under a state's name. */
function stateDetails(type: StateType, body: Json): string[] {
  const details: string[] = [];
  const timeout =
    typeof body.TimeoutSeconds === 'number' ? `timeout ${formatSeconds(body.TimeoutSeconds)}` : undefined;
  switch (type) {
    case 'Task':
      if (typeof body.Resource === 'string') details.push(summarizeResource(body.Resource));
      if (timeout) details.push(timeout);
      break;
    case 'Wait':
      if (typeof body.Seconds === 'number') details.push(`wait ${formatSeconds(body.Seconds)}`);
      else if (typeof body.Seconds === 'string') details.push(`wait ${body.Seconds}`);
      else if (typeof body.Timestamp === 'string') details.push(`until ${body.Timestamp}`);
      else if (typeof body.SecondsPath === 'string') details.push(`seconds from ${body.SecondsPath}`);
      else if (typeof body.TimestampPath === 'string') details.push(`until ${body.TimestampPath}`);
      break;
    case 'Fail': {
      const error = typeof body.Error === 'string' ? body.Error : undefined;
      const cause = typeof body.Cause === 'string' ? body.Cause : undefined;
      if (error) details.push(error);
      if (cause) details.push(cause);
      break;
    }
    case 'Map': {
      const concurrency = body.MaxConcurrency;
      if (typeof concurrency === 'number' && concurrency > 0) details.push(`max concurrency ${concurrency}`);
      if (typeof body.ItemsPath === 'string' && body.ItemsPath !== '$')
        details.push(`items ${body.ItemsPath}`);
      break;
    }
    case 'Parallel':
      if (timeout) details.push(timeout);
      break;
    default:
      break;
  }
  return details;
}
