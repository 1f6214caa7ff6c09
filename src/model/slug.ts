/**
 * A page's slug and URL, defined once.
 *
 * The slug rule is Astro's own (the glob loader's default id): every path
 * segment goes through github-slugger and a trailing `index` is dropped, so
 * `Enable_Lead.Sharing.mdx` is served at `enable_leadsharing`. The site passes
 * `generateEntryId` to the loader as `generateId`, and the checkers call the same
 * functions, so the site and the checkers cannot disagree about a URL.
 */
import { slug as githubSlug } from 'github-slugger';

/** `lead-management/Enable_Lead.Sharing.mdx` → `lead-management/enable_leadsharing`; `index.mdx` → ''. */
export function slugOf(pathInLocale: string): string {
  const segments = pathInLocale
    .split('\\')
    .join('/')
    .replace(/\.mdx?$/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => githubSlug(segment));
  if (segments.at(-1) === 'index') segments.pop();
  return segments.join('/');
}

/** The path of a page; `slug` is '' for a locale's home page. Every locale is prefixed, so switching language is a prefix swap. */
export function pageUrl(locale: string, slug: string): string {
  return slug === '' ? `/${locale}/` : `/${locale}/${slug}/`;
}

/** The content-collection id of a page: `de/lead-management/x`, or `de` for a locale's home page. */
export function entryIdOf(locale: string, slug: string): string {
  return slug === '' ? locale : `${locale}/${slug}`;
}

/**
 * The loader's `generateId`: `entry` is the file's path under `content/`
 * (`de/lead-management/x.mdx`). The locale folder is kept as it is.
 */
export function generateEntryId({ entry }: { entry: string }): string {
  const [locale = '', ...rest] = entry.split('/');
  return entryIdOf(locale, slugOf(rest.join('/')));
}
