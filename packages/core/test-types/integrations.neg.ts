// biome-ignore-all format: each @ts-expect-error must sit right above the one line it expects to fail
// Negative type tests of the typed service integrations: a Task running lambdaInvoke,
// startExecution or waitForTaskToken is refused when its Parameters do not build the request
// the integration takes, and paths into AWS's response envelope are checked like any other.
// Compiled by tsc from src/dsl/type-tests.test.ts; an unused directive is itself an error.
import { z } from 'zod';
import { lambdaInvoke, machine, startExecution, waitForTaskToken } from '../src/index.js';

const input = z.object({ key: z.string(), n: z.number(), job: z.object({ n: z.string() }) });
const resize = lambdaInvoke('resize', {
  payload: z.object({ key: z.string() }),
  output: z.object({ width: z.number() }),
});
const child = machine('child', { input: z.object({ n: z.number() }) }, (s) => s.pass('done'));
const runChild = startExecution(child, { pattern: 'sync' });
const startChild = startExecution(child, { pattern: 'async' });
const approval = waitForTaskToken('arn:aws:states:::sqs:sendMessage', { output: z.object({ ok: z.boolean() }) });

export const negative = machine('integrations', { input }, (s) => {
  // @ts-expect-error check 3, Task lambdaInvoke without Parameters: the data lacks FunctionName
  s.task('i1', resize);
  // @ts-expect-error check 1, Task lambdaInvoke payload path naming no field of the data
  s.task('i2', resize, { parameters: resize.parameters({ 'key.$': '$.missing' }) });
  // @ts-expect-error check 3, Task lambdaInvoke payload field key is a number where the function expects a string
  s.task('i3', resize, { parameters: resize.parameters({ 'key.$': '$.n' }) });
  // @ts-expect-error check 3, Task lambdaInvoke hand-written Parameters with FunctionName a number
  s.task('i4', resize, { parameters: { FunctionName: 1, Payload: { 'key.$': '$.key' } } });
  // @ts-expect-error check 1, Task resultSelector reading a field the Lambda Payload lacks
  s.task('i5', resize, { parameters: resize.parameters('$'), resultSelector: { 'h.$': '$.Payload.height' } });
  // @ts-expect-error check 1, Task resultSelector reading a field AWS's Lambda envelope lacks
  s.task('i6', resize, { parameters: resize.parameters('$'), resultSelector: { 'x.$': '$.FunctionError' } });
  // @ts-expect-error check 3, Task startExecution child input field n is a string where the child expects a number
  s.task('i7', runChild, { parameters: runChild.parameters('$.job') });
  // @ts-expect-error check 1, Task startExecution input template naming no field of the data
  s.task('i8', runChild, { parameters: runChild.parameters({ 'n.$': '$.missing' }) });
  // @ts-expect-error check 1, Task startExecution sync resultSelector reading a field the child Output lacks
  s.task('i9', runChild, { parameters: runChild.parameters({ 'n.$': '$.n' }), resultSelector: { 'x.$': '$.Output.missing' } });
  // @ts-expect-error check 1, Task startExecution async result has no Output to read
  s.task('i10', startChild, { parameters: startChild.parameters({ 'n.$': '$.n' }), resultSelector: { 'x.$': '$.Output' } });
  // @ts-expect-error check 1, Task waitForTaskToken outputPath naming a field SendTaskSuccess's output lacks
  s.task('i11', approval, { resultPath: '$.decision', outputPath: '$.decision.missing' });
  return s.succeed('end');
});

// @ts-expect-error startExecution pattern must be 'sync' or 'async', not 'sync:1'
startExecution(child, { pattern: 'sync:1' });
// @ts-expect-error lambdaInvoke payload schema must be a zod schema, not a plain object
lambdaInvoke('fn', { payload: { key: 'string' } });
// @ts-expect-error lambdaInvoke parameters string payload is a path and must start with '$', not 'hello'
resize.parameters('hello');
// @ts-expect-error startExecution parameters string input is a path and must start with '$', not 'job'
runChild.parameters('job');
