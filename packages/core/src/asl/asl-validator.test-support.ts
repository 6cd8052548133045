// Test support: a second opinion from asl-validator v4 (a root dev dependency), so tests can
// assert that what this package emits or accepts also passes the community validator.
// asl-validator refuses a few shapes AWS accepts. Each known false rejection is a rule that
// rewrites its shape into an equivalent one asl-validator takes (same validity for AWS); a
// definition counts as a known false rejection only when asl-validator refuses the original
// and accepts the rewrite. Anything else it refuses is a real disagreement and fails the test.
import { createRequire } from 'node:module';
import { isJsonataExpression } from './jsonata-syntax.js';

interface AslValidatorError {
  'Error code': string;
  Message?: string;
}
type AslValidatorFn = (
  definition: unknown,
  options?: { checkPaths: boolean; checkArn: boolean },
) => { isValid: boolean; errors: AslValidatorError[] };

const aslValidator = createRequire(import.meta.url)('asl-validator') as AslValidatorFn;

/** A shape AWS accepts and asl-validator 4.0.0 refuses, with the rewrite that sidesteps it. */
export interface KnownFalseRejection {
  id: string;
  /** Why asl-validator refuses it and why AWS is right to accept it. */
  reason: string;
}

/** The shapes asl-validator 4.0.0 wrongly refuses, found by running it over the AWS-accepted corpus. */
export const ASL_VALIDATOR_FALSE_REJECTIONS: readonly KnownFalseRejection[] = [
  {
    id: 'jsonata-literal-output',
    reason:
      'A JSONata Output (of a state, a choice rule or a catcher) may be any JSON value; asl-validator ' +
      'only allows an object or a "{% %}" string, so Output 0, "text", [1] or null is refused.',
  },
  {
    id: 'jsonata-boolean-condition',
    reason:
      'A JSONata choice rule Condition may be a literal boolean; asl-validator requires a "{% %}" string.',
  },
  {
    id: 'payload-template-array-literal',
    reason:
      'In a JSONPath payload template (Parameters, Assign, ...), null and "{% ... %}" strings inside an ' +
      'array are plain literals for AWS; asl-validator has no schema branch for null array items and ' +
      'refuses JSONata-looking strings there (only under keys of three or more characters).',
  },
  {
    id: 'placeholder-account-arn',
    reason:
      'asl-validator requires the account part of a Resource ARN to be digits; AWS (TestState) accepted ' +
      'ARNs with placeholder accounts such as "arn:aws:lambda:your-region:your-account-id:function:f".',
  },
  {
    id: 'fractional-tolerated-failure-percentage',
    reason:
      'ToleratedFailurePercentage is a number from 0 to 100 (0.5 is fine); asl-validator requires an integer.',
  },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rewrites known-false shapes in a copy of `definition`; returns the rules that changed something. */
function rewrite(definition: Json): { definition: Json; applied: Set<string> } {
  const applied = new Set<string>();
  const copy = structuredClone(definition);
  const jsonataOutput = (holder: JsonObject) => {
    if (Object.hasOwn(holder, 'Output') && !isObject(holder.Output) && !isJsonataExpression(holder.Output)) {
      holder.Output = `{% ${JSON.stringify(holder.Output)} %}`;
      applied.add('jsonata-literal-output');
    }
  };
  const templateArrays = (node: Json): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        if (item === null || isJsonataExpression(item)) {
          node[i] = 0;
          applied.add('payload-template-array-literal');
        } else templateArrays(item);
      });
    } else if (isObject(node)) {
      for (const key of Object.keys(node)) if (!key.endsWith('.$')) templateArrays(node[key]!);
    }
  };
  const resourceAccount = (holder: Json | undefined) => {
    if (!isObject(holder) || typeof holder.Resource !== 'string') return;
    const parts = /^(arn:[^:]+:[^:]+:[^:]*:)([^:]*)(:.+)$/.exec(holder.Resource);
    if (parts && !/^\d*$/.test(parts[2]!)) {
      holder.Resource = `${parts[1]}123456789012${parts[3]}`;
      applied.add('placeholder-account-arn');
    }
  };
  const machine = (m: Json, language: string) => {
    if (!isObject(m) || !isObject(m.States)) return;
    const inherited = typeof m.QueryLanguage === 'string' ? m.QueryLanguage : language;
    for (const state of Object.values(m.States)) {
      if (!isObject(state)) continue;
      const ql = typeof state.QueryLanguage === 'string' ? state.QueryLanguage : inherited;
      if (ql === 'JSONata') {
        jsonataOutput(state);
        for (const rule of Array.isArray(state.Choices) ? state.Choices : []) {
          if (!isObject(rule)) continue;
          jsonataOutput(rule);
          if (typeof rule.Condition === 'boolean') {
            rule.Condition = `{% ${rule.Condition} %}`;
            applied.add('jsonata-boolean-condition');
          }
        }
        for (const catcher of Array.isArray(state.Catch) ? state.Catch : [])
          if (isObject(catcher)) jsonataOutput(catcher);
      } else {
        for (const field of ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Credentials']) {
          if (Object.hasOwn(state, field)) templateArrays(state[field]!);
        }
      }
      resourceAccount(state);
      resourceAccount(state.ItemReader);
      resourceAccount(state.ResultWriter);
      const percentage = state.ToleratedFailurePercentage;
      if (typeof percentage === 'number' && !Number.isInteger(percentage)) {
        state.ToleratedFailurePercentage = Math.floor(percentage);
        applied.add('fractional-tolerated-failure-percentage');
      }
      for (const branch of Array.isArray(state.Branches) ? state.Branches : []) machine(branch, ql);
      if (Object.hasOwn(state, 'ItemProcessor')) machine(state.ItemProcessor!, ql);
      if (Object.hasOwn(state, 'Iterator')) machine(state.Iterator!, ql);
    }
  };
  machine(copy, 'JSONPath');
  return { definition: copy, applied };
}

