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
 * language, a fallback page's in the source's), so no words become unsearchable.
 */
import type { Site, SitePage } from '../model/site.ts';
import { ContentError } from '../report/finding.ts';
import { TABLES_FILE, type TableView } from './tables.ts';

/** Whether search indexes the table where `page` places it (false: its home page holds the same words). */
export function searchesTableOn(
  table: Pick<TableView, 'id' | 'home'>,
  page: Pick<SitePage, 'locale' | 'slug' | 'contentLocale'>,
  site: Pick<Site, 'registry' | 'page'>,
): boolean {
  if (table.home === undefined || table.home === page.slug) return true;
  if (!site.page(site.registry.source.code, table.home)) {
    throw new ContentError([
      {
        file: TABLES_FILE,
        rule: 'config',
        severity: 'error',
        message: `The home of table "${table.id}" is "${table.home}", which is no page of content/${site.registry.source.code}/.`,
        hint: 'Give the slug of the page that owns the table, as in its URL without the locale: "lead-management/destinations".',
      },
    ]);
  }
  return site.page(page.locale, table.home)?.contentLocale !== page.contentLocale;
}
