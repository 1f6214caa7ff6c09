/**
 * `structure-mismatch`: the sequence of blocks (paragraph, list, table, code,
 * component…) must match the source's; the finding points at the first place
 * where the two documents stop lining up, in both files.
 * `list-mismatch`, `table-mismatch`, `code-mismatch`: blocks that do line up
 * must have the same shape (items, rows x columns) and identical code.
 */
import type { Finding } from '../../lib/findings.ts';
import { alignBlocks, blockKey, firstDifference } from '../../../src/translation/align.ts';
import { pageFinding, type PageContext } from '../context.ts';
import type { Block } from '../../../src/content/outline.ts';

const describe = (block: Block | undefined) => {
  if (!block) return 'the end of the page';
  const [kind, detail] = block.signature.split(':');
  if (kind === 'heading') return `a level-${detail} heading`;
  if (kind === 'component') return `<${detail}>`;
  if (kind === 'list') return `${detail === 'ordered' ? 'a numbered' : 'a bulleted'} list`;
  return `a ${kind === 'code' ? 'code block' : kind}`;
};


export function structureRules(context: PageContext): Finding[] {
  const source = context.source.outline?.blocks;
  const translation = context.translation.outline?.blocks;
  if (!source || !translation) return [];
  const findings: Finding[] = [];

  const at = firstDifference(source, translation, blockKey);
  if (at !== -1) {
    const expected = source[at];
    const actual = translation[at];
    findings.push(pageFinding(
      context,
      'structure-mismatch',
      'error',
      `The page stops lining up with the source at block ${at + 1}: here ${describe(actual)}, in the source ${describe(expected)}.`,
      actual ?? translation.at(-1),
      expected ?? source.at(-1),
      'Keep one translated block for each source block, in the same order (a paragraph stays a paragraph, a list a list).',
    ));
  }

  for (const [i, j] of alignBlocks(source, translation).pairs) {
    const expected = source[i]!;
    const actual = translation[j]!;
    if (expected.kind === 'list' && expected.shape !== actual.shape) {
      findings.push(pageFinding(context, 'list-mismatch', 'error', `The list has ${actual.shape} items, the source's ${expected.shape}.`, actual, expected, 'Translate each item in place; do not merge, split, add or drop items.'));
    }
    if (expected.kind === 'table' && expected.shape !== actual.shape) {
      findings.push(pageFinding(context, 'table-mismatch', 'error', `The table is ${actual.shape} (rows x columns), the source's ${expected.shape}.`, actual, expected, 'Translate cells in place; the table\'s rows and columns must stay as in the source.'));
    }
    if (expected.kind === 'code' && expected.code && actual.code) {
      if (expected.code.lang !== actual.code.lang) {
        findings.push(pageFinding(context, 'code-mismatch', 'error', `The code block is marked "${actual.code.lang || '(none)'}", the source's "${expected.code.lang || '(none)'}".`, actual, expected, 'Copy the code block from the source unchanged.'));
      } else if (expected.code.value !== actual.code.value) {
        findings.push(pageFinding(context, 'code-mismatch', 'error', 'The code block differs from the source\'s; code is never translated.', actual, expected, 'Copy the code block from the source unchanged.'));
      }
    }
  }
  return findings;
}
