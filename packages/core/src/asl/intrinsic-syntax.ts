// Validation's view of intrinsic functions: the shared parser decides whether a call is well
// formed (and where it goes wrong), and each path argument must also be a valid Path, which
// the parser leaves to its callers. Argument counts and types are not checked: AWS accepts
// such definitions and fails at run time.
import type { IntrinsicArgument } from '../intrinsics/ast.js';
import { IntrinsicSyntaxError } from '../intrinsics/errors.js';
import { isIntrinsicExpression, parseIntrinsic } from '../intrinsics/parser.js';
import { pathSyntaxProblem } from './path-syntax.js';

/** True when a `.$` value (or ErrorPath / CausePath) is meant as an intrinsic call: it starts with `States.`. */
export function looksLikeIntrinsic(text: string): boolean {
  return isIntrinsicExpression(text);
}

function pathArgumentProblem(argument: IntrinsicArgument): string | undefined {
  if (argument.kind === 'path') {
    const problem = pathSyntaxProblem(argument.path, 'path');
    return problem ? `the argument at position ${argument.start}: ${problem}` : undefined;
  }
  if (argument.kind === 'call') {
    for (const inner of argument.args) {
      const problem = pathArgumentProblem(inner);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Says why `text` is not a well-formed intrinsic function call, or undefined when it is. */
export function intrinsicSyntaxProblem(text: string): string | undefined {
  try {
    return pathArgumentProblem(parseIntrinsic(text));
  } catch (error) {
    if (error instanceof IntrinsicSyntaxError) {
      return `expected ${error.expected} at position ${error.position}, found ${error.found}`;
    }
    throw error;
  }
}
