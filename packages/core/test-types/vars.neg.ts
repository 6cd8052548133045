// biome-ignore-all format: each @ts-expect-error must sit right above the one line it expects to fail
// Negative type tests for workflow variables: every place a `$name` path may appear is checked
// against the variables in scope, with AWS's scoping (a variable is visible after the state that
// assigns it; Parallel branches and Map item processors read outer variables but assign their
// own; a distributed Map reads none), and Assign names and values are checked too.
import { z } from 'zod';
import { activity, machine, States } from '../src/index.js';

const input = z.object({ id: z.string(), n: z.number(), items: z.array(z.number()) });
const total = activity('total', { input: z.object({ id: z.string() }), output: z.object({ sum: z.number() }) }, () => ({ sum: 1 }));
const needsCount = activity('needsCount', { input: z.object({ count: z.number() }) }, ({ count }) => count);

export const reads = machine('reads', { input }, (s) => {
  const a = s.pass('a', { assign: { count: 1, label: 'x', 'list.$': '$.items', meta: { owner: 'me' } } });
  // @ts-expect-error variables, Pass parameters: no variable 'counter' is assigned before this state
  a.pass('r1', { parameters: { 'x.$': '$counter' } });
  // @ts-expect-error variables, a variable read before the state that assigns it
  s.pass('r2', { parameters: { 'x.$': '$count' } });
  // @ts-expect-error variables, a path into a variable naming no field of its value
  a.pass('r3', { parameters: { 'x.$': '$meta.team' } });
  // @ts-expect-error variables, a path through a number variable names nothing
  a.pass('r4', { parameters: { 'x.$': '$count.value' } });
  // @ts-expect-error variables, intrinsic argument reading an unassigned variable
  a.pass('r5', { parameters: { 'x.$': States.format('{}', '$missing') } });
  // @ts-expect-error variables, Pass inputPath naming an unassigned variable
  a.pass('r6', { inputPath: '$missing' });
  // @ts-expect-error variables, Task parameters give field 'count' a string variable where a number is needed
  a.task('r7', needsCount, { parameters: { 'count.$': '$label' } });
  // @ts-expect-error variables, Choice variable: numericEquals on a string variable
  a.choice('r8').when((r) => r.numericEquals('$label', 1), (f) => f.succeed('r8s'));
  // @ts-expect-error variables, Choice ...Path operand naming an unassigned variable
  a.choice('r9').when((r) => r.numericLessThanPath('$.n', '$limit'), (f) => f.succeed('r9s'));
  // @ts-expect-error variables, Choice ...Path operand: a string variable compared as a number
  a.choice('r10').when((r) => r.numericLessThanPath('$count', '$label'), (f) => f.succeed('r10s'));
  // @ts-expect-error variables, Wait secondsPath naming a string variable
  a.wait('r11', { secondsPath: '$label' });
  // @ts-expect-error variables, Task timeoutSecondsPath naming an unassigned variable
  a.task('r12', total, { timeoutSecondsPath: '$timeout' });
  // @ts-expect-error variables, Fail causePath naming a number variable
  a.fail('r13', { causePath: '$count' });
  // @ts-expect-error variables, Map itemsPath naming a variable that is not an array
  a.map('r14', { itemsPath: '$label', itemProcessor: (i) => i.pass('r14p') });
  // @ts-expect-error variables, Map maxConcurrencyPath naming a string variable
  a.map('r15', { itemsPath: '$list', maxConcurrencyPath: '$label', itemProcessor: (i) => i.pass('r15p') });
  // @ts-expect-error variables, Map toleratedFailureCountPath naming an unassigned variable
  a.map('r16', { itemsPath: '$list', toleratedFailureCountPath: '$tolerance', itemProcessor: (i) => i.pass('r16p') });
  // @ts-expect-error variables, Map itemSelector reading an unassigned variable
  a.map('r17', { itemsPath: '$list', itemSelector: { 'x.$': '$nope' }, itemProcessor: (i) => i.pass('r17p') });
  // @ts-expect-error variables, Task resultSelector reading an unassigned variable
  a.task('r18', total, { resultSelector: { 'x.$': '$nope' } });
  // @ts-expect-error variables, Succeed outputPath naming an unassigned variable
  a.succeed('r19', { outputPath: '$nope' });
  // @ts-expect-error variables, a comparison on an optional field of a variable needs a guard
  a.pass('r20', { assign: { maybe: { v: undefined as number | undefined } } }).choice('r20c').when((r) => r.numericEquals('$maybe.v', 1), (f) => f.succeed('r20s'));
  return a.succeed('readsEnd');
});

