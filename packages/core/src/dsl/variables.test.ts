// Proves workflow variables emit where AWS takes them (Assign on states, Choice rules and
// catchers, in both query languages; assignSchema types them but is not emitted) and that an
// assignSchema naming variables the Assign does not set is refused where the machine is defined.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { expectAslValidatorAccepts } from '../asl/asl-validator.test-support.js';
import { activity, machine, NonJsonSchemaError, States } from '../index.js';
import { definitionProblems } from './problems.test-support.js';

const input = z.object({ id: z.string(), n: z.number(), items: z.array(z.number()) });
const total = activity(
  'total',
  { input: z.object({ id: z.string() }), output: z.object({ sum: z.number() }) },
  () => ({
    sum: 1,
  }),
);

type StateJson = Record<string, unknown>;
const statesOf = (definition: Record<string, unknown>) => definition.States as Record<string, StateJson>;

describe('Assign emits where AWS takes it', () => {
  test('on states, Choice rules and Catchers, in JSONPath', () => {
    const m = machine('vars', { input }, (s) => {
      const init = s.pass('init', { assign: { count: 0, 'who.$': '$.id' } });
      const work = init
        .task('work', total, {
          parameters: { 'id.$': '$who' },
          assign: { 'sum.$': '$.sum', 'items.$': States.arrayLength('$$.Execution.Input.items') },
          resultPath: '$.r',
        })
        .catch(['States.ALL'], (f) => f.fail('failed', { causePath: '$reason' }), {
          assign: { 'reason.$': '$.Cause' },
        });
      const choice = work.choice('check', { assign: { matched: false } }).when(
        (r) => r.numericGreaterThan('$sum', 3),
        (f) => f.succeed('big'),
        { assign: { matched: true } },
      );
      return choice.otherwise().pass('small', { inputPath: '$count' });
    });
    const definition = m.toDefinition();
    const states = statesOf(definition);
    expect(states.init!.Assign).toEqual({ count: 0, 'who.$': '$.id' });
    expect(states.work!.Parameters).toEqual({ 'id.$': '$who' });
    expect(states.work!.Assign).toEqual({
      'sum.$': '$.sum',
      'items.$': 'States.ArrayLength($$.Execution.Input.items)',
    });
    expect((states.work!.Catch as StateJson[])[0]).toEqual({
      ErrorEquals: ['States.ALL'],
      Assign: { 'reason.$': '$.Cause' },
      Next: 'failed',
    });
    expect(states.failed!.CausePath).toBe('$reason');
    expect(states.check!.Assign).toEqual({ matched: false });
    expect((states.check!.Choices as StateJson[])[0]).toEqual({
      Variable: '$sum',
      NumericGreaterThan: 3,
      Assign: { matched: true },
      Next: 'big',
    });
    expect(states.small!.InputPath).toBe('$count');
    expectAslValidatorAccepts(definition);
  });

  test('JSONata: assignSchema only types the variables; it is not emitted', () => {
    const m = machine('jsonata', { input, queryLanguage: 'JSONata' }, (s) =>
      s
        .pass('a', {
          assign: { double: '{% $states.input.n * 2 %}', fixed: 1 },
          assignSchema: z.object({ double: z.number() }),
        })
        .choice('c')
        .when(
          (r) => r.condition('{% $double > 2 %}'),
          (f) => f.succeed('big'),
          { assign: { seen: '{% $double %}' }, assignSchema: z.object({ seen: z.number() }) },
        )
        .otherwise((f) => f.succeed('small')),
    );
    const states = statesOf(m.toDefinition());
    expect(states.a).toEqual({
      Type: 'Pass',
      Assign: { double: '{% $states.input.n * 2 %}', fixed: 1 },
      Next: 'c',
    });
    expect((states.c!.Choices as StateJson[])[0]).toEqual({
      Condition: '{% $double > 2 %}',
      Assign: { seen: '{% $double %}' },
      Next: 'big',
    });
  });

  test('intrinsic helpers with typed results emit the same text as before', () => {
    expect(States.stringToJson('$.text', z.object({ a: z.number() }))).toBe('States.StringToJson($.text)');
    expect(States.arrayGetItem('$items', 0)).toBe('States.ArrayGetItem($items, 0)');
    expect(States.jsonMerge('$.a', '$b')).toBe('States.JsonMerge($.a, $b, false)');
    expect(States.array('$.id', States.arrayLength('$list'))).toBe(
      'States.Array($.id, States.ArrayLength($list))',
    );
  });
});

describe('assignSchema mistakes are refused where the machine is defined', () => {
  test('a schema naming a variable the Assign does not set', () => {
    expect(() =>
      machine('m', { input, queryLanguage: 'JSONata' }, (s) =>
        s.pass('p', { assign: { a: '{% 1 %}' }, assignSchema: z.object({ a: z.number(), b: z.string() }) }),
      ),
    ).toThrow("machine 'm': state 'p': assignSchema declares 'b', which assign does not set");
  });

  test('a schema that is not a zod object, or that JSON cannot carry', () => {
    expect(() =>
      machine('m', { input }, (s) => s.pass('p', { assign: { a: 1 }, assignSchema: z.number() as never })),
    ).toThrow(/assignSchema must be a zod object/);
    const [problem] = definitionProblems(() =>
      machine('m', { input }, (s) =>
        s.pass('p', { assign: { a: 1 }, assignSchema: z.object({ a: z.bigint() }) as never }),
      ),
    );
    expect(problem).toBeInstanceOf(NonJsonSchemaError);
  });

  test('on a Catch and a Choice rule too', () => {
    expect(() =>
      machine('m', { input }, (s) =>
        s.task('t', total).catch(['States.ALL'], (f) => f.fail('f'), {
          assign: {},
          assignSchema: z.object({ x: z.number() }),
        }),
      ),
    ).toThrow(/catch\[0\]: assignSchema declares 'x'/);
    expect(() =>
      machine('m', { input }, (s) =>
        s
          .choice('c')
          .when(
            (r) => r.isPresent('$.id'),
            (f) => f.succeed('x'),
            {
              assignSchema: z.object({ y: z.number() }),
            },
          )
          .otherwise((f) => f.succeed('y')),
      ),
    ).toThrow(/rule 1: assignSchema declares 'y'/);
  });
});
