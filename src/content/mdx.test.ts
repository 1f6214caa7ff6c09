import { describe, expect, it } from 'vitest';
import { parseMdx } from './mdx.ts';

const page = (frontmatter: string, body = 'Text.') => `---\n${frontmatter}\n---\n\n${body}\n`;
const valid = 'title: A page\ndescription: A description that is long enough.\norder: 1';

describe('parseMdx', () => {
  it('parses a valid page with its frontmatter', () => {
    const result = parseMdx('content/en/a.mdx', page(valid, '## Hello {/* #hello */}'));
    expect(result.ok && result.doc.frontmatter).toEqual({ title: 'A page', description: 'A description that is long enough.', order: 1 });
    expect(result.problems).toEqual([]);
  });

  it('locates an MDX syntax error and still checks the frontmatter', () => {
    const result = parseMdx('content/de/a.mdx', page('title: A\ndescription: A description that is long enough.\norder: zehn', 'Ein <b>kaputter Absatz.'));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'content/de/a.mdx', line: 4, column: 1, message: expect.stringContaining('`order`') }),
      expect.objectContaining({ file: 'content/de/a.mdx', line: 7, message: expect.stringMatching(/^MDX syntax error/) }),
    ]);
  });

  it('locates unknown and invalid frontmatter keys on their own line', () => {
    const result = parseMdx('content/en/a.mdx', page(`${valid}\nauthor: me\ntranslation:\n  source: abc\n  method: human`));
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 5, message: expect.stringContaining('Unrecognized key: "author"') }),
      expect.objectContaining({ line: 7, column: 3, message: expect.stringContaining('`translation.source`') }),
    ]);
  });

  it('reports broken YAML with its line in the file', () => {
    const result = parseMdx('content/en/a.mdx', page('title: A\ndescription: [unclosed\norder: 1'));
    // YAML notices the unclosed bracket where the next key starts.
    expect(result.problems[0]).toMatchObject({ line: 4, message: expect.stringMatching(/^Invalid YAML frontmatter: Flow sequence/) });
    expect(result.problems[0]!.message).not.toMatch(/at line/);
  });

  it('treats a BOM and CRLF line endings as the same page', () => {
    const unix = parseMdx('a.mdx', page(valid, '## Hi\n\nText'));
    const windows = parseMdx('a.mdx', `\uFEFF${page(valid, '## Hi\n\nText').replace(/\n/g, '\r\n')}`);
    expect(windows.ok && windows.doc.frontmatter).toEqual(unix.ok && unix.doc.frontmatter);
    const line = (result: typeof unix) => result.ok && result.doc.tree.children[1]?.position?.start.line;
    expect(line(windows)).toBe(7);
    expect(line(windows)).toBe(line(unix));
  });

  it('says so when a page is empty or has no frontmatter', () => {
    expect(parseMdx('a.mdx', '  \n').problems[0]).toMatchObject({ line: 1, message: 'The page is empty.' });
    expect(parseMdx('a.mdx', '# Title\n').problems[0]).toMatchObject({ message: 'The page has no frontmatter.' });
  });

  it('places a tag that is never closed at its opening tag, in the line and column fields', () => {
    const flow = parseMdx('a.mdx', page(valid, 'Intro.\n\n<Callout type="note">\n\nText.'));
    expect(flow.problems).toEqual([expect.objectContaining({ rule: 'parse-error', line: 9, column: 1, message: expect.stringContaining('Expected a closing tag for `<Callout>`') })]);
    const inline = parseMdx('a.mdx', page(valid, 'Some text <StorefrontTable table="a">\n\nmore'));
    expect(inline.problems).toEqual([expect.objectContaining({ line: 7, column: 11 })]);
    // A stray closing tag stays where it is written.
    expect(parseMdx('a.mdx', page(valid, '<Callout>\n\n</Foo>')).problems).toEqual([expect.objectContaining({ line: 9, column: 1 })]);
  });

  it('reports binary content and text that is not UTF-8 at the first bad character', () => {
    expect(parseMdx('a.mdx', page(valid, 'Text\n\nab\u0000cd')).problems).toEqual([expect.objectContaining({ rule: 'parse-error', line: 9, column: 3, message: 'The page holds binary data (a NUL byte), not text.' })]);
    const latin1 = Buffer.concat([Buffer.from(page(valid, 'Gr').replace(/\n$/, '')), Buffer.from([0xfc, 0xdf, 0x65, 0x0a])]).toString('utf8');
    expect(parseMdx('a.mdx', latin1).problems).toEqual([expect.objectContaining({ rule: 'parse-error', line: 7, column: 3, message: expect.stringContaining('not valid UTF-8') })]);
  });
});

