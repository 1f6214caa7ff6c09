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

/** What block alignment reads of a block: its kind and nesting, and for merges and splits its words and placeholders. */
export interface AlignableBlock {
  depth: number;
  signature: string;
  kind?: string;
  text?: string;
  placeholders?: readonly string[];
}

/**
 * Several consecutive blocks on one side that stand for one block on the other:
 * `source.length > 1` is a merge (two source paragraphs written as one, a
 * heading run into its paragraph), `translation.length > 1` a split.
 */
export interface BlockGroup {
  source: number[];
  translation: number[];
}

export interface BlockAlignment extends Alignment {
  /** Merged and split blocks; their indexes are in none of pairs, missing or extra. */
  groups: BlockGroup[];
}

/**
 * Lines up a translation's blocks with its source's: by kind and nesting
 * (`2:list:bullet`), never by text, which differs by design. The checker's
 * rules and the dashboard's review view both pair blocks with this, so the
 * review shows exactly the pairs the checker judged.
 *
 * When the two sequences differ, blocks are lined up by a small dynamic
 * program (in the manner of Gale and Church's sentence alignment) rather than
 * a plain longest common subsequence, so that a merge or a split is found
 * where the translator made it: besides one-to-one pairs of the same kind and
 * blocks only one side has, it allows two or three text blocks (paragraphs, a
 * heading followed by paragraphs, at the same nesting) on one side to stand for
 * one on the other. Every block left out costs 1 and every block matched
 * costs less than 1, so the most blocks are always matched; between
 * alignments that match as many, the one whose lengths (scaled by the page's
 * own translation ratio) and placeholders (numbers, code, URLs) fit best wins.
 * A merge is therefore told from a dropped paragraph by how long the block
 * that remains is and which placeholders it carries.
 */
export function alignBlocks<T extends AlignableBlock>(source: readonly T[], translation: readonly T[]): BlockAlignment {
  const plain = align(source, translation, blockKey);
  if (plain.missing.length === 0 && plain.extra.length === 0) return { ...plain, groups: [] };
  if ((source.length + 1) * (translation.length + 1) > MAX_CELLS) return { ...plain, groups: [] };
  return groupAlignment(source, translation, lengthRatio(source, translation, plain.pairs));
}

export const blockKey = (block: { depth: number; signature: string }) => `${block.depth}:${block.signature}`;

/** Past this many cells (a 500 x 500-block page that does not line up), the plain alignment is kept: no merges or splits. */
const MAX_CELLS = 250_000;
/** The most blocks one block may stand for. */
const MAX_GROUP = 3;
/**
 * What a merge or split of paragraphs costs besides its fit, so that when lengths can hardly tell, the plainer
 * reading (a paragraph added or dropped) wins. A heading adds too few words for lengths to tell, and translators
 * run a heading into its paragraph far more often than they drop one, so a group with a heading has none.
 */
const groupPenalty = (group: readonly AlignableBlock[]) => (group.some((block) => block.kind === 'heading') ? 0 : 0.05);

/** How much longer translated text is than its source on this page: the median over matched text blocks (1 when too few to tell). */
function lengthRatio(
  source: readonly AlignableBlock[],
  translation: readonly AlignableBlock[],
  pairs: readonly [number, number][],
): number {
  const ratios = pairs
    .map(([i, j]) => [textLength([source[i]!]), textLength([translation[j]!])] as const)
    .filter(([a, b]) => a >= 20 && b >= 20)
    .map(([a, b]) => b / a)
    .sort((a, b) => a - b);
  if (ratios.length < 3) return 1;
  return ratios[Math.floor(ratios.length / 2)]!;
}

const textLength = (blocks: readonly AlignableBlock[]) => blocks.reduce((sum, block) => sum + (block.text?.length ?? 0), 0);

/** What the dynamic program reads of one side, computed once per block rather than once per cell. */
interface Side {
  blocks: readonly AlignableBlock[];
  keys: string[];
  /** Text length before each block: the length of blocks [a, b) is prefix[b] - prefix[a]. */
  prefix: number[];
  /** Each block's placeholders, sorted and joined: equal strings, equal multisets. */
  placeholders: string[];
  /** How many blocks from each one on may stand as a group (1 when it is not a text block). */
  run: number[];
}

function sideOf(blocks: readonly AlignableBlock[]): Side {
  const prefix = [0];
  for (const block of blocks) prefix.push(prefix.at(-1)! + (block.text?.length ?? 0));
  const run = blocks.map((_, index) => {
    let size = 1;
    while (size < MAX_GROUP && index + size < blocks.length && mergeable(blocks.slice(index, index + size + 1))) size++;
    return size;
  });
  return {
    blocks,
    keys: blocks.map(blockKey),
    prefix,
    placeholders: blocks.map((block) => [...(block.placeholders ?? [])].sort().join('\u0000')),
    run,
  };
}

