/**
 * Open Graph names locales `ll_CC` (`en_US`, `de_DE`). A registry tag with a
 * region keeps it (`de-AT` → `de_AT`); a bare language gets its likely region
 * from CLDR's likely subtags (`de` → `de_DE`, `nl` → `nl_NL`), as `Intl.Locale` knows them.
 */
export function openGraphLocale(tag: string): string {
  try {
    const locale = new Intl.Locale(tag).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : locale.language;
  } catch {
    return tag.replace('-', '_');
  }
}
