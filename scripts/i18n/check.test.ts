import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceHash } from '../../src/content/sourceHash.ts';
import { loadRegistry } from '../../src/i18n/locales.ts';
import { contentTree, writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import { checkTranslations } from './check.ts';
import { parsePage } from './collect.ts';
import { stampTranslation } from './stamp.ts';
import { loadGlossary } from '../../src/translation/glossary.ts';
import { loadSite } from '../../src/model/site.ts';

const EN = `---
title: Guide
description: A guide page for the fixture site.
order: 1
---

Intro with [a link](/en/other/) and \`code\` and 42 items at https://example.com/x. Use AppSource today.

## First section {/* #first */}

- One thing
- Two things

<StorefrontTable table="audience" />

\`\`\`sh
npm run build
\`\`\`

![Diagram of the flow](/img/a.png)

<Callout type="note">
Some note text for readers.
</Callout>

## Second section {/* #second */}

| A | B |
|---|---|
| 1 | 2 |
`;

const deFor = (
  en: string,
  body = DE_BODY,
  frontmatter = 'title: Leitfaden\ndescription: Eine Leitfadenseite für die Testwebsite.\norder: 1',
) => `---\n${frontmatter}\ntranslation:\n  source: ${sourceHash(en)}\n  method: human\n---\n${body}`;

// Line 10 of the German page is the intro paragraph (8 frontmatter lines, a blank line).
const DE_BODY = `
Einleitung mit [einem Link](/de/other/) und \`code\` und 42 Dingen unter https://example.com/x. Nutzen Sie AppSource noch heute.

## Erster Abschnitt {/* #first */}

- Eine Sache
- Zwei Sachen

<StorefrontTable table="audience" />

\`\`\`sh
npm run build
\`\`\`

![Diagramm des Ablaufs](/img/a.png)

<Callout type="note">
Ein Hinweistext für Leserinnen und Leser.
</Callout>

## Zweiter Abschnitt {/* #second */}

| A | B |
|---|---|
| 1 | 2 |
`;

const GLOSSARY = JSON.stringify({
  terms: [{ term: 'AppSource' }, { term: 'Azure Marketplace', approved: { de: ['Azure-Marktplatz-Testform'] } }],
  sameInTranslation: { de: ['Storefront'] },
});

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

function run(files: Record<string, string | null>, options: { locales?: string[]; history?: boolean } = {}) {
  fixture = writeFixture(
    contentTree({
      'content/en/index.mdx': null,
      'content/de/index.mdx': null,
      'content/glossary.json': GLOSSARY,
      'content/en/guide.mdx': EN,
      'content/de/guide.mdx': deFor(EN),
      ...files,
    }),
  );
  const root = fixture.root;
  return checkTranslations({
    root,
    registry: loadRegistry(root),
    site: loadSite(root),
    glossary: loadGlossary(root),
    history: options.history ?? false,
    ...(options.locales ? { locales: options.locales } : {}),
  });
}

const findings = (files: Record<string, string | null>, rule: string) => run(files).findings.filter((finding) => finding.rule === rule);
const replaceDe = (search: string, replacement: string) => ({ 'content/de/guide.mdx': deFor(EN, DE_BODY.replace(search, replacement)) });

describe('check:i18n on a clean pair', () => {
  it('finds nothing', () => {
    const report = run({});
    expect(report.findings).toEqual([]);
    expect(report.summary.locales.de).toMatchObject({
      pages: { source: 1, translated: 1, missing: 0, outdated: 0, coverage: 1 },
      errors: 0,
      warnings: 0,
    });
  });
});

describe('page rules', () => {
  it('missing-page: an error for a complete locale, a warning for a partial one', () => {
    expect(findings({ 'content/de/guide.mdx': null }, 'missing-page')).toEqual([
      expect.objectContaining({
        severity: 'error',
        locale: 'de',
        file: 'content/de/guide.mdx',
        line: 1,
        column: 1,
        source: { file: 'content/en/guide.mdx', line: 1, column: 1 },
      }),
    ]);
    const partial = JSON.stringify({
      source: 'en',
      locales: [
        { code: 'en', name: 'English', dir: 'ltr', status: 'complete' },
        { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'partial' },
      ],
    });
    expect(findings({ 'content/de/guide.mdx': null, 'content/locales.json': partial }, 'missing-page')[0]?.severity).toBe('warning');
  });

  it('orphan-page: a translation without a source', () => {
    expect(findings({ 'content/de/alt.mdx': deFor(EN) }, 'orphan-page')).toEqual([
      expect.objectContaining({ severity: 'error', file: 'content/de/alt.mdx', line: 1, column: 1 }),
    ]);
  });

  it('parse-error: the place of the syntax error, and the other files are still checked', () => {
    const report = run({ ...replaceDe('Ein Hinweistext', 'Ein {Hinweistext'), 'content/de/ui.json': '{"skipLink": }' });
    expect(report.findings.filter((f) => f.rule === 'parse-error')).toEqual([
      expect.objectContaining({ file: 'content/de/guide.mdx', line: 26, severity: 'error' }),
      expect.objectContaining({ file: 'content/de/ui.json', line: 1, column: 14 }),
    ]);
  });

  it('parse-error: an empty file', () => {
    expect(findings({ 'content/de/guide.mdx': '' }, 'parse-error')).toEqual([
      expect.objectContaining({ file: 'content/de/guide.mdx', line: 1, column: 1, message: 'The page is empty.' }),
    ]);
  });

  it('frontmatter: schema violations and structure keys that differ from the source', () => {
    const bad = findings(
      { 'content/de/guide.mdx': deFor(EN, DE_BODY, 'title: Leitfaden\ndescription: Eine Leitfadenseite für die Testwebsite.\norder: 2') },
      'frontmatter',
    );
    expect(bad).toEqual([
      expect.objectContaining({
        file: 'content/de/guide.mdx',
        line: 4,
        column: 1,
        source: { file: 'content/en/guide.mdx', line: 4, column: 1 },
        message: expect.stringContaining('`order` is 2 here but 1'),
      }),
    ]);
    const schema = findings({ 'content/de/guide.mdx': deFor(EN, DE_BODY, 'title: Leitfaden\ndescription: kurz\norder: 1') }, 'frontmatter');
    expect(schema).toEqual([expect.objectContaining({ line: 3, column: 1, message: expect.stringContaining('`description`') })]);
  });

  it('frontmatter: a translation without a recorded source revision', () => {
    const page = `---\ntitle: Leitfaden\ndescription: Eine Leitfadenseite für die Testwebsite.\norder: 1\n---\n${DE_BODY}`;
    expect(findings({ 'content/de/guide.mdx': page }, 'frontmatter')).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringContaining('translation.source'),
        hint: expect.stringContaining('npm run i18n:stamp'),
      }),
    ]);
  });
});

