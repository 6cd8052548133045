// JSONPath payload templates (Parameters, ResultSelector, ItemSelector, Assign, Credentials,
// ItemReader/ResultWriter Parameters): objects whose keys ending in `.$` take a value computed
// at run time. Such a value must be a path (from `$`, `$$` or a `$variable`) or an intrinsic
// function; any other key is a literal, checked only for templates nested inside it. A template
// built in JS may share sub-objects: each is walked once (firstWalk), not once per path to it.
import {
  at,
  type CheckContext,
  describeType,
  firstWalk,
  isObject,
  quote,
  report,
  tooDeep,
} from './check-context.js';
import { intrinsicSyntaxProblem, looksLikeIntrinsic } from './intrinsic-syntax.js';
import { pathSyntaxProblem, VARIABLE_NAME } from './path-syntax.js';

/** Checks a `.$` value: a path, a variable or an intrinsic function call. */
export function checkDynamicValue(ctx: CheckContext, field: string, key: string, value: unknown): void {
  if (typeof value !== 'string') {
    report(
      ctx,
      'INVALID_PAYLOAD_TEMPLATE',
      `${field} key ${quote(key)} ends in ".$", so its value must be a path or an intrinsic function string, not ${describeType(value)}.`,
    );
    return;
  }
  if (looksLikeIntrinsic(value)) {
    const problem = intrinsicSyntaxProblem(value);
    if (problem) report(ctx, 'INVALID_INTRINSIC_FUNCTION', `${field} key ${quote(key)}: ${problem}.`);
    return;
  }
  if (!value.startsWith('$')) {
    report(
      ctx,
      'INVALID_PAYLOAD_TEMPLATE',
      `${field} key ${quote(key)} ends in ".$", so its value must be a path ("$...", "$$...", "$variable") or an intrinsic function, not ${describeType(value)}.`,
    );
    return;
  }
  const problem = pathSyntaxProblem(value, 'path');
  if (problem) report(ctx, 'INVALID_PATH', `${field} key ${quote(key)}: ${problem}.`);
}

/** Checks the object or array inside a template, at any depth. */
function checkTemplateNode(ctx: CheckContext, field: string, node: unknown): void {
  if (tooDeep(ctx)) return;
  if (typeof node !== 'object' || node === null || !firstWalk(ctx, 'payload-template', node)) return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      checkTemplateNode(at(ctx, i), field, item);
    });
    return;
  }
  if (!isObject(node)) return;
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (key.endsWith('.$')) {
      const plain = key.slice(0, -2);
      if (Object.hasOwn(node, plain)) {
        report(
          at(ctx, key),
          'INVALID_PAYLOAD_TEMPLATE',
          `${field} has both ${quote(plain)} and ${quote(key)}, which name the same field once evaluated.`,
        );
      }
      checkDynamicValue(at(ctx, key), field, key, value);
    } else {
      checkTemplateNode(at(ctx, key), field, value);
    }
  }
}

/** Checks a payload template field: an object whose `.$` keys hold paths or intrinsics. */
export function checkPayloadTemplate(ctx: CheckContext, field: string, value: unknown): void {
  const here = at(ctx, field);
  if (!isObject(value)) {
    report(
      here,
      'WRONG_TYPE',
      `${field} must be an object (a payload template), not ${describeType(value)}.`,
    );
    return;
  }
  checkTemplateNode(here, field, value);
}

/** Says why `name` cannot be a variable name, or undefined when it can. */
export function variableNameProblem(name: string): string | undefined {
  if (name === '') return 'a variable name cannot be empty';
  if ([...name].length > 80) return `the variable name ${quote(name)} is longer than 80 characters`;
  if (!VARIABLE_NAME.test(name)) {
    return `${quote(name)} is not a valid variable name (a letter or "_", then letters, digits or "_")`;
  }
  if (name === 'states') return '"states" is reserved and cannot be assigned';
  return undefined;
}

/** Checks the variable names an Assign object declares (its keys, without any `.$`). */
export function checkAssignNames(ctx: CheckContext, value: Record<string, unknown>, jsonPath: boolean): void {
  for (const key of Object.keys(value)) {
    const name = jsonPath && key.endsWith('.$') ? key.slice(0, -2) : key;
    const problem = variableNameProblem(name);
    if (problem) report(at(ctx, key), 'INVALID_VARIABLE_NAME', `Assign: ${problem}.`);
  }
}
