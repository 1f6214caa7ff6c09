/**
 * Where `.astro` templates write links, read with Astro's own compiler (never
 * with regular expressions): every element with a link attribute (the same
 * table as the built pass, html.ts), with its file, line and column.
 *
 * Two uses, both exact:
 * - A link attribute with a literal value (`href="/en/legal/"`) is found by
 *   that value: a broken literal written by exactly one template line maps
 *   there.
 * - For a checking build, `stampTemplate` adds `data-link-source="file:line:col"`
 *   to every such element, so the built HTML itself says which template line
 *   wrote each link, including links computed by expressions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@astrojs/compiler-rs';
import { LINK_ATTRIBUTES, STAMP_ATTRIBUTE } from './html.ts';

export interface TemplateSite {
  file: string;
  line: number;
  column: number;
  tag: string;
  attribute: string;
  /** The value when the template writes a literal, such as `/favicon.svg`. */
  literal?: string;
}

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** Link elements of one template; `nameEnd` is the offset after the tag name, where a stamp goes. */
function linkElements(
  text: string,
): { tag: string; nameEnd: number; start: number; attributes: { name: string; start: number; literal?: string }[] }[] {
  const { ast } = parse(text) as unknown as { ast: { body?: unknown } };
  const found: ReturnType<typeof linkElements> = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    const current = node as AstNode;
    if (current.type === 'JSXElement') {
      const opening = current.openingElement as { name: { name?: string; end: number }; attributes: AstNode[]; start: number };
      const tag = opening.name.name ?? '';
      const names = LINK_ATTRIBUTES[tag];
      if (names) {
        const attributes: { name: string; start: number; literal?: string }[] = [];
        for (const attribute of opening.attributes) {
          if (attribute.type !== 'JSXAttribute') continue;
          const name = (attribute.name as { name?: string }).name ?? '';
          if (!names.includes(name)) continue;
          const value = attribute.value as { type: string; value?: unknown } | null;
          attributes.push({
            name,
            start: attribute.start,
            ...(value?.type === 'Literal' && typeof value.value === 'string' ? { literal: value.value } : {}),
          });
        }
        if (attributes.length) found.push({ tag, nameEnd: opening.name.end, start: opening.start, attributes });
      }
    }
    for (const [key, value] of Object.entries(current)) {
      if (key === 'frontmatter') continue;
      if (value && typeof value === 'object') walk(value);
    }
  };
  walk(ast.body);
  return found;
}

/** Line and column of an offset; the compiler counts UTF-16 code units, as JavaScript strings do. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

/** Every `.astro` file under `src/`, repository-relative with forward slashes. */
export function templateFiles(root: string): string[] {
  const folder = join(root, 'src');
  try {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.astro'))
      .map((file) => relative(root, join(folder, file)).split('\\').join('/'))
      .sort();
  } catch {
    return [];
  }
}

/** Template sites by literal value: `a href /en/legal/` → the lines that write it. */
export function literalSites(root: string): Map<string, TemplateSite[]> {
  const sites = new Map<string, TemplateSite[]>();
  for (const file of templateFiles(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    let elements: ReturnType<typeof linkElements>;
    try {
      elements = linkElements(text);
    } catch {
      continue; // A template Astro cannot parse fails the build itself; nothing to map here.
    }
    for (const element of elements) {
      for (const attribute of element.attributes) {
        if (attribute.literal === undefined) continue;
        const site: TemplateSite = {
          file,
          ...placeOf(text, attribute.start),
          tag: element.tag,
          attribute: attribute.name,
          literal: attribute.literal,
        };
        const key = literalKey(element.tag, attribute.name, attribute.literal.trim());
        sites.set(key, [...(sites.get(key) ?? []), site]);
      }
    }
  }
  return sites;
}

export function literalKey(tag: string, attribute: string, value: string): string {
  return `${tag} ${attribute} ${value}`;
}

/**
 * The template with `data-link-source="file:line:col"` on every link element,
 * pointing at the element's first link attribute. Used only by the checking
 * build (traceBuild.ts); the deployed site never carries these attributes.
 */
export function stampTemplate(file: string, text: string): string {
  // Astro bundles a <script src> only when it has no other attribute: a stamp would change the build.
  const inserts = linkElements(text)
    .filter((element) => element.tag !== 'script')
    .map((element) => {
      const place = placeOf(text, element.attributes[0]!.start);
      return { at: element.nameEnd, text: ` ${STAMP_ATTRIBUTE}="${file}:${place.line}:${place.column}"` };
    })
    .sort((a, b) => b.at - a.at);
  let out = text;
  for (const insert of inserts) out = `${out.slice(0, insert.at)}${insert.text}${out.slice(insert.at)}`;
  return out;
}

/** `src/layouts/PageLayout.astro:42:7` → its parts. */
export function parseStamp(stamp: string): { file: string; line: number; column: number } | undefined {
  const last = stamp.lastIndexOf(':');
  const middle = stamp.lastIndexOf(':', last - 1);
  const line = Number(stamp.slice(middle + 1, last));
  const column = Number(stamp.slice(last + 1));
  if (middle <= 0 || !Number.isInteger(line) || !Number.isInteger(column)) return undefined;
  return { file: stamp.slice(0, middle), line, column };
}
