import { describe, expect, it } from 'vitest';
import { parseMdx } from '../content/mdx.ts';
import { changedSections, describeChange, sectionFingerprints } from './sections.ts';

const PAGE = `---
title: Guide
description: A guide page for the fixture site.
order: 1
---

Intro with [a link](/en/other/).

## First {/* #first */}

Some text with \`code\`.

<StorefrontTable table="audience" />

## Second {/* #second */}

| A | B |
|---|---|
| 1 | 2 |

\`\`\`sh
npm run build
\`\`\`
`;

const fingerprints = (text: string) => {
  const parsed = parseMdx('content/en/guide.mdx', text);
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  return sectionFingerprints(parsed.doc.tree, parsed.doc.rawFrontmatter);
};
const changes = (edit: (text: string) => string) => changedSections(fingerprints(PAGE), fingerprints(edit(PAGE)));

describe('section fingerprints', () => {
  it('has one entry per section, keyed by heading id, plus the intro and the title/description', () => {
    expect(Object.keys(fingerprints(PAGE))).toEqual(['_meta', '_intro', 'first', 'second']);
    expect(fingerprints(PAGE).first).toMatch(/^[0-9a-f]{6}\.-\.[0-9a-f]{6}\.[0-9a-f]{6}$/);
  });

  it('ignores line wrapping and formatting that does not change the text', () => {
    expect(changes((text) => text.replace('Some text with', 'Some   text\nwith'))).toEqual([]);
  });

  it.each([
    ['text', (text: string) => text.replace('Some text', 'Other text'), [{ id: 'first', kinds: ['text'] }]],
    ['link target', (text: string) => text.replace('/en/other/', '/en/else/'), [{ id: '_intro', kinds: ['link target'] }]],
    ['table (cells)', (text: string) => text.replace('| 1 | 2 |', '| 1 | 3 |'), [{ id: 'second', kinds: ['table'] }]],
    ['table (component)', (text: string) => text.replace('table="audience"', 'table="campaign"'), [{ id: 'first', kinds: ['table'] }]],
    ['code', (text: string) => text.replace('npm run build', 'npm run bench'), [{ id: 'second', kinds: ['code'] }]],
    ['title', (text: string) => text.replace('title: Guide', 'title: The guide'), [{ id: '_meta', kinds: ['text'] }]],
    [
      'added and removed',
      (text: string) => text.replace('## Second {/* #second */}', '## Third {/* #third */}'),
      [
        { id: 'third', kinds: ['added'] },
        { id: 'second', kinds: ['removed'] },
      ],
    ],
  ])('names the kind of change: %s', (_, edit, expected) => {
    expect(changes(edit)).toEqual(expected);
  });

  it('describes changes for messages', () => {
    expect(describeChange({ id: 'first', kinds: ['text', 'code'] })).toBe('#first (text, code)');
    expect(describeChange({ id: '_meta', kinds: ['text'] })).toBe('title/description (text)');
  });
});
