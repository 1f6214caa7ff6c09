import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentTree, page, writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import { ROOT } from '../../tests/helpers/project.ts';
import { guardContent } from './guard.ts';
import { GUARD_RULES } from './guardRules.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

async function guard(overrides: Record<string, string | null>) {
  fixture = writeFixture(contentTree(overrides));
  return (await guardContent(fixture.root)).problems;
}

describe('content guard', () => {
  it('passes the real content', async () => {
    // Every page of every locale is read (the count follows content/, which grows).
    const pages = readdirSync(join(ROOT, 'content'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx')).length;
    expect(await guardContent(ROOT)).toMatchObject({ problems: [], pages });
  });

  it('passes a valid fixture', async () => {
    expect(await guard({})).toEqual([]);
  });

  it('names a locale folder that is not in the registry', async () => {
    expect(await guard({ 'content/fr/index.mdx': page({ title: 'Accueil', description: 'La page d’accueil du site.', order: 0 }, 'Texte.') })).toEqual([
      expect.objectContaining({ file: 'content/fr/', message: expect.stringContaining('"content/fr" is not a locale'), hint: expect.stringContaining('"code": "fr"') }),
    ]);
  });

  it('names a registered locale without a folder', async () => {
    const registry = JSON.stringify({ source: 'en', locales: [{ code: 'en', name: 'English', dir: 'ltr', status: 'complete' }, { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'complete' }, { code: 'ja', name: '日本語', dir: 'ltr', status: 'partial' }] });
    expect(await guard({ 'content/locales.json': registry })).toEqual([
      expect.objectContaining({ file: 'content/locales.json', message: expect.stringContaining('"ja" is registered but content/ja/ does not exist') }),
    ]);
  });

  it('rejects an import or export in a page, at its line, saying that components are provided', async () => {
    const problems = await guard({
      'content/de/index.mdx': page({ title: 'Start', description: 'Die Startseite der Testwebsite.', order: 0 }, 'import Chart from "../components/Chart.astro";\n\n## Anfang {/* #start */}\n\nexport const x = 1;\n\n<StorefrontTable table="audience" />'),
    });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/de/index.mdx', line: 7, column: 1, rule: 'mdx-import', message: 'Pages do not import anything: `import Chart from "../components/Chart.astro";`.', hint: expect.stringMatching(/^Remove the line\. <StorefrontTable>, .*<Callout>.* are available in every page without an import/) }),
      expect.objectContaining({ file: 'content/de/index.mdx', line: 11, rule: 'mdx-import', message: 'Pages do not export anything: `export const x = 1;`.' }),
    ]);
  });

  it('locates invalid frontmatter and MDX syntax errors, in every file at once', async () => {
    const problems = await guard({
      'content/en/index.mdx': page({ title: 'Home', description: 'too short', order: 0 }, 'Fine.'),
      'content/de/index.mdx': page({ title: 'Start', description: 'Die Startseite der Testwebsite.', order: 0 }, 'Ein {kaputter Absatz.'),
    });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/en/index.mdx', line: 3, column: 1, message: expect.stringContaining('`description`') }),
      expect.objectContaining({ file: 'content/de/index.mdx', line: 7, message: expect.stringMatching(/^MDX syntax error/) }),
    ]);
  });

  it('names a table label missing in the source locale, at the object that lacks it', async () => {
    const labels = JSON.stringify({ caption: { audience: 'Who' }, column: { storefront: 'Storefront', audience: 'Audience' }, item: {} }, null, 2);
    expect(await guard({ 'content/en/tables.json': labels })).toEqual([
      expect.objectContaining({ file: 'content/en/tables.json', line: 9, column: 3, severity: 'error', message: 'Table label "item.x" is missing or empty.', hint: expect.stringContaining('content/tables.json uses it') }),
    ]);
  });

  it('lets a translation without a table label build: the table shows the source label (check:i18n warns)', async () => {
    const labels = JSON.stringify({ caption: { audience: 'Wer' }, column: { storefront: 'Storefront', audience: 'Zielgruppe' }, item: {} }, null, 2);
    expect(await guard({ 'content/de/tables.json': labels })).toEqual([]);
    expect(await guard({ 'content/de/tables.json': null })).toEqual([]);
  });

  it('reports invalid JSON in a namespace with its position', async () => {
    expect(await guard({ 'content/de/ui.json': '{\n  "skipLink": "Springen",\n}' })).toEqual([
      expect.objectContaining({ file: 'content/de/ui.json', line: 3, column: 1, message: 'Invalid JSON: a trailing comma is not allowed.' }),
    ]);
  });

  it('rejects unknown components, unknown tables and missing props', async () => {
    const problems = await guard({ 'content/de/index.mdx': page({ title: 'Start', description: 'Die Startseite der Testwebsite.', order: 0 }, '<Tabelle />\n\n<StorefrontTable table="nope" />\n\n<StorefrontTable />\n\n<Callout type="warning">x</Callout>') });
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '7: Unknown component <Tabelle>.',
      '9: <StorefrontTable table="nope"> names no table in content/tables.json.',
      '11: <StorefrontTable> needs a `table` prop.',
      '13: <Callout type="warning"> is not a callout type.',
    ]);
  });

  it('checks <DataTable> against every table and keeps <StorefrontTable> to storefront tables', async () => {
    const tables = JSON.stringify({
      brands: { a: 'Alpha', b: 'Beta' },
      storefronts: ['a', 'b'],
      tables: { audience: { column: 'audience', rows: { a: ['x'], b: [{ brand: 'a' }] } } },
      dataTables: { facts: { columns: ['fact', 'value'], rows: [{ header: { code: 'ID' }, cells: [['x']] }] } },
    });
    const labels = JSON.stringify({ caption: { audience: 'Wer', facts: 'Fakten' }, column: { storefront: 'Storefront', audience: 'Zielgruppe', fact: 'Fakt', value: 'Wert' }, item: { x: 'Alle' } });
    const body = '<DataTable table="audience" />\n\n<DataTable table="facts" />\n\n<StorefrontTable table="facts" />\n\n<DataTable table="nope" />';
    const problems = await guard({
      'content/tables.json': tables,
      'content/en/tables.json': labels,
      'content/de/tables.json': labels,
      'content/de/index.mdx': page({ title: 'Start', description: 'Die Startseite der Testwebsite.', order: 0 }, body),
    });
    expect(problems.map((p) => `${p.line}: ${p.message} ${p.hint}`)).toEqual([
      '11: <StorefrontTable table="facts"> names a data table, not a storefront table. Use <DataTable table="facts" />.',
      '13: <DataTable table="nope"> names no table in content/tables.json. Known tables: audience, facts.',
    ]);
  });

  it('names a data table label missing in the source locale, not in a translation', async () => {
    const tables = JSON.stringify({
      brands: { a: 'Alpha', b: 'Beta' },
      storefronts: ['a', 'b'],
      tables: { audience: { column: 'audience', rows: { a: ['x'], b: [{ brand: 'a' }] } } },
      dataTables: { facts: { columns: ['fact', 'value'], rows: [{ header: 'y', cells: [['x']] }] } },
    });
    // A new row: English lacks its label (an error); German lacks it too (a fallback, not the guard's business).
    const en = JSON.stringify({ caption: { audience: 'Who', facts: 'Facts' }, column: { storefront: 'Storefront', audience: 'Audience', fact: 'Fact', value: 'Value' }, item: { x: 'Everyone' } });
    const de = JSON.stringify({ caption: { audience: 'Wer', facts: 'Fakten' }, column: { storefront: 'Storefront', audience: 'Zielgruppe', fact: 'Fakt', value: 'Wert' }, item: { x: 'Alle' } });
    expect(await guard({ 'content/tables.json': tables, 'content/en/tables.json': en, 'content/de/tables.json': de })).toEqual([
      expect.objectContaining({ file: 'content/en/tables.json', message: 'Table label "item.y" is missing or empty.' }),
    ]);
  });

  it('reports a broken registry with its line and stops there', async () => {
    expect(await guard({ 'content/locales.json': '{\n  "source": "en",\n  "locales": [\n    { "code": "en", "name": "English", "dir": "ltr" }\n  ]\n}' })).toEqual([
      expect.objectContaining({ file: 'content/locales.json', line: 4, message: expect.stringContaining('locales.0.status') }),
    ]);
  });
});

