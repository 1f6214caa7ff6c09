/**
 * What the link check resolves targets against, derived from the source (no
 * build needed): the content model's pages (src/model/site.ts: their URLs,
 * locales, fallbacks and files) with the heading ids of the file rendered at
 * each, and the files served besides pages (`public/`, what the build writes).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Site, SitePage } from '../../src/model/site.ts';
import type { ParsedPage } from '../i18n/collect.ts';

export interface LinkSite {
  /** The content model: pages by URL, locale and slug, fallbacks, files. */
  model: Site;
  /** The heading ids of each page, by page URL (`/de/lead-management/x/`). */
  headingIds: ReadonlyMap<string, ReadonlySet<string>>;
  /** Paths served from `public/`, such as `/favicon.svg`. */
  assets: Set<string>;
  /** Paths the build writes besides pages. */
  generated: Set<string>;
}

/** The content model's pages, each with the heading ids of the file rendered there. */
export function linkSite(root: string, model: Site, pagesByLocale: Map<string, ParsedPage[]>): LinkSite {
  const parsedByFile = new Map<string, ParsedPage>();
  for (const pages of pagesByLocale.values()) for (const page of pages) parsedByFile.set(page.file, page);
  const headingIds = new Map(
    model.pages.map((page) => [page.url, new Set((parsedByFile.get(page.file)?.outline?.headings ?? []).map((heading) => heading.id))]),
  );
  return {
    model,
    headingIds,
    assets: listAssets(join(root, 'public')),
    generated: new Set([
      '/',
      '/sitemap-index.xml',
      '/sitemap-0.xml',
      '/robots.txt',
      '/404.html',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-component-ui.js',
      '/pagefind/pagefind-component-ui.css',
    ]),
  };
}

function listAssets(folder: string): Set<string> {
  if (!existsSync(folder)) return new Set();
  return new Set(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map(
        (entry) =>
          `/${join(entry.parentPath, entry.name)
            .slice(folder.length + 1)
            .split('\\')
            .join('/')}`,
      ),
  );
}

/** Element ids the layout gives every page, besides heading ids. */
export const LAYOUT_IDS: ReadonlySet<string> = new Set(['content']);

/** The heading ids of the file rendered at a page. */
export const headingIdsOf = (site: LinkSite, page: SitePage): ReadonlySet<string> => site.headingIds.get(page.url) ?? new Set();

/** Whether `#fragment` is an id on the page (a heading's, or the layout's). */
export const hasId = (site: LinkSite, page: SitePage, fragment: string) =>
  headingIdsOf(site, page).has(fragment) || LAYOUT_IDS.has(fragment);
