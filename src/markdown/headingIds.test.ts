import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { defineHastPlugin, mdxToJs, mdxToMdast } from 'satteri';
import { collectHeadings } from './headingIds.ts';
import { headingAnchorsPlugin } from './headingAnchorsPlugin.ts';
import { headingIdsPlugin } from './headingIdsPlugin.ts';

const parse = (text: string) => mdxToMdast(text) as Root;

describe('heading ids', () => {
  it('takes the id from a trailing {/* #id */} marker', () => {
    const [heading] = collectHeadings(parse('## Nächste Schritte {/* #next-steps */}'));
    expect(heading).toMatchObject({ id: 'next-steps', text: 'Nächste Schritte', explicit: true, depth: 2 });
  });

  it('slugs headings without a marker, GitHub style, with suffixes for repeats', () => {
    const ids = collectHeadings(parse('# Next steps\n\n## Next steps\n\n## What’s new?')).map((h) => h.id);
    expect(ids).toEqual(['next-steps', 'next-steps-1', 'whats-new']);
  });

  it('ignores comments that are not id markers', () => {
    const [heading] = collectHeadings(parse('## Title {/* a note for translators */}'));
    expect(heading).toMatchObject({ id: 'title', explicit: false });
  });

  it('gives the site the ids the checkers see, and removes the marker from the rendered heading', async () => {
    const text =
      '## Wen Sie erreichen {/* #who-you-reach */}\n\n## Next steps\n\n### Next steps\n\n## `npm` and {/* a note */} more {/* #more */}\n';
    const seen: { tag: string; id: unknown; text: string }[] = [];
    // Records what the page's HTML will hold, after the site's plugins ran.
    const record = defineHastPlugin({
      name: 'test:record',
      element: {
        filter: ['h2', 'h3', 'a'],
        visit(node, ctx) {
          seen.push({ tag: node.tagName, id: node.properties?.['id'] ?? node.properties?.['href'], text: ctx.textContent(node) });
        },
      },
    });
    await mdxToJs(text, { mdastPlugins: [headingIdsPlugin], hastPlugins: [headingAnchorsPlugin, record], data: {} });
    const headings = seen.filter((element) => element.tag !== 'a');
    expect(headings.map((heading) => heading.id)).toEqual(collectHeadings(parse(text)).map((heading) => heading.id));
    expect(headings[0]).toEqual({ tag: 'h2', id: 'who-you-reach', text: 'Wen Sie erreichen' });
    // Every section heading gets a link to itself beside it, outside the heading's text.
    expect(seen.filter((element) => element.tag === 'a').map((link) => link.id)).toEqual([
      '#who-you-reach',
      '#next-steps',
      '#next-steps-1',
      '#more',
    ]);
  });
});
