// Evaluates a parsed intrinsic function call. Arguments are evaluated left to right (paths through
// the engine's resolver, nested calls recursively) before the function runs, as AWS does: a
// missing path fails even when the function would not have needed it.
//
// A text expression is parsed once and kept in a small cache, because the engine evaluates the
// same payload template for every Map item and loop iteration; callers that hold the AST can
// pass it directly and skip the lookup.

import {
  type IntrinsicArgument,
  type IntrinsicCall,
  type IntrinsicFunctionName,
  type JsonValue,
  parseIntrinsic,
} from '@sfini/core';
import type { IntrinsicImplementation } from './arguments.js';
import {
  statesArray,
  statesArrayContains,
  statesArrayGetItem,
  statesArrayLength,
  statesArrayPartition,
  statesArrayRange,
  statesArrayUnique,
} from './functions-array.js';
import { statesJsonMerge, statesJsonToString, statesStringToJson } from './functions-json.js';
import { statesMathAdd, statesMathRandom } from './functions-math.js';
import {
  statesBase64Decode,
  statesBase64Encode,
  statesFormat,
  statesHash,
  statesStringSplit,
  statesUuid,
} from './functions-string.js';
import type { IntrinsicScope } from './scope.js';

const IMPLEMENTATIONS: Readonly<Record<IntrinsicFunctionName, IntrinsicImplementation>> = {
  'States.Format': statesFormat,
  'States.StringToJson': statesStringToJson,
  'States.JsonToString': statesJsonToString,
  'States.Array': statesArray,
  'States.ArrayPartition': statesArrayPartition,
  'States.ArrayContains': statesArrayContains,
  'States.ArrayRange': statesArrayRange,
  'States.ArrayGetItem': statesArrayGetItem,
  'States.ArrayLength': statesArrayLength,
  'States.ArrayUnique': statesArrayUnique,
  'States.Base64Encode': statesBase64Encode,
  'States.Base64Decode': statesBase64Decode,
  'States.Hash': statesHash,
  'States.JsonMerge': statesJsonMerge,
  'States.MathRandom': statesMathRandom,
  'States.MathAdd': statesMathAdd,
  'States.StringSplit': statesStringSplit,
  'States.UUID': statesUuid,
};

const PARSE_CACHE_LIMIT = 512;
const parsed = new Map<string, IntrinsicCall>();

/** Parses an expression, reusing the tree of an identical expression parsed before. */
function parseCached(text: string): IntrinsicCall {
  const cached = parsed.get(text);
  if (cached !== undefined) return cached;
  const call = parseIntrinsic(text);
  if (parsed.size >= PARSE_CACHE_LIMIT) parsed.delete(parsed.keys().next().value as string);
  parsed.set(text, call);
  return call;
}

/**
 * Evaluates an intrinsic function expression against the engine's scope.
 *
 * @param expression - the text (`States.Format('item-{}', $.index)`) or its parsed call.
 * @param scope - path resolution for `$`, `$$` and `$var` arguments, and the random source.
 * @returns the function's JSON result.
 * @throws IntrinsicSyntaxError (from @sfini/core) when the text does not parse.
 * @throws IntrinsicEvaluationError (`States.Runtime`, cause `Invalid arguments in States.X`)
 *   when a function rejects its arguments.
 * @throws whatever `scope.resolvePath` throws for a path that is not found.
 * @example
 * evaluateIntrinsic("States.MathAdd($.count, 1)", { resolvePath: () => 41 }); // 42
 */
export function evaluateIntrinsic(expression: string | IntrinsicCall, scope: IntrinsicScope): JsonValue {
  const call = typeof expression === 'string' ? parseCached(expression) : expression;
  return evaluateCall(call, scope);
}

function evaluateCall(call: IntrinsicCall, scope: IntrinsicScope): JsonValue {
  const args = call.args.map((arg) => evaluateArgument(arg, scope));
  return IMPLEMENTATIONS[call.name](args, { call, scope });
}

function evaluateArgument(arg: IntrinsicArgument, scope: IntrinsicScope): JsonValue {
  switch (arg.kind) {
    case 'call':
      return evaluateCall(arg, scope);
    case 'path':
      return scope.resolvePath(arg.path, arg);
    default:
      return arg.value;
  }
}