/** The placeholders of blocks [start, start + count), as one comparable string. */
function placeholdersOf(side: Side, start: number, count: number): string {
  if (count === 1) return side.placeholders[start]!;
  return side.blocks
    .slice(start, start + count)
    .flatMap((block) => block.placeholders ?? [])
    .sort()
    .join('\u0000');
}

/**
 * What matching source blocks [i, i + a) with translation blocks [j, j + b) costs, below 1: how far the
 * lengths are from the page's ratio, and whether the placeholders differ.
 */
function fitCost(source: Side, i: number, a: number, translation: Side, j: number, b: number, ratio: number): number {
  const sourceLength = source.prefix[i + a]! - source.prefix[i]!;
  const translationLength = translation.prefix[j + b]! - translation.prefix[j]!;
  const length = Math.min(0.45, 0.2 * Math.abs(Math.log((translationLength + 10) / (ratio * sourceLength + 10))));
  return length + (placeholdersOf(source, i, a) === placeholdersOf(translation, j, b) ? 0 : 0.3);
}

/** Blocks that may have been written as one: a heading (only first) and paragraphs, at one nesting depth. */
function mergeable(blocks: readonly AlignableBlock[]): boolean {
  const depth = blocks[0]!.depth;
  return blocks.every((block, index) => block.depth === depth && (block.kind === 'paragraph' || (block.kind === 'heading' && index === 0)));
}

/** One block can stand for a group when it is of one of the group's kinds at its depth (a heading and a paragraph written as either). */
const canStandFor = (block: AlignableBlock, group: readonly AlignableBlock[]) =>
  block.depth === group[0]!.depth && group.some((member) => member.kind === block.kind);

function groupAlignment(
  sourceBlocks: readonly AlignableBlock[],
  translationBlocks: readonly AlignableBlock[],
  ratio: number,
): BlockAlignment {
  const source = sideOf(sourceBlocks);
  const translation = sideOf(translationBlocks);
  const n = sourceBlocks.length;
  const m = translationBlocks.length;
  const width = m + 1;
  // cost[i * width + j]: the cheapest alignment of source[i..] with translation[j..]; step: how many blocks of each side it takes first.
  const cost = new Float64Array((n + 1) * width);
  const stepSource = new Uint8Array((n + 1) * width);
  const stepTranslation = new Uint8Array((n + 1) * width);
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let best = Infinity;
      let takeSource = 0;
      let takeTranslation = 0;
      const consider = (a: number, b: number, value: number) => {
        const total = value + cost[(i + a) * width + j + b]!;
        if (total < best) {
          best = total;
          takeSource = a;
          takeTranslation = b;
        }
      };
      if (i < n) consider(1, 0, 1);
      if (j < m) consider(0, 1, 1);
      if (i < n && j < m) {
        if (source.keys[i] === translation.keys[j]) consider(1, 1, fitCost(source, i, 1, translation, j, 1, ratio));
        // k source blocks written as one translated block of one of their kinds, and the other way round.
        for (let k = 2; k <= source.run[i]!; k++) {
          const group = sourceBlocks.slice(i, i + k);
          if (canStandFor(translationBlocks[j]!, group))
            consider(k, 1, k - 1 + groupPenalty(group) + fitCost(source, i, k, translation, j, 1, ratio));
        }
        for (let k = 2; k <= translation.run[j]!; k++) {
          const group = translationBlocks.slice(j, j + k);
          if (canStandFor(sourceBlocks[i]!, group))
            consider(1, k, k - 1 + groupPenalty(group) + fitCost(source, i, 1, translation, j, k, ratio));
        }
      }
      cost[i * width + j] = best;
      stepSource[i * width + j] = takeSource;
      stepTranslation[i * width + j] = takeTranslation;
    }
  }
  const result: BlockAlignment = { pairs: [], missing: [], extra: [], groups: [] };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const a = stepSource[i * width + j]!;
    const b = stepTranslation[i * width + j]!;
    if (a === 1 && b === 1) result.pairs.push([i, j]);
    else if (a === 1 && b === 0) result.missing.push(i);
    else if (a === 0 && b === 1) result.extra.push(j);
    else result.groups.push({ source: range(i, a), translation: range(j, b) });
    i += a;
    j += b;
  }
  return result;
}

const range = (start: number, count: number) => Array.from({ length: count }, (_, index) => start + index);
