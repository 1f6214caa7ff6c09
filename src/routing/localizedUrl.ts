/**
 * URLs of pages: `/<locale>/<slug>/`, the source locale prefixed too, so every
 * language has the same shape and switching language is a prefix swap.
 */

/** The path of a page; `slug` is '' for a locale's home page. */
export function pageUrl(locale: string, slug: string): string {
  return slug === '' ? `/${locale}/` : `/${locale}/${slug}/`;
}

/** Splits an entry id such as `de/lead-management/enable-lead-sharing` (or `de/index`) into locale and slug. */
export function splitEntryId(id: string): { locale: string; slug: string } {
  const [locale = '', ...rest] = id.split('/');
  if (rest.at(-1) === 'index') rest.pop();
  return { locale, slug: rest.join('/') };
}
