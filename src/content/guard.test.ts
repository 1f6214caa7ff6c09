import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentTree, page, writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import { ROOT } from '../../tests/helpers/project.ts';
import { guardContent } from './guard.ts';

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
      'content/de/index.mdx': page({ title: 'Start', description: 'Die Startseite der Testwebsite.', order: 0 }, 'import Chart from "../../src/components/Chart.astro";\n\n## Anfang {/* #start */}\n\nexport const x = 1;\n\n<StorefrontTable table="audience" />'),
    });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/de/index.mdx', line: 7, column: 1, rule: 'mdx-import', message: 'Pages do not import anything: `import Chart from "../../src/components/Chart.astro";`.', hint: expect.stringMatching(/^Remove the line\. <StorefrontTable>, .*<Callout>.* are available in every page without an import/) }),
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