const EN = { title: 'Home', description: 'The home page of the fixture site.', order: 0 };
const DE = { title: 'Start', description: 'Die Startseite der Testwebsite.', order: 0 };
const dePage = (body: string) => page(DE, `## Anfang {/* #start */}\n\n<StorefrontTable table="audience" />\n\n${body}`);
const enPage = (body: string) => page(EN, `## Start {/* #start */}\n\n<StorefrontTable table="audience" />\n\n${body}`);

describe('content guard: content is data, not code', () => {
  it('refuses code in a translation whose source has none, at its place (comments are fine)', async () => {
    const problems = await guard({ 'content/de/index.mdx': dePage("{/* Notiz */}\n\n{globalThis.process.getBuiltinModule('fs').writeFileSync('/tmp/x', 'y')}\n\nHome: {globalThis.process.env.HOME}\n\n{(() => { while (true) {} })()}") });
    expect(problems.map((p) => [p.rule, p.file, p.line, p.column])).toEqual([
      ['mdx-expression', 'content/de/index.mdx', 13, 1],
      ['mdx-expression', 'content/de/index.mdx', 15, 7],
      ['mdx-expression', 'content/de/index.mdx', 17, 1],
    ]);
    expect(problems[0]!.message).toContain('is not in the source page: a translation holds exactly the expressions of content/en/index.mdx, or none');
  });

  it('refuses code in a source page (its allowlist is comments), and code on a component prop', async () => {
    const problems = await guard({ 'content/en/index.mdx': enPage('Year {new Date().getFullYear()}.\n\n<Callout type={"note"}>x</Callout>') });
    expect(problems.map((p) => [p.rule, p.file, p.line, p.column])).toEqual([
      ['mdx-expression', 'content/en/index.mdx', 11, 6],
      ['mdx-expression', 'content/en/index.mdx', 13, 10],
      ['component', 'content/en/index.mdx', 13, 1],
    ]);
    expect(problems[1]!.hint).toBe('Give the prop as a string: `name="value"`.');
  });

  it('refuses code in a translation that has no source page', async () => {
    expect(await guard({ 'content/de/extra.mdx': page(DE, '{process.exit(1)}') })).toEqual([
      expect.objectContaining({ rule: 'mdx-expression', file: 'content/de/extra.mdx', line: 7, column: 1, message: expect.stringContaining('its source page (there is none)') }),
    ]);
  });

  it('refuses raw HTML that runs or loads something, and script URLs, in links, images, definitions and attributes', async () => {
    const problems = await guard({ 'content/de/index.mdx': dePage('## Titel <img src="x.png" onerror="alert(1)" />\n\n<script>alert(1)</script>\n\n[a](javascript:alert(1)) [b][ref] <a href="data:text/html,x">c</a>\n\n[ref]: vbscript:x\n\nDrücken Sie <kbd>Strg</kbd>.') });
    expect(problems.map((p) => [p.rule, p.line, p.column])).toEqual([
      ['raw-html', 11, 27],
      ['raw-html', 13, 1],
      ['unsafe-url', 15, 1],
      ['unsafe-url', 15, 38],
      ['unsafe-url', 17, 1],
    ]);
  });

  it('reports every rule it uses in its rule list (guardRules.ts, the README table)', async () => {
    const problems = await guard({
      'content/de/index.mdx': dePage('{x} <iframe /> [a](javascript:x) <Foo /> <Callout>y</Callout>'),
      'content/en/index.mdx': enPage('import X from "x";\n\n{y}'),
      'content/de/bad.mdx': page(DE, 'Ein <b>kaputter'),
      'content/fr/x.mdx': 'x',
    });
    const known = new Set(GUARD_RULES.map((rule) => rule.id));
    expect(new Set(problems.map((p) => p.rule)).size).toBeGreaterThanOrEqual(7);
    for (const problem of problems) expect(known, problem.rule).toContain(problem.rule);
  });
});