export const assigns = machine('assigns', { input }, (s) => {
  // @ts-expect-error variables, Task Assign reads the Task's result, which has no field 'id'
  s.task('w1', total, { assign: { 'x.$': '$.id' } });
  // @ts-expect-error variables, Pass Assign reads the Pass's result, which has no field 'id'
  s.pass('w2', { result: { other: 1 }, assign: { 'x.$': '$.id' } });
  // @ts-expect-error variables, Catch Assign reads the error output, which has no field 'sum'
  s.task('w3', total).catch(['States.ALL'], (f) => f.fail('w3f'), { assign: { 'x.$': '$.sum' } });
  // @ts-expect-error variables, Choice rule Assign reading a field the input lacks
  s.choice('w4').when((r) => r.isPresent('$.id'), (f) => f.succeed('w4s'), { assign: { 'x.$': '$.nope' } });
  // @ts-expect-error variables, a variable cannot be named 'states'
  s.pass('w5', { assign: { states: 1 } });
  // @ts-expect-error variables, Assign must be an object of variables
  s.pass('w6', { assign: [1, 2] });
  // @ts-expect-error variables, intrinsic in Assign reading a field the result lacks
  s.task('w7', total, { assign: { 'x.$': States.arrayLength('$.items') } });
  return s.succeed('assignsEnd');
});

export const scopes = machine('scopes', { input }, (s) => {
  const a = s.pass('a', { assign: { outer: 1 } });
  // @ts-expect-error scope, a Parallel branch cannot assign variable 'outer' of the enclosing scope
  a.parallel('s1', { branches: [(b) => b.pass('s1p', { assign: { outer: 2 } })] });
  // @ts-expect-error scope, a Map item processor cannot assign variable 'outer' of the enclosing scope
  a.map('s2', { itemsPath: '$.items', itemProcessor: (i) => i.pass('s2p', { assign: { 'outer.$': '$' } }) });
  const par = a.parallel('s3', { branches: [(b) => b.pass('s3p', { assign: { inner: 1 } })] });
  // @ts-expect-error scope, a variable assigned inside a Parallel branch is not visible after it
  par.pass('s3after', { parameters: { 'x.$': '$inner' } });
  // @ts-expect-error scope, a distributed Map's item processor cannot read outer variables
  a.map('s4', { itemsPath: '$.items', processorConfig: { mode: 'DISTRIBUTED' }, itemProcessor: (i) => i.pass('s4p', { parameters: { 'x.$': '$outer' } }) });
  // @ts-expect-error scope, one Parallel branch does not see what another branch assigns
  a.parallel('s5', { branches: [(b) => b.pass('s5a', { assign: { mine: 1 } }), (b) => b.pass('s5b', { parameters: { 'x.$': '$mine' } })] });
  // @ts-expect-error scope, a Catch target does not see the failed Task's own Assign
  a.task('s6', total, { assign: { 'sum.$': '$.sum' } }).catch(['States.ALL'], (f) => f.pass('s6c', { parameters: { 'x.$': '$sum' } }));
  // @ts-expect-error scope, a Choice rule's target does not see the Choice state's own Assign
  a.choice('s7', { assign: { fallback: true } }).when((r) => r.isPresent('$.id'), (f) => f.pass('s7p', { parameters: { 'x.$': '$fallback' } }));
  // @ts-expect-error scope, the Choice default does not see a rule's Assign
  a.choice('s8').when((r) => r.isPresent('$.id'), (f) => f.succeed('s8s'), { assign: { ruled: 1 } }).otherwise((f) => f.pass('s8p', { parameters: { 'x.$': '$ruled' } }));
  return a.succeed('scopesEnd');
});

export const loops = machine('loops', { input }, (s) => {
  const counted = s.pass('init', { assign: { count: 0 } }).pass('step', { assign: { 'count.$': States.mathAdd('$count', 1) } });
  const elsewhere = s.pass('elsewhere');
  // @ts-expect-error loops, next() into a state created after 'count' is assigned, from a path that never assigns it
  elsewhere.next(counted);
  const retyped = counted.pass('retyped', { assign: { count: 'many' } });
  // @ts-expect-error loops, next() into a state created with 'count' a number, where it is a string
  retyped.next(counted);
  // @ts-expect-error loops, a Choice rule looping back to a state whose variables are not assigned on its path
  s.choice('l3').when((r) => r.isPresent('$.id'), counted);
  return counted.succeed('loopsEnd');
});

export const jsonata = machine('jsonata', { input, queryLanguage: 'JSONata' }, (s) => {
  const a = s.pass('a', { assign: { total: '{% $states.input.n %}' }, assignSchema: z.object({ total: z.number() }) });
  // @ts-expect-error variables, a variable declared a number by assignSchema compared as a string
  a.choice('j1').when((r) => r.stringEquals('$total', 'x'), (f) => f.succeed('j1s'));
  return a.succeed('jsonataEnd');
});
