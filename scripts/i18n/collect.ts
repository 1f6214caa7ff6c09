/**
 * Collects what the translation checker compares: every page and UI-string
 * namespace of every locale, read and parsed once. Parsed pages are cached by
 * content hash (see parseCache.ts), so unchanged pages are not parsed again.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, type JsonDocument } from '../../src/content/json.ts';
import { parseMdx } from '../../src/content/mdx.ts';
import type { Problem } from '../../src/content/problem.ts';
import { sourceHash } from '../../src/content/sourceHash.ts';
import type { Site } from '../../src/model/site.ts';
import { sectionFingerprints } from '../../src/translation/sections.ts';
import { buildOutline, type Outline, type Place } from '../../src/translation/outline.ts';
import type { ParseCache } from './parseCache.ts';

/** A page as the rules see it; plain JSON, so it can be cached. */
export interface ParsedPage {
  /** Path from the repository root: `content/de/guides/x.mdx`. */
  file: string;
  /** Path inside the locale folder: `guides/x.mdx`; pairs a translation with its source. */
  path: string;
  locale: string;
  /** The revision id of this text (see src/content/sourceHash.ts). */
  hash: string;
  problems: Problem[];
  /** Missing when the MDX does not parse. */
  outline?: Outline;
  frontmatter: Record<string, unknown>;
  /** Where frontmatter keys are written: `order`, `translation`, `translation.source`. */
  frontmatterPlaces: Record<string, Place>;
  /** A fingerprint per section (see src/translation/sections.ts); empty when the MDX does not parse. */
  sections: Record<string, string>;
}

export interface Namespace {
  locale: string;
  name: string;
  file: string;
  /** Missing when the file does not parse. */
  doc?: JsonDocument;
  problems: Problem[];
}

export interface Collection {
  pages: Map<string, ParsedPage[]>;
  namespaces: Map<string, Namespace[]>;
}

const PLACE_KEYS = ['title', 'description', 'order', 'navTitle', 'translation', 'translation.source', 'translation.method', 'translation.sections', 'translation.reviewed'];

export function parsePage(file: string, path: string, locale: string, text: string): ParsedPage {
  const result = parseMdx(file, text);
  const page: ParsedPage = { file, path, locale, hash: sourceHash(text), problems: result.problems, frontmatter: {}, frontmatterPlaces: {}, sections: {} };
  if (!result.ok) return page;
  page.outline = buildOutline(result.doc.tree);
  page.frontmatter = result.doc.rawFrontmatter;
  page.sections = sectionFingerprints(result.doc.tree, result.doc.rawFrontmatter);
  for (const key of PLACE_KEYS) {
    const place = result.doc.frontmatterPosition(key.split('.'));
    if (place) page.frontmatterPlaces[key] = place;
  }
  return page;
}

/** Parses the pages the content model has already read (each file is read once per run), and reads each locale's UI namespaces. */
export function collect(root: string, site: Site, locales: readonly string[], cache?: ParseCache, onProgress?: (read: number) => void): Collection {
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
    const entries = readdirSync(folder, { encoding: 'utf8' }).sort();
    namespaces.set(
      locale,
      entries.filter((entry) => entry.endsWith('.json') && !entry.includes('/')).map((path) => {
        const file = `content/${locale}/${path}`;
        const json = readJson(file, join(folder, path));
        return { locale, name: path.replace(/\.json$/, ''), file, ...(json.ok ? { doc: json.doc, problems: [] } : { problems: json.problems }) };
      }),
    );
  }
  return { pages, namespaces };
}
