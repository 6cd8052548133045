// Proves the fields the main emit test leaves out reach the ASL under AWS's names: a distributed
// Map's reader, batcher, writer, tolerated failures (fixed and read from the input), label and
// processor configuration; a Task's credentials and its timeouts read from the input; Wait's
// seconds read from the input and a Date timestamp; the machine's Version. Each definition is
// also checked by our validator and by asl-validator.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { expectAslValidatorAccepts } from '../asl/asl-validator.test-support.js';
import { validateDefinition } from '../asl/validate.js';
import { machine, resource } from '../index.js';

const input = z.object({
  bucket: z.string(),
  keys: z.array(z.string()),
  pct: z.number(),
  count: z.number(),
  limit: z.number(),
  timeout: z.number(),
  heartbeat: z.number(),
  delay: z.number(),
});
const resize = resource('arn:aws:lambda:us-east-1:123456789012:function:resize', {
  output: z.object({ ok: z.boolean() }),
});
const roleArn = 'arn:aws:iam::123456789012:role/cross-account';

function states(definition: Record<string, unknown>): Record<string, Record<string, unknown>> {
  return definition.States as Record<string, Record<string, unknown>>;
}

describe('emit of the less common fields', () => {
  test('a distributed Map with every field, and the fields read from the input', () => {
    const m = machine('distributed', { input, version: '1.0' }, (s) =>
      s.map('each', {
        processorConfig: { mode: 'DISTRIBUTED', executionType: 'EXPRESS' },
        itemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'JSON' },
          Parameters: { 'Bucket.$': '$.bucket', Key: 'items.json' },
        },
        itemSchema: z.object({ id: z.string() }),
        itemBatcher: { MaxItemsPerBatch: 10 },
        resultWriter: {
          Resource: 'arn:aws:states:::s3:putObject',
          Parameters: { Bucket: 'out', Prefix: 'r' },
        },
        maxConcurrencyPath: '$.limit',
        toleratedFailurePercentagePath: '$.pct',
        toleratedFailureCountPath: '$.count',
        label: 'batch',
        itemProcessor: (item) => item.pass('item'),
      }),
    );
    const definition = m.toDefinition();
    expect(definition.Version).toBe('1.0');
    expect(states(definition).each).toEqual({
      Type: 'Map',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'item',
        States: { item: { Type: 'Pass', End: true } },
      },
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSON' },
        Parameters: { 'Bucket.$': '$.bucket', Key: 'items.json' },
      },
      ItemBatcher: { MaxItemsPerBatch: 10 },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'out', Prefix: 'r' } },
      MaxConcurrencyPath: '$.limit',
      ToleratedFailurePercentagePath: '$.pct',
      ToleratedFailureCountPath: '$.count',
      Label: 'batch',
      End: true,
    });
    expect(validateDefinition(definition)).toEqual([]);
    expectAslValidatorAccepts(definition);
  });

  test('fixed tolerated failures', () => {
    const m = machine('tolerant', { input }, (s) =>
      s.map('each', {
        processorConfig: { mode: 'DISTRIBUTED', executionType: 'STANDARD' },
        itemsPath: '$.keys',
        itemSchema: z.string(),
        toleratedFailurePercentage: 12.5,
        toleratedFailureCount: 3,
        itemProcessor: (item) => item.pass('item'),
      }),
    );
    expect(states(m.toDefinition()).each).toMatchObject({
      ToleratedFailurePercentage: 12.5,
      ToleratedFailureCount: 3,
    });
  });

  test('a Task with credentials and timeouts read from the input; Waits read and dated', () => {
    const until = new Date('2030-01-02T03:04:05.000Z');
    const m = machine('tasks', { input }, (s) =>
      s
        .task('call', resize, {
          credentials: { RoleArn: roleArn },
          timeoutSecondsPath: '$.timeout',
          heartbeatSecondsPath: '$.heartbeat',
          resultPath: '$.call',
        })
        .wait('pause', { secondsPath: '$.delay' })
        .wait('until', { timestamp: until })
        .succeed('done'),
    );
    const definition = m.toDefinition();
    expect(states(definition).call).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:resize',
      Credentials: { RoleArn: roleArn },
      TimeoutSecondsPath: '$.timeout',
      HeartbeatSecondsPath: '$.heartbeat',
      ResultPath: '$.call',
      Next: 'pause',
    });
    expect(states(definition).pause).toEqual({ Type: 'Wait', SecondsPath: '$.delay', Next: 'until' });
    expect(states(definition).until).toEqual({
      Type: 'Wait',
      Timestamp: '2030-01-02T03:04:05.000Z',
      Next: 'done',
    });
    expect(validateDefinition(definition)).toEqual([]);
    expectAslValidatorAccepts(definition);
  });

  test('refuses a tolerated percentage over 100 and an invalid Date where the machine is defined', () => {
    expect(() =>
      machine('bad-pct', { input }, (s) =>
        s.map('each', {
          itemsPath: '$.keys',
          itemSchema: z.string(),
          toleratedFailurePercentage: 101,
          itemProcessor: (item) => item.pass('item'),
        }),
      ),
    ).toThrow(/toleratedFailurePercentage must be a number from 0 to 100, got 101/);
    expect(() =>
      machine('bad-date', { input }, (s) => s.wait('until', { timestamp: new Date('nope') }).succeed('done')),
    ).toThrow(/invalid Date/);
  });
});
