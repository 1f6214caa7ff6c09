/**
 * `npm run i18n:pseudo` as a library: makes the pseudo-locales (`qps-ploc`,
 * and `qps-plocm` mirrored right to left) from the source locale, so a build
 * shows every string the site does not take from a locale file (it stays
 * plain ASCII, without brackets) and every layout that breaks under longer
 * text or the other direction.
 *
 * Pages are transformed on their MDX syntax tree, never with patterns over
 * Markdown: each text node's source span (from the tree's positions) has its
 * letters accented in place, and each block (paragraph, heading, table cell)
 * gets its brackets and padding at the ends of its content. Everything else
 * (heading-id comments, component calls and props, code, inline code, link
 * destinations, entities and escapes) keeps its bytes; site links move from
 * `/<source>/` to `/<pseudo>/` as a translator would move them. The pages are
 * stamped (src/translation/sections.ts) as machine translations of the current
 * source, so `check:i18n` sees them line up.
 *
 * The locales are generated on demand and not committed: they are a function
 * of the source, stale after any source edit, and no reader should get them.
 * Their registry entries carry `"pseudo": true` (noindex, out of the sitemap
 * and hreflang); `removePseudoLocales` takes them out again.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Node, Parent, Root } from 'mdast';
import { toString } from '../../src/content/outline.ts';
import { Document } from 'yaml';
import { parseMdx } from '../../src/content/mdx.ts';
import { parseJson } from '../../src/content/json.ts';
import type { Finding } from '../../src/report/finding.ts';
import { sourceHash } from '../../src/content/sourceHash.ts';
import { loadRegistry, REGISTRY_FILE } from '../../src/i18n/locales.ts';
import { accent, CLOSE, OPEN, padding, PSEUDO_LOCALES, pseudoString } from '../../src/i18n/pseudo.ts';
import { listLocalePages } from '../../src/model/pageFile.ts';
import { loadGlossary } from '../../src/translation/glossary.ts';
import { sectionFingerprints } from '../../src/translation/sections.ts';
import { addLocale, removeEntry, STARTER_NAMESPACES } from './addLocale.ts';
import { stampTranslation } from './stamp.ts';

/** Blocks that are one string each: their content is bracketed and padded as a whole. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Inline nodes whose text is not words to translate. */
const KEEP = new Set(['inlineCode', 'mdxTextExpression', 'image', 'imageReference', 'html', 'break', 'footnoteReference']);
/** Frontmatter keys that are text, and the schema's length limit where it has one (src/content/frontmatter.ts). */
const TEXT_KEYS: Record<string, number | undefined> = { title: undefined, navTitle: undefined, description: 200 };

interface Edit {
  from: number;
  to: number;
  text: string;
}

/** Entities and backslash escapes in a text node's source: letters in them are syntax, not words. */
const SYNTAX_IN_TEXT = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);|\\[\s\S]/gi;

/** The letters of a text node's source span accented; entities, escapes, glossary terms and URLs kept. */
function accentSource(span: string, terms: readonly string[]): string {
  let out = '';
  let at = 0;
  for (const match of span.matchAll(SYNTAX_IN_TEXT)) {
    out += accent(span.slice(at, match.index), terms) + match[0];
    at = match.index + match[0].length;
  }
  return out + accent(span.slice(at), terms);
}

const offsets = (node: Node) => ({ from: node.position!.start.offset!, to: node.position!.end.offset! });

/** A link whose visible text is its address (an autolink): the text is the URL, which stays. */
const isAutolink = (node: Node) =>
  node.type === 'link' &&
  toString(node) !== '' &&
  [(node as Node & { url: string }).url, `mailto:${toString(node)}`].includes(toString(node));

/**
 * One source page as the pseudo-locale's page: the text of `text` (a page of
 * the source locale, `file` for messages) pseudo-localized, links moved to
 * `locale`, stamped as a machine translation of it. Problems of the source
 * page (it does not parse) are returned instead.
 */
