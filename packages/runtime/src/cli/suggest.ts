// A mistyped command or option is usually one slip away from the real one: a swapped pair of
// letters (`--wiat`), one letter missing, extra or wrong, or a prefix cut short (`--conc`).
// Suggesting the closest name, only when it is that close, saves a trip to `--help` without
// guessing wildly.

/** Edits between `a` and `b`: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `typed`, when it is close enough to be what was meant: within one
 * edit for short names, two for names of six letters or more, or a unique name `typed` begins
 * (three letters at least). Undefined when nothing is that close, or two are equally close.
 */
export function closestName(typed: string, candidates: readonly string[]): string | undefined {
  const lower = typed.toLowerCase();
  const prefixed = lower.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  if (prefixed.length === 1) return prefixed[0];
  const allowed = lower.length >= 6 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance) {
      tied = true;
    }
  }
  return best !== undefined && bestDistance <= allowed && !tied ? best : undefined;
}

/** ` (did you mean X?)` for the closest of `candidates`, or nothing. */
export function didYouMean(typed: string, candidates: readonly string[], prefix = ''): string {
  const found = closestName(typed, candidates);
  return found === undefined ? '' : ` (did you mean ${prefix}${found}?)`;
}
