// What a run is given to execute: an ASL object, its JSON text or a core machine, read into one
// shape, and the child machines a run may start, read the same way. Kept apart from the
// execution's life cycle so starting and checking a run share one reading of its sources.
import type { AnyActivity, StateMachineLike } from '@sfini/core';
import { compileMachine } from './compile/machine.js';
import type { CompiledMachine } from './compile/model.js';
import type { DefinitionSource, RunOptions } from './types.js';

/** A definition source, read. */
export interface Resolved {
  definition: Record<string, unknown>;
  machineName: string | undefined;
  activities: readonly AnyActivity[];
  /** The machine itself when the source is one, for its input schema. */
  machine: StateMachineLike | undefined;
}

function isMachine(value: unknown): value is StateMachineLike {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'sfini.stateMachine'
  );
}

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
    return {
      definition: parsed as Record<string, unknown>,
      machineName: undefined,
      activities: [],
      machine: undefined,
    };
  }
  if (isMachine(source)) {
    return {
      definition: source.toDefinition(),
      machineName: source.name,
      activities: source.activities,
      machine: source,
    };
  }
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    throw new TypeError('the definition must be an ASL object, its JSON text, or a state machine');
  }
  return {
    definition: source as Record<string, unknown>,
    machineName: undefined,
    activities: [],
    machine: undefined,
  };
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
