/** One set of numbers: check:i18n's summary, the status overview (i18n:status, the dashboard) and the model's counts agree. */
import { describe, expect, it } from 'vitest';
import { checkTranslations } from '../../scripts/i18n/check.ts';
import { loadRegistry } from '../i18n/locales.ts';
import { loadSite } from '../model/site.ts';
import { ROOT } from '../../tests/helpers/project.ts';
import { loadGlossary } from './glossary.ts';
import { localeCounts, translationOverview } from './overview.ts';

describe('counts on the real site', () => {
  it('are the same in check:i18n, the status overview and the model, and each page counts once', () => {
    const registry = loadRegistry(ROOT);
    const site = loadSite(ROOT, registry);
    const report = checkTranslations({ root: ROOT, registry, site, glossary: loadGlossary(ROOT), history: false });
    for (const locale of translationOverview(site)) {
      const counts = localeCounts(site, locale.code);
      expect(locale.totals).toEqual(counts);
      const { source, ...pages } = report.summary.locales[locale.code]!.pages;
      expect(source).toBe(counts.pages);
      expect(pages).toEqual({ translated: counts.translated, partial: counts.partial, outdated: counts.outdated, untranslated: counts.untranslated, missing: counts.missing, coverage: counts.coverage });
      expect(counts.translated + counts.partial + counts.outdated + counts.untranslated + counts.missing).toBe(counts.pages);
      expect(locale.pages.filter((row) => row.status === 'translated')).toHaveLength(counts.translated);
    }
  });
});
