// The string, encoding and hashing intrinsics.
//
// States.Format's template keeps AWS's escapes: `\{` and `\}` are literal braces, `{}` is a
// placeholder, and any other brace is an error. A template written as a literal is read from its
// raw source text (the parser has already turned `\{` into `{`, which would lose the difference);
// a template that arrives from a path or another call is read with the same rules. Arguments
// are rendered as a JVM prints them (null as "null", objects as `{key=value}`).
//
// States.StringSplit behaves like java.util.StringTokenizer: the second argument is a set of
// delimiter characters and empty tokens are dropped (recorded: ",,,," gives []).

import { createHash } from 'node:crypto';
import type { JsonValue } from '@sfini/core';
import { expectArity, type IntrinsicImplementation, invalid, requireString } from './arguments.js';
import { javaText } from './java-values.js';
import { randomUuid } from './scope.js';

/** AWS's limit on the input of States.Base64Encode, States.Base64Decode and States.Hash. */
export const MAX_ENCODING_INPUT_LENGTH = 10_000;

/** The algorithm names States.Hash accepts, spelled exactly so. */
export const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

export const statesFormat: IntrinsicImplementation = (args, { call }) => {
  const name = 'States.Format';
  expectArity(name, args, 1, Number.POSITIVE_INFINITY);
  const templateNode = call.args[0];
  const template =
    templateNode?.kind === 'string' ? templateNode.raw : requireString(name, args[0], 'the template');
  const pieces = splitTemplate(template);
  const values = args.slice(1);
  if (pieces.length - 1 !== values.length) {
    invalid(
      name,
      `the template has ${pieces.length - 1} placeholders but ${values.length} values were given`,
    );
  }
  let text = pieces[0] as string;
  values.forEach((value, index) => {
    text += javaText(value) + (pieces[index + 1] as string);
  });
  return text;
};

/** Splits a template at its `{}` placeholders, resolving escapes; refuses stray braces. */
function splitTemplate(template: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (let index = 0; index < template.length; index++) {
    const char = template[index] as string;
    if (char === '\\') {
      const escaped = template[index + 1];
      if (escaped === undefined) invalid('States.Format', 'the template ends with a lone backslash');
      current += escaped;
      index++;
    } else if (char === '{') {
      if (template[index + 1] !== '}')
        invalid('States.Format', `the template has a '{' at ${index} that is not '{}'`);
      pieces.push(current);
      current = '';
      index++;
    } else if (char === '}') {
      invalid('States.Format', `the template has an unmatched '}' at ${index}`);
    } else {
      current += char;
    }
  }
  pieces.push(current);
  return pieces;
}

export const statesStringSplit: IntrinsicImplementation = (args) => {
  const name = 'States.StringSplit';
  expectArity(name, args, 2);
  const text = requireString(name, args[0], 'the string to split');
  const delimiters = new Set(requireString(name, args[1], 'the delimiters'));
  const tokens: string[] = [];
  let current = '';
  for (const char of text) {
    if (!delimiters.has(char)) {
      current += char;
      continue;
    }
    if (current !== '') tokens.push(current);
    current = '';
  }
  if (current !== '') tokens.push(current);
  return tokens;
};

function requireEncodingInput(
  name: 'States.Base64Encode' | 'States.Base64Decode' | 'States.Hash',
  value: string,
) {
  if (value.length > MAX_ENCODING_INPUT_LENGTH) {
    invalid(name, `the input has ${value.length} characters, more than ${MAX_ENCODING_INPUT_LENGTH}`);
  }
}

export const statesBase64Encode: IntrinsicImplementation = (args) => {
  const name = 'States.Base64Encode';
  expectArity(name, args, 1);
  const text = requireString(name, args[0], 'the argument');
  requireEncodingInput(name, text);
  return Buffer.from(text, 'utf8').toString('base64');
};

/** Decodes leniently, as AWS's MIME decoder does: characters outside the alphabet are skipped. */
export const statesBase64Decode: IntrinsicImplementation = (args) => {
  const name = 'States.Base64Decode';
  expectArity(name, args, 1);
  const text = requireString(name, args[0], 'the argument');
  requireEncodingInput(name, text);
  return Buffer.from(text, 'base64').toString('utf8');
};

/** Hashes the UTF-8 bytes of the data; non-string data is hashed in its JVM text form. */
export const statesHash: IntrinsicImplementation = (args) => {
  const name = 'States.Hash';
  expectArity(name, args, 2);
  const data = javaText(args[0] as JsonValue);
  const algorithm = requireString(name, args[1], 'the algorithm');
  const nodeAlgorithm = Object.hasOwn(HASH_ALGORITHMS, algorithm) ? HASH_ALGORITHMS[algorithm] : undefined;
  if (nodeAlgorithm === undefined) {
    invalid(
      name,
      `the algorithm must be one of ${Object.keys(HASH_ALGORITHMS).join(', ')}, got ${JSON.stringify(algorithm)}`,
    );
  }
  requireEncodingInput(name, data);
  return createHash(nodeAlgorithm).update(data, 'utf8').digest('hex');
};

export const statesUuid: IntrinsicImplementation = (args, { scope }) => {
  expectArity('States.UUID', args, 0);
  return randomUuid(scope);
};
