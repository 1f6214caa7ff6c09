/** "Did you mean …?": the closest of a few candidates to a misspelled page path or id. */

/** Levenshtein distance; only ever run on broken links, against one page's ids or one locale's pages. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate nearest to `wrong`, when it is close enough to be a likely typo. */
export function nearest(wrong: string, candidates: Iterable<string>): string | undefined {
  let best: { value: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wrong, candidate);
    if (!best || distance < best.distance) best = { value: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(wrong.length / 3)) ? best.value : undefined;
}
