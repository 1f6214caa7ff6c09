/**
 * A page reduced to what the translation rules compare: the sequence of
 * blocks (with nesting inside components), headings with their stable ids,
 * links, images, components, and the text of each block with the things a
 * translation must keep (numbers, inline code, URLs, expressions).
 *
 * Outlines are plain JSON, so they can be cached by the file's hash.
 */
import type { Node, Parent, Root, RootContent } from 'mdast';
import { collectHeadings } from '../markdown/headingIds.ts';
import { isMdxComment, type MdxJsxAttribute, type MdxJsxFlowElement, type MdxJsxTextElement } from './mdx.ts';

export interface Place {
  line: number;
  column: number;
}

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'table' | 'code' | 'blockquote' | 'component' | 'html' | 'thematicBreak' | 'definition' | 'other';

export interface Block extends Place {
  /** The last line of the block, for showing its source text. */
  endLine: number;
  /** The section the block is in: its heading's id, or `_intro` before the first heading. */
  section: string;
  kind: BlockKind;
  /** `heading:2`, `component:Callout`, `list:ordered`: what must line up across locales. */
  signature: string;
  /** Visible text, for the untranslated, glossary and placeholder rules (empty for code). */
  text: string;
  /** Things a translation must keep: numbers, inline code, bare URLs, `{expressions}`. */
  placeholders: string[];
  /** list: items per level, such as "3" or "3(2,0,0)"; table: "rows x columns". */
  shape?: string;
  /** The parts a reader takes one at a time: a list's items, a table's cells (for the untranslated rule). */
  parts?: string[];
  /** list: its items (without nested lists); table: its rows; each at its place, for lining up merged or split items and rows. */
  items?: BlockItem[];
  /** code: language and text, which must be identical. */
  code?: { lang: string; value: string };
  /** Nesting depth inside components, so a block inside a Callout only lines up with one. */
  depth: number;
  /**
   * In a translation: the language check's verdict, kept with the parsed page (and so in the parse
   * cache) by src/translation/untranslated.ts, for the question it answers: how many parts the block
   * has and which are still in the source language.
   */
  verdict?: { question: string; parts: number; left: string[] };
}

/** A list item or table row: where it starts, its visible text and placeholders. */
export interface BlockItem extends Place {
  text: string;
  placeholders: string[];
}

export interface HeadingRef extends Place {
  /** Where the heading ends (exclusive), for fixes that edit its id marker. */
  end?: Place;
  depth: number;
  id: string;
  text: string;
  explicit: boolean;
}

export interface LinkRef extends Place {
  /** Where the link (or the element carrying the `href`) ends (exclusive), for fixes that rewrite its target. */
  end?: Place;
  url: string;
}

export interface ImageRef extends Place {
  end?: Place;
  src: string;
  alt: string;
}

export interface ComponentRef extends Place {
  name: string;
  /** Props that carry structure, as source text; text props (title, alt, label…) are left out. */
  props: Record<string, string>;
  /** Every prop written, text props included (the content guard checks them against the component's spec). */
  propNames: string[];
}

export interface Outline {
  blocks: Block[];
  headings: HeadingRef[];
  links: LinkRef[];
  images: ImageRef[];
  components: ComponentRef[];
}

/** Props whose values are words a translator translates; every other prop must match the source. */
const TEXT_PROPS = new Set(['title', 'alt', 'label', 'aria-label', 'caption', 'description', 'summary']);

const placeOf = (node: Node): Place => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
/** The node's start, and its end (exclusive) when the parser gives one. */
const spanOf = (node: Node): Place & { end?: Place } => ({ ...placeOf(node), ...(node.position?.end ? { end: { line: node.position.end.line, column: node.position.end.column } } : {}) });

export function buildOutline(tree: Root): Outline {
  const outline: Outline = { blocks: [], headings: [], links: [], images: [], components: [] };
  const headings = collectHeadings(tree);
  outline.headings = headings.map((heading) => ({ ...spanOf(heading.node), depth: heading.depth, id: heading.id, text: heading.text, explicit: heading.explicit }));
  walkInline(tree, outline);
  const ids = new Map<Node, string>(headings.map((heading) => [heading.node, heading.id]));
  const state = { section: '_intro' };
  walkBlocks(tree.children, 0, outline, (node, block) => {
    if (node.type === 'heading') state.section = ids.get(node) ?? state.section;
    outline.blocks.push({ ...block, endLine: node.position?.end.line ?? block.line, section: state.section } as Block);
  });
  return outline;
}

