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
      expect(pages).toEqual({
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
  });
});

describe('counts on a site with partial, outdated and missing pages', () => {
  it('a page with blocks still in English is partial, with its share, in the model, the overview and check:i18n alike', async () => {
    const { contentTree, page, writeFixture } = await import('../../tests/helpers/fixture.ts');
    const { sourceHash } = await import('../content/sourceHash.ts');
    const en = (body: string) => page({ title: 'Guide', description: 'A guide page for the fixture site.', order: 1 }, body);
    const EN_A = en(
      '## Connect {/* #connect */}\n\nConnect your CRM to the marketplace before the first lead arrives.\n\n## Test {/* #test */}\n\nSend a test lead and check that it arrives in your system.',
    );
    const EN_B = en('Another page that the German translation has not reached yet.');
    const de = (source: string, body: string) =>
      page(
        {
          title: 'Leitfaden',
          description: 'Eine Leitfadenseite für die Testwebsite.',
          order: 1,
          translation: { source: sourceHash(source), method: 'human' },
        },
        body,
      );
    const fixture = writeFixture(
      contentTree({
        'content/en/index.mdx': null,
        'content/de/index.mdx': null,
        'content/en/a.mdx': EN_A,
        'content/en/b.mdx': EN_B,
        'content/en/c.mdx': EN_B.replace('Another page', 'A third page'),
        // a: #test still in English (partial); c: stamped against an older English text (outdated); b: missing.
        'content/de/a.mdx': de(
          EN_A,
          '## Verbinden {/* #connect */}\n\nVerbinden Sie Ihr CRM mit dem Marktplatz, bevor der erste Lead eintrifft.\n\n## Test {/* #test */}\n\nSend a test lead and check that it arrives in your system.',
        ),
        'content/de/c.mdx': de('older text', 'Eine dritte Seite, die die deutsche Übersetzung schon erreicht hat.'),
      }),
    );
    try {
      const root = fixture.root;
      const registry = loadRegistry(root);
      const site = loadSite(root, registry);
      expect(site.page('de', 'a')).toMatchObject({ status: 'partial', coverage: { total: 4, translated: 2, sections: ['test'] } });
      const report = checkTranslations({ root, registry, site, glossary: loadGlossary(root), history: false });
      const [overview] = translationOverview(site);
      expect(overview!.pages.find((row) => row.slug === 'a')).toMatchObject({
        status: 'partial',
        share: 0.5,
        sourceLanguageSections: ['test'],
      });
      const counts = localeCounts(site, 'de');
      expect(counts).toMatchObject({ pages: 3, translated: 0, partial: 1, outdated: 1, missing: 1, coverage: 0.5 });
      expect(overview!.totals).toEqual(counts);
      expect(report.summary.locales.de!.pages).toEqual({
        source: 3,
        translated: 0,
        partial: 1,
        outdated: 1,
        untranslated: 0,
        missing: 1,
        coverage: 0.5,
      });
    } finally {
      fixture.remove();
    }
  });
});
