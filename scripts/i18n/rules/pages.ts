/**
 * `missing-page`: a source page with no translation (a warning for partial
 * locales, which fall back to the source; an error for complete ones).
 * `orphan-page`: a translation with no source page.
 * Both read the content model, which pairs pages by slug as the site does.
 */
import type { Locale } from '../../../src/i18n/locales.ts';
import type { Site } from '../../../src/model/site.ts';
import type { Finding } from '../../../src/report/report.ts';

export function pageSetRules(locale: Locale, site: Site): Finding[] {
  const findings: Finding[] = [];
  const sourceLocale = site.registry.source.code;
  for (const page of site.pagesOf(locale.code)) {
    if (page.status !== 'missing') continue;
    const file = page.localeFile;
    findings.push({
      rule: 'missing-page',
      severity: locale.status === 'complete' ? 'error' : 'warning',
      message: `${page.sourceFile} has no ${locale.name} translation${locale.status === 'complete' ? '; the locale is marked complete' : '; readers get the source page with a notice'}.`,
      locale: locale.code,
      file,
      line: 1,
      column: 1,
      source: { file: page.sourceFile, line: 1, column: 1 },
      hint: `Translate ${page.sourceFile} into ${file}, then run \`npm run i18n:stamp -- ${file}\`${locale.status === 'complete' ? ', or mark the locale "partial" in content/locales.json' : ''}.`,
    });
  }
  for (const orphan of site.orphans) {
    if (orphan.locale !== locale.code) continue;
    findings.push({
      rule: 'orphan-page',
      severity: 'error',
      message: `There is no source page content/${sourceLocale}/${orphan.path} for this translation.`,
      locale: locale.code,
      file: orphan.file,
      line: 1,
      column: 1,
      hint: 'Rename it to match its source page (after a source rename), or delete it if the source page was removed.',
    });
  }
  return findings;
}
