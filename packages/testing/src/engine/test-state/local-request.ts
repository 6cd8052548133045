// TestState's AWS request carries the definition and the input as JSON text, which is right on
// the wire and clumsy in a test: a core machine had to be emitted and stringified, and its input
// lost its type. A local request takes the machine (or a plain ASL object) and the input as a
// value instead, and is turned here into the AWS request the engine runs. The input of a
// machine's first state is the execution input, so it is parsed by the machine's input schema,
// exactly as a start of the machine would parse it.
import {
  type AnyActivity,
  type AnyStateMachine,
  isStateMachine,
  type JsonValue,
  type MachineInput,
  parseMachineInput,
} from '@sfini/core';
import type { TestStateRequest } from './types.js';

type SharedFields = Omit<TestStateRequest, 'definition' | 'input' | 'stateName'>;

/**
 * TestState of a core machine's first state (its StartAt): `input` is the execution input, typed
 * and parsed by the machine's input schema. Other fields are as in {@link TestStateRequest}.
 */
export interface MachineStartTestStateRequest<M extends AnyStateMachine> extends SharedFields {
  definition: M;
  /** Omitted, or the machine's StartAt: the first state, which receives the execution input. */
  stateName?: undefined;
  /** The execution input, as a value (not JSON text). Default `{}`. */
  input?: MachineInput<M>;
}

/** TestState of any state of a core machine, named by `stateName`; `input` is that state's input. */
export interface MachineStateTestStateRequest<M extends AnyStateMachine> extends SharedFields {
  definition: M;
  stateName: string;
  /** The state's input, as a value (not JSON text). Default `{}`. */
  input?: JsonValue;
}

/** TestState of a plain ASL object: a whole machine (with `stateName`) or a single state. */
export interface AslObjectTestStateRequest extends SharedFields {
  definition: Readonly<Record<string, unknown>>;
  stateName?: string;
  /** The state's input, as a value (not JSON text). Default `{}`. */
  input?: JsonValue;
}

/** Any request {@link testState} accepts. */
export type AnyTestStateRequest =
  | TestStateRequest
  | MachineStartTestStateRequest<AnyStateMachine>
  | MachineStateTestStateRequest<AnyStateMachine>
  | AslObjectTestStateRequest;

/**
 * The AWS request a local request stands for, and the activities of a machine (run in process).
 * @throws ExecutionInputError when the machine's input schema refuses the first state's input.
 */
export function toAwsRequest(request: AnyTestStateRequest): {
  request: TestStateRequest;
  activities: readonly AnyActivity[];
} {
  const { definition, input, ...rest } = request;
  if (typeof definition === 'string') return { request: request as TestStateRequest, activities: [] };
  if (isStateMachine(definition)) {
    const asl = definition.toDefinition();
    const first = rest.stateName === undefined || rest.stateName === asl.StartAt;
    const value = first ? parseMachineInput(definition, input ?? {}) : (input ?? {});
    return {
      request: { ...rest, definition: JSON.stringify(asl), input: JSON.stringify(value) },
      activities: definition.activities,
    };
  }
  return {
    request: {
      ...rest,
      definition: JSON.stringify(definition),
      ...(input === undefined ? {} : { input: JSON.stringify(input) }),
    },
    activities: [],
  };
}
