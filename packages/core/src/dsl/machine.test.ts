// Proves what the typed builder emits and refuses at run time: every state type and Choice
// operator emits its ASL (checked against asl-validator too), activities become ARNs, and every
// mistake a JavaScript caller could make is refused where the machine is defined, naming the
// state and option. Also covers importMachine for plain ASL.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { expectAslValidatorAccepts } from '../asl/asl-validator.test-support.js';
import {
  ActivityRegistration,
  activity,
  InvalidDefinitionError,
  InvalidNameError,
  InvalidStateNameError,
  importMachine,
  literal,
  machine,
  NonJsonSchemaError,
  resource,
  States,
} from '../index.js';
import { definitionProblems } from './problems.test-support.js';

const registration = new ActivityRegistration('pkg');
const work = registration.activity(
  'work',
  { input: z.object({ n: z.number() }), heartbeatSeconds: 5, timeoutSeconds: 30, description: 'does work' },
  ({ n }) => ({ n: n + 1 }),
);
const input = z.object({
  n: z.number(),
  items: z.array(z.number()),
  when: z.string(),
  name: z.string().optional(),
});
const arn = (name: string) => `arn:aws:states:us-east-1:123456789012:activity:${name}`;

describe('emit', () => {
  test('every state type with its fields', () => {
    const m = machine('all', { input, comment: 'all states', timeoutSeconds: 60, version: '1.0' }, (s) => {
      const pass = s.pass('pass', {
        comment: 'c',
        parameters: { 'n.$': '$.n', 'id.$': States.uuid(), 'text.$': States.format('n={}', '$.n') },
        resultPath: '$.p',
        assign: { seen: true },
      });
      const task = pass
        .task('task', work, { inputPath: '$.p', resultSelector: { 'n.$': '$.n' }, resultPath: '$.r' })
        .retry(['States.Timeout'], {
          intervalSeconds: 2,
          maxAttempts: 4,
          backoffRate: 1.5,
          maxDelaySeconds: 9,
          jitterStrategy: 'FULL',
        })
        .catch(['States.ALL'], (f) => f.fail('failed', { error: 'E', causePath: '$.error.Cause' }), {
          resultPath: '$.error',
        });
      const wait = task.wait('wait', { timestampPath: '$.when' });
      const map = wait.map('map', {
        itemsPath: '$.items',
        maxConcurrency: 2,
        itemSelector: { 'v.$': '$$.Map.Item.Value' },
        itemProcessor: (item) => item.pass('item'),
        resultPath: '$.mapped',
      });
      const parallel = map.parallel('parallel', {
        branches: [(b) => b.pass('left'), (b) => b.wait('right', { seconds: 1 })],
        resultPath: null,
      });
      const choice = parallel.choice('choice').when(
        (r) => r.and(r.isPresent('$.name'), r.stringMatches('$.name', 'a*')),
        (f) => f.succeed('named'),
      );
      return choice.otherwise().succeed('done', { outputPath: '$.n' });
    });
    const definition = m.toDefinition({ region: 'eu-west-1', accountId: '111122223333' });
    expect(definition.Comment).toBe('all states');
    expect(definition.TimeoutSeconds).toBe(60);
    expect(definition.StartAt).toBe('pass');
    const states = definition.States as Record<string, Record<string, unknown>>;
    expect(states.pass).toEqual({
      Type: 'Pass',
      Comment: 'c',
      Parameters: { 'n.$': '$.n', 'id.$': 'States.UUID()', 'text.$': "States.Format('n={}', $.n)" },
      ResultPath: '$.p',
      Assign: { seen: true },
      Next: 'task',
    });
    expect(states.task).toEqual({
      Type: 'Task',
      Comment: 'does work',
      Resource: 'arn:aws:states:eu-west-1:111122223333:activity:pkgwork',
      InputPath: '$.p',
      ResultSelector: { 'n.$': '$.n' },
      ResultPath: '$.r',
      TimeoutSeconds: 30,
      HeartbeatSeconds: 5,
      Retry: [
        {
          ErrorEquals: ['States.Timeout'],
          IntervalSeconds: 2,
          MaxAttempts: 4,
          BackoffRate: 1.5,
          MaxDelaySeconds: 9,
          JitterStrategy: 'FULL',
        },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'failed' }],
      Next: 'wait',
    });
    expect(states.failed).toEqual({ Type: 'Fail', Error: 'E', CausePath: '$.error.Cause' });
    expect(states.map).toMatchObject({
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 2,
      ItemSelector: { 'v.$': '$$.Map.Item.Value' },
      ItemProcessor: { StartAt: 'item', States: { item: { Type: 'Pass', End: true } } },
    });
    expect((states.parallel!.Branches as unknown[]).length).toBe(2);
    expect(states.choice).toEqual({
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.name', IsPresent: true },
            { Variable: '$.name', StringMatches: 'a*' },
          ],
          Next: 'named',
        },
      ],
      Default: 'done',
    });
    expectAslValidatorAccepts(definition);
    expect(m.activities).toEqual([work]);
  });

  test('activityArn decides the Task resource; raw resources keep their ARN', () => {
    const fn = resource('arn:aws:lambda:us-east-1:123456789012:function:f', {
      output: z.object({ ok: z.boolean() }),
    });
    const m = machine('arns', { input }, (s) => s.task('a', work).task('b', fn, { resultPath: '$.b' }));
    const definition = m.toDefinition({ activityArn: (a) => arn(`local-${a.name}`) });
    const states = definition.States as Record<string, Record<string, unknown>>;
    expect(states.a!.Resource).toBe(arn('local-pkgwork'));
    expect(states.b!.Resource).toBe('arn:aws:lambda:us-east-1:123456789012:function:f');
  });

  test('every Choice operator emits its ASL field', () => {
    const m = machine(
      'ops',
      { input: z.object({ n: z.number(), s: z.string(), b: z.boolean(), t: z.string() }) },
      (s) => {
        const c = s.choice('c');
        const r = c.rules;
        const conditions = [
          r.numericEquals('$.n', 1),
          r.numericGreaterThanEqualsPath('$.n', '$.n'),
          r.stringLessThan('$.s', 'm'),
          r.stringEqualsPath('$.s', '$.s'),
          r.booleanEquals('$.b', true),
          r.booleanEqualsPath('$.b', '$.b'),
          r.timestampGreaterThan('$.t', new Date(0)),
          r.timestampLessThanEqualsPath('$.t', '$.t'),
          r.isNull('$.s', false),
          r.isNumeric('$.n'),
          r.isString('$.s'),
          r.isBoolean('$.b'),
          r.isTimestamp('$.t'),
          r.not(r.or(r.numericLessThan('$.n', 0), r.stringGreaterThan('$.s', 'z'))),
        ];
        return conditions.map((condition, i) => c.when(condition).succeed(`s${i}`));
      },
    );
    const rules = ((m.toDefinition().States as any).c.Choices as Record<string, unknown>[]).map(
      (rule) => Object.keys(rule).filter((k) => k !== 'Variable' && k !== 'Next')[0],
    );
    expect(rules).toEqual([
      'NumericEquals',
      'NumericGreaterThanEqualsPath',
      'StringLessThan',
      'StringEqualsPath',
      'BooleanEquals',
      'BooleanEqualsPath',
      'TimestampGreaterThan',
      'TimestampLessThanEqualsPath',
      'IsNull',
      'IsNumeric',
      'IsString',
      'IsBoolean',
      'IsTimestamp',
      'Not',
    ]);
    expect((m.toDefinition().States as any).c.Choices[6].TimestampGreaterThan).toBe(
      '1970-01-01T00:00:00.000Z',
    );
  });

  test('intrinsic helpers quote literals and pass paths through', () => {
    expect(States.format("it's {}", '$.a')).toBe("States.Format('it\\'s {}', $.a)");
    expect(States.array('a{b}')).toBe("States.Array('a\\{b\\}')");
    expect(States.array(1, true, null, literal('$not a path'), States.uuid())).toBe(
      "States.Array(1, true, null, '$not a path', States.UUID())",
    );
    expect(States.hash('$.data', 'SHA-256')).toBe("States.Hash($.data, 'SHA-256')");
    expect(States.mathRandom(1, 10)).toBe('States.MathRandom(1, 10)');
    expect(() => States.mathAdd(Number.NaN, 1)).toThrow(/not a finite number/);
  });

  test('JSONata states emit Arguments, Output and Condition', () => {
    const m = machine('jsonata', { input, queryLanguage: 'JSONata' }, (s) =>
      s
        .task('t', work, { arguments: { n: '{% $states.input.n %}' }, output: '{% $states.result %}' })
        .choice('c')
        .when(
          (r) => r.condition('{% $states.input.n > 1 %}'),
          (f) => f.succeed('big'),
          { output: '{% 1 %}' },
        )
        .otherwise((f) => f.succeed('small')),
    );
    const definition = m.toDefinition();
    expect(definition.QueryLanguage).toBe('JSONata');
    expect((definition.States as any).c.Choices[0]).toEqual({
      Condition: '{% $states.input.n > 1 %}',
      Output: '{% 1 %}',
      Next: 'big',
    });
  });
});

