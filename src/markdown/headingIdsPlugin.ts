/**
 * The site's heading ids, for Astro's Sätteri Markdown processor: the same
 * rule the checkers use (`collectHeadings` in headingIds.ts), applied while
 * the page compiles. A heading's `{/* #id *\/}` marker becomes its id and is
 * removed; a heading without one gets the GitHub-style slug of its text,
 * numbered after repeats, with marker ids reserved so they never collide.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, RootContent } from 'mdast';
import { defineMdastPlugin, type MdastPluginDefinition } from 'satteri';
import { idMarker, visibleText } from './headingIds.ts';

/** A plugin factory: Sätteri calls it once per document, so each page numbers its own repeats. */
export function headingIdsPlugin(): MdastPluginDefinition {
  const slugger = new GithubSlugger();
  return defineMdastPlugin({
    name: 'publisher-docs:heading-ids',
    heading(node: Readonly<Heading>, ctx) {
      const marker = idMarker(node as Heading);
      const id = marker ? marker.id : slugger.slug(visibleText(node as Heading));
      if (marker) {
        slugger.slug(marker.id);
        ctx.removeNode(marker.node as unknown as RootContent);
        // The space before the marker would end up in the heading's text.
        const before = node.children.at(-2);
        if (before?.type === 'text' && before.value !== before.value.trimEnd()) ctx.setProperty(before, 'value', before.value.trimEnd());
      }
      // `hProperties` carries the id onto the HTML element (mdast-to-hast's convention, which Sätteri keeps).
      const data = (node.data ?? {}) as { hProperties?: Record<string, unknown> };
      ctx.setProperty(node, 'data', { ...data, hProperties: { ...data.hProperties, id } });
    },
  });
}
