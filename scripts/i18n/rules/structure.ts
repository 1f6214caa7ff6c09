/**
 * `structure-mismatch`: the sequence of blocks (paragraph, list, table, code,
 * component…) must match the source's. Blocks a translator merged or split
 * (two paragraphs written as one, a heading run into its paragraph, one
 * paragraph written as two) are reported at the translated block itself,
 * naming the source blocks it stands for; anything else that does not line up
 * is reported at the first place where the two documents stop lining up, in
 * both files.
 * `list-mismatch`, `table-mismatch`, `code-mismatch`: blocks that do line up
 * must have the same shape (items, rows x columns) and identical code; merged
 * or split list items and table rows are reported at the item or row.
 */
import type { Finding } from '../../../src/report/report.ts';
import { alignBlocks, type BlockAlignment, type BlockGroup } from '../../../src/translation/align.ts';
import { blockAlignment, pageFinding, type PageContext } from '../context.ts';
import type { Block, BlockItem } from '../../../src/content/outline.ts';

const describe = (block: Block | undefined) => {
  if (!block) return 'the end of the page';
  const [kind, detail] = block.signature.split(':');
  if (kind === 'heading') return `a level-${detail} heading`;
  if (kind === 'component') return `<${detail}>`;
  if (kind === 'list') return `${detail === 'ordered' ? 'a numbered' : 'a bulleted'} list`;
  return `a ${kind === 'code' ? 'code block' : kind}`;
};

/** "4 (a paragraph, line 12) and 5 (a paragraph, line 14)". */
const numbered = (indexes: readonly number[], blocks: readonly Block[]) =>
  new Intl.ListFormat('en').format(indexes.map((index) => `${index + 1} (${describe(blocks[index])}, line ${blocks[index]!.line})`));

export function structureRules(context: PageContext): Finding[] {
  const source = context.source.outline?.blocks;
  const translation = context.translation.outline?.blocks;
  if (!source || !translation) return [];
  const findings: Finding[] = [];
  const alignment = blockAlignment(context);

  for (const group of alignment.groups) findings.push(groupFinding(context, group, source, translation));

  // Anything else that does not line up: the first block only one side has (a merge or split counts as lined up).
  const gap = firstGap(alignment, source.length, translation.length);
  if (gap) {
    const expected = source[gap.source];
    const actual = translation[gap.translation];
    findings.push(
      pageFinding(
        context,
        'structure-mismatch',
        'error',
        `The page stops lining up with the source at block ${gap.translation + 1}: here ${describe(actual)}, in the source ${describe(expected)}${gap.extra && actual ? `; this ${describe(actual).replace(/^an? /, '')} is not in the source` : expected ? `; the source's ${describe(expected).replace(/^an? /, '')} (line ${expected.line}) has no counterpart here` : ''}.`,
        actual ?? translation.at(-1),
        expected ?? source.at(-1),
        'Keep one translated block for each source block, in the same order (a paragraph stays a paragraph, a list a list).',
      ),
    );
  }

  for (const [i, j] of alignment.pairs) {
    const expected = source[i]!;
    const actual = translation[j]!;
    if (expected.kind === 'list' && expected.shape !== actual.shape) {
      findings.push(
        ...itemFindings(
          context,
          expected,
          actual,
          'list-mismatch',
          'list item',
          `The list has ${actual.shape} items, the source's ${expected.shape}.`,
          'Translate each item in place; do not merge, split, add or drop items.',
        ),
      );
    }
    if (expected.kind === 'table' && expected.shape !== actual.shape) {
      findings.push(
        ...itemFindings(
          context,
          expected,
          actual,
          'table-mismatch',
          'row',
          `The table is ${actual.shape} (rows x columns), the source's ${expected.shape}.`,
          "Translate cells in place; the table's rows and columns must stay as in the source.",
        ),
      );
    }
    if (expected.kind === 'code' && expected.code && actual.code) {
      if (expected.code.lang !== actual.code.lang) {
        findings.push(
          pageFinding(
            context,
            'code-mismatch',
            'error',
            `The code block is marked "${actual.code.lang || '(none)'}", the source's "${expected.code.lang || '(none)'}".`,
            actual,
            expected,
            'Copy the code block from the source unchanged.',
          ),
        );
      } else if (expected.code.value !== actual.code.value) {
        findings.push(
          pageFinding(
            context,
            'code-mismatch',
            'error',
            "The code block differs from the source's; code is never translated.",
            actual,
            expected,
            'Copy the code block from the source unchanged.',
          ),
        );
      }
    }
  }
  return findings;
}

