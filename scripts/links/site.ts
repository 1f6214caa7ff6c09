/**
 * What exists on the site, derived from the source (no build needed): every
 * page of every locale with its heading ids, which ones are fallbacks, and the
 * files in `public/`. Both passes of the link check resolve targets against it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LocaleRegistry } from '../../src/i18n/locales.ts';
import { normalizePagePath, type Site } from '../../src/model/site.ts';
import type { ParsedPage } from '../i18n/collect.ts';

export interface SitePage {
  locale: string;
  slug: string;
  url: string;
  /** The MDX file rendered at this URL: the translation, or the source page for a fallback. */
  file: string;
  fallback: boolean;
  headingIds: Set<string>;
}

export interface SiteModel {
  registry: LocaleRegistry;
  /** By URL path, such as `/de/lead-management/enable-lead-sharing/`. */
  pages: Map<string, SitePage>;
  /** Paths served from `public/`, such as `/favicon.svg`. */
  assets: Set<string>;
  /** Paths the build writes besides pages. */
  generated: Set<string>;
}

/** The content model's pages, each with the heading ids of the file rendered there. */
export function buildSiteModel(root: string, model: Site, pagesByLocale: Map<string, ParsedPage[]>): SiteModel {
  const parsedByFile = new Map<string, ParsedPage>();
  for (const pages of pagesByLocale.values()) for (const page of pages) parsedByFile.set(page.file, page);
  const pages = new Map<string, SitePage>();
  for (const page of model.pages) {
    const parsed = parsedByFile.get(page.file);
    pages.set(page.url, { locale: page.locale, slug: page.slug, url: page.url, file: page.file, fallback: page.isFallback, headingIds: new Set((parsed?.outline?.headings ?? []).map((heading) => heading.id)) });
  }
  return { registry: model.registry, pages, assets: listAssets(join(root, 'public')), generated: new Set(['/', '/sitemap-index.xml', '/sitemap-0.xml', '/robots.txt', '/404.html', '/pagefind/pagefind.js', '/pagefind/pagefind-component-ui.js', '/pagefind/pagefind-component-ui.css']) };
}

function listAssets(folder: string): Set<string> {
  if (!existsSync(folder)) return new Set();
  return new Set(readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `/${join(entry.parentPath, entry.name).slice(folder.length + 1).split('\\').join('/')}`));
}

/** The page at a URL path, accepting the forms a static host serves (`/x`, `/x/`, `/x/index.html`). */
export function pageAt(site: SiteModel, path: string): SitePage | undefined {
  return site.pages.get(normalizePagePath(path));
}

/** Element ids the layout gives every page, besides heading ids. */
export const LAYOUT_IDS: ReadonlySet<string> = new Set(['content']);

/** Whether `#fragment` is an id on the page (a heading's, or the layout's). */
export const hasId = (page: SitePage, fragment: string) => page.headingIds.has(fragment) || LAYOUT_IDS.has(fragment);
