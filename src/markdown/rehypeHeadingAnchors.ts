/**
 * Adds a link to each section heading (h2 to h4), so a reader can copy a deep
 * link. The link sits beside the heading, not inside it, so the heading's text
 * (and the table of contents made from it) stays clean. Its accessible name is
 * the heading itself (`aria-labelledby`), which is right in every language
 * without a translated label. Search leaves its "#" out of excerpts
 * (`data-pagefind-ignore`), and the reader script makes it copy the link.
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

const SECTION_HEADING = new Set(['h2', 'h3', 'h4']);

export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      const id = node.properties.id;
      if (!SECTION_HEADING.has(node.tagName) || typeof id !== 'string' || !parent || index === undefined) return undefined;
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabelledBy: [id], dataPagefindIgnore: '' },
        children: [{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] }],
      };
      const wrapper: Element = { type: 'element', tagName: 'div', properties: { className: ['heading-wrapper', `level-${node.tagName}`] }, children: [node, anchor] as ElementContent[] };
      parent.children[index] = wrapper;
      return [SKIP, index + 1];
    });
  };
}
