/**
 * Where search finds a shared table's words.
 *
 * A table placed on several pages renders the same words on each, so every one of those pages
 * came back for a word of the table, all with the same excerpt. A table that names its `home`
 * in `content/tables.json` is searched on that page only: the other pages keep showing it and
 * mark it `data-pagefind-ignore`. Weighting cannot do this (Pagefind would still list every
 * page, with the same words), and deduplicating in the browser would leave results whose only
 * match is hidden.
 *
 * The home stands in for a page only where it shows the same words: in the same locale, with
 * its content in the same language (a translated page's table is in the translation's
 * language, a fallback page's in the source's). A home that is no page of the site (a renamed
 * page, a generated corpus without it) stands in for nothing, so no words become unsearchable;
 * tableSearch.test.ts checks that each home of content/tables.json is a page that places its table.
 */
import type { Site, SitePage } from '../model/site.ts';
import type { TableView } from './tables.ts';

/** Whether search indexes the table where `page` places it (false: its home page shows the same words). */
export function searchesTableOn(
  table: Pick<TableView, 'id' | 'home'>,
  page: Pick<SitePage, 'locale' | 'slug' | 'contentLocale'>,
  site: Pick<Site, 'page'>,
): boolean {
  if (table.home === undefined || table.home === page.slug) return true;
  const home = site.page(page.locale, table.home);
  return home === undefined || home.contentLocale !== page.contentLocale;
}
