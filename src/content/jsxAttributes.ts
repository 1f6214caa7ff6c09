/**
 * Places JSX attributes in the page. Sätteri's tree gives every element a
 * position but none to its attributes, so a finding about one prop (an event
 * handler, a script URL in `href`, code in a prop) would land at the tag's
 * start. This reads each opening tag once, left to right, the way the MDX
 * parser tokenized it (name, `=`, a quoted or braced value, `{...spread}`),
 * and sets each attribute's position from it. When the tag does not read as
 * the tree says (a count or name that differs), its attributes keep no
 * position and findings fall back to the element, as before.
 */
import type { Root } from 'mdast';
import { lineStarts, positionAt } from './position.ts';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';

type Element = MdxJsxFlowElement | MdxJsxTextElement;

/** Sets `position` on every attribute of every JSX element in `tree`, where the tag reads unambiguously. */
export function placeJsxAttributes(text: string, tree: Root): void {
  let starts: number[] | undefined;
  const visit = (node: { type: string; children?: unknown[] }) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node as Element).attributes.length > 0) {
      const element = node as Element;
      const offset = element.position?.start.offset;
      const spans = offset === undefined ? undefined : attributeSpans(text, offset);
      if (spans && spans.length === element.attributes.length && spans.every((span, index) => sameAttribute(span, element.attributes[index]!))) {
        starts ??= lineStarts(text);
        element.attributes.forEach((attribute, index) => {
          const span = spans[index]!;
          attribute.position = { start: { ...positionAt(starts!, span.start), offset: span.start }, end: { ...positionAt(starts!, span.end), offset: span.end } };
        });
      }
    }
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(tree);
}

interface Span {
  start: number;
  end: number;
  /** The attribute's name, or undefined for a `{...spread}`. */
  name: string | undefined;
}

function sameAttribute(span: Span, attribute: Element['attributes'][number]): boolean {
  return attribute.type === 'mdxJsxExpressionAttribute' ? span.name === undefined : span.name === attribute.name;
}

const isSpace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n' || char === '\r';
const endsName = (char: string | undefined) => char === undefined || isSpace(char) || char === '=' || char === '/' || char === '>' || char === '{';

/** The attributes of the opening tag at `offset` (which holds `<`), or undefined when it does not read as a tag. */
export function attributeSpans(text: string, offset: number): Span[] | undefined {
  if (text[offset] !== '<') return undefined;
  let index = offset + 1;
  while (!endsName(text[index])) index++;
  const spans: Span[] = [];
  for (;;) {
    while (isSpace(text[index])) index++;
    const char = text[index];
    if (char === undefined) return undefined;
    if (char === '>' || char === '/') return spans;
    const start = index;
    if (char === '{') {
      const end = skipBraces(text, index);
      if (end === undefined) return undefined;
      spans.push({ start, end, name: undefined });
      index = end;
      continue;
    }
    while (!endsName(text[index])) index++;
    const name = text.slice(start, index);
    if (name === '') return undefined;
    let end = index;
    let after = index;
    while (isSpace(text[after])) after++;
    if (text[after] === '=') {
      after++;
      while (isSpace(text[after])) after++;
      const quote = text[after];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, after + 1);
        if (close === -1) return undefined;
        end = close + 1;
      } else if (quote === '{') {
        const close = skipBraces(text, after);
        if (close === undefined) return undefined;
        end = close;
      } else return undefined;
    }
    spans.push({ start, end, name });
    index = end;
  }
}

/** The offset after the `}` that closes the `{` at `offset`, skipping strings and template literals; undefined when unclosed. */
function skipBraces(text: string, offset: number): number | undefined {
  let depth = 0;
  for (let index = offset; index < text.length; index++) {
    const char = text[index];
    if (char === '"' || char === "'" || char === '`') {
      const close = skipString(text, index, char);
      if (close === undefined) return undefined;
      index = close;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index + 1;
  }
  return undefined;
}

function skipString(text: string, offset: number, quote: string): number | undefined {
  for (let index = offset + 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === quote) return index;
  }
  return undefined;
}