type Push = (node: Node, block: Omit<Block, 'endLine' | 'section'>) => void;

function walkBlocks(nodes: readonly RootContent[], depth: number, outline: Outline, push: Push): void {
  for (const node of nodes) {
    const place = placeOf(node);
    switch (node.type) {
      case 'yaml':
      case 'mdxjsEsm':
        break;
      case 'mdxFlowExpression':
        // `{/* notes */}` render nothing; a real expression is a placeholder-like block.
        if (!isComment(node.value)) push(node, { ...place, kind: 'other', signature: 'expression', text: '', placeholders: [`{${node.value.trim()}}`], depth });
        break;
      case 'heading':
        push(node, { ...place, kind: 'heading', signature: `heading:${node.depth}`, ...textual(node), depth });
        break;
      case 'paragraph': {
        // A paragraph holding only a component (`<Callout>` on its own line in some styles) is that component.
        const only = node.children.length === 1 ? node.children[0] : undefined;
        if (only?.type === 'mdxJsxTextElement' && /^[A-Z]/.test(only.name ?? '')) {
          walkBlocks([only as unknown as RootContent], depth, outline, push);
          break;
        }
        push(node, { ...place, kind: 'paragraph', signature: 'paragraph', ...textual(node), depth });
        break;
      }
      case 'list': {
        const items = node.children.map((item) => ({ ...placeOf(item), ...textual({ ...item, children: item.children.filter((child) => child.type !== 'list') } as Node) }));
        push(node, { ...place, kind: 'list', signature: `list:${node.ordered ? 'ordered' : 'bullet'}`, ...textual(node), shape: listShape(node), parts: items.map((item) => item.text), items, depth });
        break;
      }
      case 'table':
        push(node, { ...place, kind: 'table', signature: 'table', ...textual(node), shape: `${node.children.length} x ${node.children[0]?.children.length ?? 0}`, parts: node.children.flatMap((row) => row.children.map((cell) => textual(cell).text)), items: node.children.map((row) => ({ ...placeOf(row), ...textual(row) })), depth });
        break;
      case 'code':
        push(node, { ...place, kind: 'code', signature: 'code', text: '', placeholders: [], code: { lang: node.lang ?? '', value: node.value }, depth });
        break;
      case 'blockquote':
        push(node, { ...place, kind: 'blockquote', signature: 'blockquote', ...textual(node), depth });
        break;
      case 'thematicBreak':
        push(node, { ...place, kind: 'thematicBreak', signature: 'thematicBreak', text: '', placeholders: [], depth });
        break;
      case 'definition':
        push(node, { ...place, kind: 'definition', signature: 'definition', text: '', placeholders: [], depth });
        break;
      case 'html':
        push(node, { ...place, kind: 'html', signature: 'html', text: '', placeholders: [], depth });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const element = node as MdxJsxFlowElement | MdxJsxTextElement;
        const name = element.name ?? 'fragment';
        push(node, { ...place, kind: 'component', signature: `component:${name}`, text: '', placeholders: [], depth });
        walkBlocks(element.children as RootContent[], depth + 1, outline, push);
        break;
      }
      default:
        push(node, { ...place, kind: 'other', signature: node.type, text: '', placeholders: [], depth });
    }
  }
}

/** Links, images and components anywhere in the page, in document order. */
function walkInline(node: Node, outline: Outline): void {
  switch (node.type) {
    case 'link':
      outline.links.push({ ...spanOf(node), url: (node as Node & { url: string }).url });
      break;
    case 'image': {
      const image = node as Node & { url: string; alt?: string | null };
      outline.images.push({ ...spanOf(node), src: image.url, alt: image.alt ?? '' });
      break;
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      const props: Record<string, string> = {};
      const propNames: string[] = [];
      let alt = '';
      for (const attribute of element.attributes) {
        if (attribute.type !== 'mdxJsxAttribute') continue;
        const value = attributeText(attribute);
        propNames.push(attribute.name);
        if (attribute.name === 'href') outline.links.push({ ...spanOf(node), url: value });
        if (attribute.name === 'alt') alt = value;
        if (!TEXT_PROPS.has(attribute.name) && attribute.name !== 'href') props[attribute.name] = value;
      }
      if (element.name === 'img' || element.name === 'Image') outline.images.push({ ...spanOf(node), src: props.src ?? '', alt });
      if (/^[A-Z]/.test(element.name ?? '')) outline.components.push({ ...placeOf(node), name: element.name!, props, propNames });
      break;
    }
  }
  if ('children' in node) for (const child of (node as Parent).children) walkInline(child, outline);
}

