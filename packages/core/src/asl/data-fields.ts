// The fields that move data through a state, in both query languages: JSONPath's InputPath,
// Parameters, ResultSelector, ResultPath, OutputPath and payload-template Assign; JSONata's
// Arguments, Output and expression Assign. They mean the same on every state type that has
// them, so they are checked once here; a field of the other query language has already been
// reported by the field table and is not checked again.
import { at, type CheckContext, describeType, isObject, report } from './check-context.js';
import { checkJsonataValue, isJsonataExpression } from './jsonata-syntax.js';
import { type PathKind, pathSyntaxProblem } from './path-syntax.js';
import { checkAssignNames, checkPayloadTemplate } from './payload-template.js';
import { fieldApplies } from './state-fields.js';
import type { AslStateType } from './types.js';

const PATH_LABEL: Record<PathKind, string> = {
  path: 'a Path',
  reference: 'a Reference Path',
  result: 'a Reference Path',
};

/** Checks a path field: a string (or null where `nullable`) with the syntax of `kind`. */
export function checkPathField(
  ctx: CheckContext,
  field: string,
  value: unknown,
  kind: PathKind,
  nullable: boolean,
): void {
  const here = at(ctx, field);
  if (value === null && nullable) return;
  if (typeof value !== 'string') {
    const allowed = nullable ? `${PATH_LABEL[kind]} string or null` : `${PATH_LABEL[kind]} string`;
    report(here, 'WRONG_TYPE', `${field} must be ${allowed}, not ${describeType(value)}.`);
    return;
  }
  const problem = pathSyntaxProblem(value, kind);
  if (problem)
    report(here, kind === 'path' ? 'INVALID_PATH' : 'INVALID_REFERENCE_PATH', `${field}: ${problem}.`);
}

/** Checks a JSONPath `Assign` (a payload template whose keys are variable names). */
export function checkJsonPathAssign(ctx: CheckContext, value: unknown): void {
  if (!isObject(value)) {
    report(at(ctx, 'Assign'), 'WRONG_TYPE', `Assign must be an object, not ${describeType(value)}.`);
    return;
  }
  checkAssignNames(at(ctx, 'Assign'), value, true);
  checkPayloadTemplate(ctx, 'Assign', value);
}

/** Checks a JSONata `Assign` (variable names to values that may hold `{% %}` expressions). */
export function checkJsonataAssign(ctx: CheckContext, value: unknown): void {
  const here = at(ctx, 'Assign');
  if (!isObject(value)) {
    report(here, 'WRONG_TYPE', `Assign must be an object, not ${describeType(value)}.`);
    return;
  }
  checkAssignNames(here, value, false);
  checkJsonataValue(here, 'Assign', value);
}

/** Checks `Assign` in whichever language the context uses. */
export function checkAssign(ctx: CheckContext, value: unknown): void {
  if (ctx.queryLanguage === 'JSONata') checkJsonataAssign(ctx, value);
  else checkJsonPathAssign(ctx, value);
}

/** Checks JSONata `Arguments`: an object or a single `{% %}` expression. */
export function checkArguments(ctx: CheckContext, value: unknown): void {
  const here = at(ctx, 'Arguments');
  if (!isObject(value) && !isJsonataExpression(value)) {
    report(
      here,
      'WRONG_TYPE',
      `Arguments must be an object or a JSONata expression "{% ... %}", not ${describeType(value)}.`,
    );
    return;
  }
  checkJsonataValue(here, 'Arguments', value);
}

/** Checks every data field of a state that its type and query language allow. */
export function checkDataFields(ctx: CheckContext, type: AslStateType, state: Record<string, unknown>): void {
  const has = (field: string) => Object.hasOwn(state, field) && fieldApplies(ctx, type, field);
  if (ctx.queryLanguage === 'JSONPath') {
    if (has('InputPath')) checkPathField(ctx, 'InputPath', state.InputPath, 'path', true);
    if (has('OutputPath')) checkPathField(ctx, 'OutputPath', state.OutputPath, 'path', true);
    if (has('ResultPath')) checkPathField(ctx, 'ResultPath', state.ResultPath, 'result', true);
    if (has('Parameters')) checkPayloadTemplate(ctx, 'Parameters', state.Parameters);
    if (has('ResultSelector')) checkPayloadTemplate(ctx, 'ResultSelector', state.ResultSelector);
  } else {
    if (has('Output')) checkJsonataValue(at(ctx, 'Output'), 'Output', state.Output);
    if (has('Arguments')) checkArguments(ctx, state.Arguments);
  }
  if (has('Assign')) checkAssign(ctx, state.Assign);
}

/** Checks `Next` / `End` on a state that must have exactly one of them. */
export function checkTransition(ctx: CheckContext, state: Record<string, unknown>): void {
  const hasNext = Object.hasOwn(state, 'Next');
  const hasEnd = Object.hasOwn(state, 'End');
  if (hasNext && typeof state.Next !== 'string') {
    report(
      at(ctx, 'Next'),
      'WRONG_TYPE',
      `Next must be a state name string, not ${describeType(state.Next)}.`,
    );
  }
  if (hasEnd && typeof state.End !== 'boolean') {
    report(at(ctx, 'End'), 'WRONG_TYPE', `End must be true, not ${describeType(state.End)}.`);
  }
  const ends = state.End === true;
  if (hasNext && ends) {
    report(ctx, 'CONFLICTING_FIELDS', 'has both Next and "End": true; a state either moves on or ends.');
  } else if (!hasNext && !ends) {
    report(ctx, 'MISSING_FIELD', 'needs either Next (the state to run next) or "End": true.');
  }
}