describe('outdated', () => {
  it('says which sections changed and shows the source diff when the old revision is in git', () => {
    fixture = writeFixture(
      contentTree({
        'content/en/index.mdx': null,
        'content/de/index.mdx': null,
        'content/en/guide.mdx': EN,
        'content/de/guide.mdx': deFor(EN),
      }),
    );
    const root = fixture.root;
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'translated');
    writeFileSync(join(root, 'content/en/guide.mdx'), EN.replace('- Two things', '- Two things, done well'));
    const report = checkTranslations({
      root,
      registry: loadRegistry(root),
      site: loadSite(root),
      glossary: loadGlossary(root),
      history: true,
    });
    const outdated = report.findings.filter((f) => f.rule === 'outdated');
    expect(outdated).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'content/de/guide.mdx',
        line: 6,
        column: 3,
        sections: ['#first'],
        message: expect.stringContaining('changed: #first'),
      }),
    ]);
    expect((outdated[0]!.details as string[]).join('\n')).toContain('+- Two things, done well');
    expect(report.summary.locales.de?.pages.outdated).toBe(1);
  });

  it('names changed sections and the kind of change from the recorded fingerprints alone, without git', () => {
    const stamped = (
      stampTranslation(deFor(EN), {
        source: sourceHash(EN),
        sections: parsePage('content/en/guide.mdx', 'guide.mdx', 'en', EN).sections,
      }) as { text: string }
    ).text;
    const edited = EN.replace('- Two things', '- Two things, done well')
      .replace('npm run build', 'npm run bench')
      .replace('## Second section {/* #second */}', '## Third section {/* #third */}');
    const outdated = findings({ 'content/de/guide.mdx': stamped, 'content/en/guide.mdx': edited }, 'outdated');
    expect(outdated).toEqual([
      expect.objectContaining({
        sections: ['#first', '#third', '#second'],
        message:
          'The source page changed since this translation was made; changed: #first (text, code), #third (added), #second (removed).',
      }),
    ]);
    // Re-wrapping a source line changes its hash but no section: the translation is still current.
    expect(
      findings(
        { 'content/de/guide.mdx': stamped, 'content/en/guide.mdx': EN.replace('Intro with [a link]', 'Intro with\n[a link]') },
        'outdated',
      ),
    ).toEqual([]);
  });

  it('still warns when the old revision is not in git history', () => {
    expect(findings({ 'content/en/guide.mdx': EN.replace('One thing', 'One new thing') }, 'outdated')).toEqual([
      expect.objectContaining({ line: 6, column: 3, message: expect.stringContaining('not in git history') }),
    ]);
  });
});

