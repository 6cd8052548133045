// A state machine written as plain ASL, for tests that need a machine before (or without) the
// DSL: it implements the same StateMachineLike contract an imported definition does.
import type { AnyActivity, EmitOptions, StateMachineLike } from '@sfini/core';
import { activityArn } from '@sfini/core';
import type { z } from 'zod';

export function aslMachine<Input = unknown, Output = unknown>(
  name: string,
  build: (arnOf: (activity: AnyActivity) => string) => Record<string, unknown>,
  options: { activities?: readonly AnyActivity[]; inputSchema?: z.ZodType } = {},
): StateMachineLike<Input, Output> {
  return {
    kind: 'sfini.stateMachine',
    name,
    inputSchema: options.inputSchema,
    activities: options.activities ?? [],
    toDefinition(emit: EmitOptions = {}) {
      return build((activity) => emit.activityArn?.(activity) ?? activityArn(activity.name, emit));
    },
  };
}

/** One Task state running `activity`, whose result is the machine's output. */
export function oneTaskMachine<Output = unknown>(
  name: string,
  activity: AnyActivity,
  task: Record<string, unknown> = {},
): StateMachineLike<unknown, Output> {
  return aslMachine(
    name,
    (arnOf) => ({
      StartAt: 'work',
      States: { work: { Type: 'Task', Resource: arnOf(activity), End: true, ...task } },
    }),
    { activities: [activity] },
  );
}
