/**
 * `heading-mismatch`: the same number of headings at the same levels.
 * `heading-id`: the same heading ids in the same order, so `#anchors` work in
 * every language and the language picker keeps the reader's place.
 * A source heading the translator ran into its paragraph (a merged block, see
 * alignBlocks) is reported at that paragraph, not at the next heading.
 */
import type { Finding } from '../../../src/report/report.ts';
import { firstDifference } from '../../../src/translation/align.ts';
import { blockAlignment, excerpt, pageFinding, type PageContext } from '../context.ts';
import type { Block, HeadingRef } from '../../../src/content/outline.ts';
import type { TranslationRun } from '../context.ts';
import { headingIdFix } from '../proposals.ts';

export function headingRules(context: PageContext, run?: TranslationRun): Finding[] {
  const allSource = context.source.outline?.headings;
  const translation = context.translation.outline?.headings;
  if (!allSource || !translation) return [];
  const findings: Finding[] = [];

  // Headings merged into a paragraph: one finding each, at that paragraph; the rest must line up as usual.
  const merged = mergedHeadings(context, allSource);
  for (const [heading, block] of merged) {
    findings.push(
      pageFinding(
        context,
        'heading-mismatch',
        'error',
        `The source's level-${heading.depth} heading ${excerpt(heading.text)} is merged into this ${block.kind} here, so the page has ${translation.length} heading${translation.length === 1 ? '' : 's'}, the source ${allSource.length}.`,
        block,
        heading,
        `Make it a heading of its own again, before this ${block.kind}: ${'#'.repeat(heading.depth)} … {/* #${heading.id} */}.`,
      ),
    );
    if (!translation.some((candidate) => candidate.id === heading.id)) {
      findings.push(
        pageFinding(
          context,
          'heading-id',
          'error',
          `The source heading "${heading.id}" is merged into this ${block.kind}, so links to #${heading.id} break in this language.`,
          block,
          heading,
          `Make it a heading of its own again, ending with {/* #${heading.id} */}.`,
        ),
      );
    }
  }
  const source = allSource.filter((heading) => !merged.has(heading));
  const ownFindings = findings.length;

  const levelAt = firstDifference(source, translation, (heading) => String(heading.depth));
  if (levelAt !== -1) {
    const expected = source[levelAt];
    const actual = translation[levelAt];
    const message =
      source.length !== translation.length
        ? `The page has ${translation.length} heading${translation.length === 1 ? '' : 's'}, the source ${source.length}; they stop lining up at heading ${levelAt + 1}${expected ? ` (source: ${'#'.repeat(expected.depth)} ${excerpt(expected.text)})` : ''}.`
        : `Heading ${levelAt + 1} is level ${actual!.depth} here but level ${expected!.depth} in the source.`;
    findings.push(
      pageFinding(
        context,
        'heading-mismatch',
        'error',
        message,
        actual ?? translation.at(-1),
        expected ?? source.at(-1),
        'Translate each heading in place; do not add, remove or re-level headings.',
      ),
    );
  }

  const sourceIds = new Set(allSource.map((heading) => heading.id));
  const translationIds = new Set(translation.map((heading) => heading.id));
  for (const [index, heading] of translation.entries()) {
    if (sourceIds.has(heading.id)) continue;
    const counterpart = source[index];
    // Proposed only when no other heading here has that id already: two headings with one id would not pass either.
    const proposed = counterpart && !translationIds.has(counterpart.id) ? counterpart.id : undefined;
    const hint = proposed
      ? `Keep the source's id: end the heading with {/* #${proposed} */}.`
      : counterpart
        ? `The source has "${counterpart.id}" here, but another heading here has that id already: give each heading the id of its source heading.`
        : 'Remove the heading, or give it an id the source has.';
    const fix = proposed && run ? headingIdFix(run, context.translation.file, heading, proposed, hint) : undefined;
    findings.push({
      ...pageFinding(
        context,
        'heading-id',
        'error',
        `Heading id "${heading.id}" does not exist in the source${heading.explicit ? '' : ' (it was made from the translated text)'}${counterpart ? `; the source has "${counterpart.id}" here` : ''}.`,
        heading,
        counterpart,
        hint,
      ),
      ...(fix ? { fix } : {}),
    });
  }
  for (const [index, heading] of source.entries()) {
    if (translationIds.has(heading.id)) continue;
    // Already reported above when a translated heading sits in its place.
    if (translation[index] && !sourceIds.has(translation[index].id)) continue;
    findings.push(
      pageFinding(
        context,
        'heading-id',
        'error',
        `The source heading "${heading.id}" (${excerpt(heading.text)}) has no heading with that id here, so links to #${heading.id} break in this language.`,
        translation[index] ?? translation.at(-1),
        heading,
        `Translate the heading and end it with {/* #${heading.id} */}.`,
      ),
    );
  }
  if (findings.slice(ownFindings).every((finding) => finding.rule !== 'heading-id') && source.length === translation.length) {
    const orderAt = firstDifference(source, translation, (heading) => heading.id);
    if (orderAt !== -1) {
      findings.push(
        pageFinding(
          context,
          'heading-id',
          'error',
          `Heading ids are in a different order: "${translation[orderAt]!.id}" is where the source has "${source[orderAt]!.id}".`,
          translation[orderAt],
          source[orderAt],
          "Put the sections in the source's order.",
        ),
      );
    }
  }
  return findings;
}

/** Source headings that a merged block of the translation stands for, with that block (when it is not itself a heading). */
function mergedHeadings(context: PageContext, headings: readonly HeadingRef[]): Map<HeadingRef, Block> {
  const merged = new Map<HeadingRef, Block>();
  const sourceBlocks = context.source.outline?.blocks ?? [];
  const translationBlocks = context.translation.outline?.blocks ?? [];
  for (const group of blockAlignment(context).groups) {
    const into = translationBlocks[group.translation[0]!]!;
    if (group.source.length < 2 || into.kind === 'heading') continue;
    for (const index of group.source) {
      const block = sourceBlocks[index]!;
      const heading =
        block.kind === 'heading'
          ? headings.find((candidate) => candidate.line === block.line && candidate.column === block.column)
          : undefined;
      if (heading) merged.set(heading, into);
    }
  }
  return merged;
}
