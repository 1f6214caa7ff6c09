/**
 * The incremental build's key for a page (Astro's `cacheKey`): everything a
 * page's HTML depends on besides its own content entry and the code, which
 * Astro tracks itself. When the key is unchanged since the last build, Astro
 * copies the page's earlier HTML instead of rendering it again.
 *
 * It holds the page as the model sees it (status, titles, translation
 * record), its last-updated date, the status of the same page in every
 * locale (language picker, hreflang) and a digest of the locale's navigation
 * (title, description, order and whether it is a fallback, for every page of
 * the locale: what a sidebar and a section's listing show), so a change to
 * any title re-renders the locale's pages while an edit to one page's text re-renders only that page and its
 * translations (whose status changes). The page's "Edit this page" address
 * comes from the build's environment, so it is part of the key too, and so
 * is the site's configuration (configDigest): Astro does not count a change
 * of astro.config.mjs (the Markdown processor's options, say) as a change of
 * code, and would copy every page as the old configuration rendered it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageEditLink } from './editUrl.ts';
import type { Site, SitePage } from './site.ts';

/** One digest per locale, computed once per build. */
export function navigationDigests(site: Site): Map<string, string> {
  return new Map(
    site.registry.codes.map((code) => [
      code,
      digest(
        site.pagesOf(code).map((page) => [page.url, page.title, page.navTitle ?? '', page.description ?? '', page.order, page.isFallback]),
      ),
    ]),
  );
}

/** The site's configuration file, as a digest: part of every page's key. */
export function configDigest(root: string): string {
  return digest([readFileSync(join(root, 'astro.config.mjs'), 'utf8')]);
}

export function renderKey(
  page: SitePage,
  site: Site,
  navigation: ReadonlyMap<string, string>,
  updated: Date | undefined,
  config: string,
): string {
  return digest([
    config,
    page,
    updated?.toISOString() ?? '',
    site.variants(page.slug).map((variant) => variant.status),
    navigation.get(page.locale) ?? '',
    JSON.stringify(pageEditLink(page) ?? null),
  ]);
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}
