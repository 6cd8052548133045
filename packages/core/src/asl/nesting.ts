// Every JSON value of a definition is bounded in depth, not only the parts validation reads: a
// Pass Result, an Output or a Parameters literal nested deeper than any real machine could
// exhaust the stack of whatever walks it later (a copy of the definition, the engine's compiler,
// a serializer). The scan is iterative, so the check itself cannot overflow, and it reports each
// too-deep place once, at the first location past the bound on that path; the recursive checks
// stop descending at the same bound (tooDeep) and leave the reporting to this scan.
import { MAX_DEFINITION_DEPTH, type ProblemList } from './check-context.js';
import type { DefinitionLocation } from './problems.js';

/** A node of the scan: its value, and how it is reached (so its location is built only if reported). */
interface Visit {
  readonly value: unknown;
  readonly key: string | number | undefined;
  readonly parent: Visit | undefined;
  readonly depth: number;
}

function locationOf(visit: Visit): DefinitionLocation {
  const keys: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.parent !== undefined; at = at.parent) keys.push(at.key!);
  return keys.reverse();
}

/** The locations where `value` first nests deeper than `limit` levels, in definition order. */
export function tooDeepLocations(value: unknown, limit = MAX_DEFINITION_DEPTH): DefinitionLocation[] {
  const found: DefinitionLocation[] = [];
  const stack: Visit[] = [{ value, key: undefined, parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (visit.depth > limit) {
      found.push(locationOf(visit));
      continue;
    }
    const node = visit.value;
    if (typeof node !== 'object' || node === null) continue;
    const depth = visit.depth + 1;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ value: node[i], key: i, parent: visit, depth });
    } else {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push({ value: (node as Record<string, unknown>)[key], key, parent: visit, depth });
      }
    }
  }
  return found;
}

/** Reports TOO_DEEPLY_NESTED at each place `value` nests too deeply; `owner` names it in messages. */
export function checkNesting(problems: ProblemList, value: unknown, owner: string): void {
  for (const location of tooDeepLocations(value)) {
    problems.add(
      'TOO_DEEPLY_NESTED',
      location,
      `${owner}: the definition is nested more than ${MAX_DEFINITION_DEPTH} levels deep here.`,
    );
  }
}
