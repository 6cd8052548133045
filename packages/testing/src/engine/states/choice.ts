// Choice: the first rule that holds picks the next state; its Assign (and in JSONata its Output)
// apply. When none holds, Default and the state's own Assign/Output apply, and without a Default
// the state fails with States.NoChoiceMatched. JSONPath rules are judged by the shared Choice
// evaluator; JSONata rules by their Condition expression.
import type { JsonValue } from '@sfini/core';
import type { ChoiceBranch, ChoiceState } from '../compile/model.js';
import { queryEvaluationFailure, StatesErrors, StatesFailure } from '../errors.js';
import { evaluateChoiceRule } from '../eval/functions.js';
import { unexpectedTypeMessage } from '../eval/jsonata.js';
import { makeScope } from '../eval/scope.js';
import type { Thread } from '../run/runtime.js';
import { StateRun } from '../run/state-run.js';
import { stringify } from '../values/json.js';
import type { StepOutcome, StepResult } from './step.js';

function noMatch(): StatesFailure {
  return new StatesFailure(StatesErrors.NoChoiceMatched, 'No Matches!', 'runtime');
}

function matchJsonPath(state: ChoiceState, run: StateRun, input: JsonValue): ChoiceBranch | undefined {
  const scope = makeScope(input, run.context, run.thread.variables, (path, root) =>
    run.runtimeFailure(
      `Invalid path '${path}': The choice state's condition path references an invalid value. Input: '${stringify(root)}'`,
    ),
  );
  for (const choice of state.choices) {
    let holds: boolean;
    try {
      holds = evaluateChoiceRule(choice.rule as Record<string, unknown>, scope);
    } catch (thrown) {
      if (thrown instanceof StatesFailure) throw thrown;
      const error = thrown as { error?: unknown; cause?: unknown; message?: string };
      if (typeof error.error === 'string') {
        throw new StatesFailure(
          error.error,
          typeof error.cause === 'string' ? error.cause : error.message,
          'runtime',
        );
      }
      throw run.runtimeFailure(String(error.message ?? thrown));
    }
    if (holds) return choice;
  }
  return undefined;
}

export function runChoice(state: ChoiceState, input: JsonValue, thread: Thread): StepOutcome {
  const run = new StateRun(state, thread, input);
  if (state.queryLanguage === 'JSONata') return runChoiceJsonata(state, run);
  const effective = run.applyPath(state.inputPath, input);
  const matched = matchJsonPath(state, run, effective);
  if (matched === undefined && state.default === undefined) throw noMatch();
  const assigned = run.assignJsonPath(matched ? matched.assign : state.assign, effective);
  const output = run.applyPath(state.outputPath, effective);
  run.commitAssign(assigned);
  run.exit(output, assigned);
  return { output, next: matched ? matched.next : state.default };
}

async function runChoiceJsonata(state: ChoiceState, run: StateRun): Promise<StepResult> {
  const states = run.states();
  let matched: ChoiceBranch | undefined;
  let output: JsonValue;
  let assigned: Record<string, JsonValue> | undefined;
  try {
    for (const choice of state.choices) {
      const value = await run.jsonata(
        { kind: 'expression', expression: choice.condition!, field: 'Condition' },
        states,
      );
      if (typeof value !== 'boolean') {
        throw queryEvaluationFailure(
          state.name,
          run.enteredEventId,
          unexpectedTypeMessage(choice.condition!.source, 'Condition', 'boolean', value),
          'Condition',
        );
      }
      if (value) {
        matched = choice;
        break;
      }
    }
    if (matched === undefined && state.default === undefined) throw noMatch();
    const outputNode = matched ? matched.output : state.output;
    output = outputNode ? await run.jsonata(outputNode, states) : run.input;
    assigned = await run.assignJsonata(matched ? matched.assign : state.assign, states);
  } catch (error) {
    if (error instanceof StatesFailure && error.kind === 'evaluation') run.evaluationFailed(error);
    throw error;
  }
  run.commitAssign(assigned);
  run.exit(output, assigned);
  return { output, next: matched ? matched.next : state.default };
}
