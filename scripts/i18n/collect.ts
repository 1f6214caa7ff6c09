/**
 * Collects what the translation checker compares: every page and UI-string
 * namespace of every locale, read and parsed once. Parsed pages are cached by
 * content hash (see parseCache.ts), so unchanged pages are not parsed again.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, type JsonDocument } from '../../src/content/json.ts';
import type { ParseCache } from '../../src/content/parseCache.ts';
import { parsePage, type ParsedPage } from '../../src/content/parsedPage.ts';
import type { Finding } from '../../src/report/finding.ts';
import type { Site } from '../../src/model/site.ts';

export { parsePage, type ParsedPage };

export interface Namespace {
  locale: string;
  name: string;
  file: string;
  /** Missing when the file does not parse. */
  doc?: JsonDocument;
  problems: Finding[];
}

export interface Collection {
  pages: Map<string, ParsedPage[]>;
  namespaces: Map<string, Namespace[]>;
}

/** Parses the pages the content model has already read (each file is read once per run), and reads each locale's UI namespaces. */
export function collect(
  root: string,
  site: Site,
  locales: readonly string[],
  cache?: ParseCache,
  onProgress?: (read: number) => void,
): Collection {
  let read = 0;
  const pages = new Map<string, ParsedPage[]>();
  const namespaces = new Map<string, Namespace[]>();
  for (const locale of locales) {
    const folder = join(root, 'content', locale);
    if (!existsSync(folder)) {
      pages.set(locale, []);
      namespaces.set(locale, []);
      continue;
    }
    pages.set(
      locale,
      (site.files.get(locale) ?? []).map(({ file, path, text }) => {
        if (++read % 100 === 0) onProgress?.(read);
        return cache ? cache.get(file, text, () => parsePage(file, path, locale, text)) : parsePage(file, path, locale, text);
      }),
    );
    namespaces.set(locale, readNamespaces(root, locale));
  }
  return { pages, namespaces };
}

/** A locale's UI-string namespaces (`content/<locale>/*.json`), each parsed with positions, or with its parse problems. */
export function readNamespaces(root: string, locale: string): Namespace[] {
  const folder = join(root, 'content', locale);
  if (!existsSync(folder)) return [];
  // A symbolic link is refused by the content listing (rule `symlink`) and not read.
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => entry.name)
    .sort()
    .map((path) => {
      const file = `content/${locale}/${path}`;
      const json = readJson(file, join(folder, path));
      return {
        locale,
        name: path.replace(/\.json$/, ''),
        file,
        ...(json.ok ? { doc: json.doc, problems: [] } : { problems: json.problems }),
      };
    });
}
