// Tests of definition-time mistakes read the problems one MachineDefinitionError lists; this
// runs a definition and returns them, failing the test when the definition is accepted or
// throws anything else.
import { expect } from 'vitest';
import { MachineDefinitionError } from './problems.js';

/** The problems `define` (a `machine(...)` call) is refused with. */
export function definitionProblems(define: () => unknown): readonly Error[] {
  let thrown: unknown;
  try {
    define();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'the definition was accepted').toBeInstanceOf(MachineDefinitionError);
  return (thrown as MachineDefinitionError).problems;
}
