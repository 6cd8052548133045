// Type tests of the intrinsic syntax tree: parseIntrinsic returns a call named by one of the 18
// functions, arguments narrow by kind, and what the types refuse is marked with
// `@ts-expect-error`. Checked by vitest's typecheck.
import { describe, expectTypeOf, test } from 'vitest';
import {
  type IntrinsicArgument,
  type IntrinsicCall,
  type IntrinsicFunctionName,
  isIntrinsicFunctionName,
  parseIntrinsic,
} from '../index.js';

describe('intrinsic syntax tree types', () => {
  test('parseIntrinsic returns a call whose name is one of the 18 literals', () => {
    const call = parseIntrinsic('States.UUID()');
    expectTypeOf(call).toEqualTypeOf<IntrinsicCall>();
    expectTypeOf(call.name).toEqualTypeOf<IntrinsicFunctionName>();
    expectTypeOf<'States.Format'>().toExtend<IntrinsicFunctionName>();
    expectTypeOf<IntrinsicFunctionName>().not.toEqualTypeOf<string>();
  });

  test('arguments narrow by kind', () => {
    const arg = {} as IntrinsicArgument;
    if (arg.kind === 'string') expectTypeOf(arg.raw).toEqualTypeOf<string>();
    if (arg.kind === 'number') expectTypeOf(arg.value).toEqualTypeOf<number>();
    if (arg.kind === 'path') expectTypeOf(arg.scope).toEqualTypeOf<'input' | 'context' | 'variable'>();
    if (arg.kind === 'call') expectTypeOf(arg.args).toEqualTypeOf<readonly IntrinsicArgument[]>();
  });

  test('isIntrinsicFunctionName narrows a string', () => {
    const name: string = 'States.Array';
    if (isIntrinsicFunctionName(name)) expectTypeOf(name).toEqualTypeOf<IntrinsicFunctionName>();
  });

  test('what the types refuse', () => {
    // @ts-expect-error an unknown function name is not an IntrinsicFunctionName
    const unknownName: IntrinsicFunctionName = 'States.Compare';
    // @ts-expect-error names are case-sensitive
    const lowerCase: IntrinsicFunctionName = 'States.format';
    const call = parseIntrinsic('States.Array(1)');
    // @ts-expect-error a parsed tree is read-only
    call.args = [];
    const arg = call.args[0] as IntrinsicArgument;
    // @ts-expect-error a string literal's raw text exists only once the kind is narrowed
    arg.raw;
    expectTypeOf([unknownName, lowerCase]).toBeArray();
  });
});
