/**
 * Lines up two sequences (blocks, links, components) by a key, the way a
 * diff does: a longest common subsequence. Rules compare the pairs it finds,
 * so one extra paragraph in a translation is one finding, not one per block
 * after it.
 */
export interface Alignment {
  /** Index pairs [source, translation] of elements that line up. */
  pairs: [number, number][];
  /** Source indexes with no counterpart in the translation. */
  missing: number[];
  /** Translation indexes with no counterpart in the source. */
  extra: number[];
}

export function align<T>(source: readonly T[], translation: readonly T[], key: (item: T) => string): Alignment {
  const a = source.map(key);
  const b = translation.map(key);
  // Trim the common prefix and suffix first: translations mostly line up, so the table stays tiny.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const rows = endA - start;
  const cols = endB - start;
  const table = Array.from({ length: rows + 1 }, () => new Uint32Array(cols + 1));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      table[i]![j] = a[start + i] === b[start + j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  const missing: number[] = [];
  const extra: number[] = [];
  for (let k = 0; k < start; k++) pairs.push([k, k]);
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (a[start + i] === b[start + j]) {
      pairs.push([start + i, start + j]);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) missing.push(start + i++);
    else extra.push(start + j++);
  }
  while (i < rows) missing.push(start + i++);
  while (j < cols) extra.push(start + j++);
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k]);
  return { pairs, missing, extra };
}

/** The first index where two sequences differ, or -1 when they are equal. */
export function firstDifference<T>(source: readonly T[], translation: readonly T[], key: (item: T) => string): number {
  const length = Math.max(source.length, translation.length);
  for (let index = 0; index < length; index++) {
    const a = source[index];
    const b = translation[index];
    if (a === undefined || b === undefined || key(a) !== key(b)) return index;
  }
  return -1;
}

/**
 * Lines up a translation's blocks with its source's: by kind and nesting
 * (`2:list:bullet`), never by text, which differs by design. The checker's
 * rules and the dashboard's review view both pair blocks with this, so the
 * review shows exactly the pairs the checker judged.
 */
export function alignBlocks<T extends { depth: number; signature: string }>(source: readonly T[], translation: readonly T[]): Alignment {
  return align(source, translation, blockKey);
}

export const blockKey = (block: { depth: number; signature: string }) => `${block.depth}:${block.signature}`;