describe('structure rules', () => {
  it('heading-mismatch: a heading at another level', () => {
    expect(findings(replaceDe('## Erster Abschnitt', '### Erster Abschnitt'), 'heading-mismatch')).toEqual([
      expect.objectContaining({
        file: 'content/de/guide.mdx',
        line: 12,
        column: 1,
        source: { file: 'content/en/guide.mdx', line: 9, column: 1 },
      }),
    ]);
  });

  it('heading-id: a translated heading without the source id', () => {
    expect(findings(replaceDe('## Erster Abschnitt {/* #first */}', '## Erster Abschnitt'), 'heading-id')).toEqual([
      expect.objectContaining({
        line: 12,
        column: 1,
        source: expect.objectContaining({ line: 9 }),
        message: expect.stringContaining('"erster-abschnitt"'),
        hint: expect.stringContaining('{/* #first */}'),
      }),
    ]);
  });

  it('structure-mismatch: the first place the documents stop lining up, in both files', () => {
    expect(findings(replaceDe('- Eine Sache', 'Ein zusätzlicher Absatz.\n\n- Eine Sache'), 'structure-mismatch')).toEqual([
      expect.objectContaining({
        line: 14,
        column: 1,
        source: { file: 'content/en/guide.mdx', line: 11, column: 1 },
        message: expect.stringContaining('here a paragraph, in the source a bulleted list'),
      }),
    ]);
  });

  it('list-mismatch: a list with another number of items', () => {
    expect(findings(replaceDe('- Zwei Sachen', '- Zwei Sachen\n- Drei Sachen'), 'list-mismatch')).toEqual([
      expect.objectContaining({ line: 14, column: 1, message: expect.stringContaining("3 items, the source's 2") }),
    ]);
  });

  it('table-mismatch: rows x columns', () => {
    expect(findings(replaceDe('| 1 | 2 |', '| 1 | 2 |\n| 3 | 4 |'), 'table-mismatch')).toEqual([
      expect.objectContaining({ line: 31, column: 1, message: expect.stringContaining('3 x 2') }),
    ]);
  });

  it('code-mismatch: code is never translated', () => {
    expect(findings(replaceDe('npm run build', 'npm run bauen'), 'code-mismatch')).toEqual([
      expect.objectContaining({ line: 19, column: 1, source: expect.objectContaining({ line: 16 }) }),
    ]);
    expect(findings(replaceDe('```sh', '```bash'), 'code-mismatch')[0]?.message).toContain('"bash"');
  });

  it('component-mismatch: same components, same non-text props', () => {
    expect(
      findings(replaceDe('<StorefrontTable table="audience" />', '<StorefrontTable table="campaign" />'), 'component-mismatch'),
    ).toEqual([
      expect.objectContaining({
        line: 17,
        column: 1,
        source: expect.objectContaining({ line: 14 }),
        message: expect.stringContaining('table="campaign"'),
      }),
    ]);
  });

  it('link-mismatch: same targets, with /en/ mapped to the locale', () => {
    expect(findings(replaceDe('(/de/other/)', '(/en/other/)'), 'link-mismatch')).toEqual([
      expect.objectContaining({
        line: 10,
        column: 16,
        source: { file: 'content/en/guide.mdx', line: 7, column: 12 },
        message: expect.stringContaining('link to "/de/other/"'),
      }),
    ]);
  });

  it('image-mismatch: same source, alt text present', () => {
    expect(findings(replaceDe('![Diagramm des Ablaufs]', '![]'), 'image-mismatch')).toEqual([
      expect.objectContaining({ line: 23, column: 1, message: expect.stringContaining('no alt text') }),
    ]);
    expect(findings(replaceDe('(/img/a.png)', '(/img/b.png)'), 'image-mismatch').map((f) => f.message)).toEqual([
      expect.stringContaining('"/img/a.png" is missing'),
      expect.stringContaining('"/img/b.png" is not in the source'),
    ]);
  });
});

