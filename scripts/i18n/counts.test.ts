/** One set of numbers: check:i18n's summary, the status overview (i18n:status, the dashboard) and the model's counts agree. */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/i18n/locales.ts';
import { loadSite } from '../../src/model/site.ts';
import { loadGlossary } from '../../src/translation/glossary.ts';
import { hasReviewView, localeCounts, translationOverview } from '../../src/translation/overview.ts';
import { expectCountsAgree } from '../../tests/helpers/counts.ts';
import { ROOT } from '../../tests/helpers/project.ts';
import { checkTranslations } from './check.ts';

describe('counts on the real site', () => {
  it('are the same in check:i18n, the status overview and the model, and each page counts once', () => {
    const registry = loadRegistry(ROOT);
    const site = loadSite(ROOT, registry);
    const report = checkTranslations({ root: ROOT, registry, site, glossary: loadGlossary(ROOT), history: false });
    expectCountsAgree(site, report);
  });
});

describe('counts on a site with partial, outdated and missing pages', () => {
  it('a page with blocks still in English is partial, with its share, in the model, the overview and check:i18n alike', async () => {
    const { contentTree, page, writeFixture } = await import('../../tests/helpers/fixture.ts');
    const { sourceHash } = await import('../../src/content/sourceHash.ts');
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

describe('review views', () => {
  it('exist for the translations a reviewer has something to look at in, and the overview says which', async () => {
    const { contentTree, page, writeFixture } = await import('../../tests/helpers/fixture.ts');
    const { sourceHash } = await import('../../src/content/sourceHash.ts');
    const en = (order: number, body: string) => page({ title: 'Guide', description: 'A guide page for the fixture site.', order }, body);
    const EN = {
      current: en(1, 'Connect your CRM to the marketplace before the first lead arrives, then send a test lead.'),
      outdated: en(2, 'Send a test lead and check that it arrives in your system before you publish.'),
      partial: en(
        3,
        '## Connect {/* #connect */}\n\nConnect your CRM before the first lead arrives.\n\n## Test {/* #test */}\n\nSend a test lead and check that it arrives in your system.',
      ),
      machine: en(4, 'Leads from the marketplace reach your CRM within minutes of a customer asking.'),
      sections: en(5, '## Storefronts {/* #storefronts */}\n\nThe two storefronts serve different customers and show different offers.'),
      english: en(
        6,
        'Every lead that a customer sends reaches the place you configured in the offer, and your team follows it up within a day.',
      ),
      missing: en(7, 'A page the German translation has not reached yet, with enough words to count.'),
    };
    const de = (source: string, body: string, record: Record<string, unknown> = {}) =>
      page(
        {
          title: 'Leitfaden',
          description: 'Eine Leitfadenseite für die Testwebsite.',
          order: 1,
          translation: { source: sourceHash(source), method: 'human', ...record },
        },
        body,
      );
    const files: Record<string, string | null> = { 'content/en/index.mdx': null, 'content/de/index.mdx': null };
    for (const [slug, text] of Object.entries(EN)) files[`content/en/${slug}.mdx`] = text;
    Object.assign(files, {
      'content/de/current.mdx': de(
        EN.current,
        'Verbinden Sie Ihr CRM mit dem Marktplatz, bevor der erste Lead eintrifft, und senden Sie einen Test-Lead.',
      ),
      'content/de/outdated.mdx': de('an older English text', 'Senden Sie einen Test-Lead und prüfen Sie, ob er in Ihrem System ankommt.'),
      'content/de/partial.mdx': de(
        EN.partial,
        '## Verbinden {/* #connect */}\n\nVerbinden Sie Ihr CRM, bevor der erste Lead eintrifft.\n\n## Test {/* #test */}\n\nSend a test lead and check that it arrives in your system.',
      ),
      'content/de/machine.mdx': de(EN.machine, 'Leads vom Marktplatz erreichen Ihr CRM wenige Minuten, nachdem ein Kunde gefragt hat.', {
        method: 'machine',
        reviewed: false,
      }),
      'content/de/sections.mdx': de(
        EN.sections,
        '## Die Storefronts {/* #storefronts */}\n\nDie beiden Storefronts sprechen unterschiedliche Kunden an und zeigen unterschiedliche Angebote.',
        { machineSections: '[storefronts]' },
      ),
      'content/de/english.mdx': de(
        EN.english,
        'Every lead that a customer sends reaches the place you set up in the offer, and your team follows it up within one day.',
      ),
    });
    const fixture = writeFixture(contentTree(files));
    try {
      const site = loadSite(fixture.root, loadRegistry(fixture.root));
      const review = Object.fromEntries(Object.keys(EN).map((slug) => [slug, hasReviewView(site.page('de', slug)!)]));
      expect(Object.fromEntries(Object.keys(EN).map((slug) => [slug, site.page('de', slug)!.status]))).toEqual({
        current: 'translated',
        outdated: 'outdated',
        partial: 'partial',
        machine: 'translated',
        sections: 'translated',
        english: 'untranslated',
        missing: 'missing',
      });
      expect(review).toEqual({
        current: false,
        outdated: true,
        partial: true,
        machine: true,
        sections: true,
        english: true,
        missing: false,
      });
      // No source page has one; the dashboard's rows say the same as the predicate.
      expect(site.pagesOf('en').some(hasReviewView)).toBe(false);
      const [overview] = translationOverview(site);
      expect(Object.fromEntries(overview!.pages.map((row) => [row.slug, row.review]))).toMatchObject(review);
    } finally {
      fixture.remove();
    }
  });
});
