// The JSON intrinsics. States.StringToJson of an empty or blank string is null (recorded for
// " "), States.JsonToString writes compact JSON with numbers as a JVM formats them, and
// States.JsonMerge merges shallowly only: a deep merge (`true`) fails, while any other third
// argument (even a string) merges shallowly, as AWS does.

import type { JsonObject, JsonValue } from '@sfini/core';
import {
  describe,
  expectArity,
  type IntrinsicImplementation,
  invalid,
  requireObject,
  requireString,
} from './arguments.js';
import { javaJson } from './java-values.js';

export const statesStringToJson: IntrinsicImplementation = (args) => {
  const name = 'States.StringToJson';
  expectArity(name, args, 1);
  const text = requireString(name, args[0], 'the argument').trim();
  if (text === '') return null;
  try {
    return JSON.parse(text, (_key, value: JsonValue) => (Object.is(value, -0) ? 0 : value)) as JsonValue;
  } catch (error) {
    return invalid(name, `the string is not JSON: ${(error as Error).message}`);
  }
};

export const statesJsonToString: IntrinsicImplementation = (args) => {
  expectArity('States.JsonToString', args, 1);
  return javaJson(args[0] as JsonValue);
};

export const statesJsonMerge: IntrinsicImplementation = (args) => {
  const name = 'States.JsonMerge';
  expectArity(name, args, 3);
  const left = requireObject(name, args[0], 'the first argument');
  const right = requireObject(name, args[1], 'the second argument');
  const deep = args[2];
  if (deep === true || (typeof deep === 'string' && deep.toLowerCase() === 'true')) {
    invalid(
      name,
      `only a shallow merge is supported (the third argument must be false), got ${describe(deep)}`,
    );
  }
  const merged: JsonObject = {};
  for (const source of [left, right]) {
    for (const [key, value] of Object.entries(source)) {
      Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return merged;
};
