// Proves what an imported machine's types say: nothing is known of plain ASL's data, so input
// and output are `unknown`, unless an input schema types the input; either way it is a machine
// the runtime and the local engine accept.
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { type AnyStateMachine, importMachine, type MachineInput, type MachineOutput } from '../index.js';

const asl = { StartAt: 'a', States: { a: { Type: 'Pass', End: true } } };

describe('importMachine types', () => {
  test('plain ASL has unknown input and output', () => {
    const imported = importMachine('plain', asl);
    expectTypeOf<MachineInput<typeof imported>>().toBeUnknown();
    expectTypeOf<MachineOutput<typeof imported>>().toBeUnknown();
    expectTypeOf(imported).toExtend<AnyStateMachine>();
  });

  test('an input schema types the input (its input side, before defaults); the output stays unknown', () => {
    const imported = importMachine('typed', JSON.stringify(asl), {
      inputSchema: z.object({ id: z.string(), retries: z.number().default(3) }),
    });
    expectTypeOf<MachineInput<typeof imported>>().toEqualTypeOf<{
      id: string;
      retries?: number | undefined;
    }>();
    expectTypeOf<MachineOutput<typeof imported>>().toBeUnknown();
  });
});
