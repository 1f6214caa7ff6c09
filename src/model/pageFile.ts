/**
 * A page file as the content model sees it: where it is, its text, and its
 * frontmatter. Reading the YAML block alone is enough here (title, order,
 * translation record); the full MDX syntax tree is the checkers' business and
 * is parsed, cached, where a rule needs it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { normalizeText } from '../content/mdx.ts';

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
  const lines = normalized.split('\n');
  if (lines[0] !== '---') return { yaml: undefined, body: normalized };
  const end = lines.indexOf('---', 1);
  if (end === -1) return { yaml: undefined, body: normalized };
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n') };
}

export function readFrontmatter(text: string): { frontmatter: Record<string, unknown>; body: string } {
  const { yaml, body } = splitFrontmatter(text);
  if (yaml === undefined) return { frontmatter: {}, body };
  try {
    const value: unknown = parseYaml(yaml);
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
export function readLocalePages(root: string, locale: string): PageFile[] {
  const folder = join(root, 'content', locale);
  return listLocalePages(root, locale).map((path) => toPageFile(locale, path, readFileSync(join(folder, path), 'utf8')));
}

/** Every locale's pages, read once: what the content model is built from and what the parsers parse. */
export function readPageFiles(root: string, locales: readonly string[]): Map<string, PageFile[]> {
  return new Map(locales.map((locale) => [locale, readLocalePages(root, locale)]));
}

/** The paths of a locale's `.mdx` pages, inside its folder, sorted; none when the folder does not exist. */
export function listLocalePages(root: string, locale: string): string[] {
  const folder = join(root, 'content', locale);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((entry) => entry.split('\\').join('/'))
    .filter((entry) => entry.endsWith('.mdx'))
    .sort();
}

/** What changes when any page of the locales changes: each page's path, size and modification time. Cheap (no reading). */
export function pagesStamp(root: string, locales: readonly string[]): string {
  return locales.map((locale) => listLocalePages(root, locale).map((path) => {
    const stats = statSync(join(root, 'content', locale, path));
    return `${locale}/${path}:${stats.size}:${stats.mtimeMs}`;
  }).join('\n')).join('\n');
}