describe('text rules', () => {
  it('untranslated: a block identical to the source', () => {
    expect(findings(replaceDe('Ein Hinweistext für Leserinnen und Leser.', 'Some note text for readers.'), 'untranslated')).toEqual([
      expect.objectContaining({ severity: 'warning', line: 26, column: 1, source: expect.objectContaining({ line: 23 }) }),
    ]);
  });

  it("untranslated: a page declared German whose text is still English (the seed's nl-NL case)", () => {
    const english = EN.split('---\n')[2]!;
    expect(findings({ 'content/de/guide.mdx': deFor(EN, english) }, 'untranslated')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 2,
        column: 1,
        message: expect.stringMatching(/declared Deutsch \(de\) but its text is still in the source language/),
      }),
    ]);
  });

  it('untranslated: source-language text in part of a paragraph, a list item, a heading and the title', () => {
    const de = deFor(
      EN,
      DE_BODY.replace('Nutzen Sie AppSource noch heute.', 'Nutzen Sie AppSource noch heute. Keep this link for your own records.')
        .replace('- Zwei Sachen', '- Two things that still need work')
        .replace('## Zweiter Abschnitt', '## The second section'),
      'title: Guide to the fixture site\ndescription: Eine Leitfadenseite für die Testwebsite.\norder: 1',
    );
    expect(findings({ 'content/de/guide.mdx': de }, 'untranslated').map((f) => [f.line, f.message])).toEqual([
      [2, 'The title is still in the source language: “Guide to the fixture site”.'],
      [10, 'A sentence is still in the source language: “Keep this link for your own records.”.'],
      [14, 'A list item is still in the source language: “Two things that still need work”.'],
      [29, 'A heading is still in the source language: “The second section”.'],
    ]);
  });

  it('glossary: a do-not-translate term altered or dropped', () => {
    expect(findings(replaceDe('Nutzen Sie AppSource', 'Nutzen Sie App Source'), 'glossary')).toEqual([
      expect.objectContaining({ severity: 'warning', line: 10, column: 1, message: expect.stringContaining('written “App Source”') }),
    ]);
    expect(findings(replaceDe('Nutzen Sie AppSource noch heute.', 'Nutzen Sie den Laden noch heute.'), 'glossary')[0]?.message).toContain(
      'appears 1 time in the source but 0 here',
    );
  });

  it('glossary: in the title, navigation title and description too, each at its own line', () => {
    const en = EN.replace(
      'title: Guide\ndescription: A guide page for the fixture site.',
      'title: Publish on AppSource\nnavTitle: AppSource guide\ndescription: A guide page for publishers on AppSource and Azure Marketplace.',
    );
    const de = deFor(
      en,
      DE_BODY,
      'title: Auf AppSource veröffentlichen\nnavTitle: Leitfaden für App Source\ndescription: Eine Leitfadenseite für Anbieter auf Appsource und dem Azure-Marktplatz.\norder: 1',
    );
    expect(
      findings({ 'content/en/guide.mdx': en, 'content/de/guide.mdx': de }, 'glossary').map((f) => [
        `${f.file}:${f.line}:${f.column}`,
        f.rule,
        f.message,
        f.source,
      ]),
    ).toEqual([
      [
        'content/de/guide.mdx:3:1',
        'glossary',
        '“AppSource” is written “App Source” in the navigation title; it is a glossary term and keeps its exact form.',
        { file: 'content/en/guide.mdx', line: 3, column: 1 },
      ],
      [
        'content/de/guide.mdx:4:1',
        'glossary',
        '“AppSource” is written “Appsource” in the description; it is a glossary term and keeps its exact form.',
        { file: 'content/en/guide.mdx', line: 4, column: 1 },
      ],
      [
        'content/de/guide.mdx:4:1',
        'glossary',
        "“Azure Marketplace” appears 1 time in the source's description but 0 in the description; it is a glossary term and is never translated.",
        { file: 'content/en/guide.mdx', line: 4, column: 1 },
      ],
    ]);
  });

  it('placeholder-mismatch: numbers, inline code, URLs and expressions', () => {
    expect(findings(replaceDe('42 Dingen', '43 Dingen'), 'placeholder-mismatch')).toEqual([
      expect.objectContaining({ line: 10, column: 1, message: expect.stringMatching(/missing “42”; not in the source: “43”/) }),
    ]);
    expect(findings(replaceDe('`code`', '`Code`'), 'placeholder-mismatch')).toHaveLength(1);
    // A name with digits is not a number: "B2B" in a sentence whose source has no such word is no placeholder-mismatch "2".
    expect(
      findings(replaceDe('Nutzen Sie AppSource noch heute.', 'Nutzen Sie AppSource für B2B noch heute.'), 'placeholder-mismatch'),
    ).toEqual([]);
  });
});

