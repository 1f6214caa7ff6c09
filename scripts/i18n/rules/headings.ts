/**
 * `heading-mismatch`: the same number of headings at the same levels.
 * `heading-id`: the same heading ids in the same order, so `#anchors` work in
 * every language and the language picker keeps the reader's place.
 */
import type { Finding } from '../../lib/findings.ts';
import { firstDifference } from '../../../src/translation/align.ts';
import { excerpt, pageFinding, type PageContext } from '../context.ts';

export function headingRules(context: PageContext): Finding[] {
  const source = context.source.outline?.headings;
  const translation = context.translation.outline?.headings;
  if (!source || !translation) return [];
  const findings: Finding[] = [];

  const levelAt = firstDifference(source, translation, (heading) => String(heading.depth));
  if (levelAt !== -1) {
    const expected = source[levelAt];
    const actual = translation[levelAt];
    const message =
      source.length !== translation.length
        ? `The page has ${translation.length} heading${translation.length === 1 ? '' : 's'}, the source ${source.length}; they stop lining up at heading ${levelAt + 1}${expected ? ` (source: ${'#'.repeat(expected.depth)} ${excerpt(expected.text)})` : ''}.`
        : `Heading ${levelAt + 1} is level ${actual!.depth} here but level ${expected!.depth} in the source.`;
    findings.push(pageFinding(context, 'heading-mismatch', 'error', message, actual ?? translation.at(-1), expected ?? source.at(-1), 'Translate each heading in place; do not add, remove or re-level headings.'));
  }

  const sourceIds = new Set(source.map((heading) => heading.id));
  const translationIds = new Set(translation.map((heading) => heading.id));
  for (const [index, heading] of translation.entries()) {
    if (sourceIds.has(heading.id)) continue;
    const counterpart = source[index];
    const hint = counterpart ? `Keep the source's id: end the heading with {/* #${counterpart.id} */}.` : 'Remove the heading, or give it an id the source has.';
    findings.push(pageFinding(context, 'heading-id', 'error', `Heading id "${heading.id}" does not exist in the source${heading.explicit ? '' : ' (it was made from the translated text)'}${counterpart ? `; the source has "${counterpart.id}" here` : ''}.`, heading, counterpart, hint));
  }
  for (const [index, heading] of source.entries()) {
    if (translationIds.has(heading.id)) continue;
    // Already reported above when a translated heading sits in its place.
    if (translation[index] && !sourceIds.has(translation[index].id)) continue;
    findings.push(pageFinding(context, 'heading-id', 'error', `The source heading "${heading.id}" (${excerpt(heading.text)}) has no heading with that id here, so links to #${heading.id} break in this language.`, translation[index] ?? translation.at(-1), heading, `Translate the heading and end it with {/* #${heading.id} */}.`));
  }
  if (findings.every((finding) => finding.rule !== 'heading-id') && source.length === translation.length) {
    const orderAt = firstDifference(source, translation, (heading) => heading.id);
    if (orderAt !== -1) {
      findings.push(pageFinding(context, 'heading-id', 'error', `Heading ids are in a different order: "${translation[orderAt]!.id}" is where the source has "${source[orderAt]!.id}".`, translation[orderAt], source[orderAt], 'Put the sections in the source\'s order.'));
    }
  }
  return findings;
}