describe('content guard: every input ends in a line', () => {
  it('reports a page that is not UTF-8 at the first bad byte, and one with a NUL byte', async () => {
    fixture = writeFixture(contentTree({ 'content/de/extra.mdx': null }));
    const text = dePage('Zeile mit Umlaut: ');
    writeFileSync(join(fixture.root, 'content/de/index.mdx'), Buffer.concat([Buffer.from(text.replace(/\n$/, '')), Buffer.from([0xfc, 0x62, 0x65, 0x72, 0x0a])]));
    writeFileSync(join(fixture.root, 'content/en/index.mdx'), Buffer.concat([Buffer.from(enPage('Line')), Buffer.from('two\u0000three\n')]));
    const { problems } = await guardContent(fixture.root);
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'parse-error', file: 'content/en/index.mdx', line: 12, column: 4, message: 'The page holds binary data (a NUL byte), not text.' }),
      expect.objectContaining({ rule: 'parse-error', file: 'content/de/index.mdx', line: 11, column: 19, message: expect.stringContaining('not valid UTF-8') }),
    ]);
  });

  it('refuses symbolic links in content/ with their path, never following a loop or leaving content/', async () => {
    fixture = writeFixture(contentTree());
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    try {
      writeFileSync(join(outside, 'secret.mdx'), page(DE, 'Geheim.'));
      mkdirSync(join(fixture.root, 'content/de/guides'));
      symlinkSync('..', join(fixture.root, 'content/de/guides/loop'));
      symlinkSync(outside, join(fixture.root, 'content/de/outside'));
      symlinkSync(join(outside, 'secret.mdx'), join(fixture.root, 'content/de/secret.mdx'));
      const result = await guardContent(fixture.root);
      expect(result.problems.map((p) => [p.rule, p.file])).toEqual([
        ['symlink', 'content/de/guides/loop'],
        ['symlink', 'content/de/outside'],
        ['symlink', 'content/de/secret.mdx'],
      ]);
      expect(result.problems[0]!.message).toBe('content/de/guides/loop is a symbolic link (to ..); content/ is read without following links, so it is left out.');
      // The two real pages, no phantom copies through the loop, nothing from outside.
      expect(result.pages).toBe(2);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
