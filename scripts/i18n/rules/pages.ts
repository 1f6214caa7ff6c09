/**
 * `missing-page`: a source page with no translation (a warning for partial
 * locales, which fall back to the source; an error for complete ones).
 * `orphan-page`: a translation with no source page.
 */
import type { Locale } from '../../../src/i18n/locales.ts';
import type { Finding } from '../../lib/findings.ts';
import type { ParsedPage } from '../collect.ts';

export function pageSetRules(locale: Locale, sourcePages: readonly ParsedPage[], pages: readonly ParsedPage[]): Finding[] {
  const findings: Finding[] = [];
  const translated = new Set(pages.map((page) => page.path));
  const sources = new Set(sourcePages.map((page) => page.path));
  for (const source of sourcePages) {
    if (translated.has(source.path)) continue;
    const file = `content/${locale.code}/${source.path}`;
    findings.push({
      rule: 'missing-page',
      severity: locale.status === 'complete' ? 'error' : 'warning',
      message: `${source.file} has no ${locale.name} translation${locale.status === 'complete' ? '; the locale is marked complete' : '; readers get the source page with a notice'}.`,
      locale: locale.code,
      file,
      line: 1,
      column: 1,
      source: { file: source.file, line: 1, column: 1 },
      hint: `Translate ${source.file} into ${file}, then run \`npm run i18n:stamp -- ${file}\`${locale.status === 'complete' ? ', or mark the locale "partial" in content/locales.json' : ''}.`,
    });
  }
  for (const page of pages) {
    if (sources.has(page.path)) continue;
    findings.push({
      rule: 'orphan-page',
      severity: 'error',
      message: `There is no source page content/${sourcePages[0]?.locale ?? 'en'}/${page.path} for this translation.`,
      locale: locale.code,
      file: page.file,
      line: 1,
      column: 1,
      hint: 'Rename it to match its source page (after a source rename), or delete it if the source page was removed.',
    });
  }
  return findings;
}
