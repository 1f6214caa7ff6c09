/**
 * One set of numbers: check:i18n's summary, the status overview (i18n:status, the dashboard) and the
 * content model's counts must agree, locale by locale, and each page counts once.
 */
import { expect } from 'vitest';
import type { Site } from '../../src/model/site.ts';
import { localeCounts, translationOverview } from '../../src/translation/overview.ts';
import type { checkTranslations } from '../../scripts/i18n/check.ts';

export function expectCountsAgree(site: Site, report: ReturnType<typeof checkTranslations>): void {
  for (const locale of translationOverview(site)) {
    const counts = localeCounts(site, locale.code);
    expect(locale.totals).toEqual(counts);
    expect(report.summary.locales[locale.code]!.pages).toEqual({
      source: counts.pages,
      translated: counts.translated,
      partial: counts.partial,
      outdated: counts.outdated,
      untranslated: counts.untranslated,
      missing: counts.missing,
      coverage: counts.coverage,
    });
    expect(counts.translated + counts.partial + counts.outdated + counts.untranslated + counts.missing).toBe(counts.pages);
    expect(locale.pages.filter((row) => row.status === 'translated')).toHaveLength(counts.translated);
  }
}
