import { describe, expect, it } from 'vitest';
import { attributeSpans } from './jsxAttributes.ts';
import { parseMdx } from './mdx.ts';

describe('JSX attribute positions', () => {
  it('reads names, quoted and braced values and spreads of an opening tag, in order', () => {
    const text = '<Callout type="note" {...props} n={{ a: "}" }} flag\n  alt=\'x\'>';
    expect(attributeSpans(text, 0)?.map(({ start, end, name }) => [name, text.slice(start, end)])).toEqual([
      ['type', 'type="note"'],
      [undefined, '{...props}'],
      ['n', 'n={{ a: "}" }}'],
      ['flag', 'flag'],
      ['alt', "alt='x'"],
    ]);
  });

  it('gives each attribute of a parsed page its own line and column', () => {
    const result = parseMdx('a.mdx', '---\ntitle: T\n---\n\nÄ 😀 <Callout type="note"\n  onClick={run}>x</Callout>\n');
    expect(result.ok).toBe(true);
    const paragraph = result.ok ? (result.doc.tree.children[1] as { children: { attributes?: { name?: string; position?: { start: { line: number; column: number } } }[] }[] }) : undefined;
    const attributes = paragraph?.children.find((child) => child.attributes)?.attributes ?? [];
    expect(attributes.map((attribute) => [attribute.name, attribute.position?.start.line, attribute.position?.start.column])).toEqual([
      ['type', 5, 15],
      ['onClick', 6, 3],
    ]);
  });

  it('leaves no position where the tag does not read as the tree says', () => {
    expect(attributeSpans('<a href="x', 0)).toBeUndefined();
    expect(attributeSpans('no tag', 0)).toBeUndefined();
  });
});
