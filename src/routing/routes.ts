/**
 * Which page every locale serves, and from which entry.
 *
 * The source locale defines the site's pages. Every other locale serves each of
 * them at the same slug: its own translation when there is one, otherwise the
 * source entry marked as a fallback (the page shows a notice and points search
 * engines at the original). Astro's built-in i18n fallback does not cover
 * `[...slug]` routes reliably, so the routes are generated here.
 */
import type { LocaleRegistry } from '../i18n/locales.ts';
import { pageUrl, splitEntryId } from './localizedUrl.ts';

export interface EntryLike {
  id: string;
  data: { title: string; navTitle?: string | undefined; order: number };
}

export interface PageRoute<Entry extends EntryLike = EntryLike> {
  locale: string;
  slug: string;
  url: string;
  /** What is rendered: the translation, or the source entry for a fallback. */
  entry: Entry;
  /** The locale the content is written in (the source locale for a fallback). */
  contentLocale: string;
  isFallback: boolean;
}

export function buildRoutes<Entry extends EntryLike>(entries: readonly Entry[], registry: LocaleRegistry): PageRoute<Entry>[] {
  const byPage = new Map(entries.map((entry) => {
    const { locale, slug } = splitEntryId(entry.id);
    return [`${locale}:${slug}`, entry];
  }));
  const sourcePages = entries
    .filter((entry) => splitEntryId(entry.id).locale === registry.source.code)
    .sort(byOrder);
  const routes: PageRoute<Entry>[] = [];
  for (const locale of registry.locales) {
    for (const source of sourcePages) {
      const { slug } = splitEntryId(source.id);
      const translation = byPage.get(`${locale.code}:${slug}`);
      routes.push({
        locale: locale.code,
        slug,
        url: pageUrl(locale.code, slug),
        entry: translation ?? source,
        contentLocale: translation ? locale.code : registry.source.code,
        isFallback: !translation,
      });
    }
  }
  return routes;
}

/** Navigation order: frontmatter `order`, then slug, so ties are stable. */
export function byOrder(a: EntryLike, b: EntryLike): number {
  return a.data.order - b.data.order || a.id.localeCompare(b.id);
}
