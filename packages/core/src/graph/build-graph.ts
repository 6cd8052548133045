// Reads an untrusted ASL definition into the graph model (model.ts) in one pass, so every
// structural problem is found and reported together rather than one per attempt. Names only
// ever become Map keys or generated ids, never object keys, so `__proto__` is just another
// state name. Nothing here draws: the renderers take the finished graph.
import { isStateType, STATE_TYPES } from '../asl/state-fields.js';
import { describeChoiceRule } from './choice-label.js';
import { stateDetails } from './describe.js';
import {
  type EdgeKind,
  type GraphEdge,
  GraphInputError,
  type GraphProblem,
  type GraphScope,
  type GraphState,
  type MachineGraph,
  type RetrySummary,
} from './model.js';

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
    if (!isStateType(type)) {
      problems.push({
        path: `${path}.Type`,
        message: `expected one of ${STATE_TYPES.join(', ')}, got ${JSON.stringify(type ?? null)}`,
      });
      return undefined;
    }
    const scopes: GraphScope[] = [];
    const state: GraphState = {
      id: `s${states.length}`,
      name,
      type,
      path,
      details: stateDetails(type, body),
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
