/**
 * A page file as the content model sees it: where it is, its text, and its
 * frontmatter. Reading the YAML block alone is enough here (title, order,
 * translation record); the full MDX syntax tree is the checkers' business and
 * is parsed, cached, where a rule needs it.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { loadFrontmatterYaml } from '../content/frontmatter.ts';
import { normalizeText } from '../content/mdx.ts';
import type { Finding } from '../report/finding.ts';

export interface PageFile {
  locale: string;
  /** Path inside the locale folder, with forward slashes: `lead-management/x.mdx`. Pairs a translation with its source. */
  path: string;
  /** Path from the repository root: `content/de/lead-management/x.mdx`. */
  file: string;
  /** The text as written (BOM and line endings untouched). */
  text: string;
  /** The parsed frontmatter, `{}` when it is missing or not YAML (the content guard reports that). */
  frontmatter: Record<string, unknown>;
  /** The text after the frontmatter, normalized (no BOM, LF line endings). */
  body: string;
}

/** Splits `---` fenced YAML frontmatter from the body, as remark-frontmatter does: the first line must be `---`. */
export function splitFrontmatter(text: string): { yaml: string | undefined; body: string } {
  const normalized = normalizeText(text);
  if (!normalized.startsWith('---\n')) return { yaml: undefined, body: normalized };
  // The first later line that is `---` and nothing else: found by searching, not by cutting the page into lines.
  let close = normalized.indexOf('\n---', 3);
  while (close !== -1 && close + 4 < normalized.length && normalized[close + 4] !== '\n') close = normalized.indexOf('\n---', close + 1);
  if (close === -1) return { yaml: undefined, body: normalized };
  return { yaml: normalized.slice(4, Math.max(4, close)), body: normalized.slice(close + 5) };
}

export function readFrontmatter(text: string): { frontmatter: Record<string, unknown>; body: string } {
  const { yaml, body } = splitFrontmatter(text);
  if (yaml === undefined) return { frontmatter: {}, body };
  try {
    const value = loadFrontmatterYaml(yaml);
    return { frontmatter: value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}, body };
  } catch {
    return { frontmatter: {}, body };
  }
}

/** Where a locale keeps the page at `path` (inside the locale folder): `content/de/lead-management/x.mdx`. */
export function pageFilePath(locale: string, path: string): string {
  return `content/${locale}/${path}`;
}

export function toPageFile(locale: string, path: string, text: string): PageFile {
  return { locale, path, file: pageFilePath(locale, path), text, ...readFrontmatter(text) };
}

/** Every `.mdx` page of a locale, sorted by path; none when the folder does not exist. */
export function readLocalePages(root: string, locale: string, paths: readonly string[] = listLocalePages(root, locale)): PageFile[] {
  const folder = join(root, 'content', locale);
  return paths.map((path) => toPageFile(locale, path, readFileSync(join(folder, path), 'utf8')));
}

/** Every locale's pages, read once: what the content model is built from and what the parsers parse. */
export function readPageFiles(
  root: string,
  locales: readonly string[],
  listing: ContentListing = listContent(root, locales),
): Map<string, PageFile[]> {
  return new Map(locales.map((locale) => [locale, readLocalePages(root, locale, listing.pages.get(locale) ?? [])]));
}

/** What `content/` holds: each locale's pages, and the entries refused because they are symbolic links. */
export interface ContentListing {
  /** The paths of each locale's `.mdx` pages, inside its folder, sorted. */
  pages: Map<string, string[]>;
  /** One finding per symbolic link under `content/` (the link itself, never what it points to). */
  refused: Finding[];
}

/**
 * Lists `content/` without following symbolic links. A link is refused with
 * its path: followed, one that points back into `content/` makes a loop Node
 * and Astro walk 40 levels deep (hundreds of phantom pages), and one that
 * points outside publishes whatever it reaches. Pages are plain files.
 */
export function listContent(root: string, locales: readonly string[]): ContentListing {
  const contentDir = join(root, 'content');
  const refused: Finding[] = [];
  const refuse = (relative: string) => refused.push(symlinkFinding(root, `content/${relative}`));
  const pages = new Map<string, string[]>();
  let top: Dirent[] = [];
  try {
    top = readdirSync(contentDir, { withFileTypes: true });
  } catch {
    // No content/ at all: the registry loader has already said so.
  }
  for (const entry of top) if (entry.isSymbolicLink()) refuse(entry.name);
  for (const locale of locales) {
    const found: string[] = [];
    const folder = join(contentDir, locale);
    if (existsSync(folder) && !lstatSync(folder).isSymbolicLink()) walk(folder, '', found, refuse, `${locale}/`);
    pages.set(locale, found.sort());
  }
  return { pages, refused };
}

function walk(dir: string, prefix: string, found: string[], refuse: (relative: string) => void, base: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (entry.isSymbolicLink()) refuse(`${base}${path}`);
    else if (entry.isDirectory()) walk(join(dir, entry.name), `${path}/`, found, refuse, base);
    else if (entry.isFile() && entry.name.endsWith('.mdx')) found.push(path);
  }
}

function symlinkFinding(root: string, file: string): Finding {
  let target = '';
  try {
    target = readlinkSync(join(root, file));
  } catch {
    // Unreadable: the path alone says enough.
  }
  return {
    file,
    rule: 'symlink',
    severity: 'error',
    message: `${file} is a symbolic link${target ? ` (to ${target})` : ''}; content/ is read without following links, so it is left out.`,
    hint: 'Replace the link with the file or folder itself (a copy), or remove it.',
  };
}

/** The paths of a locale's `.mdx` pages, inside its folder, sorted; none when the folder does not exist. */
export function listLocalePages(root: string, locale: string): string[] {
  return listContent(root, [locale]).pages.get(locale) ?? [];
}

/** What changes when any page of the locales changes: each page's path, size and modification time, and the links refused. Cheap (no reading). */
export function pagesStamp(root: string, locales: readonly string[], listing: ContentListing = listContent(root, locales)): string {
  return [
    ...locales.map((locale) =>
      (listing.pages.get(locale) ?? [])
        .map((path) => {
          const stats = statSync(join(root, 'content', locale, path));
          return `${locale}/${path}:${stats.size}:${stats.mtimeMs}`;
        })
        .join('\n'),
    ),
    ...listing.refused.map((finding) => `refused:${finding.file}`),
  ].join('\n');
}
