/**
 * Section fingerprints of a source page, so a translation can say which
 * sections changed since it was made, and how, from its own frontmatter alone:
 * no git history needed (a CI shallow clone has none).
 *
 * A section is what follows a heading, up to the next heading, keyed by the
 * heading's stable id; `_intro` is the text before the first heading and
 * `_meta` the page's title, navigation title and description (neither can be
 * a heading id, which never starts with `_`). Each section's fingerprint is
 * four short hashes, `text.links.table.code`, one per kind of change a
 * translator handles differently:
 *   text   the words and block structure (headings, paragraphs, lists, quotes)
 *   links  link and image targets
 *   table  Markdown tables and component props (`<StorefrontTable table="…">`)
 *   code   code blocks and inline code
 * A part the section does not have is `-`, so `3f2a91.-.-.-` is plain prose.
 */
import { hash } from 'node:crypto';
import type { Nodes, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from '../content/mdx.ts';
import { collectHeadings } from '../markdown/headingIds.ts';

export const INTRO = '_intro';
export const META = '_meta';

/** A kind of change in a section, in the words the checkers and the dashboard use. */
export type ChangeKind = 'text' | 'link target' | 'table' | 'code' | 'added' | 'removed';
const PART_KINDS: ChangeKind[] = ['text', 'link target', 'table', 'code'];

export interface SectionChange {
  /** Heading id, or `_intro` / `_meta`. */
  id: string;
  kinds: ChangeKind[];
}

/** Props whose values are words (translated), not structure. */
const TEXT_PROPS = new Set(['title', 'alt', 'label', 'aria-label', 'caption', 'description', 'summary']);

const short = (parts: readonly string[]) => (parts.length === 0 ? '-' : hash('sha256', parts.join('\u0000'), 'hex').slice(0, 6));

/** Fingerprints of every section of a page, in document order. */
export function sectionFingerprints(tree: Root, frontmatter: Record<string, unknown> = {}): Record<string, string> {
  const idOf = new Map(collectHeadings(tree).map((heading) => [heading.node as Nodes, heading.id]));
  const parts = new Map<string, { text: string[]; links: string[]; table: string[]; code: string[] }>();
  const open = (id: string) => {
    const fresh = { text: [], links: [], table: [], code: [] };
    if (!parts.has(id)) parts.set(id, fresh);
    return parts.get(id)!;
  };
  const meta = ['title', 'navTitle', 'description']
    .map((key) => frontmatter[key])
    .filter((value): value is string => typeof value === 'string');
  if (meta.length > 0) open(META).text.push(...meta.map(normalize));
  let current = open(INTRO);
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading') current = open(idOf.get(node)!);
    collect(node, current);
  }
  if (parts.get(INTRO)!.text.length + parts.get(INTRO)!.links.length + parts.get(INTRO)!.table.length + parts.get(INTRO)!.code.length === 0)
    parts.delete(INTRO);
  const result: Record<string, string> = {};
  for (const [id, part] of parts) result[id] = [short(part.text), short(part.links), short(part.table), short(part.code)].join('.');
  return result;
}

