import type { Heading, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { collectHeadings, remarkHeadingIds } from './headingIds.ts';

const parse = (text: string) => unified().use(remarkParse).use(remarkMdx).parse(text) as Root;

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

  it('remark plugin sets the id and removes the marker from the rendered heading', () => {
    const tree = parse('## Wen Sie erreichen {/* #who-you-reach */}');
    remarkHeadingIds()(tree);
    const heading = tree.children[0] as Heading;
    expect(heading.data?.hProperties?.id).toBe('who-you-reach');
    expect(heading.children).toEqual([expect.objectContaining({ type: 'text', value: 'Wen Sie erreichen' })]);
  });
});
