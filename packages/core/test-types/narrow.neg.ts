// biome-ignore-all format: each @ts-expect-error must sit right above the one line it expects to fail
// Negative type tests for Choice narrowing and intrinsic results: a rule's target sees only what
// the rule proves (and nothing more), the default keeps the unnarrowed data, and intrinsic
// helpers are typed from their arguments, so a wrong kind of argument or a result of the wrong
// type fed to an activity is refused.
import { z } from 'zod';
import { activity, machine, States } from '../src/index.js';

const input = z.object({
  id: z.string(),
  opt: z.number().optional(),
  value: z.union([z.string(), z.number()]),
  kind: z.enum(['a', 'b']),
  tags: z.array(z.string()),
  left: z.object({ a: z.number() }),
});
const needsN = activity('needsN', { input: z.object({ n: z.number() }) }, ({ n }) => n);
const needsText = activity('needsText', { input: z.object({ text: z.string() }) }, ({ text }) => text);

export const narrowing = machine('narrowing', { input }, (s) => {
  // @ts-expect-error narrowing, the default keeps the optional field: comparing it needs a guard
  s.choice('n1').when((r) => r.isPresent('$.opt'), (f) => f.succeed('n1s')).otherwise((f) => f.choice('n1d').when((r) => r.numericEquals('$.opt', 1), (g) => g.succeed('n1ds')));
  // @ts-expect-error narrowing, after not(isPresent) the field is gone: no field 'opt' at $
  s.choice('n2').when((r) => r.not(r.isPresent('$.opt')), (f) => f.pass('n2p', { inputPath: '$.opt' }));
  // @ts-expect-error narrowing, after isString the union is a string: numeric comparison refused
  s.choice('n3').when((r) => r.isString('$.value'), (f) => f.choice('n3c').when((q) => q.numericEquals('$.value', 1), (g) => g.succeed('n3s')));
  // @ts-expect-error narrowing, after not(or(isString, isNull)) the value is a number: no string comparison
  s.choice('n4').when((r) => r.not(r.or(r.isString('$.value'), r.isNull('$.value'))), (f) => f.choice('n4c').when((q) => q.stringEquals('$.value', 'b'), (g) => g.succeed('n4s')));
  const n8 = s.choice('n8');
  const joined = n8.when((r) => r.isPresent('$.opt')).pass('n8j');
  // @ts-expect-error narrowing, a state built in a narrowed branch expects 'opt' present: the default may lack it
  n8.otherwise(joined);
  // @ts-expect-error narrowing, or() proves nothing: the optional field still needs a guard
  s.choice('n5').when((r) => r.or(r.isPresent('$.opt'), r.isPresent('$.id')), (f) => f.choice('n5c').when((q) => q.numericEquals('$.opt', 1), (g) => g.succeed('n5s')));
  // @ts-expect-error narrowing, the narrowed data is checked against the activity: value is a number
  s.choice('n6').when((r) => r.isNumeric('$.value'), (f) => f.task('n6t', needsText, { parameters: { 'text.$': '$.value' } }));
  // @ts-expect-error narrowing, not(isNumeric) leaves a string: a Task needing a number refuses it
  s.choice('n7').when((r) => r.not(r.isNumeric('$.value')), (f) => f.task('n7t', needsN, { parameters: { 'n.$': '$.value' } }));
  return s.succeed('narrowingEnd');
});

export const intrinsics = machine('intrinsics', { input }, (s) => {
  // @ts-expect-error intrinsics, States.ArrayLength needs an array, but $.id is a string
  s.pass('i1', { parameters: { 'x.$': States.arrayLength('$.id') } });
  // @ts-expect-error intrinsics, States.ArrayGetItem needs an array, but $.left is an object
  s.pass('i2', { parameters: { 'x.$': States.arrayGetItem('$.left', 0) } });
  // @ts-expect-error intrinsics, States.ArrayPartition needs an array, but $.opt is a number
  s.pass('i3', { parameters: { 'x.$': States.arrayPartition('$.opt', 2) } });
  // @ts-expect-error intrinsics, States.JsonMerge merges objects, but $.tags is an array
  s.pass('i4', { parameters: { 'x.$': States.jsonMerge('$.left', '$.tags') } });
  // @ts-expect-error intrinsics, a nested intrinsic argument naming no field
  s.pass('i5', { parameters: { 'x.$': States.arrayLength(States.arrayUnique('$.missing')) } });
  // @ts-expect-error intrinsics, ArrayGetItem of a string array is a string, not the number the activity needs
  s.task('i6', needsN, { parameters: { 'n.$': States.arrayGetItem('$.tags', 0) } });
  // @ts-expect-error intrinsics, JsonMerge keeps the left object's 'a', a number, where a string is needed
  s.pass('i7', { parameters: { 'm.$': States.jsonMerge('$.left', '$.left') } }).task('i7t', needsText, { parameters: { 'text.$': '$.m.a' } });
  // @ts-expect-error intrinsics, Array builds a tuple: its first item is a string, not a number
  s.pass('i8', { parameters: { 'pair.$': States.array('$.id', 1) } }).task('i8t', needsN, { parameters: { 'n.$': '$.pair[0]' } });
  // @ts-expect-error intrinsics, Array builds a tuple of two items: it has no item 2
  s.pass('i9', { parameters: { 'pair.$': States.array('$.id', 1) } }).pass('i9p', { inputPath: '$.pair[2]' });
  return s.succeed('intrinsicsEnd');
});