function collect(node: RootContent | Nodes, into: { text: string[]; links: string[]; table: string[]; code: string[] }): void {
  switch (node.type) {
    case 'code':
      into.code.push(`${node.lang ?? ''}\n${node.value}`);
      return;
    case 'inlineCode':
      into.code.push(node.value);
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const value = node.value.trim();
      // `{/* notes */}` and `{/* #id */}` markers render nothing.
      if (!(value.startsWith('/*') && value.endsWith('*/'))) into.code.push(`{${value}}`);
      return;
    }
    case 'text':
      into.text.push(normalize(node.value));
      return;
    case 'link':
    case 'image':
    case 'definition':
      into.links.push(node.url);
      if (node.type === 'image') into.text.push(normalize(node.alt ?? ''));
      break;
    case 'table': {
      const rows = node.children.map((row) => row.children.map((cell) => cell.children.map(plain).join('')).join('|'));
      into.table.push(`${node.children.length}x${node.children[0]?.children.length ?? 0}`, ...rows);
      for (const row of node.children) for (const cell of row.children) for (const child of cell.children) collectReferences(child, into);
      return;
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      const props = element.attributes
        .filter((attribute): attribute is MdxJsxAttribute => attribute.type === 'mdxJsxAttribute')
        .map(
          (attribute) =>
            [
              attribute.name,
              typeof attribute.value === 'string' || attribute.value == null
                ? String(attribute.value ?? true)
                : `{${attribute.value.value}}`,
            ] as const,
        );
      into.table.push(
        `<${element.name ?? ''} ${props
          .filter(([name]) => !TEXT_PROPS.has(name) && name !== 'href' && name !== 'src')
          .map(([name, value]) => `${name}=${value}`)
          .join(' ')}>`,
      );
      for (const [name, value] of props) {
        if (name === 'href' || name === 'src') into.links.push(value);
        else if (TEXT_PROPS.has(name)) into.text.push(normalize(value));
      }
      break;
    }
    default:
      // Block structure is part of the text: a paragraph turned into a list is a text change.
      if (node.type !== 'paragraph' && node.type !== 'root')
        into.text.push(
          `<${node.type}${node.type === 'heading' ? node.depth : ''}${node.type === 'list' ? (node.ordered ? 'o' : 'u') : ''}>`,
        );
  }
  if ('children' in node) for (const child of node.children as RootContent[]) collect(child, into);
}

/** Links and code inside table cells, which belong to their own kinds. */
function collectReferences(node: RootContent, into: { links: string[]; code: string[] }): void {
  if (node.type === 'link' || node.type === 'image') into.links.push(node.url);
  if (node.type === 'inlineCode') into.code.push(node.value);
  if ('children' in node) for (const child of node.children as RootContent[]) collectReferences(child, into);
}

function plain(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'mdxTextExpression') return normalize(node.value);
  if ('children' in node) return (node.children as RootContent[]).map(plain).join('');
  return '';
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What changed between the fingerprints recorded in a translation and the
 * source's current ones, in the source's order (removed sections last).
 */
export function changedSections(recorded: Readonly<Record<string, string>>, current: Readonly<Record<string, string>>): SectionChange[] {
  const changes: SectionChange[] = [];
  for (const [id, now] of Object.entries(current)) {
    const before = recorded[id]?.split('@')[0];
    if (before === undefined) {
      changes.push({ id, kinds: ['added'] });
      continue;
    }
    if (before === now) continue;
    const a = before.split('.');
    const b = now.split('.');
    const kinds = PART_KINDS.filter((_, index) => a[index] !== b[index]);
    changes.push({ id, kinds: kinds.length ? kinds : ['text'] });
  }
  for (const id of Object.keys(recorded)) if (!(id in current)) changes.push({ id, kinds: ['removed'] });
  return changes;
}

/**
 * The stamp's record of a section: the source's fingerprint and, after `@`, a short hash of the
 * translation's own section as it was stamped (`7aa80c.806b5e.4ea5eb.-@91c2d0`). With it, a later
 * stamp can tell a section the translator updated after the source changed from one left as it was.
 */
export function withTranslationPrints(
  source: Readonly<Record<string, string>>,
  translation: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).map(([id, value]) => [id, translation[id] ? `${value}@${short([translation[id]])}` : value]),
  );
}

/**
 * Of the given sections, those the translation has not touched since its last stamp: the hash
 * recorded after `@` is still the translation's own. Sections recorded without one cannot tell.
 */
export function untouchedSections(
  recorded: Readonly<Record<string, string>>,
  translation: Readonly<Record<string, string>>,
  ids: readonly string[],
): string[] {
  return ids.filter((id) => {
    const own = recorded[id]?.split('@')[1];
    return own !== undefined && translation[id] !== undefined && short([translation[id]]) === own;
  });
}

/** `#follow-up (text, link target)`, `the title and description (text)`, for messages. */
export function describeChange(change: SectionChange): string {
  const name = change.id === META ? 'title/description' : change.id === INTRO ? 'introduction' : `#${change.id}`;
  return `${name} (${change.kinds.join(', ')})`;
}