describe('UI string rules', () => {
  const ui = (en: object, de: object) => ({
    'content/en/ui.json': JSON.stringify(en, null, 2),
    'content/de/ui.json': JSON.stringify(de, null, 2),
  });

  it('ui-missing-key, ui-extra-key and ui-empty, at the key', () => {
    const report = run(
      ui({ nav: { label: 'Guides', home: 'Home' }, skip: 'Skip' }, { nav: { label: 'Leitfäden', hmoe: 'Start' }, skip: '' }),
    );
    expect(report.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['ui-missing-key', 2, 3],
      ['ui-extra-key', 4, 5],
      ['ui-empty', 6, 3],
    ]);
    expect(report.findings[0]).toMatchObject({ file: 'content/de/ui.json', source: { file: 'content/en/ui.json', line: 4, column: 5 } });
  });

  it('ui-untranslated: identical to the source, unless it is a glossary term or same-in-translation word', () => {
    const report = run(ui({ a: 'Read more', b: 'AppSource', c: 'Storefront' }, { a: 'Read more', b: 'AppSource', c: 'Storefront' }));
    expect(report.findings.map((f) => [f.rule, f.line])).toEqual([['ui-untranslated', 2]]);
  });

  it('ui-untranslated: a label edited but still in the source language', () => {
    const report = run(
      ui({ a: 'Where leads go for follow-up', b: 'Business customers' }, { a: 'Where the leads go for follow-up', b: 'Geschäftskunden' }),
    );
    expect(report.findings.map((f) => [f.rule, f.line, f.message])).toEqual([
      ['ui-untranslated', 2, '"a" is still in the source language: “Where the leads go for follow-up”.'],
    ]);
  });

  it('ui-interpolation: variables, nesting (which must exist) and tags', () => {
    const report = run(
      ui(
        { a: 'Read in {{language}}', b: 'See $t(a)', c: 'Press <0>Enter</0>', d: '[COUNT] results for [SEARCH_TERM]' },
        { a: 'Auf {{sprache}} lesen', b: 'Siehe $t(zz)', c: 'Drücken Sie Enter', d: '[COUNT] Ergebnisse für [SUCHBEGRIFF]' },
      ),
    );
    expect(report.findings.filter((f) => f.rule === 'ui-interpolation').map((f) => [f.line, f.message])).toEqual([
      [2, expect.stringContaining('missing {{language}}; extra {{sprache}}')],
      [3, expect.stringContaining('missing $t(a); extra $t(zz)')],
      [3, expect.stringContaining('$t(zz), but that key does not exist')],
      [4, expect.stringContaining('missing <0>; missing </0>')],
      [5, expect.stringContaining('missing [SEARCH_TERM]; extra [SUCHBEGRIFF]')],
    ]);
  });

  it('ui-plural: the forms Intl.PluralRules requires, and none it rules out', () => {
    const en = { items_one: '{{count}} item', items_other: '{{count}} items' };
    expect(run(ui(en, { items_one: '{{count}} Eintrag', items_other: '{{count}} Einträge' })).findings).toEqual([]);
    expect(run(ui(en, { items_other: '{{count}} Einträge' })).findings).toEqual([
      expect.objectContaining({ rule: 'ui-plural', line: 2, message: expect.stringContaining('"items_one"') }),
    ]);
    expect(
      run(ui(en, { items_one: '{{count}} Eintrag', items_few: '{{count}} Einträge', items_other: '{{count}} Einträge' })).findings,
    ).toEqual([
      expect.objectContaining({ rule: 'ui-plural', line: 3, message: expect.stringContaining('"items_few", which Deutsch never uses') }),
    ]);
  });
});

