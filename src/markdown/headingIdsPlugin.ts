/**
 * The site's heading ids, for Astro's Sätteri Markdown processor: the rule
 * the checkers use (`headingIdRule` in headingIds.ts), applied while the page
 * compiles. A heading's `{/* #id *\/}` marker becomes its id and is removed
 * from the rendered heading.
 */
import type { Heading, RootContent } from 'mdast';
import { defineMdastPlugin, type MdastPluginDefinition } from 'satteri';
import { headingIdRule } from './headingIds.ts';

/** A plugin factory: Sätteri calls it once per document, so each page numbers its own repeats. */
export function headingIdsPlugin(): MdastPluginDefinition {
  const idOf = headingIdRule();
  return defineMdastPlugin({
    name: 'publisher-docs:heading-ids',
    heading(node: Readonly<Heading>, ctx) {
      const { id, marker } = idOf(node as Heading);
      if (marker) {
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