/** A merged or split block, at the (first) translated block, naming the source blocks it stands for. */
function groupFinding(context: PageContext, group: BlockGroup, source: readonly Block[], translation: readonly Block[]): Finding {
  const actual = translation[group.translation[0]!]!;
  const expected = source[group.source[0]!]!;
  if (group.source.length > 1) {
    return pageFinding(
      context,
      'structure-mismatch',
      'error',
      `This ${describe(actual).replace(/^an? /, '')} stands for ${group.source.length} source blocks merged into one: blocks ${numbered(group.source, source)}.`,
      actual,
      expected,
      'Write one translated block for each of those source blocks, in the same order (a heading stays a heading).',
    );
  }
  const last = translation[group.translation.at(-1)!]!;
  return pageFinding(
    context,
    'structure-mismatch',
    'error',
    `This ${describe(actual).replace(/^an? /, '')} and the next ${group.translation.length === 2 ? 'block' : `${group.translation.length - 1} blocks`} (lines ${actual.line}–${last.endLine}) stand for one source block split in ${group.translation.length}: block ${numbered(group.source, source)}.`,
    actual,
    expected,
    'Join them into one block, as the source has it.',
  );
}

/** Walking both pages in step, the first place where a block has no counterpart: its index on each side (past the end when none is left). */
function firstGap(
  alignment: BlockAlignment,
  sourceCount: number,
  translationCount: number,
): { source: number; translation: number; extra: boolean } | undefined {
  const missing = new Set(alignment.missing);
  const extra = new Set(alignment.extra);
  const groups = new Map(alignment.groups.map((group) => [group.source[0]!, group]));
  let i = 0;
  let j = 0;
  while (i < sourceCount || j < translationCount) {
    if (missing.has(i) || extra.has(j) || i >= sourceCount || j >= translationCount)
      return { source: i, translation: j, extra: !missing.has(i) && j < translationCount };
    const group = groups.get(i);
    i += group ? group.source.length : 1;
    j += group ? group.translation.length : 1;
  }
  return undefined;
}

const asBlock = (item: BlockItem) => ({ ...item, depth: 0, signature: 'item', kind: 'paragraph' });

/**
 * A list or table of another shape: when items (rows) were merged or split, one finding at each such item
 * (row), naming the source's; otherwise one at the list (table), as its shape says.
 */
function itemFindings(
  context: PageContext,
  expected: Block,
  actual: Block,
  rule: string,
  noun: string,
  shapeMessage: string,
  hint: string,
): Finding[] {
  const sourceItems = expected.items ?? [];
  const translationItems = actual.items ?? [];
  const { groups, missing, extra } = alignBlocks(sourceItems.map(asBlock), translationItems.map(asBlock));
  const Noun = `${noun[0]!.toUpperCase()}${noun.slice(1)}`;
  const findings = groups.map((group) => {
    const at = translationItems[group.translation[0]!]!;
    const sourceAt = sourceItems[group.source[0]!]!;
    const list = (indexes: readonly number[]) => new Intl.ListFormat('en').format(indexes.map((index) => String(index + 1)));
    return group.source.length > 1
      ? pageFinding(
          context,
          rule,
          'error',
          `${Noun} ${group.translation[0]! + 1} stands for the source's ${noun}s ${list(group.source)} merged into one.`,
          at,
          sourceAt,
          hint,
        )
      : pageFinding(
          context,
          rule,
          'error',
          `${Noun}s ${list(group.translation)} stand for the source's ${noun} ${group.source[0]! + 1} split in ${group.translation.length}.`,
          at,
          sourceAt,
          hint,
        );
  });
  // Columns, nesting, or items added or dropped besides: the shape, at the block.
  const sameColumns = expected.kind !== 'table' || expected.shape!.split(' x ')[1] === actual.shape!.split(' x ')[1];
  if (groups.length === 0 || missing.length > 0 || extra.length > 0 || !sameColumns)
    findings.push(pageFinding(context, rule, 'error', shapeMessage, actual, expected, hint));
  return findings;
}
