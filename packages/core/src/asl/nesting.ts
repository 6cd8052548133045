// Every JSON value of a definition is bounded in depth, not only the parts validation reads: a
// Pass Result, an Output or a Parameters literal nested deeper than any real machine could
// exhaust the stack of whatever walks it later (a copy of the definition, the engine's compiler,
// a serializer). The scan is iterative, so the check itself cannot overflow, and it reports each
// too-deep place once, at the first location past the bound on that path; the recursive checks
// stop descending at the same bound (tooDeep) and leave the reporting to this scan.
// A definition built in JS may share sub-objects (a DAG): the scan remembers the greatest depth
// it walked each object from and walks it again only from deeper, since only a deeper path can
// push its contents past the bound. Each object is so walked at most once per depth up to the
// bound (not once per path), whatever order its paths come in; an object that contains itself
// is reported where the cycle closes. The report is capped, the rest counted.
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

/** True when `node` is the value of `visit` or of one of its ancestors: reaching it closes a cycle. */
function isOnPath(visit: Visit | undefined, node: object): boolean {
  for (let at = visit; at !== undefined; at = at.parent) if (at.value === node) return true;
  return false;
}

/** What {@link tooDeepLocations} found: the first locations, and how many more there were. */
export interface TooDeepScan {
  readonly locations: DefinitionLocation[];
  readonly omitted: number;
}

/**
 * The locations where `value` first nests deeper than `limit` levels, in definition order: at
 * most `max` of them, the rest counted in `omitted`.
 */
export function tooDeepLocations(
  value: unknown,
  limit = MAX_DEFINITION_DEPTH,
  max = Number.POSITIVE_INFINITY,
): TooDeepScan {
  const locations: DefinitionLocation[] = [];
  let omitted = 0;
  const found = (visit: Visit) => {
    if (locations.length < max) locations.push(locationOf(visit));
    else omitted++;
  };
  const deepest = new WeakMap<object, number>();
  const stack: Visit[] = [{ value, key: undefined, parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const node = visit.value;
    if (typeof node === 'object' && node !== null) {
      const seen = deepest.get(node);
      if (seen !== undefined) {
        if (isOnPath(visit.parent, node)) {
          found(visit);
          continue;
        }
        // Walked before from as deep or deeper: nothing below can be deeper this time.
        if (visit.depth <= seen) continue;
      }
      deepest.set(node, visit.depth);
    }
    if (visit.depth > limit) {
      found(visit);
      continue;
    }
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
  return { locations, omitted };
}

/** How many too-deep places are reported one by one; the rest are counted in the last message. */
export const MAX_NESTING_REPORTS = 20;

/** Reports TOO_DEEPLY_NESTED at each place `value` nests too deeply; `owner` names it in messages. */
export function checkNesting(problems: ProblemList, value: unknown, owner: string): void {
  const { locations, omitted } = tooDeepLocations(value, MAX_DEFINITION_DEPTH, MAX_NESTING_REPORTS);
  locations.forEach((location, index) => {
    const more =
      omitted > 0 && index === locations.length - 1
        ? ` And ${omitted} more place${omitted === 1 ? '' : 's'} nested too deeply, not listed.`
        : '';
    problems.add(
      'TOO_DEEPLY_NESTED',
      location,
      `${owner}: the definition is nested more than ${MAX_DEFINITION_DEPTH} levels deep here.${more}`,
    );
  });
}