describe('mistakes are refused where the machine is defined', () => {
  test('names AWS would refuse', () => {
    expect(definitionProblems(() => machine('has space', {}, (s) => s.pass('p')))[0]).toBeInstanceOf(
      InvalidNameError,
    );
    const [long] = definitionProblems(() => machine('m', {}, (s) => s.pass('x'.repeat(81))));
    expect(long).toBeInstanceOf(InvalidStateNameError);
    expect(long?.message).toMatch(/^machine 'm': invalid state name "x{81}": it is 81 characters long/);
    expect(() => machine('m', {}, (s) => s.pass(''))).toThrow(
      /machine 'm': invalid state name "": a state name cannot be empty/,
    );
  });

  test('schemas JSON cannot carry', () => {
    expect(
      definitionProblems(() => machine('m', { input: z.object({ f: z.function() }) }, (s) => s.pass('p')))[0],
    ).toBeInstanceOf(NonJsonSchemaError);
  });

  test('duplicate state names anywhere in the machine', () => {
    expect(() =>
      machine('m', {}, (s) => s.parallel('p', { branches: [(b) => b.pass('same'), (b) => b.pass('same')] })),
    ).toThrow(/'same' already exists/);
  });

  test('one successor per state, one state per Wait option, known options only', () => {
    expect(() =>
      machine('m', {}, (s) => {
        const a = s.pass('a');
        a.pass('b');
        return a.pass('c');
      }),
    ).toThrow(/already goes to 'b'/);
    expect(() => machine('m', {}, (s) => s.wait('w', { seconds: 1, secondsPath: '$.x' } as never))).toThrow(
      /exactly one/,
    );
    expect(() => machine('m', {}, (s) => s.pass('p', { bogus: 1 } as never))).toThrow(
      /has no option 'bogus'/,
    );
    expect(() =>
      machine('m', {}, (s) => s.task('t', work, { heartbeatSeconds: 30, timeoutSeconds: 30 })),
    ).toThrow(/heartbeatSeconds \(30\) must be below timeoutSeconds \(30\)/);
    // Names every object inherits are options like any other: unknown unless listed.
    expect(() =>
      machine('m', {}, (s) =>
        s.task('t', work).catch(['States.ALL'], (f) => f.succeed('caught'), { toString: 1 } as never),
      ),
    ).toThrow(/catch\[0\]: a Catch has no option 'toString'/);
    expect(() =>
      machine('m', {}, (s) =>
        s.choice('c').when(
          (r) => r.isPresent('$.x'),
          (f) => f.succeed('y'),
          { constructor: 1 } as never,
        ),
      ),
    ).toThrow(/rule 1: a Choice rule has no option 'constructor'/);
  });

  test('every state that ends the machine must be returned, so the output type covers it', () => {
    expect(() =>
      machine('m', {}, (s) => {
        const c = s.choice('c');
        c.when(
          (r) => r.isPresent('$.x'),
          (f) => f.succeed('hidden'),
        );
        return c.otherwise().succeed('shown');
      }),
    ).toThrow(/state 'hidden' ends the machine, but the definition does not return it/);
    expect(() => machine('m', {}, (s) => s.choice('c'))).toThrow(/has no rules/);
    expect(() =>
      machine('m', {}, (s) => {
        const c = s.choice('c');
        c.when((r) => r.isPresent('$.x'));
        return c.otherwise().succeed('e');
      }),
    ).toThrow(/rule 1 has no target/);
  });

  test('toDefinition lists every problem with its location', () => {
    const m = machine('m', { input }, (s) =>
      s
        .pass('p', { resultPath: '$.a[*]' as '$.a' })
        .pass('q', { inputPath: '$..deep', outputPath: 'nope' as '$' }),
    );
    let error: unknown;
    try {
      m.toDefinition();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    const paths = (error as InvalidDefinitionError).problems.map((p) => p.path);
    expect(paths).toContain('$.States.p.ResultPath');
    expect(paths).toContain('$.States.q.OutputPath');
  });
});

describe('importMachine', () => {
  const asl = {
    StartAt: 'run',
    States: { run: { Type: 'Task', Resource: arn('pkgwork'), End: true } },
  };

  test('wraps valid ASL and re-points the Tasks of the activities it is given', () => {
    const imported = importMachine('imported', JSON.stringify(asl), { activities: [work] });
    expect(imported.kind).toBe('sfini.stateMachine');
    expect(imported.activities).toEqual([work]);
    const definition = imported.toDefinition({ region: 'eu-west-1' });
    expect((definition.States as any).run.Resource).toBe(
      'arn:aws:states:eu-west-1:123456789012:activity:pkgwork',
    );
    expect(importMachine('plain', asl).toDefinition()).toEqual(asl);
  });

  test('refuses invalid ASL, listing every problem', () => {
    expect(() => importMachine('bad', { StartAt: 'x', States: { a: { Type: 'Pass' } } })).toThrow(
      InvalidDefinitionError,
    );
    expect(() => importMachine('bad name', asl)).toThrow(InvalidNameError);
  });
});

test('activity() without a registration is used as it is', () => {
  const solo = activity('solo', { input: z.object({ n: z.number() }) }, ({ n }) => n);
  const m = machine('solo', { input }, (s) => s.task('t', solo));
  expect((m.toDefinition().States as any).t.Resource).toBe(arn('solo'));
});
