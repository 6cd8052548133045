// Choice: the first rule that holds picks the next state; its Assign (and in JSONata its Output)
// apply. When none holds, Default and the state's own Assign/Output apply, and without a Default
// the state fails with States.NoChoiceMatched. JSONPath rules are judged by the shared Choice
// evaluator; JSONata rules by their Condition expression.
import type { JsonValue } from '@sfini/core';
import { NO_CHOICE_MATCHED_CAUSE } from '../../choice/errors.js';
import type { ChoiceRuleDefinition, ChoiceScope } from '../../choice/types.js';
import type { ChoiceBranch, ChoiceState } from '../compile/model.js';
import { StatesFailure } from '../errors.js';
import { evaluateChoiceRule } from '../eval/functions.js';
import { unexpectedTypeMessage } from '../eval/jsonata.js';
import { parsePathCached } from '../paths/parse.js';
import { NOT_FOUND } from '../paths/select.js';
import type { Thread } from '../run/runtime.js';
import { StateRun } from '../run/state-run.js';
import { checkPayloadSize, checkSelectedOutput, knownBytes } from './payload-bound.js';
import { type StepOutcome, StepResult } from './step.js';

function noMatch(run: StateRun): StatesFailure {
  return run.runtimeFailure(NO_CHOICE_MATCHED_CAUSE);
}

function matchJsonPath(state: ChoiceState, run: StateRun, input: JsonValue): ChoiceBranch | undefined {
  const scope: ChoiceScope = {
    resolvePath: (path) => {
      const value = run.select(parsePathCached(path), input);
      return value === NOT_FOUND ? { found: false } : { found: true, value };
    },
  };
  try {
    for (const choice of state.choices) {
      if (evaluateChoiceRule(choice.rule as ChoiceRuleDefinition, scope)) return choice;
    }
  } catch (thrown) {
    throw run.failureFrom(thrown);
  }
  return undefined;
}

export function runChoice(state: ChoiceState, input: JsonValue, thread: Thread): StepOutcome {
  const run = new StateRun(state, thread, input);
  if (state.queryLanguage === 'JSONata') return runChoiceJsonata(state, run);
  const effective = run.applyPath(state.inputPath, input);
  run.inspect('afterInputPath', effective);
  const matched = matchJsonPath(state, run, effective);
  if (matched === undefined && state.default === undefined) throw noMatch(run);
  const assigned = run.assignJsonPath(matched ? matched.assign : state.assign, effective);
  const output = run.applyPath(state.outputPath, effective);
  checkSelectedOutput(run, output, state.inputPath, state.outputPath);
  run.commitAssign(assigned);
  run.exit(output, assigned);
  return new StepResult(output, matched ? matched.next : state.default);
}

async function runChoiceJsonata(state: ChoiceState, run: StateRun): Promise<StepResult> {
  const states = run.states();
  let matched: ChoiceBranch | undefined;
  let output: JsonValue;
  let assigned: Record<string, JsonValue> | undefined;
  try {
    for (const choice of state.choices) {
      const value = await run.jsonata(
        { kind: 'expression', expression: choice.condition!, field: choice.conditionField },
        states,
      );
      if (typeof value !== 'boolean') {
        throw run.queryFailure(
          unexpectedTypeMessage(choice.condition!.source, choice.conditionField, 'boolean', value),
          choice.conditionField,
        );
      }
      if (value) {
        matched = choice;
        break;
      }
    }
    if (matched === undefined && state.default === undefined) throw noMatch(run);
    const outputNode = matched ? matched.output : state.output;
    output = outputNode ? await run.jsonata(outputNode, states) : run.input;
    assigned = await run.assignJsonata(matched ? matched.assign : state.assign, states);
  } catch (error) {
    if (error instanceof StatesFailure && error.kind === 'evaluation') run.evaluationFailed(error);
    throw error;
  }
  checkPayloadSize(run, output, knownBytes(run.thread, output));
  run.commitAssign(assigned);
  run.exit(output, assigned);
  return new StepResult(output, matched ? matched.next : state.default);
}