/** What asl-validator says about a definition, after allowing for its known false rejections. */
export interface AslValidatorVerdict {
  /** True when asl-validator accepts the definition, directly or once known-false shapes are rewritten. */
  accepted: boolean;
  /** The known false rejections this definition hit (empty when asl-validator accepted it as is). */
  knownFalseRejections: string[];
  /** asl-validator's errors for the definition as given (or after the rewrite, when still refused). */
  errors: string[];
}

function run(definition: unknown): { isValid: boolean; errors: string[] } {
  // asl-validator writes QueryLanguage into the states it checks, so it only ever sees a copy.
  const result = aslValidator(structuredClone(definition));
  return {
    isValid: result.isValid,
    errors: result.errors.map((e) => `${e['Error code']}: ${e.Message ?? ''}`),
  };
}

/** Runs asl-validator on a whole machine definition, allowing for its documented false rejections. */
export function aslValidatorVerdict(definition: unknown): AslValidatorVerdict {
  const direct = run(definition);
  if (direct.isValid) return { accepted: true, knownFalseRejections: [], errors: [] };
  const rewritten = rewrite(definition as Json);
  if (rewritten.applied.size === 0)
    return { accepted: false, knownFalseRejections: [], errors: direct.errors };
  const second = run(rewritten.definition);
  return {
    accepted: second.isValid,
    knownFalseRejections: second.isValid ? [...rewritten.applied] : [],
    errors: second.isValid ? direct.errors : second.errors,
  };
}

/**
 * Throws unless asl-validator accepts `definition` (allowing for its known false rejections).
 * For tests: `expectAslValidatorAccepts(machine.toDefinition())`.
 */
export function expectAslValidatorAccepts(definition: unknown): void {
  const verdict = aslValidatorVerdict(definition);
  if (!verdict.accepted) {
    throw new Error(
      `asl-validator refuses the definition:\n${verdict.errors.map((e) => `  - ${e}`).join('\n')}`,
    );
  }
}
