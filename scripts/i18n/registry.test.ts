/** check:i18n runs what its registry holds: selection changes the findings, never the coverage. */
import { afterAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/i18n/locales.ts';
import { loadSite } from '../../src/model/site.ts';
import { contentTree, writeFixture } from '../../tests/helpers/fixture.ts';
import { selectRules } from '../../src/report/rules.ts';
import { checkTranslations } from './check.ts';
import { loadGlossary } from '../../src/translation/glossary.ts';
import { I18N_RULES } from './registry.ts';

// A German page with a heading id the source lacks, no recorded revision, an empty UI string and an extra key.
const fixture = writeFixture(
  contentTree({
    'content/de/index.mdx':
      '---\ntitle: Start\ndescription: Die Startseite der Testwebsite.\norder: 0\n---\n\n## Anfang\n\n<StorefrontTable table="audience" />\n',
    'content/de/ui.json': '{"skipLink": "", "extra": "Mehr"}',
  }),
);
afterAll(() => fixture.remove());

const check = (selection: Parameters<typeof selectRules>[1]) => {
  const root = fixture.root;
  return checkTranslations({
    root,
    registry: loadRegistry(root),
    site: loadSite(root),
    glossary: loadGlossary(root),
    history: false,
    rules: selectRules(I18N_RULES, selection),
  });
};
const rulesOf = (report: ReturnType<typeof check>) => [...new Set(report.findings.map((finding) => finding.rule))].sort();

describe('the check:i18n registry', () => {
  const all = check({});

  it('runs every rule by default', () => {
    expect(rulesOf(all)).toEqual(['frontmatter', 'heading-id', 'ui-empty', 'ui-extra-key', 'ui-untranslated']);
  });

  it('runs only the selected rules, even when they share a check with others', () => {
    expect(rulesOf(check({ only: ['ui-empty'] }))).toEqual(['ui-empty']);
    expect(rulesOf(check({ ignore: ['ui-empty', 'frontmatter'] }))).toEqual(['heading-id', 'ui-extra-key', 'ui-untranslated']);
    expect(check({ only: ['outdated'] }).findings).toEqual([]);
  });

  it('reports each finding once', () => {
    const keys = all.findings.map((finding) => `${finding.rule} ${finding.file}:${finding.line}:${finding.column} ${finding.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the coverage whatever the selection; counts follow the findings', () => {
    const some = check({ only: ['heading-id'] });
    expect(some.summary.locales.de!.pages).toEqual(all.summary.locales.de!.pages);
    expect(some.summary.locales.de!.ui).toEqual(all.summary.locales.de!.ui);
    expect(some.summary.errors).toBe(1);
    expect(all.summary.errors).toBeGreaterThan(some.summary.errors);
  });
});
