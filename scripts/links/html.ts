/**
 * What a built HTML page links to and which ids it defines, read in one pass
 * with htmlparser2's HTML tokenizer: real and forgiving (malformed markup is
 * read leniently, never rejected), streaming, no tree, so a page whose sidebar
 * links every page of a large site is read in time linear in its size.
 *
 * The table of link attributes is shared with the template index
 * (templates.ts), so the built pass and the `.astro` templates agree on what a
 * link is.
 */
import { Tokenizer } from 'htmlparser2';

/** Elements and the attributes that hold a URL a browser or crawler follows. */
export const LINK_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  meta: ['content'],
};

/** `<meta property|name>` values whose `content` is a URL (Open Graph, Twitter cards). */
const URL_META = new Set([
  'og:url',
  'og:image',
  'og:image:url',
  'og:image:secure_url',
  'og:audio',
  'og:video',
  'twitter:image',
  'twitter:url',
]);
/** `<link rel>` values that are hints to other origins, not links. */
const HINT_RELS = new Set(['preconnect', 'dns-prefetch']);

export interface HtmlLink {
  /** The URL as written (entities decoded, one srcset candidate at a time). */
  href: string;
  tag: string;
  attribute: string;
  /** Offset of the element's `<` in the page text. */
  offset: number;
  /** `data-link-source` of a checking build: the template line that wrote the element. */
  stamp?: string;
}

export interface HtmlScan {
  ids: Set<string>;
  /** `<base href>`, when the page sets one. */
  base?: string;
}

/** The attribute a checking build stamps on every link element a template writes. */
export const STAMP_ATTRIBUTE = 'data-link-source';

/** Attributes the scan keeps; every other attribute's value is never even assembled. */
const WANTED = new Set(['id', 'name', 'href', 'src', 'srcset', 'content', 'data', 'poster', 'property', 'rel', STAMP_ATTRIBUTE]);
const WANTED_LENGTHS = new Set([...WANTED].map((name) => name.length));

/** Called for each link, without building an object per link (a large site has millions). */
export type LinkSink = (href: string, tag: string, attribute: string, offset: number, stamp: string | undefined) => void;

/**
 * Reads one page: every id (and `<a name>`) goes into `ids`, every link is
 * passed to `onLink` in document order; `scan` (when given) is filled as the
 * page is read, so `onLink` can see a `<base href>` met before the link.
 *
 * It drives htmlparser2's tokenizer directly rather than its Parser: the
 * Parser builds every attribute of every element into an object, and on a
 * page whose navigation has hundreds of links that is most of the time. Tree
 * building (implied end tags) is not needed to know ids and links; the
 * tokenizer still handles everything else HTML defines (raw text in
 * `<script>`/`<style>`, comments, entities in attribute values, unquoted
 * values, junk).
 */
export function scanHtml(text: string, onLink: LinkSink, scan: HtmlScan = { ids: new Set() }): HtmlScan {
  let tag = '';
  let tagOffset = 0;
  let attributes: Record<string, string> | undefined;
  let attribute: string | null = null;
  let value = '';
  const endTag = () => {
    if (attributes !== undefined) finishTag(tag, tagOffset, attributes, scan, onLink);
    attributes = undefined;
  };
  const noop = () => {};
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = text.slice(start, end).toLowerCase();
        tagOffset = start - 1;
        attributes = undefined;
      },
      onattribname(start, end) {
        attribute = null;
        if (!WANTED_LENGTHS.has(end - start)) return;
        const name = text.slice(start, end).toLowerCase();
        if (WANTED.has(name)) {
          attribute = name;
          value = '';
        }
      },
      onattribdata(start, end) {
        if (attribute !== null) value += text.slice(start, end);
      },
      onattribentity(codepoint) {
        if (attribute !== null) value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (attribute === null) return;
        attributes ??= {};
        // The first of two same-named attributes wins, as in a browser.
        if (!(attribute in attributes)) attributes[attribute] = value;
        attribute = null;
      },
      onopentagend: endTag,
      onselfclosingtag: endTag,
      onclosetag: noop,
      oncdata: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onprocessinginstruction: noop,
      ontext: noop,
      ontextentity: noop,
    },
  );
  tokenizer.write(text);
  tokenizer.end();
  return scan;
}

/** The links of a page as objects, for the few pages a broken link is located on. */
export function collectLinks(text: string): { scan: HtmlScan; links: HtmlLink[] } {
  const links: HtmlLink[] = [];
  const scan = scanHtml(text, (href, tag, attribute, offset, stamp) =>
    links.push({ href, tag, attribute, offset, ...(stamp ? { stamp } : {}) }),
  );
  return { scan, links };
}

function finishTag(tag: string, offset: number, attributes: Record<string, string>, scan: HtmlScan, onLink: LinkSink): void {
  const id = attributes.id;
  if (id) scan.ids.add(id);
  if (tag === 'a' && attributes.name) scan.ids.add(attributes.name);
  if (tag === 'base' && attributes.href !== undefined && scan.base === undefined) scan.base = attributes.href;
  const names = LINK_ATTRIBUTES[tag];
  if (!names) return;
  if (tag === 'meta' && !URL_META.has((attributes.property ?? attributes.name ?? '').toLowerCase())) return;
  if (
    tag === 'link' &&
    (attributes.rel ?? '')
      .toLowerCase()
      .split(/\s+/)
      .some((rel) => HINT_RELS.has(rel))
  )
    return;
  const stamp = attributes[STAMP_ATTRIBUTE];
  for (const attribute of names) {
    const value = attributes[attribute];
    if (value === undefined) continue;
    if (attribute === 'srcset') for (const href of srcsetUrls(value)) onLink(href, tag, attribute, offset, stamp);
    else onLink(value, tag, attribute, offset, stamp);
  }
}

/** The URLs of a `srcset` attribute: comma-separated candidates, each a URL and an optional descriptor. */
export function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** 1-based line and column of an offset, from the page's line starts (defined once, in src/content/position.ts). */
export { lineStarts, positionAt } from '../../src/content/position.ts';
