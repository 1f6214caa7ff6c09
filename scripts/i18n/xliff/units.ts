/**
 * The translation units of a page: one per block a translator translates
 * (the frontmatter's title, navTitle and description, each heading, paragraph,
 * list item and table cell, inside components too), each with the offsets of
 * its content in the page, so the import can splice a translation into the
 * source's skeleton and everything around it (frontmatter keys, component
 * lines, code blocks, blank lines, list markers) stays as written.
 *
 * Sections are the content model's (heading ids from src/markdown/headingIds.ts),
 * so a unit's id, `<section>.<n>`, is the same in the source and in a
 * translation that keeps the source's heading ids.
 */
import type { Heading, ListItem, Paragraph, PhrasingContent, Root, RootContent, TableCell } from 'mdast';
import { collectHeadings, idMarker } from '../../../src/markdown/headingIds.ts';
import { counter, hasWords, segmentsOf, splitTerms, type Segment, type SegmentContext } from './segments.ts';

export type UnitKind = 'title' | 'navTitle' | 'description' | 'heading' | 'paragraph' | 'list item' | 'table cell';

export const META_FIELDS = ['title', 'navTitle', 'description'] as const;

export interface Unit {
  /** `_meta.title`, `_intro.1`, `follow-up.3`: stable while the source's blocks stay in place. */
  id: string;
  /** `_meta`, `_intro` or a heading id. */
  section: string;
  kind: UnitKind;
  /** Where the unit starts in the page (1-based), for notes. */
  line: number;
  /** Offsets of the unit's content in the normalized page text; for frontmatter fields, none. */
  start?: number;
  end?: number;
  /** How a line continues inside the block's container (list indentation, `> `), for text with line breaks. */
  continuation: string;
  /** What lines up a translation's unit with the source's: section, kind and nesting. */
  key: string;
  segments: Segment[];
  /** A heading whose id comes from its text (no `{/* #id *\/}` marker): the id its translation must name explicitly. */
  impliedId?: string;
}

export interface PageUnitsOptions {
  /** Do-not-translate terms, longest first. */
  terms: readonly string[];
  localizeUrl: (url: string) => string;
}

/** Every unit of a parsed page, in document order. */
export function pageUnits(text: string, tree: Root, frontmatter: Record<string, unknown>, options: PageUnitsOptions): Unit[] {
  const units: Unit[] = [];
  for (const field of META_FIELDS) {
    const value = frontmatter[field];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const next = counter();
    units.push({
      id: `_meta.${field}`,
      section: '_meta',
      kind: field,
      line: 1,
      continuation: '',
      key: `_meta:${field}`,
      segments: splitTerms(value, { terms: options.terms, next }),
    });
  }
  const headings = collectHeadings(tree);
  const ids = new Map<RootContent, string>(headings.map((heading) => [heading.node as RootContent, heading.id]));
  const implied = new Set<RootContent>(headings.filter((heading) => !heading.explicit).map((heading) => heading.node as RootContent));
  const state = { section: '_intro', count: 0 };
  const add = (
    kind: UnitKind,
    container: { position?: RootContent['position'] },
    children: readonly PhrasingContent[],
    depth: number,
    headingMarker?: unknown,
  ) => {
    const first = children[0];
    const last = children[children.length - 1];
    if (!first || !last) return;
    const segments = segmentsOf(children, {
      text,
      terms: options.terms,
      localizeUrl: options.localizeUrl,
      next: counter(),
      headingMarker,
    } satisfies SegmentContext);
    if (!hasWords(segments)) return;
    const start = first.position!.start.offset!;
    const end = last.position!.end.offset!;
    units.push({
      id: `${state.section}.${++state.count}`,
      section: state.section,
      kind,
      line: container.position?.start.line ?? 1,
      start,
      end,
      continuation: continuationOf(text, start, first.position!.start.column),
      key: `${state.section}:${kind}:${depth}`,
      segments,
    });
  };
  const walk = (nodes: readonly RootContent[], depth: number) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'heading': {
          const id = ids.get(node);
          if (id !== undefined) state.section = id;
          state.count = 0;
          add('heading', node, (node as Heading).children, depth, idMarker(node as Heading)?.node);
          if (implied.has(node) && units[units.length - 1]?.section === state.section) units[units.length - 1]!.impliedId = state.section;
          break;
        }
        case 'paragraph': {
          // A paragraph holding only a component is that component (as the outline reads it).
          const only = node.children.length === 1 ? node.children[0] : undefined;
          if (only?.type === 'mdxJsxTextElement' && /^[A-Z]/.test(only.name ?? '')) {
            walk(only.children as RootContent[], depth + 1);
            break;
          }
          add('paragraph', node, (node as Paragraph).children, depth);
          break;
        }
        case 'list':
          for (const item of node.children as ListItem[]) {
            for (const child of item.children) {
              if (child.type === 'paragraph') add('list item', child, child.children, depth);
              else walk([child], depth + 1);
            }
          }
          break;
        case 'table':
          for (const row of node.children) for (const cell of row.children as TableCell[]) add('table cell', cell, cell.children, depth);
          break;
        case 'blockquote':
          walk(node.children, depth + 1);
          break;
        case 'mdxJsxFlowElement':
          walk(node.children as RootContent[], depth + 1);
          break;
        default:
          // Code, thematic breaks, definitions, expressions, frontmatter: skeleton, kept as written.
          break;
      }
    }
  };
  walk(tree.children, 0);
  return units;
}

/**
 * The characters a continuation line of this block starts with: the
 * source's own second line when the block has one, else the first line's
 * prefix with list markers turned into spaces (`- ` → two spaces, `> ` stays).
 */
function continuationOf(text: string, start: number, column: number): string {
  const lineStart = start - (column - 1);
  const prefix = text.slice(lineStart, start);
  let result = '';
  for (const character of prefix) result += character === '>' ? '>' : ' ';
  return result;
}
