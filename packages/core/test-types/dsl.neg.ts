// biome-ignore-all format: each @ts-expect-error must sit right above the one line it expects to fail
// Negative type tests: each line after an expect-error directive must fail to compile, and
// each directive says what the types reject there. Compiled by tsc (TypeScript 7 and 6) from
// src/dsl/type-tests.test.ts; an unused directive is itself an error, so a collapse of the
// DSL's types to `any` fails the build.
import { z } from 'zod';
import { activity, machine, resource, States } from '../src/index.js';

const input = z.object({
  id: z.string(),
  n: z.number(),
  flag: z.boolean(),
  at: z.string(),
  opt: z.number().optional(),
  list: z.array(z.object({ v: z.number() })),
  nested: z.object({ a: z.object({ b: z.string() }) }),
});
const needsN = activity('needsN', { input: z.object({ n: z.number() }) }, ({ n }) => ({ out: n }));
const needsText = activity('needsText', { input: z.string() }, (text) => text.length);
const lambda = resource('arn:aws:lambda:us-east-1:123456789012:function:f', {
  input: z.object({ id: z.string() }),
  output: z.object({ ok: z.boolean() }),
});

export const negative = machine('negative', { input }, (s) => {
  // --- check 1: a path that names no field of the data ---
  // @ts-expect-error check 1, Pass inputPath: no field 'missing' at $
  s.pass('a1', { inputPath: '$.missing' });
  // @ts-expect-error check 1, Pass outputPath: no field 'nope' at $ after the Pass
  s.pass('a2', { outputPath: '$.nope' });
  // @ts-expect-error check 1, nested path: no field 'c' at $.nested.a
  s.pass('a3', { inputPath: '$.nested.a.c' });
  // @ts-expect-error check 1, path through a number: $.n is a number, so $.n.x names nothing
  s.pass('a4', { inputPath: '$.n.x' });
  // @ts-expect-error check 1, Pass resultPath under a string: cannot write at $.id.x
  s.pass('a5', { result: 1, resultPath: '$.id.x' });
  // @ts-expect-error check 1, a path must start with '$'
  s.pass('a6', { inputPath: 'id' });
  // @ts-expect-error check 1, Pass parameters: a '.$' value naming no field
  s.pass('a7', { parameters: { 'x.$': '$.missing' } });
  // @ts-expect-error check 1, intrinsic helper argument naming no field
  s.pass('a8', { parameters: { 'x.$': States.format('hi {}', '$.missing') } });
  // @ts-expect-error check 1, context path: no such context field $$.Execution.Nope
  s.pass('a9', { parameters: { 'x.$': '$$.Execution.Nope' } });
  // @ts-expect-error check 1, raw intrinsic string naming no intrinsic function
  s.pass('a10', { parameters: { 'x.$': 'States.Nope($.id)' } });
  // @ts-expect-error check 1, Task inputPath naming no field
  s.task('a11', needsText, { inputPath: '$.missing' });
  // @ts-expect-error check 1, Task resultSelector reading a field the result lacks
  s.task('a12', needsN, { resultSelector: { 'x.$': '$.missing' } });
  // @ts-expect-error check 1, Task outputPath naming no field of the data after the result is placed
  s.task('a13', needsN, { resultPath: '$.r', outputPath: '$.r.missing' });
  // @ts-expect-error check 1, Wait inputPath naming no field
  s.wait('a14', { seconds: 1, inputPath: '$.missing' });
  // @ts-expect-error check 1, Succeed outputPath naming no field
  s.succeed('a15', { outputPath: '$.missing' });
  // @ts-expect-error check 1, Fail errorPath naming no field
  s.fail('a16', { errorPath: '$.missing' });
  // @ts-expect-error check 1, Choice inputPath naming no field
  s.choice('a17', { inputPath: '$.missing' });
  // @ts-expect-error check 1, Choice variable naming no field
  s.choice('a18').when((r) => r.numericEquals('$.missing', 1), (f) => f.succeed('a18s'));
  // @ts-expect-error check 1, Parallel outputPath naming no field of the placed result
  s.parallel('a19', { branches: [(b) => b.pass('a19p')], resultPath: '$.p', outputPath: '$.q' });
  // @ts-expect-error check 1, Map itemsPath naming no field
  s.map('a20', { itemsPath: '$.missing', itemProcessor: (i) => i.pass('a20p') });
  // @ts-expect-error check 1, Catch resultPath under a number
  s.task('a21', needsN).catch(['States.ALL'], (f) => f.fail('a21f'), { resultPath: '$.n.err' });
  // @ts-expect-error check 1, timeoutSecondsPath naming no field
  s.task('a22', needsN, { timeoutSecondsPath: '$.missing' });
  // @ts-expect-error check 1, a ...Path comparison operand naming no field
  s.choice('a23').when((r) => r.numericLessThanPath('$.n', '$.missing'), (f) => f.succeed('a23s'));

  // --- check 2: a Choice comparison whose operand type does not match the field ---
  // @ts-expect-error check 2, numeric comparison on a string field
  s.choice('b1').when((r) => r.numericLessThan('$.id', 3), (f) => f.succeed('b1s'));
  // @ts-expect-error check 2, booleanEquals on a number field
  s.choice('b2').when((r) => r.booleanEquals('$.n', true), (f) => f.succeed('b2s'));
  // @ts-expect-error check 2, timestamp comparison on a number field
  s.choice('b3').when((r) => r.timestampLessThan('$.n', '2020-01-01T00:00:00Z'), (f) => f.succeed('b3s'));
  // @ts-expect-error check 2, string comparison on a boolean field
  s.choice('b4').when((r) => r.stringEquals('$.flag', 'x'), (f) => f.succeed('b4s'));
  // @ts-expect-error check 2, stringMatches on a number field
  s.choice('b5').when((r) => r.stringMatches('$.n', 'a*'), (f) => f.succeed('b5s'));
  // @ts-expect-error check 2, ...Path comparison whose second operand is a string
  s.choice('b6').when((r) => r.numericEqualsPath('$.n', '$.id'), (f) => f.succeed('b6s'));
  // @ts-expect-error check 2, comparison on an optional field without an isPresent guard
  s.choice('b7').when((r) => r.numericGreaterThan('$.opt', 1), (f) => f.succeed('b7s'));
  // @ts-expect-error check 2, an Or does not guard: isPresent must come first inside and(...)
  s.choice('b8').when((r) => r.or(r.isPresent('$.opt'), r.numericGreaterThan('$.opt', 1)), (f) => f.succeed('b8s'));
  // @ts-expect-error check 2, the comparison value has the wrong type
  s.choice('b9').when((r) => r.numericEquals('$.n', 'three'), (f) => f.succeed('b9s'));

  // --- check 3: a Task whose effective input does not satisfy the activity's input ---
  // @ts-expect-error check 3, the activity needs a string but the whole data is an object
  s.task('c1', needsText);
  // @ts-expect-error check 3, after inputPath the input is a number, the activity needs { n }
  s.task('c2', needsN, { inputPath: '$.n' });
  // @ts-expect-error check 3, parameters build { m } but the activity needs field 'n'
  s.task('c3', needsN, { parameters: { 'm.$': '$.n' } });
  // @ts-expect-error check 3, parameters give 'n' a string where the activity needs a number
  s.task('c4', needsN, { parameters: { 'n.$': '$.id' } });
  // @ts-expect-error check 3, a resource ARN with a declared input: field 'id' is a number here
  s.task('c5', lambda, { parameters: { 'id.$': '$.n' } });
  // @ts-expect-error check 3, input discarded (inputPath null) but the activity needs { n }
  s.task('c6', needsN, { inputPath: null });

  // --- check 4: a transition whose data does not fit what the target state expects ---
  const wantsResult = s.task('d0', needsN, { resultPath: '$.r' });
  const plain = s.pass('d1', { parameters: { 'only.$': '$.id' } });
  // @ts-expect-error check 4, next(): the data here lacks field 'r' that the target state reads
  plain.next(wantsResult.task('d2', needsN, { inputPath: '$.r' }));
  // @ts-expect-error check 4, a Choice rule's target expects data this Choice does not pass on
  plain.choice('d3').when((r) => r.stringEquals('$.only', 'x'), wantsResult);
  // @ts-expect-error check 4, a Choice default whose target expects other data
  plain.choice('d4').otherwise(wantsResult);
  // @ts-expect-error check 4, a Catch target expecting data the error output does not have
  s.task('d5', needsN).catch(['States.ALL'], wantsResult);

  // --- check 5: a Map itemsPath that is not an array; a Wait secondsPath that is not a number ---
  // @ts-expect-error check 5, Map itemsPath names a string, not an array
  s.map('e1', { itemsPath: '$.id', itemProcessor: (i) => i.pass('e1p') });
  // @ts-expect-error check 5, Wait secondsPath names a string, not a number
  s.wait('e2', { secondsPath: '$.id' });
  // @ts-expect-error check 5, Wait timestampPath names a number, not a timestamp string
  s.wait('e3', { timestampPath: '$.n' });
  // @ts-expect-error check 5, Map items' processor reads a field the items lack
  s.map('e4', { itemsPath: '$.list', itemProcessor: (i) => i.pass('e4p', { inputPath: '$.w' }) });

  // --- states that cannot continue, and options a state does not take ---
  // @ts-expect-error a Succeed state ends the machine: nothing can follow it
  s.succeed('f1').pass('f2');
  // @ts-expect-error a Pass state has no resultSelector
  s.pass('f3', { resultSelector: {} });
  // @ts-expect-error a Task needs an activity or resource(), not a string
  s.task('f4', 'arn:aws:lambda:us-east-1:123456789012:function:f');
  // @ts-expect-error a Wait needs one of seconds, timestamp, secondsPath, timestampPath
  s.wait('f5');
  return s.succeed('end');
});

// --- inference: the types are precise, not `any` ---
const loop = machine('loop', { input: z.object({ increment: z.number() }) }, (s) =>
  s.pass('init', { result: 0, resultPath: '$.counter' }).succeed('end', { outputPath: '$.counter' }),
);
// @ts-expect-error the machine's output is a number, not a string
export const output: NonNullable<(typeof loop)['~types']>['output'] extends string ? true : never = true;
// @ts-expect-error the machine's input needs 'increment'
export const started: NonNullable<(typeof loop)['~types']>['input'] = {};
