import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/finding.ts';
import { sourceHash } from '../../src/content/sourceHash.ts';
import { EN_DE_NL as registry } from '../../tests/helpers/fixture.ts';
import { toPageFile, type PageFile } from '../../src/model/pageFile.ts';
import { buildSite } from '../../src/model/site.ts';
import { indexFindings, pageFindings } from './pageFindings.ts';

const page = (title: string, body: string, extra = '') => `---\ntitle: ${title}\norder: 1\n${extra}---\n\n${body}\n`;
const guide = page('Enable lead sharing', 'Turn it on.');
const stamp = `translation:\n  source: ${sourceHash(guide)}\n  method: human\n`;
const files = new Map<string, PageFile[]>([
  ['en', [toPageFile('en', 'index.mdx', page('Home', 'Welcome.')), toPageFile('en', 'Lead Management/Für_Sie.mdx', guide)]],
  [
    'de',
    [
      toPageFile('de', 'index.mdx', page('Start', 'Willkommen.')),
      toPageFile('de', 'Lead Management/Für_Sie.mdx', page('Lead-Sharing aktivieren', 'Schalten Sie es ein.', stamp)),
    ],
  ],
  ['nl', []],
]);
const site = buildSite(registry, files);
const guideUrl = site.page('de', site.pagesOf('en').find((p) => p.file.endsWith('Für_Sie.mdx'))!.slug)!.url;

const finding = (fields: Partial<Finding> & Pick<Finding, 'rule' | 'file'>): Finding => ({
  severity: 'error',
  message: `${fields.rule} here`,
  line: 3,
  column: 1,
  ...fields,
});
const i18n: Finding[] = [
  finding({
    rule: 'heading-id',
    file: 'content/de/Lead Management/Für_Sie.mdx',
    line: 9,
    locale: 'de',
    source: { file: 'content/en/Lead Management/Für_Sie.mdx', line: 7, column: 1 },
    hint: 'Keep the id.',
  }),
  finding({
    rule: 'untranslated',
    severity: 'warning',
    file: 'content/de/Lead Management/Für_Sie.mdx',
    line: 4,
    locale: 'de',
    message: 'Still English: <img src=x onerror=alert(1)>',
  }),
  finding({ rule: 'heading-id', file: 'content/de/index.mdx', locale: 'de' }),
  finding({
    rule: 'missing-page',
    severity: 'warning',
    file: 'content/nl/Lead Management/Für_Sie.mdx',
    line: 1,
    locale: 'nl',
    source: { file: 'content/en/Lead Management/Für_Sie.mdx', line: 1, column: 1 },
  }),
  finding({ rule: 'ui-untranslated', severity: 'warning', file: 'content/nl/ui.json', line: 2, locale: 'nl' }),
];
const links: Finding[] = [
  finding({
    rule: 'broken-link',
    file: 'content/de/Lead Management/Für_Sie.mdx',
    line: 6,
    column: 5,
    locale: 'de',
    url: '/de/nope/',
    page: guideUrl,
  }),
  finding({ rule: 'broken-anchor', file: 'content/en/Lead Management/Für_Sie.mdx', line: 2, locale: 'en', url: '#x', page: '/en/x/' }),
];
const index = indexFindings({ i18n, links });

describe('pageFindings', () => {
  it('lists the findings of both checks in the page own file, in file and line order, tagged with their checker', () => {
    const result = pageFindings(site, index, guideUrl);
    expect(result.page).toEqual({
      locale: 'de',
      status: 'translated',
      ownFile: 'content/de/Lead Management/Für_Sie.mdx',
      sourceFile: 'content/en/Lead Management/Für_Sie.mdx',
    });
    expect(result.findings.map((f) => [f.checker, f.rule, f.line])).toEqual([
      ['check:i18n', 'untranslated', 4],
      ['check:links', 'broken-link', 6],
      ['check:i18n', 'heading-id', 9],
    ]);
    expect(result.findings[2]).toEqual({
      checker: 'check:i18n',
      rule: 'heading-id',
      severity: 'error',
      message: 'heading-id here',
      hint: 'Keep the id.',
      file: 'content/de/Lead Management/Für_Sie.mdx',
      line: 9,
      column: 1,
      source: { file: 'content/en/Lead Management/Für_Sie.mdx', line: 7, column: 1 },
    });
    // The checker's extras (url, page) stay on the server; the message is passed as data, unchanged.
    expect(result.findings[1]).not.toHaveProperty('url');
    expect(result.findings[0]!.message).toBe('Still English: <img src=x onerror=alert(1)>');
  });

  it('finds the page from the URL as the browser has it: percent-encoded, with or without the slash', () => {
    const encoded = encodeURI(guideUrl);
    expect(encoded).not.toBe(guideUrl);
    expect(pageFindings(site, index, encoded).findings).toHaveLength(3);
    expect(pageFindings(site, index, encoded.slice(0, -1)).findings).toHaveLength(3);
    expect(pageFindings(site, index, encoded).url).toBe(encoded);
  });

  it('keeps each page to its own findings: the source page has its link finding, the home page its own', () => {
    expect(pageFindings(site, index, guideUrl.replace('/de/', '/en/')).findings.map((f) => f.rule)).toEqual(['broken-anchor']);
    expect(pageFindings(site, index, '/de/').findings.map((f) => f.rule)).toEqual(['heading-id']);
    expect(pageFindings(site, index, '/en/').findings).toEqual([]);
  });

  it('shows a missing page its missing-page finding, located at the file still to be written, and the locale string files', () => {
    const result = pageFindings(site, index, guideUrl.replace('/de/', '/nl/'));
    expect(result.page?.status).toBe('missing');
    expect(result.page?.ownFile).toBeUndefined();
    expect(result.findings.map((f) => [f.rule, f.file])).toEqual([['missing-page', 'content/nl/Lead Management/Für_Sie.mdx']]);
    expect(result.strings.map((f) => [f.rule, f.file])).toEqual([['ui-untranslated', 'content/nl/ui.json']]);
    expect(pageFindings(site, index, guideUrl).strings).toEqual([]);
  });

  it('says a URL that is no content page is none, rather than that it has no findings', () => {
    for (const url of ['/translations/', '/de/404/', '/', '/de/%E0%A4%A/']) {
      const result = pageFindings(site, index, url);
      expect(result.page).toBeUndefined();
      expect(result.findings).toEqual([]);
    }
  });
});