export function pseudoPage(
  file: string,
  text: string,
  options: { source: string; locale: string; terms: readonly string[] },
): { text: string } | { problems: Finding[] } {
  const parsed = parseMdx(file, text);
  if (!parsed.ok) return { problems: parsed.problems };
  const errors = parsed.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) return { problems: errors };
  const { doc } = parsed;
  const edits: Edit[] = [];
  const sourcePrefix = `/${options.source}/`;

  /** Text nodes of a block's content, in order, each with whether it is inside an autolink (kept). */
  const textNodes = (node: Node, out: Node[]) => {
    if (node.type === 'text') out.push(node);
    else if (!KEEP.has(node.type) && !isAutolink(node) && 'children' in node)
      for (const child of (node as Parent).children) textNodes(child, out);
    return out;
  };
  const relink = (node: Node & { url?: string }) => {
    const url = node.url;
    if (!url || !(url === sourcePrefix.slice(0, -1) || url.startsWith(sourcePrefix))) return;
    // The destination follows the link text (or the definition's label): search only that tail of the node's span.
    const { from, to } = offsets(node);
    const children = (node as Partial<Parent>).children;
    const tailFrom = children?.length ? offsets(children.at(-1)!).to : from;
    const at = doc.text.indexOf(url, tailFrom);
    if (at === -1 || at + url.length > to) return;
    edits.push({ from: at, to: at + sourcePrefix.length - 1, text: `/${options.locale}` });
  };

  const block = (node: Parent) => {
    // The content without the trailing heading-id comment (and any other expression at either end).
    const content = node.children.filter(
      (child, index, all) => !(child.type === 'mdxTextExpression' && (index === 0 || index === all.length - 1)),
    );
    const texts = content.flatMap((child) => textNodes(child, []));
    if (!texts.some((text) => /\p{L}/u.test((text as Node & { value: string }).value)) || content.length === 0) return;
    const length = toString({ type: 'paragraph', children: content } as Parent).trim().length;
    const open = `\\${OPEN}`;
    const close = `${padding(length)}\\${CLOSE}`;
    const first = content[0]!;
    const last = content.at(-1)!;
    for (const textNode of texts) {
      const { from, to } = offsets(textNode);
      let span = accentSource(doc.text.slice(from, to), options.terms);
      if (textNode === last) {
        const trail = /\s*$/.exec(span)![0];
        span = `${span.slice(0, span.length - trail.length)}${close}${trail}`;
      }
      if (textNode === first) {
        const lead = /^\s*/.exec(span)![0];
        span = `${lead}${open}${span.slice(lead.length)}`;
      }
      edits.push({ from, to, text: span });
    }
    if (first.type !== 'text') edits.push({ from: offsets(first).from, to: offsets(first).from, text: open });
    if (last.type !== 'text') edits.push({ from: offsets(last).to, to: offsets(last).to, text: close });
  };

  const visit = (node: Node) => {
    if (node.type === 'link' || node.type === 'definition') relink(node);
    if (BLOCKS.has(node.type)) block(node as Parent);
    if ('children' in node) for (const child of (node as Parent).children) visit(child);
  };
  const yamlNode = doc.tree.children[0]!;
  for (const child of doc.tree.children.slice(1)) visit(child);

  // Apply from the end, so earlier offsets stay valid; an insertion at a replaced span's start goes before it.
  edits.sort((a, b) => b.from - a.from || b.to - a.to);
  let body = doc.text.slice(offsets(yamlNode).to);
  const base = offsets(yamlNode).to;
  for (const edit of edits) body = body.slice(0, edit.from - base) + edit.text + body.slice(edit.to - base);

  // Frontmatter: the text keys pseudo-localized (within the schema's limits), the rest as in the source.
  const frontmatter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc.rawFrontmatter)) {
    if (key === 'translation') continue;
    frontmatter[key] =
      key in TEXT_KEYS && typeof value === 'string'
        ? pseudoString(value, { terms: options.terms, ...(TEXT_KEYS[key] ? { maxLength: TEXT_KEYS[key] } : {}) })
        : value;
  }
  const yaml = new Document(frontmatter).toString({ lineWidth: 0 });
  const stamped = stampTranslation(`---\n${yaml}---${body}`, {
    source: sourceHash(text),
    sections: sectionFingerprints(doc.tree as Root, doc.rawFrontmatter),
    method: 'machine',
  });
  if ('error' in stamped)
    return {
      problems: [
        {
          file,
          rule: 'frontmatter',
          severity: 'error',
          line: 1,
          column: 1,
          message: `The pseudo page cannot be stamped: ${stamped.error}`,
        },
      ],
    };
  return { text: stamped.text ?? `---\n${yaml}---${body}` };
}

/** Every string of an i18next namespace pseudo-localized; keys, nesting and placeholders kept. */
export function pseudoJson(value: unknown, terms: readonly string[]): unknown {
  if (typeof value === 'string') return pseudoString(value, { terms });
  if (Array.isArray(value)) return value.map((item) => pseudoJson(item, terms));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, pseudoJson(item, terms)]));
  return value;
}

