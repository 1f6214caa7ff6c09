/**
 * `i18n:stamp` validates before it writes, and what it writes the schema
 * accepts: heading ids of awkward headings round-trip through the stamp, the
 * frontmatter schema and check:i18n.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/content/mdx.ts';
import { frontmatterSchema } from '../../src/content/frontmatter.ts';
import { sourceHash } from '../../src/content/sourceHash.ts';
import { loadRegistry } from '../../src/i18n/locales.ts';
import { collectHeadings } from '../../src/markdown/headingIds.ts';
import { toPageFile } from '../../src/model/pageFile.ts';
import { loadSite } from '../../src/model/site.ts';
import { EMPTY_GLOSSARY } from '../../src/translation/glossary.ts';
import { sectionFingerprints, withTranslationPrints } from '../../src/translation/sections.ts';
import { contentTree, page, writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import { checkTranslations } from './check.ts';
import { stampTranslation } from './stamp.ts';
import { stampProblems } from './stampCheck.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

const fingerprints = (text: string) => {
  const parsed = parseMdx('x.mdx', text);
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
  return sectionFingerprints(parsed.doc.tree, parsed.doc.rawFrontmatter);
};
const stamp = (de: string, en: string) =>
  (
    stampTranslation(de, { source: sourceHash(en), sections: withTranslationPrints(fingerprints(en), fingerprints(de)) }) as {
      text: string;
    }
  ).text;

describe('heading ids round-trip through the stamp and the frontmatter schema', () => {
  // English heading, the id the slug rule gives it, the German heading (which keeps the id with a marker).
  const headings: [string, string, string][] = [
    ['Step 1 – prepare your CRM', 'step-1--prepare-your-crm', 'Schritt 1 – CRM vorbereiten'],
    ['What’s new? (2026 edition)', 'whats-new-2026-edition', 'Was ist neu? (Ausgabe 2026)'],
    ['Use `LeadSource` here', 'use-leadsource-here', '`LeadSource` hier verwenden'],
    ['Press <kbd>Ctrl</kbd> to copy', 'press-ctrl-to-copy', 'Zum Kopieren <kbd>Strg</kbd> drücken'],
    ['Übersicht für Größen', 'übersicht-für-größen', 'Übersicht der Größen'],
    ['日本語の見出し', '日本語の見出し', '日本語の見出し'],
    ['True', 'true', 'Wahr'],
    ['1e3 leads', '1e3-leads', '1e3 Leads'],
    ['365', '365', '365'],
  ];
  const en = page(
    { title: 'Guide', description: 'A guide page for the fixture site.', order: 1 },
    headings.map(([text], index) => `## ${text}\n\nParagraph number ${index} of the guide.`).join('\n\n'),
  );
  const de = page(
    { title: 'Leitfaden', description: 'Eine Leitfadenseite für die Testwebsite.', order: 1 },
    headings.map(([, id, german], index) => `## ${german} {/* #${id} */}\n\nAbsatz Nummer ${index} des Leitfadens.`).join('\n\n'),
  );

  it('the slug rule gives the ids expected', () => {
    const parsed = parseMdx('en.mdx', en);
    expect(parsed.ok && collectHeadings(parsed.doc.tree).map((heading) => heading.id)).toEqual(headings.map(([, id]) => id));
  });

  it('the stamp writes every id, the schema accepts it, and check:i18n finds nothing', () => {
    const stamped = stamp(de, en);
    const parsed = parseMdx('de.mdx', stamped);
    expect(parsed.ok).toBe(true);
    const frontmatter = parsed.ok ? parsed.doc.rawFrontmatter : {};
    expect(frontmatterSchema.safeParse(frontmatter).success).toBe(true);
    // (A JavaScript object lists an integer-like key such as "365" first; the set is what matters.)
    expect(Object.keys((frontmatter['translation'] as { sections: object }).sections).sort()).toEqual(
      ['_meta', ...headings.map(([, id]) => id)].sort(),
    );
    fixture = writeFixture(
      contentTree({
        'content/en/index.mdx': null,
        'content/de/index.mdx': null,
        'content/en/guide.mdx': en,
        'content/de/guide.mdx': stamped,
      }),
    );
    const root = fixture.root;
    const report = checkTranslations({
      root,
      registry: loadRegistry(root),
      site: loadSite(root),
      glossary: EMPTY_GLOSSARY,
      history: false,
    });
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    // Current (the headings left as they are, such as 日本語の見出し, make it partial, not outdated).
    expect(loadSite(root).page('de', 'guide')!.status).toBe('partial');
  });
});

describe('stampProblems: a stamp must tell the truth', () => {
  const fm = { title: 'Guide', description: 'A guide page for the fixture site.', order: 1 };
  const deFm = { title: 'Leitfaden', description: 'Eine Leitfadenseite für die Testwebsite.', order: 1 };
  const EN = page(
    fm,
    '## Connect {/* #connect */}\n\nConnect your CRM to the marketplace with [the portal](https://example.com/portal) and test it.\n\n## Next {/* #next */}\n\nRead about the next steps of lead management for your offer.',
  );
  const DE = page(
    deFm,
    '## Verbinden {/* #connect */}\n\nVerbinden Sie Ihr CRM mit dem Marktplatz über [das Portal](https://example.com/portal) und testen Sie es.\n\n## Weiter {/* #next */}\n\nLesen Sie mehr über die nächsten Schritte der Lead-Verwaltung für Ihr Angebot.',
  );

  function problems(en: string, deNow: string, options: { partial?: boolean } = {}) {
    fixture?.remove();
    fixture = writeFixture(contentTree({ 'content/en/index.mdx': null, 'content/de/index.mdx': null }));
    const registry = loadRegistry(fixture.root);
    const stamped =
      (
        stampTranslation(deNow, { source: sourceHash(en), sections: withTranslationPrints(fingerprints(en), fingerprints(deNow)) }) as {
          text: string | null;
        }
      ).text ?? deNow;
    return stampProblems({
      root: fixture.root,
      registry,
      glossary: EMPTY_GLOSSARY,
      source: toPageFile('en', 'guide.mdx', en),
      translation: toPageFile('de', 'guide.mdx', deNow),
      stamped,
      translationSections: fingerprints(deNow),
      partial: options.partial ?? false,
    });
  }

  it('accepts a translation that matches its source', () => {
    expect(problems(EN, DE)).toEqual([]);
  });

  it('refuses an outdated page whose changed section the translator did not touch', () => {
    const stampedDe = stamp(DE, EN);
    const en = EN.replace('and test it.', 'and send a test lead.');
    expect(problems(en, stampedDe)).toEqual([
      expect.objectContaining({ rule: 'stamp', severity: 'error', message: expect.stringContaining('#connect (text)') }),
    ]);
    // Once the translator updated #connect, the stamp goes through.
    expect(problems(en, stampedDe.replace('und testen Sie es.', 'und senden Sie einen Test-Lead.'))).toEqual([]);
  });

  it('refuses a page with errors once nothing is excused as outdated (a link English changed, not followed)', () => {
    const stampedDe = stamp(DE, EN);
    const en = EN.replace('https://example.com/portal', 'https://example.com/new-portal');
    expect(problems(en, stampedDe).map((finding) => finding.rule)).toEqual(expect.arrayContaining(['link-mismatch']));
  });

  it('refuses blocks still in the source language unless --partial', () => {
    const partly = DE.replace(
      'Lesen Sie mehr über die nächsten Schritte der Lead-Verwaltung für Ihr Angebot.',
      'Read about the next steps of lead management for your offer.',
    );
    expect(problems(EN, partly)).toEqual([
      expect.objectContaining({
        rule: 'stamp',
        message: expect.stringContaining('1 of 4 blocks are still in the source language (#next)'),
      }),
    ]);
    expect(problems(EN, partly, { partial: true })).toEqual([]);
  });
});
