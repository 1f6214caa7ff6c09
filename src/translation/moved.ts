/**
 * Outlines seen without the sections the source moved in since a
 * translation's stamp (src/model/status.ts, `sourceMoved`). A rule run on
 * both pages without those sections reports only what is wrong elsewhere:
 * the translator's errors. What it reported on the whole pages and no longer
 * reports is the source's move, so the translation is outdated there. That
 * makes the rule hold for every kind of difference the rules know (a link
 * target, a component prop, a table, a code block, a number, a heading or
 * block added or removed) without each rule knowing about stamps.
 */
import type { Block, Outline } from '../content/outline.ts';

/** The section a line of a page is in: that of the last block starting at or before it (`_intro` before any). */
export function sectionOfLine(blocks: readonly Block[], line: number): string {
  let low = 0;
  let high = blocks.length - 1;
  let found: Block | undefined;
  // Blocks are in document order: a binary search keeps this cheap on long pages.
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.line <= line) {
      found = blocks[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found?.section ?? '_intro';
}

/** The outline without the given sections' headings, blocks, links, images and components. */
export function withoutSections(outline: Outline, sections: ReadonlySet<string>): Outline {
  if (sections.size === 0) return outline;
  const keep = (item: { line: number }) => !sections.has(sectionOfLine(outline.blocks, item.line));
  return {
    blocks: outline.blocks.filter((block) => !sections.has(block.section)),
    headings: outline.headings.filter((heading) => !sections.has(heading.id) && keep(heading)),
    links: outline.links.filter(keep),
    images: outline.images.filter(keep),
    components: outline.components.filter(keep),
  };
}
