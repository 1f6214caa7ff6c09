/**
 * `<link rel="alternate" hreflang>` and canonical URLs for one page.
 *
 * Only real translations are alternates: a fallback page shows source-language
 * text, so announcing it as German would mislead search engines. A fallback
 * page's canonical URL is the original it shows.
 */
import type { LocaleRegistry } from '../i18n/locales.ts';
import type { PageRoute } from './routes.ts';

export interface HeadLinks {
  canonical: string;
  alternates: { hreflang: string; href: string }[];
}

/** `routes` are every locale's route for the page's slug. */
export function headLinks(route: PageRoute, routes: readonly PageRoute[], registry: LocaleRegistry, site: URL | string): HeadLinks {
  const absolute = (path: string) => new URL(path, site).href;
  const sameSlug = routes.filter((candidate) => candidate.slug === route.slug);
  const sourceRoute = sameSlug.find((candidate) => candidate.locale === registry.source.code);
  const canonical = absolute(route.isFallback && sourceRoute ? sourceRoute.url : route.url);
  const alternates = sameSlug
    .filter((candidate) => !candidate.isFallback)
    .map((candidate) => ({ hreflang: registry.get(candidate.locale)?.hreflang ?? candidate.locale, href: absolute(candidate.url) }));
  // x-default: where to send a reader whose language we lack. For the home page that is the language chooser.
  const xDefault = route.slug === '' ? absolute('/') : absolute(sourceRoute?.url ?? route.url);
  return { canonical, alternates: [...alternates, { hreflang: 'x-default', href: xDefault }] };
}