describe('bad input', () => {
  it('treats a BOM and CRLF line endings like any other file, with correct lines', () => {
    const page = `\uFEFF${deFor(EN, DE_BODY.replace('42 Dingen', '43 Dingen'))}`.replace(/\n/g, '\r\n');
    expect(run({ 'content/de/guide.mdx': page }).findings).toEqual([
      expect.objectContaining({ rule: 'placeholder-mismatch', line: 10, column: 1 }),
    ]);
  });

  it('reports every broken file in one run', () => {
    const report = run({ 'content/de/guide.mdx': '', 'content/de/ui.json': '{', 'content/de/tables.json': '[1,]' });
    expect(report.findings.filter((f) => f.rule === 'parse-error').map((f) => f.file)).toEqual([
      'content/de/guide.mdx',
      'content/de/tables.json',
      'content/de/ui.json',
    ]);
  });

  it('parse-error: a page that is not UTF-8, or holds a NUL byte, at the first bad byte', () => {
    fixture = writeFixture(
      contentTree({
        'content/en/index.mdx': null,
        'content/de/index.mdx': null,
        'content/glossary.json': GLOSSARY,
        'content/en/guide.mdx': EN,
        'content/de/guide.mdx': deFor(EN),
      }),
    );
    const german = Buffer.from(deFor(EN), 'utf8');
    // "für" saved as Latin-1: 0xFC where UTF-8 has 0xC3 0xBC.
    const at = german.indexOf(Buffer.from('für'));
    writeFileSync(
      join(fixture.root, 'content/de/guide.mdx'),
      Buffer.concat([german.subarray(0, at + 1), Buffer.from([0xfc]), german.subarray(at + 3)]),
    );
    writeFileSync(join(fixture.root, 'content/de/other.mdx'), Buffer.from('\u0000\u0001binary'));
    writeFileSync(join(fixture.root, 'content/en/other.mdx'), deFor(EN).replace('Leitfaden', 'Guide'));
    const root = fixture.root;
    const report = checkTranslations({
      root,
      registry: loadRegistry(root),
      site: loadSite(root),
      glossary: loadGlossary(root),
      history: false,
    });
    const before = deFor(EN).slice(0, deFor(EN).indexOf('für'));
    expect(report.findings.filter((f) => f.rule === 'parse-error')).toEqual([
      expect.objectContaining({
        file: 'content/de/guide.mdx',
        line: before.split('\n').length,
        column: before.length - before.lastIndexOf('\n') + 1,
        message: expect.stringContaining('not valid UTF-8'),
      }),
      expect.objectContaining({
        file: 'content/de/other.mdx',
        line: 1,
        column: 1,
        message: 'The page holds binary data (a NUL byte), not text.',
      }),
    ]);
  });

  it('symlink: a link in content/ is reported with its path and not followed', () => {
    fixture = writeFixture(
      contentTree({
        'content/en/index.mdx': null,
        'content/de/index.mdx': null,
        'content/glossary.json': GLOSSARY,
        'content/en/guide.mdx': EN,
        'content/de/guide.mdx': deFor(EN),
      }),
    );
    mkdirSync(join(fixture.root, 'content/de/guides'));
    symlinkSync('../..', join(fixture.root, 'content/de/guides/loop'));
    const root = fixture.root;
    const report = checkTranslations({
      root,
      registry: loadRegistry(root),
      site: loadSite(root),
      glossary: loadGlossary(root),
      history: false,
    });
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'symlink',
        severity: 'error',
        locale: 'de',
        file: 'content/de/guides/loop',
        message: expect.stringContaining('is a symbolic link (to ../..)'),
      }),
    ]);
  });
});
