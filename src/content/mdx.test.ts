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

  it('refuses a list or map reused through aliases (a billion values in nine lines), at the first alias, without expanding it', () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 9; level++) {
      const [from, to] = [String.fromCharCode(96 + level), String.fromCharCode(97 + level)];
      lines.push(`${to}: &${to} [${Array(9).fill(`*${from}`).join(', ')}]`);
    }
    const result = parseMdx('content/en/a.mdx', page(`${valid}\n${lines.join('\n')}`));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      expect.objectContaining({ rule: 'frontmatter', line: 6, column: 8, message: expect.stringMatching(/reused through an alias/) }),
    ]);
    // An alias to a single value repeats no structure: it is plain YAML.
    expect(parseMdx('a.mdx', page(`title: &t A page\nnavTitle: *t\ndescription: A description that is long enough.\norder: 1`)).problems).toEqual([]);
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

  it('places MDX syntax errors where Sätteri stops: an unclosed component, a bad expression, a stray `<`', () => {
    const at = (body: string) => {
      const result = parseMdx('content/en/a.mdx', page(valid, body));
      return result.problems.map(({ line, column, rule, message }) => ({ line, column, rule, message }));
    };
    expect(at('Text.\n\n<Callout type="note">\n\nInside.')).toEqual([{ line: 9, column: 1, rule: 'parse-error', message: 'MDX syntax error: Expected a closing tag for `<Callout>` (9:1).' }]);
    expect(at('Some {1 +} text.')).toEqual([{ line: 7, column: 10, rule: 'parse-error', message: expect.stringMatching(/^MDX syntax error: Could not parse expression/) }]);
    expect(at('Ein {Hinweistext\n\nmore')).toEqual([{ line: 7, column: 5, rule: 'parse-error', message: expect.stringContaining('closing brace') }]);
    expect(at('äöü 😀 <b>x')).toEqual([expect.objectContaining({ line: 7, column: 8 })]); // UTF-16 columns, as editors count them
    expect(at('x\n\n<!-- a note -->')).toEqual([expect.objectContaining({ line: 9, column: 1, message: expect.stringContaining('{/* text */}') })]);
  });

  it('reports brackets nested too deep for the native parser at their place, instead of crashing', () => {
    const result = parseMdx('content/en/a.mdx', page(valid, `Fine.\n\n{${'('.repeat(20_000)}}`));
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'parse-error', line: 9, column: 1001, message: expect.stringContaining('nested more than 1000 levels') })]);
  });

  it('says TOML frontmatter is not YAML', () => {
    expect(parseMdx('a.mdx', '+++\ntitle = "A"\n+++\n\nText.\n').problems).toEqual([expect.objectContaining({ rule: 'frontmatter', line: 1, column: 1, message: expect.stringContaining('TOML') })]);
  });

  it('locates an error at the end of a 10 MB page', () => {
    const paragraph = `${'Some text with [a link](/en/x/) and `code`. '.repeat(20)}\n\n`;
    const body = `${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}<Callout>\n\nnever closed`;
    const result = parseMdx('content/en/big.mdx', page(valid, body));
    const line = page(valid, body).split('\n').length - 3;
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'parse-error', line, column: 1 })]);
  });

  it('reads the same tree as the site: frontmatter, GFM tables, components with props, expressions and comments, positions included', () => {
    const result = parseMdx('content/en/a.mdx', page(valid, '| a | b |\n| --- | --- |\n| 1 | [x](/y/) |\n\n<Callout type="note" count={3}>\n  Inside.\n</Callout>\n\n{/* a note */}'));
    expect(result.ok).toBe(true);
    const tree = result.ok ? result.doc.tree : undefined;
    expect(tree?.children.map((node) => [node.type, node.position?.start.line, node.position?.start.column])).toEqual([['yaml', 1, 1], ['table', 7, 1], ['mdxJsxFlowElement', 11, 1], ['mdxFlowExpression', 15, 1]]);
    const callout = tree?.children[2];
    expect(callout?.type === 'mdxJsxFlowElement' && callout.attributes).toEqual([
      expect.objectContaining({ type: 'mdxJsxAttribute', name: 'type', value: 'note' }),
      expect.objectContaining({ type: 'mdxJsxAttribute', name: 'count', value: expect.objectContaining({ type: 'mdxJsxAttributeValueExpression', value: '3' }) }),
    ]);
    expect(tree?.children[3]).toMatchObject({ value: '/* a note */' });
  });
});

