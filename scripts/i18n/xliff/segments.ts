/**
 * A translation unit's content as a CAT tool sees it: text a translator
 * translates, and protected pieces in between. The pieces are cut from the
 * MDX syntax tree by offset, never found by searching the text:
 *
 * - a placeholder (XLIFF 1.2 `<ph>`) holds source characters that must come
 *   back unchanged: inline code, `{expressions}`, a heading's `{/* #id *\/}`,
 *   JSX without text inside, images, autolinks, hard breaks, and
 *   do-not-translate glossary terms;
 * - a span (XLIFF 1.2 `<g>`) wraps text that is translated inside protected
 *   markup: a link (its URL stays in the skeleton, localized to the target
 *   locale), emphasis, strong, JSX with text inside. Its opening and closing
 *   markup never reach the translator, only its id.
 *
 * Each placeholder and span is numbered in document order within its unit
 * (`1`, `2`, …), the id a CAT tool keeps; the import looks the markup up by
 * that id in the current source, so a translation cannot smuggle in other code.
 */
import type { Parent, PhrasingContent, RootContent } from 'mdast';

/** Protected source characters, restored by id. */
export interface Placeholder {
  kind: 'ph';
  id: string;
  /** XLIFF `ctype`: `x-code`, `x-expression`, `x-heading-id`, `x-jsx`, `image`, `link`, `lb`, `x-term`, `x-i18next`. */
  ctype: string;
  /** The characters written in the file (for a term: the term). */
  native: string;
}

/** Translatable text inside protected markup. */
export interface Span {
  kind: 'g';
  id: string;
  /** XLIFF `ctype`: `link`, `italic`, `bold`, `x-strike`, `x-jsx`. */
  ctype: string;
  open: string;
  close: string;
  children: Segment[];
}

export type Segment = string | Placeholder | Span;

export interface SegmentContext {
  /** The normalized page text the tree's offsets point into. */
  text: string;
  /** Do-not-translate terms for the target locale, longest first. */
  terms: readonly string[];
  /** A link target as it must appear in the target locale (`/en/x/` → `/de/x/`). */
  localizeUrl: (url: string) => string;
  /** The next placeholder or span id of the unit. */
  next: () => string;
  /** A heading's `{/* #id *\/}` marker (src/markdown/headingIds.ts), protected as `x-heading-id`. */
  headingMarker?: unknown;
}

/** A fresh id counter for one unit. */
export function counter(): () => string {
  let id = 0;
  return () => String(++id);
}

const startOf = (node: { position?: { start: { offset?: number | undefined } } | undefined }) => node.position?.start.offset;
const endOf = (node: { position?: { end: { offset?: number | undefined } } | undefined }) => node.position?.end.offset;

/** The source characters of a node, by its offsets. */
export function sliceOf(node: RootContent | PhrasingContent, text: string): string {
  const start = startOf(node);
  const end = endOf(node);
  if (start === undefined || end === undefined) throw new Error(`The MDX parser gave no offsets for a ${node.type} node.`);
  return text.slice(start, end);
}

/** Segments of a run of inline nodes. */
export function segmentsOf(nodes: readonly PhrasingContent[], context: SegmentContext): Segment[] {
  const segments: Segment[] = [];
  for (const node of nodes) segments.push(...segmentsOfNode(node, context));
  return merge(segments);
}

function segmentsOfNode(node: PhrasingContent, context: SegmentContext): Segment[] {
  const ph = (ctype: string, native = sliceOf(node, context.text)): Placeholder => ({ kind: 'ph', id: context.next(), ctype, native });
  switch (node.type) {
    case 'text':
      return splitTerms(node.value, context);
    case 'inlineCode':
      return [ph('x-code')];
    case 'mdxTextExpression':
      return [ph(node === context.headingMarker ? 'x-heading-id' : 'x-expression')];
    case 'break':
      return [ph('lb')];
    case 'image':
    case 'imageReference':
      return [ph('image')];
    case 'link': {
      // An autolink (`<https://…>`, or a bare URL) is its URL: nothing to translate.
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (node.children.length === 0 || (only?.type === 'text' && only.value === node.url)) return [ph('link')];
      return [span(node, 'link', context, (close) => localizeClose(close, node.url, context))];
    }
    case 'linkReference':
      return node.children.length === 0 ? [ph('link')] : [span(node, 'link', context)];
    case 'emphasis':
      return node.children.length === 0 ? [ph('italic')] : [span(node, 'italic', context)];
    case 'strong':
      return node.children.length === 0 ? [ph('bold')] : [span(node, 'bold', context)];
    case 'delete':
      return node.children.length === 0 ? [ph('x-strike')] : [span(node, 'x-strike', context)];
    case 'mdxJsxTextElement':
      return node.children.length === 0 ? [ph('x-jsx')] : [span(node, 'x-jsx', context)];
    default:
      // html, footnote references and anything newer: protected as written.
      return [ph(`x-${node.type}`)];
  }
}

