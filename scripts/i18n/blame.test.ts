/**
 * The one rule for whose fault a mismatch is (src/model/status.ts `blame`,
 * applied by blame.ts): English moves on in a section since the translation's
 * stamp → the translation is outdated there (warnings; no errors); the same
 * difference in a section English did not change → the translator's error;
 * a page without a stamp → judged as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sourceHash } from '../../src/content/sourceHash.ts';
import { loadRegistry } from '../../src/i18n/locales.ts';
import { loadSite } from '../../src/model/site.ts';
import { loadGlossary } from '../../src/translation/glossary.ts';
import { contentTree, page, writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import { checkTranslations } from './check.ts';
import { parsePage } from './collect.ts';
import { stampTranslation } from './stamp.ts';

const fm = { title: 'Guide', description: 'A guide page for the fixture site.', order: 1 };
const EN_BODY = `Read [the start](/en/start/) first.

## Connect {/* #connect */}

Connect your CRM in 3 steps at [the portal](https://example.com/portal).

<StorefrontTable table="audience" />

## Test {/* #test */}

Send a test lead with [the tool](https://example.com/tool).

## Next {/* #next */}

See [more](https://example.com/more).`;
const DE_BODY = `Lesen Sie zuerst [den Anfang](/de/start/).

## Verbinden {/* #connect */}

Verbinden Sie Ihr CRM in 3 Schritten im [Portal](https://example.com/portal).

<StorefrontTable table="audience" />

## Testen {/* #test */}

Senden Sie einen Test-Lead mit [dem Werkzeug](https://example.com/tool).

## Weiter {/* #next */}

Siehe [mehr](https://example.com/more).`;

const EN = page(fm, EN_BODY);
const deFm = { title: 'Leitfaden', description: 'Eine Leitfadenseite für die Testwebsite.', order: 1 };
/** The German page, stamped against the English text it was translated from. */
const stampedDe = (body = DE_BODY, en = EN) =>
  (
    stampTranslation(page(deFm, body), {
      source: sourceHash(en),
      sections: parsePage('content/en/guide.mdx', 'guide.mdx', 'en', en).sections,
    }) as { text: string }
  ).text;

/** The fixture's own pages and words, left out so each test sees only its own page. */
const QUIET = {
  'content/en/index.mdx': null,
  'content/de/index.mdx': null,
  'content/glossary.json': JSON.stringify({ terms: [], sameInTranslation: { de: ['Storefront', 'Audience', 'CRM'] } }),
};

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

function check(en: string, de: string) {
  fixture = writeFixture(contentTree({ ...QUIET, 'content/en/guide.mdx': en, 'content/de/guide.mdx': de }));
  const root = fixture.root;
  const site = loadSite(root);
  return {
    report: checkTranslations({ root, registry: loadRegistry(root), site, glossary: loadGlossary(root), history: false }),
    page: site.page('de', 'guide')!,
  };
}

const errors = (report: ReturnType<typeof check>['report']) =>
  report.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.rule}: ${finding.message}`);

describe('whose fault is a mismatch', () => {
  it('a clean stamped pair has no findings', () => {
    expect(check(EN, stampedDe()).report.findings).toEqual([]);
  });

  const moves: [string, string][] = [
    ['a link target', EN_BODY.replace('https://example.com/tool', 'https://example.com/new-tool')],
    ['a component prop', EN_BODY.replace('<StorefrontTable table="audience" />', '<DataTable table="audience" />')],
    ['a number', EN_BODY.replace('in 3 steps', 'in 4 steps')],
    [
      'a new section',
      EN_BODY.replace(
        '## Next {/* #next */}',
        '## Verify {/* #verify */}\n\nCheck the [log](https://example.com/log).\n\n## Next {/* #next */}',
      ),
    ],
    [
      'a removed section',
      EN_BODY.replace(/## Test \{\/\* #test \*\/\}\n\nSend a test lead with \[the tool\]\(https:\/\/example.com\/tool\)\.\n\n/, ''),
    ],
    ['a new code block', EN_BODY.replace('See [more]', '```sh\nnpm test\n```\n\nSee [more]')],
    ['the title', EN_BODY],
  ];
  for (const [kind, body] of moves) {
    it(`English changes ${kind} after the stamp: the translation is outdated there, with no errors`, () => {
      const en = page(kind === 'the title' ? { ...fm, title: 'The guide' } : fm, body);
      expect(en).not.toBe(EN);
      const { report, page: de } = check(en, stampedDe());
      expect(de.status).toBe('outdated');
      expect(errors(report)).toEqual([]);
      const outdated = report.findings.filter((finding) => finding.rule === 'outdated');
      expect(outdated).toHaveLength(1);
      expect(report.summary.errors).toBe(0);
      // The mismatch itself is still listed, as a warning naming the section that changed.
      for (const finding of report.findings.filter((f) => f.rule !== 'outdated')) {
        expect(finding.severity).toBe('warning');
        if (finding.rule !== 'untranslated')
          expect(finding.message).toMatch(
            /^Outdated, not wrong: the source changed here since this translation was stamped \((#|introduction|title)/,
          );
      }
    });
  }

  it("the same difference in a section English did not change is the translator's error", () => {
    // English changes #connect; the translator broke a link in #test.
    const en = page(fm, EN_BODY.replace('in 3 steps', 'in 4 steps'));
    const { report } = check(en, stampedDe(DE_BODY.replace('https://example.com/tool', 'https://example.com/tol')));
    expect(errors(report)).toEqual([expect.stringMatching(/^link-mismatch: The link goes to "https:\/\/example.com\/tol"/)]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'placeholder-mismatch', severity: 'warning', outdated: ['connect'] }),
    );
  });

  it('a page without a stamp is judged as before: every difference is an error', () => {
    const en = page(fm, EN_BODY.replace('https://example.com/tool', 'https://example.com/new-tool'));
    const unstamped = page({ ...deFm, translation: { source: sourceHash(EN), method: 'human' } }, DE_BODY);
    const { report, page: de } = check(en, unstamped);
    expect(de.status).toBe('outdated');
    expect(de.changes).toBeUndefined();
    expect(errors(report)).toEqual([expect.stringMatching(/^link-mismatch/)]);
  });
});

describe('labels: a new English label', () => {
  // One aligned page pair: a check with no page to compare refuses to run (nothing checked is not "no problems").
  const GUIDE = { 'content/en/guide.mdx': EN, 'content/de/guide.mdx': stampedDe() };
  const tables = JSON.stringify({
    brands: { a: 'Alpha', b: 'Beta' },
    storefronts: ['a', 'b'],
    tables: { audience: { column: 'audience', rows: { a: ['x', 'y'], b: [{ brand: 'a' }] } } },
  });
  const labels = (caption: string, x: string, y?: string) =>
    JSON.stringify(
      { caption: { audience: caption }, column: { storefront: 'Storefront', audience: 'Audience' }, item: { x, ...(y ? { y } : {}) } },
      null,
      2,
    );

  it('is an error in English while English lacks it, and a fallback warning in each translation', () => {
    fixture = writeFixture(
      contentTree({
        ...QUIET,
        ...GUIDE,
        'content/tables.json': tables,
        'content/en/tables.json': labels('Who', 'Everyone'),
        'content/de/tables.json': labels('Wer', 'Alle'),
      }),
    );
    const root = fixture.root;
    let report = checkTranslations({
      root,
      registry: loadRegistry(root),
      site: loadSite(root),
      glossary: loadGlossary(root),
      history: false,
    });
    expect(report.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([['table-label', 'error', 'content/en/tables.json']]);
    fixture.remove();
    fixture = writeFixture(
      contentTree({
        ...QUIET,
        ...GUIDE,
        'content/tables.json': tables,
        'content/en/tables.json': labels('Who', 'Everyone', 'Partners'),
        'content/de/tables.json': labels('Wer', 'Alle'),
      }),
    );
    report = checkTranslations({
      root: fixture.root,
      registry: loadRegistry(fixture.root),
      site: loadSite(fixture.root),
      glossary: loadGlossary(fixture.root),
      history: false,
    });
    expect(report.findings.map((f) => [f.rule, f.severity, f.file, f.message])).toEqual([
      ['ui-missing-key', 'warning', 'content/de/tables.json', '"item.y" is missing; the page shows the source text “Partners”.'],
    ]);
  });
});