function attributeText(attribute: MdxJsxAttribute): string {
  if (attribute.value === null || attribute.value === undefined) return 'true';
  if (typeof attribute.value === 'string') return attribute.value;
  return `{${attribute.value.value.trim()}}`;
}

function listShape(list: Extract<RootContent, { type: 'list' }>): string {
  const nested = list.children.map((item) => item.children.filter((child) => child.type === 'list').map((child) => listShape(child as typeof list)).join('+'));
  const count = String(list.children.length);
  return nested.some((shape) => shape !== '') ? `${count}(${nested.map((shape) => shape || '0').join(',')})` : count;
}

/**
 * A block's visible text without any whitespace: how the site's compiler (src/markdown/sourceLanguagePlugin.ts)
 * finds a block the content model says is still in the source language, whatever the line breaks.
 */
export function blockTextKey(node: Node): string {
  return textual(node).text.replace(/\s+/g, '');
}

/** Visible text and the placeholders inside it. */
function textual(node: Node): { text: string; placeholders: string[] } {
  const placeholders: string[] = [];
  const parts: string[] = [];
  const visit = (current: Node) => {
    switch (current.type) {
      case 'inlineCode':
        placeholders.push(`\`${(current as Node & { value: string }).value}\``);
        return;
      case 'mdxTextExpression': {
        const value = (current as Node & { value: string }).value;
        if (!isComment(value)) placeholders.push(`{${value.trim()}}`);
        return;
      }
      case 'text': {
        const value = (current as Node & { value: string }).value;
        parts.push(value);
        placeholders.push(...numbersAndUrls(value));
        return;
      }
      case 'link': {
        const link = current as Parent & { url: string };
        // Autolinks (`https://…` written as text) are placeholders; a link's target is the link rule's business.
        if (toString(link) === link.url) {
          placeholders.push(link.url);
          return;
        }
        break;
      }
      case 'list':
      case 'listItem':
      case 'tableRow':
      case 'tableCell':
      case 'paragraph':
        if (parts.length > 0) parts.push(' ');
        break;
    }
    if ('children' in current) for (const child of (current as Parent).children) visit(child);
  };
  visit(node);
  return { text: parts.join('').replace(/\s+/g, ' ').trim(), placeholders };
}

/**
 * A number as a translation must keep it: digits not glued to a letter or digit before them, so the
 * 2 of "B2B", the 365 of "M365" and the 64 of "x64" belong to a name (the glossary's business), while
 * "Dynamics 365", "SHA-256", "Windows 11" and "1st" hold numbers. Group separators of every locale's
 * style are part of the number: 1,000 · 1.000 · 1 000 (space, no-break or narrow no-break) · 1'000.
 */
const NUMBER = /(?<![\p{L}\p{N}_])(?:\d{1,3}(?:[.,'\u2019 \u00a0\u202f\u2009]\d{3}(?!\d))+|\d+)(?:[.,]\d+)?/gu;

/**
 * Numbers and bare URLs in running text. A number is reduced to its digits, so the same number
 * written in English, German or French style compares equal (1,000.5 · 1.000,5 · 1 000,5).
 */
export function numbersAndUrls(text: string): string[] {
  // Most blocks hold neither (a number needs a digit, a URL its scheme): those are settled in one scan.
  if (!/\d|http/.test(text)) return [];
  const found: string[] = [];
  const words: string[] = [];
  for (const word of text.split(/[ \t\n\r\f\v]+/)) {
    if (/^https?:\/\//.test(word)) found.push(word.replace(/[.,;:!?)]+$/, ''));
    else words.push(word);
  }
  for (const match of words.join(' ').matchAll(NUMBER)) found.push(match[0].replace(/\D/g, ''));
  return found;
}

/** Every text value under a node (code and expressions included, image alt too), as mdast-util-to-string reads it. */
export function toString(node: Node): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('alt' in node && typeof node.alt === 'string' && node.alt) return node.alt;
  return 'children' in node ? (node as Parent).children.map(toString).join('') : '';
}

/** `{/* notes *\/}` render nothing (the one definition of a comment is in mdxPolicy.ts). */
const isComment = isMdxComment;