export type PseudoResult =
  | { kind: 'done'; locales: { code: string; dir: string; added: boolean; files: number }[] }
  | { kind: 'refused'; message?: string; problems: Finding[] };

/**
 * Makes (or makes again) every pseudo-locale under `root`: a registry entry
 * through `addLocale` (the same code path as `npm run i18n:add`), then the
 * locale folder written anew from the source. Everything is computed before
 * the first write; a source page that does not parse stops the run with its
 * problems, and a folder whose registry entry is not a pseudo-locale is never touched.
 */
export function makePseudoLocales(root: string): PseudoResult {
  const registry = loadRegistry(root);
  const source = registry.source.code;
  // A tag taken by a real locale, or a folder nobody registered as a pseudo-locale, is someone's work: refuse before writing.
  for (const locale of PSEUDO_LOCALES) {
    const entry = registry.get(locale.code);
    if (entry ? !entry.pseudo : existsSync(join(root, 'content', locale.code))) {
      return {
        kind: 'refused',
        problems: [
          {
            rule: 'config',
            severity: 'error',
            file: entry ? REGISTRY_FILE : `content/${locale.code}/`,
            message: entry
              ? `"${locale.code}" is a locale without "pseudo": true; its folder is not generated, so it is not overwritten.`
              : `content/${locale.code}/ exists but is not a registered pseudo-locale; it is not overwritten.`,
            hint: 'Rename or remove it, then run npm run i18n:pseudo again.',
          },
        ],
      };
    }
  }
  const glossary = loadGlossary(root);
  const terms = [...glossary.terms.map((term) => term.term)].sort((a, b) => b.length - a.length);
  const planned = new Map<string, Map<string, string>>();
  const problems: Finding[] = [];
  const namespaces = new Map<string, string>();
  for (const name of STARTER_NAMESPACES) {
    const file = `content/${source}/${name}`;
    const json = parseJson(file, readFileSync(join(root, file), 'utf8'));
    if (!json.ok) problems.push(...json.problems);
    else namespaces.set(name, `${JSON.stringify(pseudoJson(json.doc.value, terms), null, 2)}\n`);
  }
  const paths = listLocalePages(root, source);
  for (const locale of PSEUDO_LOCALES) {
    const files = new Map(namespaces);
    for (const path of paths) {
      const file = `content/${source}/${path}`;
      const result = pseudoPage(file, readFileSync(join(root, file), 'utf8'), { source, locale: locale.code, terms });
      if ('problems' in result) {
        if (locale === PSEUDO_LOCALES[0]) problems.push(...result.problems);
      } else files.set(path, result.text);
    }
    planned.set(locale.code, files);
  }
  if (problems.length > 0)
    return {
      kind: 'refused',
      message: `The ${source} pages and namespaces must parse before they can be pseudo-localized; nothing was written.`,
      problems,
    };

  const locales: { code: string; dir: string; added: boolean; files: number }[] = [];
  for (const locale of PSEUDO_LOCALES) {
    const added = addLocale(root, { code: locale.code, name: pseudoString(locale.name), dir: locale.dir, pseudo: true });
    if (added.kind === 'refused') return added;
    const folder = join(root, 'content', locale.code);
    const files = planned.get(locale.code)!;
    // The folder is generated: written anew, so a page removed from the source goes too.
    rmSync(folder, { recursive: true, force: true });
    for (const [path, text] of files) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    locales.push({ code: locale.code, dir: locale.dir, added: added.kind === 'added', files: files.size });
  }
  return { kind: 'done', locales };
}

/** Takes the pseudo-locales out again: their registry entries (only those flagged `"pseudo": true`) and folders. */
export function removePseudoLocales(root: string): { removed: string[] } {
  const registry = loadRegistry(root);
  const removed: string[] = [];
  for (const locale of registry.locales.filter((entry) => entry.pseudo)) {
    const path = join(root, REGISTRY_FILE);
    const text = readFileSync(path, 'utf8');
    const updated = removeEntry(text, locale.code);
    if (updated !== undefined) writeFileSync(path, updated);
    if (existsSync(join(root, 'content', locale.code))) rmSync(join(root, 'content', locale.code), { recursive: true, force: true });
    removed.push(locale.code);
  }
  return { removed };
}
