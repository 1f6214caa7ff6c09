/**
 * Adds a link to each section heading (h2 to h4), so a reader can copy a deep
 * link. The link sits beside the heading, not inside it, so the heading's text
 * (and the table of contents made from it) stays clean. Its accessible name is
 * "Copy link to" in the reader's language (one hidden label per page, from
 * SiteHeader.astro) followed by the heading's text (`aria-labelledby` both),
 * so a screen reader announces what it does, not a second copy of the heading. Its "#" is drawn by the
 * stylesheet, so the link holds no text: search has nothing of it to index and each heading costs the page a
 * few bytes only; the reader script makes it copy the link. A Sätteri hast plugin: it runs before Astro
 * collects the headings, which is why the link must stay outside the heading.
 */
import type { Element } from 'hast';
import { defineHastPlugin, type HastPluginDefinition } from 'satteri';

export const SECTION_HEADINGS = ['h2', 'h3', 'h4'];
/** The id of the page's hidden "Copy link to" label; camel case, so no heading's slug can take it. */
export const COPY_LINK_LABEL = 'copyLinkLabel';

export const headingAnchorsPlugin: HastPluginDefinition = defineHastPlugin({
  name: 'publisher-docs:heading-anchors',
  element: {
    filter: SECTION_HEADINGS,
    visit(node: Readonly<Element>, ctx) {
      const id = node.properties?.id;
      if (typeof id !== 'string') return;
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabelledBy: [COPY_LINK_LABEL, id] },
        children: [],
      };
      ctx.wrapNode(node, {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading-wrapper'] },
        children: [anchor],
      });
    },
  },
});
