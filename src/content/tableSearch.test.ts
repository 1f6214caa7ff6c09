import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../tests/helpers/project.ts';
import { EN_DE_NL as registry } from '../../tests/helpers/fixture.ts';
import { toPageFile, type PageFile } from '../model/pageFile.ts';
import { buildSite, loadSite } from '../model/site.ts';
import { parseMdx } from './mdx.ts';
import { buildOutline } from './outline.ts';
import { searchesTableOn } from './tableSearch.ts';
import { loadTables, tableIds, tableView } from './tables.ts';
import { sourceHash } from './sourceHash.ts';


const page = (title: string, body: string, extra = '') => `---\ntitle: ${title}\norder: 1\n${extra}---\n\n${body}\n`;
const en = {
  'index.mdx': page('Home', 'Welcome.\n\n<DataTable table="destinations" />'),
  'destinations.mdx': page('Destinations', 'All of them.\n\n<DataTable table="destinations" />'),
  'connect.mdx': page('Connect', 'Pick one.\n\n<DataTable table="destinations" />'),
};
const translated = (path: keyof typeof en, title: string, text: string) =>
  page(title, `${text}\n\n<DataTable table="destinations" />`, `translation:\n  source: ${sourceHash(en[path])}\n  method: human\n`);

function siteOf(files: Record<string, Record<string, string>>) {
  const map = new Map<string, PageFile[]>();
  for (const [locale, pages] of Object.entries(files)) map.set(locale, Object.entries(pages).map(([path, text]) => toPageFile(locale, path, text)));
  return buildSite(registry, map);
}

describe('searchesTableOn', () => {
  // German has every page; Dutch has the connect page only, so its destinations page is an English fallback.
  const site = siteOf({
    en,
    de: {
      'index.mdx': translated('index.mdx', 'Start', 'Willkommen bei den Leitfäden für Herausgeber, die ihre Angebote verbinden.'),
      'destinations.mdx': translated('destinations.mdx', 'Ziele', 'Hier finden Sie jedes Ziel, das Ihre Leads empfangen kann.'),
      'connect.mdx': translated('connect.mdx', 'Verbinden', 'Wählen Sie das System, in dem Ihr Vertriebsteam bereits arbeitet.'),
    },
    nl: { 'connect.mdx': translated('connect.mdx', 'Verbinden', 'Kies het systeem waarin uw verkoopteam al werkt en verbind het met uw aanbieding.') },
  });
  const table = { id: 'destinations', home: 'destinations' };
  const on = (locale: string, slug: string) => searchesTableOn(table, site.page(locale, slug)!, site);

  it('searches a table everywhere when it names no home', () => {
    expect(searchesTableOn({ id: 'destinations', home: undefined }, site.page('en', 'connect')!, site)).toBe(true);
  });

  it('searches it on its home only, in each locale whose pages show it in one language', () => {
    expect(site.pagesOf('de').map((page) => page.contentLocale)).toEqual(['de', 'de', 'de']);
    expect(['en', 'de'].map((locale) => [on(locale, 'destinations'), on(locale, 'connect'), on(locale, '')])).toEqual([
      [true, false, false],
      [true, false, false],
    ]);
  });

  it('keeps searching a translated table whose home is a fallback in the source language, so its words stay findable', () => {
    expect(site.page('nl', 'destinations')!.isFallback).toBe(true);
    expect(on('nl', 'connect')).toBe(true);
    expect(on('nl', 'destinations')).toBe(true);
    // The Dutch home page is an English fallback, as the Dutch overview is: the same English words.
    expect(on('nl', '')).toBe(false);
  });

  it('searches a table everywhere when its home is no page (renamed, or a site without it)', () => {
    expect(searchesTableOn({ id: 'destinations', home: 'lead-management/nowhere' }, site.page('en', 'connect')!, site)).toBe(true);
  });
});

describe('the tables of content/tables.json', () => {
  it("name a home that places the table, so its words are found somewhere", () => {
    const data = loadTables(ROOT);
    const site = loadSite(ROOT);
    const homes = tableIds(data)
      .map((id) => tableView(data, id)!)
      .filter((view) => view.home !== undefined);
    expect(homes.map((view) => view.id).sort()).toEqual(['audience', 'destinations']);
    for (const view of homes) {
      const home = site.page(site.registry.source.code, view.home!);
      expect(home, view.id).toBeDefined();
      const parsed = parseMdx(home!.file, readFileSync(join(ROOT, home!.file), 'utf8'));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const placed = buildOutline(parsed.doc.tree).components.filter((component) => /^(Storefront|Data)Table$/.test(component.name));
      expect(placed.map((component) => component.props['table']), `${view.id} on ${home!.file}`).toContain(view.id);
    }
  });
});
