// Event details that carry JSON payloads serialize them on first read. Values inside the engine
// are never mutated, so text produced later is exactly the text AWS would have recorded then,
// and an execution that nobody inspects never pays for serializing every state's input and
// output. The payload fields (`input`, `output`, `assignedVariables`) are getters: reading them,
// or `JSON.stringify` (through `toJSON`), gives the full AWS shape; the raw values are private,
// so copying the own fields of a details object never leaks anything AWS would not send.
import type { JsonValue } from '@sfini/core';
import { stringify } from '../values/json.js';

/** AWS marks payloads as not truncated; the engine never truncates. */
const NOT_TRUNCATED = Object.freeze({ truncated: false });

/** `stateEnteredEventDetails`. */
export class StateEnteredDetails {
  readonly inputDetails = NOT_TRUNCATED;
  readonly #value: JsonValue;
  #text: string | undefined;
  constructor(
    readonly name: string,
    value: JsonValue,
  ) {
    this.#value = value;
  }
  get input(): string {
    if (this.#text === undefined) this.#text = stringify(this.#value);
    return this.#text;
  }
  toJSON() {
    return { name: this.name, input: this.input, inputDetails: this.inputDetails };
  }
}

/** `stateExitedEventDetails`, with the variables the state assigned. */
export class StateExitedDetails {
  readonly outputDetails = NOT_TRUNCATED;
  readonly #value: JsonValue;
  readonly #assignedValues: Readonly<Record<string, JsonValue>> | undefined;
  #text: string | undefined;
  #assigned: Record<string, string> | undefined;
  constructor(
    readonly name: string,
    value: JsonValue,
    assigned?: Readonly<Record<string, JsonValue>>,
  ) {
    this.#value = value;
    this.#assignedValues = assigned;
  }
  get output(): string {
    if (this.#text === undefined) this.#text = stringify(this.#value);
    return this.#text;
  }
  get assignedVariables(): Record<string, string> | undefined {
    const values = this.#assignedValues;
    if (values === undefined) return undefined;
    if (this.#assigned === undefined) {
      // AWS lists assigned variables in name order, whatever order Assign wrote them in.
      const out: Record<string, string> = {};
      for (const key of Object.keys(values).sort()) {
        Object.defineProperty(out, key, {
          value: stringify(values[key] as JsonValue),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      this.#assigned = out;
    }
    return this.#assigned;
  }
  get assignedVariablesDetails(): { truncated: boolean } | undefined {
    return this.#assignedValues === undefined ? undefined : NOT_TRUNCATED;
  }
  toJSON() {
    const json: Record<string, unknown> = {
      name: this.name,
      output: this.output,
      outputDetails: this.outputDetails,
    };
    if (this.#assignedValues !== undefined) {
      json.assignedVariables = this.assignedVariables;
      json.assignedVariablesDetails = NOT_TRUNCATED;
    }
    return json;
  }
}

/**
 * Details with one payload (serialized on first read) beside fixed fields such as `resource` or
 * `roleArn`: the shared part of InputDetails and OutputDetails, which differ only in the name
 * AWS gives the payload.
 */
abstract class PayloadDetails {
  readonly #value: JsonValue;
  readonly #extra: Readonly<Record<string, unknown>>;
  #text: string | undefined;
  constructor(value: JsonValue, extra: Readonly<Record<string, unknown>>) {
    this.#value = value;
    this.#extra = extra;
    Object.assign(this, extra);
  }
  protected get payload(): string {
    if (this.#text === undefined) this.#text = stringify(this.#value);
    return this.#text;
  }
  protected json(key: 'input' | 'output'): Record<string, unknown> {
    return { ...this.#extra, [key]: this.payload, [`${key}Details`]: NOT_TRUNCATED };
  }
}

/** Details whose payload is an `input` (ExecutionStarted, ActivityScheduled, LambdaFunctionScheduled). */
export class InputDetails extends PayloadDetails {
  readonly inputDetails = NOT_TRUNCATED;
  constructor(value: JsonValue, extra: Readonly<Record<string, unknown>> = {}) {
    super(value, extra);
  }
  get input(): string {
    return this.payload;
  }
  toJSON() {
    return this.json('input');
  }
}

/** Details whose payload is an `output` (ExecutionSucceeded, TaskSucceeded, ActivitySucceeded, ...). */
export class OutputDetails extends PayloadDetails {
  readonly outputDetails = NOT_TRUNCATED;
  constructor(value: JsonValue, extra: Readonly<Record<string, unknown>> = {}) {
    super(value, extra);
  }
  get output(): string {
    return this.payload;
  }
  toJSON() {
    return this.json('output');
  }
}
