// What a run is given to execute: an ASL object, its JSON text or a core machine, read into one
// shape, and the child machines a run may start, read the same way. Kept apart from the
// execution's life cycle so starting and checking a run share one reading of its sources.
import { type AnyActivity, isStateMachine, type StateMachineLike } from '@sfini/core';
import { compileMachine } from './compile/machine.js';
import type { CompiledMachine } from './compile/model.js';
import type { DefinitionSource, RunOptions } from './types.js';

/** A definition source, read (shared between runs of the same machine, so read-only). */
export interface Resolved {
  readonly definition: Readonly<Record<string, unknown>>;
  readonly machineName: string | undefined;
  readonly activities: readonly AnyActivity[];
  /** The machine itself when the source is one, for its input schema. */
  readonly machine: StateMachineLike | undefined;
}

/** A definition given as plain ASL: no machine, name or activities come with it. */
function plain(definition: Record<string, unknown>): Resolved {
  return { definition, machineName: undefined, activities: [], machine: undefined };
}

const resolvedMachines = new WeakMap<StateMachineLike, Resolved>();

/** Reads a definition given as an object, JSON text or a core machine. */
export function resolveDefinition(source: DefinitionSource): Resolved {
  if (typeof source === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch (error) {
      throw new TypeError(`the definition is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new TypeError('the definition must be a JSON object');
    }
    return plain(parsed as Record<string, unknown>);
  }
  if (isStateMachine(source)) {
    // A machine does not change once built: emitting it once lets compileMachine's caches, keyed
    // by the definition object, serve every later run of it (a child started per Map item).
    let resolved = resolvedMachines.get(source);
    if (resolved === undefined) {
      resolved = {
        definition: source.toDefinition(),
        machineName: source.name,
        activities: source.activities,
        machine: source,
      };
      resolvedMachines.set(source, resolved);
    }
    return resolved;
  }
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    throw new TypeError('the definition must be an ASL object, its JSON text, or a state machine');
  }
  return plain(source as Record<string, unknown>);
}

/**
 * The machines a run may start as children, compiled: they run with the parent's mocks, so the
 * mocks are checked against their Task states and activities too.
 * @throws InvalidDefinitionError when a child's definition is invalid, before anything runs.
 */
export function childMachines(options: RunOptions): { graphs: CompiledMachine[]; activities: AnyActivity[] } {
  const given = options.machines;
  const sources: readonly DefinitionSource[] =
    given === undefined ? [] : Array.isArray(given) ? given : Object.values(given);
  const graphs: CompiledMachine[] = [];
  const activities: AnyActivity[] = [];
  for (const source of sources) {
    const child = resolveDefinition(source);
    graphs.push(compileMachine(child.definition, options.validation));
    activities.push(...child.activities);
  }
  return { graphs, activities };
}

/** The activities of the lists by name, a later list winning. */
export function activityMap(...lists: (readonly AnyActivity[] | undefined)[]): Map<string, AnyActivity> {
  const map = new Map<string, AnyActivity>();
  for (const list of lists) for (const activity of list ?? []) map.set(activity.name, activity);
  return map;
}
