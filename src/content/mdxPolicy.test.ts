import { describe, expect, it } from 'vitest';
import { parseMdx } from './mdx.ts';
import { buildOutline } from './outline.ts';
import { isMdxComment } from './mdx.ts';
import { componentPropProblems, expressionProblems, pagePolicy } from './mdxPolicy.ts';

const FILE = 'content/de/a.mdx';
/** A page's body; frontmatter takes lines 1–5, so the body starts on line 7. */
function tree(body: string) {
  const result = parseMdx(FILE, `---\ntitle: A page\ndescription: A description that is long enough.\norder: 1\n---\n\n${body}\n`);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc.tree;
}
const policy = (body: string) => pagePolicy(FILE, tree(body));

describe('isMdxComment', () => {
  it.each(['/* #setup */', ' /**/ ', '/* a\n * b */'])('%j is a comment', (value) => expect(isMdxComment(value)).toBe(true));
  it.each(['/* a */ run() /* b */', '/* a */ /* b */', '/*/', 'a /* b */', '// x', '1'])('%j is code', (value) => expect(isMdxComment(value)).toBe(false));
});

describe('pagePolicy', () => {
  it('finds nothing in a page of text, comments, registered components and formatting', () => {
    expect(policy('## Setup {/* #setup */}\n\n{/* a note */}\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O.<br />\n\n<Callout type="note">\n[x](https://example.com) ![y](/a.png) <a href="/de/x/" title="t">z</a>\n</Callout>')).toEqual({ problems: [], code: [] });
  });

  it('lists every piece of code at its place: expressions, expression props, spreads, comments hidden beside code', () => {
    expect(policy('Text {globalThis.process.env.HOME}.\n\n{(() => { while (true) {} })()}\n\n<Callout type={"note"} {...props}>x</Callout>\n\n## A {/* #a */ run() /* b */}').code).toEqual([
      { kind: 'expression', value: 'globalThis.process.env.HOME', line: 7, column: 6 },
      { kind: 'expression', value: '(() => { while (true) {} })()', line: 9, column: 1 },
      { kind: 'prop', value: '"note"', element: 'Callout', prop: 'type', line: 11, column: 10 },
      { kind: 'spread', value: '...props', element: 'Callout', line: 11, column: 24 },
      { kind: 'expression', value: '/* #a */ run() /* b */', line: 13, column: 6 },
    ]);
  });

  it('raw-html: refuses elements off the allowlist and attributes that run or style, at their place', () => {
    const { problems } = policy('<script>alert(1)</script>\n\n## Title <img src="x.png" onerror="alert(1)" />\n\n<iframe src="https://example.com" />\n\n<style>{"body{}"}</style>\n\n<span style="color:red" onClick="x">y</span>');
    expect(problems.map((problem) => [problem.rule, problem.line, problem.column, problem.message])).toEqual([
      ['raw-html', 7, 1, '<script> is not allowed in a page: it runs script in every reader\'s browser.'],
      ['raw-html', 9, 27, '<img onerror> is not allowed in a page: an event handler runs script.'],
      ['raw-html', 11, 1, '<iframe> is not allowed in a page: it loads another document into the page.'],
      ['raw-html', 13, 1, '<style> is not allowed in a page: it changes the whole page\'s styles.'],
      ['raw-html', 15, 7, '<span style> is not allowed in a page: inline styles are not content.'],
      ['raw-html', 15, 25, '<span onClick> is not allowed in a page: an event handler runs script.'],
    ]);
  });

  it('raw-html: an `html` node, which another MDX parser may produce, is refused', () => {
    const root = tree('Text.');
    root.children.push({ type: 'html', value: '<img src=x onerror=alert(1)>', position: { start: { line: 9, column: 1 }, end: { line: 9, column: 29 } } });
    expect(pagePolicy(FILE, root).problems).toEqual([expect.objectContaining({ rule: 'raw-html', line: 9, column: 1 })]);
  });

  it('unsafe-url: links, images, definitions and href/src attributes, with the URL', () => {
    const { problems } = policy('[a](javascript:alert(1)) ![b](data:image/svg+xml,x) ![c](data:image/png;base64,AA)\n\n[d][ref]\n\n[ref]: vbscript:msgbox(1)\n\n<a href="data:text/html,<script>alert(1)</script>">e</a> <img src="data:image/gif;base64,AA" alt="" />');
    expect(problems.map((problem) => [problem.rule, problem.line, problem.column, problem.url])).toEqual([
      ['unsafe-url', 7, 1, 'javascript:alert(1)'],
      ['unsafe-url', 7, 26, 'data:image/svg+xml,x'],
      ['unsafe-url', 11, 1, 'vbscript:msgbox(1)'],
      ['unsafe-url', 13, 4, 'data:text/html,<script>alert(1)</script>'],
    ]);
  });
});

describe('expressionProblems', () => {
  const code = (body: string) => policy(body).code;

  it('a source page may hold comments only', () => {
    expect(expressionProblems('content/en/a.mdx', code('## A {/* #a */}'))).toEqual([]);
    expect(expressionProblems('content/en/a.mdx', code('Home: {globalThis.process.env.HOME}'))).toEqual([
      expect.objectContaining({ rule: 'mdx-expression', file: 'content/en/a.mdx', line: 7, column: 7, message: expect.stringContaining('`{globalThis.process.env.HOME}` is code') }),
    ]);
  });

  it('a translation holds exactly its source\'s expressions, or none', () => {
    const source = { file: 'content/en/a.mdx', code: code('A {x} and {y}.') };
    expect(expressionProblems(FILE, code('B {x} und {y}.'), source)).toEqual([]);
    expect(expressionProblems(FILE, code('B ohne.'), source)).toEqual([]);
    expect(expressionProblems(FILE, code('B {x} und {z}.'), source)).toEqual([
      expect.objectContaining({ line: 7, column: 11, message: expect.stringContaining('`{z}` is not in the source page') }),
      expect.objectContaining({ line: 7, column: 3, message: 'The translation holds 1 of the 2 expressions of content/en/a.mdx: all of them, or none.' }),
    ]);
    // A prop counts where it is written: the same code on another prop is new code.
    expect(expressionProblems(FILE, code('<Callout title={x} type="note">B</Callout>'), { file: 'content/en/a.mdx', code: code('<Callout type={x}>A</Callout>') })).toEqual([
      expect.objectContaining({ line: 7, column: 10, message: expect.stringContaining('`title={x}` is not in the source page') }),
    ]);
  });

  it('a translation without a source page holds none', () => {
    expect(expressionProblems(FILE, code('{1 + 1}'), { file: 'its source page', code: [] })).toHaveLength(1);
  });
});

describe('componentPropProblems', () => {
  const outline = (body: string) => buildOutline(tree(body));
  it('pairs each component with the same one in the source and compares prop names', () => {
    const source = { file: 'content/en/a.mdx', outline: outline('<Callout type="note">A</Callout>\n\n<Callout type="tip">B</Callout>') };
    expect(componentPropProblems(FILE, outline('<Callout type="hinweis">A</Callout>\n\n<Callout type="tip">B</Callout>'), source)).toEqual([]);
    expect(componentPropProblems(FILE, outline('<Callout type="note">A</Callout>\n\n<Callout type="tip" table="x">B</Callout>'), source)).toEqual([
      expect.objectContaining({ rule: 'component', line: 9, column: 1, message: '<Callout> has the props `table`, `type` here but `type` in the source page.', source: { file: 'content/en/a.mdx', line: 9, column: 1 } }),
    ]);
  });
});
