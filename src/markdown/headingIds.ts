/**
 * Stable heading ids that survive translation.
 *
 * A heading may end with an MDX comment naming its id:
 *
 *     ## Nächste Schritte {/* #next-steps *\/}
 *
 * MDX rejects the `{#id}` syntax other Markdown dialects use, but a comment is
 * valid MDX, renders nothing, and is easy for a translator to copy unchanged
 * from the English heading. Headings without a marker get a GitHub-style slug
 * of their text. `headingIdRule` is that rule, once: the checkers (through
 * `collectHeadings`, on Sätteri's mdast) and the site's Sätteri plugin
 * (headingIdsPlugin.ts) both apply it, so they always agree.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, Root, RootContent } from 'mdast';

/** What a heading id may look like: the same alphabet as the slugs we generate. */
export const HEADING_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/**
 * Whether `id` is an id the slug rule can give a heading: exactly what GitHub's slugger makes of it
 * (lowercase letters of any script, digits, marks, `-` and `_`; `--` where a dash stood between
 * spaces, as in "Step 1 – prepare" → `step-1--prepare`). A slug is its own slug, so this accepts
 * every id `collectHeadings` produces and nothing a heading could never have. The frontmatter
 * schema and `i18n:stamp` both ask this, so what the stamp writes, the schema accepts.
 */
export function isHeadingId(id: string): boolean {
  return id !== '' && new GithubSlugger().slug(id) === id;
}

export interface HeadingInfo {
  node: Heading;
  depth: number;
  id: string;
  text: string;
  /** True when the id comes from a `{/* #id *\/}` marker rather than the text. */
  explicit: boolean;
}

interface ExpressionNode {
  type: 'mdxTextExpression';
  value: string;
}

/** The `{/* #id *\/}` marker at the end of a heading, if there is one. */
export function idMarker(heading: Heading): { id: string; node: ExpressionNode } | undefined {
  const last = heading.children.at(-1) as RootContent | undefined;
  if (!last || last.type !== ('mdxTextExpression' as string)) return undefined;
  const value = (last as unknown as ExpressionNode).value.trim();
  if (!value.startsWith('/*') || !value.endsWith('*/')) return undefined;
  const body = value.slice(2, -2).trim();
  if (!body.startsWith('#')) return undefined;
  return { id: body.slice(1).trim(), node: last as unknown as ExpressionNode };
}

/**
 * The rule itself, one per document: gives each heading, in document order,
 * its id. Repeats of a slug are numbered (`-1`, `-2`), and a marker's id is
 * reserved so a later heading with the same text never takes it.
 */
export function headingIdRule(): (heading: Heading) => { id: string; text: string; marker: ReturnType<typeof idMarker> } {
  const slugger = new GithubSlugger();
  return (heading) => {
    const marker = idMarker(heading);
    const text = visibleText(heading);
    const id = marker ? marker.id : slugger.slug(text);
    if (marker) slugger.slug(marker.id);
    return { id, text, marker };
  };
}

/** Lists the headings of a document with the ids the site gives them. */
export function collectHeadings(tree: Root): HeadingInfo[] {
  const idOf = headingIdRule();
  const headings: HeadingInfo[] = [];
  // Document order, headings inside components included; a heading holds no heading.
  const walk = (node: Nodes) => {
    if (node.type === 'heading') {
      const { id, text, marker } = idOf(node);
      headings.push({ node, depth: node.depth, id, text, explicit: Boolean(marker) });
    } else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return headings;
}

/** The heading's text as a reader sees it: MDX expressions (comments, markers) render nothing. */
export function visibleText(node: Heading): string {
  const text = (current: RootContent | Heading): string => {
    if (current.type === ('mdxTextExpression' as string)) return '';
    if ('children' in current) return (current.children as RootContent[]).map(text).join('');
    return 'value' in current && typeof current.value === 'string' ? current.value : '';
  };
  return text(node).trim();
}
