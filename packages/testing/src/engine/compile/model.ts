// The compiled form of a definition: every path parsed, every template and JSONata expression
// compiled, every default applied, once. States then run by reading fields, never by parsing
// strings, which is what makes a transition cost microseconds.
import type { AslQueryLanguage, AslRetrier, AslStateType, JsonValue } from '@sfini/core';
import type { CompiledExpression, JsonataNode } from '../eval/jsonata.js';
import type { PayloadNode } from '../eval/payload-template.js';
import type { ParsedPath } from '../paths/parse.js';

export type QueryLanguage = AslQueryLanguage;
export type StateType = AslStateType;

/** A graph of states: the whole machine, a Parallel branch or a Map item processor. */
export interface CompiledGraph {
  readonly startAt: string;
  readonly states: ReadonlyMap<string, CompiledState>;
  readonly queryLanguage: QueryLanguage;
}

export interface CompiledMachine extends CompiledGraph {
  readonly timeoutSeconds: number | undefined;
  readonly definition: Record<string, unknown>;
}

/** A field that is a number, a path to one, or (JSONata) an expression yielding one. */
export type NumberSource =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'path'; readonly path: ParsedPath; readonly field: string }
  | { readonly kind: 'expression'; readonly expression: CompiledExpression; readonly field: string };

/** Assign, in either language. */
export type AssignProgram =
  | { readonly kind: 'jsonpath'; readonly template: PayloadNode }
  | { readonly kind: 'jsonata'; readonly template: JsonataNode };

/** A retrier as ASL writes it, with AWS's defaults applied to the fields it may leave out. */
export type Retrier = Readonly<
  Required<Omit<AslRetrier, 'Comment' | 'MaxDelaySeconds'>> & Pick<AslRetrier, 'MaxDelaySeconds'>
>;

export interface Catcher {
  readonly errorEquals: readonly string[];
  readonly next: string;
  readonly resultPath: ParsedPath | null | undefined;
  readonly assign: AssignProgram | undefined;
  readonly output: JsonataNode | undefined;
}

interface Base {
  readonly name: string;
  readonly type: StateType;
  readonly queryLanguage: QueryLanguage;
  readonly next: string | undefined;
  /** The state `next` names, resolved once the graph is built (the loop skips the lookup). */
  nextState: CompiledState | undefined;
  readonly end: boolean;
  /** undefined: the default `$`; null: the field was set to null. */
  readonly inputPath: ParsedPath | null | undefined;
  readonly outputPath: ParsedPath | null | undefined;
  readonly assign: AssignProgram | undefined;
  readonly output: JsonataNode | undefined;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface PassState extends Base {
  readonly type: 'Pass';
  readonly result: JsonValue | undefined;
  readonly hasResult: boolean;
  /** The byte size of Result as JSON (0 without one): bounds the output without measuring it. */
  readonly resultBytes: number;
  readonly parameters: PayloadNode | undefined;
  readonly resultPath: ParsedPath | null | undefined;
}

export interface SucceedState extends Base {
  readonly type: 'Succeed';
}

export interface FailState extends Base {
  readonly type: 'Fail';
  readonly error: StringSource | undefined;
  readonly cause: StringSource | undefined;
}

/** Fail's Error/Cause: a literal, a path or intrinsic (…Path fields), or a JSONata expression. */
export type StringSource =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'path'; readonly path: ParsedPath; readonly field: string }
  | { readonly kind: 'intrinsic'; readonly expression: string; readonly field: string }
  | { readonly kind: 'expression'; readonly expression: CompiledExpression; readonly field: string };

export interface ChoiceBranch {
  readonly rule: Readonly<Record<string, unknown>>;
  readonly condition: CompiledExpression | undefined;
  /** The rule's Condition as AWS names it in failures: `Choices[1]/Condition`. */
  readonly conditionField: string;
  readonly next: string;
  readonly assign: AssignProgram | undefined;
  readonly output: JsonataNode | undefined;
}

export interface ChoiceState extends Base {
  readonly type: 'Choice';
  readonly choices: readonly ChoiceBranch[];
  readonly default: string | undefined;
}

export interface WaitState extends Base {
  readonly type: 'Wait';
  readonly seconds: NumberSource | undefined;
  readonly timestamp: StringSource | undefined;
}

interface ExecutionBase extends Base {
  readonly parameters: PayloadNode | undefined;
  readonly arguments: JsonataNode | undefined;
  readonly resultSelector: PayloadNode | undefined;
  readonly resultPath: ParsedPath | null | undefined;
  readonly retriers: readonly Retrier[];
  readonly catchers: readonly Catcher[];
}

export interface TaskState extends ExecutionBase {
  readonly type: 'Task';
  readonly resource: string;
  readonly timeoutSeconds: NumberSource | undefined;
  readonly heartbeatSeconds: NumberSource | undefined;
  readonly credentials: JsonValue | undefined;
}

export interface ParallelState extends ExecutionBase {
  readonly type: 'Parallel';
  readonly branches: readonly CompiledGraph[];
}

export interface MapState extends ExecutionBase {
  readonly type: 'Map';
  readonly processor: CompiledGraph;
  readonly distributed: boolean;
  readonly itemsPath: ParsedPath | undefined;
  readonly items: JsonataNode | undefined;
  readonly itemSelector: PayloadNode | undefined;
  readonly itemSelectorJsonata: JsonataNode | undefined;
  readonly maxConcurrency: NumberSource | undefined;
  readonly toleratedFailureCount: NumberSource | undefined;
  readonly toleratedFailurePercentage: NumberSource | undefined;
  readonly itemBatcher: Readonly<Record<string, unknown>> | undefined;
  readonly itemReader: Readonly<Record<string, unknown>> | undefined;
  readonly label: string | undefined;
}

export type CompiledState =
  | PassState
  | SucceedState
  | FailState
  | ChoiceState
  | WaitState
  | TaskState
  | ParallelState
  | MapState;
