// Type tests of intrinsic function results inside templates: array functions follow their array's
// element type, JsonMerge is a shallow merge, StringToJson is unknown unless a schema declares
// it, and arguments may read variables. Checked by vitest's typecheck.
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { type DataOf, literal, machine, States } from '../index.js';

const input = z.object({
  id: z.string(),
  tags: z.array(z.string()),
  points: z.array(z.object({ x: z.number() })),
  json: z.string(),
  left: z.object({ a: z.number(), shared: z.string() }),
  right: z.object({ b: z.boolean(), shared: z.number() }),
});

describe('intrinsic results', () => {
  test('array functions follow the element type of the array they are given', () => {
    machine('m', { input }, (s) => {
      const p = s.pass('p', {
        parameters: {
          'item.$': States.arrayGetItem('$.points', 0),
          'chunks.$': States.arrayPartition('$.tags', 2),
          'unique.$': States.arrayUnique('$.points'),
          'length.$': States.arrayLength('$.tags'),
          'has.$': States.arrayContains('$.tags', 'x'),
          'range.$': States.arrayRange(1, 9, 2),
          'tuple.$': States.array('$.id', 3, true, null, literal('$text'), States.uuid()),
          'nested.$': States.arrayGetItem(States.arrayPartition('$.points', 3), 0),
        },
      });
      expectTypeOf<DataOf<typeof p>>().toEqualTypeOf<{
        item: { x: number };
        chunks: string[][];
        unique: { x: number }[];
        length: number;
        has: boolean;
        range: number[];
        tuple: [string, number, boolean, null, string, string];
        nested: { x: number }[];
      }>();
      return p;
    });
  });

  test('JsonMerge is the shallow merge; StringToJson is unknown unless a schema declares it', () => {
    machine('m', { input }, (s) => {
      const p = s.pass('p', {
        parameters: {
          'merged.$': States.jsonMerge('$.left', '$.right'),
          'parsed.$': States.stringToJson('$.json'),
          'declared.$': States.stringToJson('$.json', z.object({ when: z.date() })),
          'text.$': States.jsonToString('$.left'),
          'sum.$': States.mathAdd(1, 2),
          'parts.$': States.stringSplit('$.id', ','),
          'digest.$': States.hash('$.id', 'SHA-256'),
        },
      });
      type Out = DataOf<typeof p>;
      expectTypeOf<Out['merged']>().toEqualTypeOf<{ a: number; b: boolean; shared: number }>();
      expectTypeOf<Out['parsed']>().toEqualTypeOf<unknown>();
      expectTypeOf<Out['declared']>().toEqualTypeOf<{ when: string }>();
      expectTypeOf<Out['text']>().toEqualTypeOf<string>();
      expectTypeOf<Out['sum']>().toEqualTypeOf<number>();
      expectTypeOf<Out['parts']>().toEqualTypeOf<string[]>();
      expectTypeOf<Out['digest']>().toEqualTypeOf<string>();
      return p;
    });
  });

  test('arguments may read variables', () => {
    machine('m', { input }, (s) => {
      const a = s.pass('a', { assign: { 'saved.$': '$.points' } });
      const p = a.pass('p', { parameters: { 'first.$': States.arrayGetItem('$saved', 0) } });
      expectTypeOf<DataOf<typeof p>>().toEqualTypeOf<{ first: { x: number } }>();
      return p;
    });
  });
});