/** A span: the markup before the first child and after the last, by offsets; the children are segments again. */
function span(
  node: PhrasingContent & Parent,
  ctype: string,
  context: SegmentContext,
  mapClose: (close: string) => string = (close) => close,
): Span {
  const id = context.next();
  const first = node.children[0]!;
  const last = node.children[node.children.length - 1]!;
  const open = context.text.slice(startOf(node), startOf(first));
  const close = mapClose(context.text.slice(endOf(last), endOf(node)));
  return { kind: 'g', id, ctype, open, close, children: segmentsOf(node.children as PhrasingContent[], context) };
}

/**
 * `](/en/x/)` → `](/de/x/)`: the link's URL, which the tree gives, replaced in
 * the link's own closing markup. A URL written with escapes or angle brackets
 * that do not spell it literally stays as written.
 */
function localizeClose(close: string, url: string, context: SegmentContext): string {
  const localized = context.localizeUrl(url);
  if (localized === url) return close;
  const at = close.indexOf(url);
  return at === -1 ? close : `${close.slice(0, at)}${localized}${close.slice(at + url.length)}`;
}

/** Splits text at do-not-translate terms (where a word starts, as the glossary rule counts them). */
export function splitTerms(value: string, context: Pick<SegmentContext, 'terms' | 'next'>): Segment[] {
  const pattern = termPattern(context.terms);
  if (!pattern) return value === '' ? [] : [value];
  const segments: Segment[] = [];
  let from = 0;
  // One regular expression finds them all (the terms in order, longest first, as alternatives): the
  // first term that starts where a word starts, then on from its end.
  for (const match of value.matchAll(pattern)) {
    if (match.index > from) segments.push(value.slice(from, match.index));
    segments.push({ kind: 'ph', id: context.next(), ctype: 'x-term', native: match[0] });
    from = match.index + match[0].length;
  }
  if (from < value.length) segments.push(value.slice(from));
  return segments;
}

/** The terms as one pattern, made once per list: each where no letter or digit stands before it, tried in the list's order; none without terms. */
const patterns = new WeakMap<readonly string[], RegExp | undefined>();
function termPattern(terms: readonly string[]): RegExp | undefined {
  if (!patterns.has(terms)) {
    const alternatives = terms.filter((term) => term !== '').map((term) => term.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
    patterns.set(terms, alternatives.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'gu'));
  }
  return patterns.get(terms);
}

/** Adjacent strings joined, so a unit's text reads as one run between its placeholders. */
function merge(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (typeof segment === 'string' && typeof last === 'string') merged[merged.length - 1] = last + segment;
    else merged.push(segment);
  }
  return merged;
}

/** Whether a unit has words to translate (not only placeholders, terms and punctuation). */
export function hasWords(segments: readonly Segment[]): boolean {
  return segments.some((segment) =>
    typeof segment === 'string' ? /[\p{L}]/u.test(segment) : segment.kind === 'g' && hasWords(segment.children),
  );
}

/** The unit's placeholders and spans in document order (spans before their children). */
export function protectedPieces(segments: readonly Segment[]): (Placeholder | Span)[] {
  const pieces: (Placeholder | Span)[] = [];
  const walk = (list: readonly Segment[]) => {
    for (const segment of list) {
      if (typeof segment === 'string') continue;
      pieces.push(segment);
      if (segment.kind === 'g') walk(segment.children);
    }
  };
  walk(segments);
  return pieces;
}

/** A canonical string of a unit's content, to tell whether two exports of it are the same source. */
export function fingerprint(segments: readonly Segment[]): string {
  return segments
    .map((segment) => {
      if (typeof segment === 'string') return JSON.stringify(segment);
      if (segment.kind === 'ph') return `<ph ${segment.id} ${segment.ctype} ${JSON.stringify(segment.native)}>`;
      return `<g ${segment.id} ${segment.ctype}>${fingerprint(segment.children)}</g>`;
    })
    .join('');
}
