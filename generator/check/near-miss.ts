/**
 * Whether an example's key is a misspelling of a documented name ("InnstanceIds" for
 * "InstanceIds"): then the example has a typo, and tcgen must not turn it into a new field.
 *
 * The rule is the one the generated validators use for their "did you mean" hint: equal but for
 * case, or at most 2 edits (insertions, deletions, substitutions, swaps of two neighbours; case
 * ignored) and fewer edits than the key has characters, so "X" is not taken for "Id".
 */

/** Most edits between a key and the documented name it is taken for. */
const MAX_NEAR_MISS_EDITS = 2;

/** The documented name `key` misspells, the closest first (docs' order on a tie); else undefined. */
export function nearMiss(key: string, documented: Iterable<string>): string | undefined {
  const wanted = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(MAX_NEAR_MISS_EDITS, wanted.length - 1) + 1;
  for (const name of documented) {
    if (name === key) return undefined;
    const candidate = name.toLowerCase();
    // A length gap over the limit cannot be closed by that many edits: skip the table.
    if (Math.abs(candidate.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a span). */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
