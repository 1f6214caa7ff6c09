/**
 * The site's navigation, computed once per build: for each locale its tree,
 * and for each slug the page in every locale (for the language menu and
 * hreflang). Keyed by the routes array that getStaticPaths hands every page by
 * reference, so the first page of a locale builds the tree and every other
 * page looks it up; nothing is scanned per page.
 */
import type { PageRoute } from '../routing/routes.ts';
import { buildNavTree, type NavTree } from './tree.ts';

interface RouteEntry {
  data: { title: string; navTitle?: string | undefined; description?: string | undefined; order: number };
}

export interface SiteNavigation<Route extends PageRoute> {
  tree(locale: string): NavTree;
  /** The page at `slug` in every locale, in registry order. */
  translationsOf(slug: string): readonly Route[];
}

const cache = new WeakMap<readonly PageRoute[], SiteNavigation<PageRoute>>();

export function siteNavigation<Route extends PageRoute<RouteEntry & PageRoute['entry']>>(routes: readonly Route[]): SiteNavigation<Route> {
  const cached = cache.get(routes);
  if (cached) return cached as unknown as SiteNavigation<Route>;
  const bySlug = new Map<string, Route[]>();
  const byLocale = new Map<string, Route[]>();
  for (const route of routes) {
    (bySlug.get(route.slug) ?? bySlug.set(route.slug, []).get(route.slug)!).push(route);
    (byLocale.get(route.locale) ?? byLocale.set(route.locale, []).get(route.locale)!).push(route);
  }
  const trees = new Map<string, NavTree>();
  const navigation: SiteNavigation<Route> = {
    tree(locale) {
      let tree = trees.get(locale);
      if (!tree) {
        tree = buildNavTree((byLocale.get(locale) ?? []).map((route) => ({
          slug: route.slug,
          url: route.url,
          title: route.entry.data.title,
          navTitle: route.entry.data.navTitle,
          description: route.entry.data.description,
          order: route.entry.data.order,
          lang: route.isFallback ? route.contentLocale : undefined,
        })));
        trees.set(locale, tree);
      }
      return tree;
    },
    translationsOf: (slug) => bySlug.get(slug) ?? [],
  };
  cache.set(routes, navigation as unknown as SiteNavigation<PageRoute>);
  return navigation;
}
