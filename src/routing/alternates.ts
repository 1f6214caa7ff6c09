/**
 * `<link rel="alternate" hreflang>` and canonical URLs for one page.
 *
 * Only real translations are alternates: a fallback page shows source-language
 * text, so announcing it as German would mislead search engines; a
 * pseudo-locale is a test, never an alternate (nor has any). A fallback
 * page's canonical URL is the original it shows.
 */
import { isIndexed } from '../i18n/locales.ts';
import type { Site, SitePage } from '../model/site.ts';

export interface HeadLinks {
  canonical: string;
  alternates: { hreflang: string; href: string }[];
}

export function headLinks(page: SitePage, site: Site, siteUrl: URL | string): HeadLinks {
  const absolute = (path: string) => new URL(path, siteUrl).href;
  const variants = site.variants(page.slug);
  const source = site.page(site.registry.source.code, page.slug);
  const canonical = absolute(page.isFallback && source ? source.url : page.url);
  const indexed = isIndexed(site.registry.get(page.locale));
  const alternates = variants
    .filter((variant) => indexed && !variant.isFallback && isIndexed(site.registry.get(variant.locale)))
    .map((variant) => ({ hreflang: site.registry.get(variant.locale)?.hreflang ?? variant.locale, href: absolute(variant.url) }));
  // x-default: where to send a reader whose language we lack. For the home page that is the language chooser.
  const xDefault = page.slug === '' ? absolute('/') : absolute(source?.url ?? page.url);
  return { canonical, alternates: [...alternates, { hreflang: 'x-default', href: xDefault }] };
}
