/**
 * The navigation tree of each locale, built once per build from the content
 * model and cached on it: getStaticPaths hands every page the same model
 * object, so the first page of a locale builds the tree and every other page
 * looks itself up in it. Nothing is scanned per page.
 */
import { registry } from '../i18n/siteRegistry.ts';
import type { Site } from '../model/site.ts';
import { buildNavTree, type NavTree } from './tree.ts';

const cache = new WeakMap<Site, Map<string, NavTree>>();

export function navigationTree(site: Site, locale: string): NavTree {
  let trees = cache.get(site);
  if (!trees) cache.set(site, (trees = new Map()));
  let tree = trees.get(locale);
  if (!tree) {
    tree = buildNavTree(
      site.pagesOf(locale).map((page) => ({
        slug: page.slug,
        url: page.url,
        title: page.title,
        navTitle: page.navTitle,
        description: page.description,
        order: page.order,
        lang: page.isFallback ? (registry.get(page.contentLocale)?.hreflang ?? page.contentLocale) : undefined,
      })),
    );
    trees.set(locale, tree);
  }
  return tree;
}
