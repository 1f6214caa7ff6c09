/**
 * The real site: one `astro build` of the real content, then assertions on the
 * HTML a reader gets.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage, textOf } from './helpers/html.ts';
import { ROOT } from './helpers/project.ts';
import { sharedBuild } from './helpers/sharedBuild.ts';
import { REAL_SITE } from './helpers/sites.ts';
import { APP_ID } from '../scripts/liveFindings/protocol.ts';

let dist: string;
// The real site, built once per run for every file that reads it (tests/helpers/sites.ts).
beforeAll(() => {
  dist = sharedBuild(REAL_SITE).dist;
});

const GUIDE = 'lead-management/enable-lead-sharing/index.html';

describe('the built site', () => {
  it('writes every page of both locales and the language chooser', () => {
    for (const path of ['index.html', 'en/index.html', 'de/index.html', `en/${GUIDE}`, `de/${GUIDE}`]) {
      expect(existsSync(join(dist, path)), path).toBe(true);
    }
  });

  it('carries nothing of the dev toolbar findings app (npm run dev only)', () => {
    const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter(
      (entry) => entry.isFile() && /\.(html|js|css|json|xml)$/.test(entry.name),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const entry of files) {
      const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const trace of [APP_ID, 'liveFindings', 'astro-dev-toolbar', '__open-in-editor'])
        expect(text.includes(trace), `${trace} in ${entry.name}`).toBe(false);
    }
  });

  it('sets <html lang dir> per locale', () => {
    expect(readPage(dist, `en/${GUIDE}`).attr('html', 'lang')).toBe('en');
    expect(readPage(dist, `de/${GUIDE}`).attr('html', 'lang')).toBe('de');
    expect(readPage(dist, `de/${GUIDE}`).attr('html', 'dir')).toBe('ltr');
  });

  it.each([
    ['en', ['Storefront', 'Audience'], 'Business customers'],
    ['de', ['Storefront', 'Zielgruppe'], 'Geschäftskunden'],
  ])('renders the four tables in the %s guide with translated labels and untranslated brands', (locale, audienceHeaders, firstAudience) => {
    const page = readPage(dist, `${locale}/${GUIDE}`);
    const tables = page.all('main table');
    expect(tables).toHaveLength(4);
    for (const table of tables) {
      expect(page.all(`table[data-table="${table.properties.dataTable}"] tbody tr`)).toHaveLength(2);
      expect(page.all(`table[data-table="${table.properties.dataTable}"] thead th[scope="col"]`)).toHaveLength(2);
      expect(textOf(page.one(`table[data-table="${table.properties.dataTable}"] caption`))).not.toBe('');
      expect(page.all(`table[data-table="${table.properties.dataTable}"] tbody th[scope="row"]`).map(textOf)).toEqual([
        'AppSource',
        'Azure Marketplace',
      ]);
    }
    expect(page.all('table[data-table="audience"] thead th').map(textOf)).toEqual(audienceHeaders);
    expect(textOf(page.one('table[data-table="audience"] tbody td'))).toBe(firstAudience);
    // Cells with several items are lists.
    expect(page.all('table[data-table="listings"] tbody tr:first-child li')).toHaveLength(2);
    // The region around each table is named, so it is focusable and announced.
    expect(page.all('main [role="region"][aria-label][tabindex="0"] > table')).toHaveLength(4);
  });

  it('renders data tables from the shared data: translated labels, untranslated brands, codes as code', () => {
    const destinations = (locale: string) => readPage(dist, `${locale}/lead-management/connect-a-lead-destination/index.html`);
    const brands = ['Dynamics 365 Customer Engagement', 'Salesforce', 'Marketo', 'Azure Table storage'];
    for (const locale of ['en', 'de']) {
      const rows = destinations(locale).all('table[data-table="destinations"] tbody th[scope="row"]');
      expect(rows.map(textOf).filter((text) => brands.includes(text))).toEqual(brands);
      expect(rows.filter((row) => row.properties.translate === 'no').map(textOf)).toEqual(brands);
    }
    expect(destinations('en').all('table[data-table="destinations"] thead th').map(textOf)).toEqual([
      'Destination',
      'What you enter in Partner Center',
    ]);
    expect(destinations('de').all('table[data-table="destinations"] thead th').map(textOf)).toEqual([
      'Lead-Ziel',
      'Ihre Angaben in Partner Center',
    ]);
    expect(destinations('de').all('table[data-table="destinations"] tbody th').map(textOf)).toContain('HTTPS-Endpunkt');
    // Marketo needs three IDs: one list item each.
    expect(destinations('en').all('table[data-table="destinations"] tbody tr:nth-child(3) li')).toHaveLength(3);
    const fields = readPage(dist, 'de/lead-management/lead-data/index.html');
    expect(fields.all('table[data-table="lead-fields"] tbody th code').map(textOf).slice(0, 3)).toEqual(['FirstName', 'LastName', 'Email']);
    expect(textOf(fields.one('table[data-table="lead-fields"] tbody td'))).toBe('Vorname des Kunden');
    expect(fields.all('table[data-table="action-codes"] tbody th code').map(textOf)).toEqual([
      'INS',
      'PLT',
      'DNC',
      'Create',
      'StartTestDrive',
    ]);
    // The AppSource lead source is the value Microsoft's FAQ gives, as code.
    expect(fields.all('table[data-table="lead-sources"] tbody th code').map(textOf)).toEqual([
      'AzureMarketplace',
      'AzurePortal',
      'SPZA',
      'TestDrive',
    ]);
    // Which offers need a lead destination: one row per offer type, in both locales, labels translated.
    for (const locale of ['en', 'de']) {
      const required = destinations(locale).all('table[data-table="lead-destination-required"] tbody tr');
      expect(required).toHaveLength(6);
    }
    expect(destinations('en').all('table[data-table="lead-destination-required"] tbody th').map(textOf).at(-1)).toBe(
      'Every other offer type',
    );
    expect(destinations('de').all('table[data-table="lead-destination-required"] tbody td').map(textOf).at(-1)).toMatch(/^Freiwillig/);
  });

  it('gives headings the same ids in every locale', () => {
    const ids = (locale: string, path: string) =>
      readPage(dist, `${locale}/${path}`)
        .all('main :is(h2, h3)')
        .map((h) => h.properties.id);
    for (const path of [GUIDE, 'index.html']) {
      const english = ids('en', path);
      expect(english.length).toBeGreaterThan(2);
      expect(english.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
      expect(ids('de', path)).toEqual(english);
    }
    expect(ids('de', GUIDE)).toContain('next-steps');
  });

  it('links each page to its translations with hreflang and a canonical URL', () => {
    const page = readPage(dist, `de/${GUIDE}`);
    const alternates = page.all('link[rel="alternate"][hreflang]').map((link) => [link.properties.hrefLang, link.properties.href]);
    expect(alternates).toEqual([
      ['en', 'https://publishers.example.com/en/lead-management/enable-lead-sharing/'],
      ['de', 'https://publishers.example.com/de/lead-management/enable-lead-sharing/'],
      ['nl', 'https://publishers.example.com/nl/lead-management/enable-lead-sharing/'],
      ['ar', 'https://publishers.example.com/ar/lead-management/enable-lead-sharing/'],
      ['x-default', 'https://publishers.example.com/en/lead-management/enable-lead-sharing/'],
    ]);
    expect(page.attr('link[rel="canonical"]', 'href')).toBe('https://publishers.example.com/de/lead-management/enable-lead-sharing/');
  });

  it('has a language picker that links to the same page in the other locale', () => {
    const page = readPage(dist, `en/${GUIDE}`);
    const links = page.all('.language-picker a').map((a) => [textOf(a), a.properties.href, a.properties.ariaCurrent ?? null]);
    expect(links).toEqual([
      ['English', '/en/lead-management/enable-lead-sharing/', 'page'],
      ['Deutsch', '/de/lead-management/enable-lead-sharing/', null],
      ['Nederlands', '/nl/lead-management/enable-lead-sharing/', null],
      ['العربية', '/ar/lead-management/enable-lead-sharing/', null],
    ]);
  });

  it('builds sectioned navigation in order, with localized titles: the top level, the current section open, its sub-sections closed', () => {
    expect(readPage(dist, `de/${GUIDE}`).all('nav.site-nav a').map(textOf)).toEqual([
      'Übersicht',
      'Lead-Verwaltung',
      'Lead-Sharing aktivieren',
      'Wie Leads entstehen',
      'Lead-Ziel verbinden',
      'Lead-Ziele',
      'Lead-Daten und Test',
      'Leads bearbeiten',
    ]);
    const nav = readPage(dist, `en/${GUIDE}`).all('nav.site-nav a');
    expect(nav.map(textOf)).toEqual([
      'Overview',
      'Lead management',
      'Enable lead sharing',
      'How leads arise',
      'Connect a destination',
      'Lead destinations',
      'Lead data and testing',
      'Work your leads',
    ]);
    expect(nav.filter((a) => a.properties.ariaCurrent === 'page').map((a) => a.properties.href)).toEqual([
      '/en/lead-management/enable-lead-sharing/',
    ]);
    // Inside a sub-section, its pages open too.
    expect(readPage(dist, 'en/lead-management/destinations/salesforce/index.html').all('nav.site-nav a').map(textOf)).toEqual([
      'Overview',
      'Lead management',
      'Enable lead sharing',
      'How leads arise',
      'Connect a destination',
      'Lead destinations',
      'Dynamics 365',
      'Salesforce',
      'Marketo',
      'HTTPS endpoint',
      'Azure Table',
      'Lead data and testing',
      'Work your leads',
    ]);
  });

  it('lists what a section holds on its index page', () => {
    expect(
      readPage(dist, 'en/lead-management/destinations/index.html')
        .all('.section-contents li > a')
        .map((a) => a.properties.href),
    ).toEqual([
      '/en/lead-management/destinations/dynamics-365/',
      '/en/lead-management/destinations/salesforce/',
      '/en/lead-management/destinations/marketo/',
      '/en/lead-management/destinations/https-endpoint/',
      '/en/lead-management/destinations/azure-table/',
    ]);
  });

  it('gives breadcrumbs with BreadcrumbList structured data', () => {
    const page = readPage(dist, `de/${GUIDE}`);
    const data = JSON.parse(page.text('nav.breadcrumbs script[type="application/ld+json"]')) as {
      '@type': string;
      itemListElement: { position: number; name: string; item?: string }[];
    };
    expect(data['@type']).toBe('BreadcrumbList');
    expect(data.itemListElement.map((item) => item.name)).toEqual(['Übersicht', 'Lead-Verwaltung', 'Lead-Sharing aktivieren']);
    expect(data.itemListElement.at(0)).toEqual({
      '@type': 'ListItem',
      position: 1,
      name: 'Übersicht',
      item: 'https://publishers.example.com/de/',
    });
    // The last crumb is the page itself: Google does not ask for its URL.
    expect(data.itemListElement.at(-1)).toEqual({ '@type': 'ListItem', position: 3, name: 'Lead-Sharing aktivieren' });
  });

  it('has landmarks and a skip link in the page language', () => {
    const page = readPage(dist, `de/${GUIDE}`);
    expect(page.one('header')).toBeDefined();
    expect(page.one('main#content')).toBeDefined();
    expect(page.one('footer')).toBeDefined();
    expect(page.text('a.skip-link')).toBe('Zum Inhalt springen');
    expect(page.all('main h1')).toHaveLength(1);
  });

  it("links pages of the site within the reader's locale", () => {
    const hrefs = readPage(dist, 'de/index.html')
      .all('main a')
      .map((a) => String(a.properties.href))
      .filter((href) => href.startsWith('/'));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => href.startsWith('/de/'))).toBe(true);
  });

  it('indexes main content per language for search, not fallbacks or navigation', () => {
    expect(existsSync(join(dist, 'pagefind/pagefind-component-ui.js'))).toBe(true);
    const indexes = readdirSync(join(dist, 'pagefind'))
      .filter((file) => file.endsWith('.pf_meta'))
      .map((file) => file.split('_')[0]);
    expect(indexes.sort()).toEqual(['pagefind.ar', 'pagefind.de', 'pagefind.en', 'pagefind.nl']);
    expect(readPage(dist, `de/${GUIDE}`).attr('main', 'dataPagefindBody')).toBe('');
    expect(readPage(dist, `de/${GUIDE}`).one('nav [data-pagefind-body]')).toBeUndefined();
  });

  it('adds a link beside each section heading, named "copy link to" and the heading', () => {
    const page = readPage(dist, `de/${GUIDE}`);
    const anchor = page.one('.heading-wrapper:has(#follow-up) a.heading-anchor');
    expect(anchor?.properties.href).toBe('#follow-up');
    expect(anchor?.properties.ariaLabelledBy).toEqual(['copyLinkLabel', 'follow-up']);
    expect(page.text('#copyLinkLabel')).toBe('Link kopieren:');
    expect(page.text('#follow-up')).toBe('Jeden Lead nachverfolgen');
  });

  it('links to the previous and next page and says when the page was last updated', () => {
    const page = readPage(dist, `de/${GUIDE}`);
    expect(page.attr('nav.prev-next a[rel="prev"]', 'href')).toBe('/de/lead-management/');
    expect(page.attr('nav.prev-next a[rel="next"]', 'href')).toBe('/de/lead-management/how-leads-are-generated/');
    expect(readPage(dist, 'de/index.html').one('nav.prev-next a[rel="prev"]')).toBeUndefined();
    expect(page.text('.last-updated')).toMatch(/^Zuletzt aktualisiert: \d{1,2}\. \p{L}+ \d{4}$/u);
    expect(page.attr('.last-updated time', 'dateTime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('describes each page for search engines and link previews in its language', () => {
    const page = readPage(dist, `de/${GUIDE}`);
    expect(page.attr('meta[name="description"]', 'content')).toMatch(/^Was Ihnen Lead-Sharing in AppSource/);
    expect(page.attr('meta[property="og:locale"]', 'content')).toBe('de_DE');
    // Translations have URLs of their own, named by hreflang; og:locale:alternate would claim this URL serves them.
    expect(page.all('meta[property="og:locale:alternate"]')).toEqual([]);
    expect(page.attr('meta[property="og:type"]', 'content')).toBe('article');
    expect(readPage(dist, 'de/index.html').attr('meta[property="og:type"]', 'content')).toBe('website');
    expect(page.attr('meta[property="og:image"]', 'content')).toBe('https://publishers.example.com/social.png');
    expect(existsSync(join(dist, 'social.png'))).toBe(true);
    expect(page.attr('meta[property="og:url"]', 'content')).toBe('https://publishers.example.com/de/lead-management/enable-lead-sharing/');
  });

  it('writes robots.txt and a sitemap whose pages name their translations', () => {
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain('Sitemap: https://publishers.example.com/sitemap-index.xml');
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://publishers.example.com/de/lead-management/enable-lead-sharing/</loc>');
    expect(sitemap).toContain('hreflang="en" href="https://publishers.example.com/en/lead-management/enable-lead-sharing/"');
    expect(sitemap).not.toContain('<loc>https://publishers.example.com/</loc>');
    expect(sitemap).not.toContain('404');
  });

  it('has a "page not found" page per locale and a multilingual one at the root', () => {
    expect(readPage(dist, 'de/404.html').text('h1')).toBe('Seite nicht gefunden');
    expect(readPage(dist, 'en/404.html').text('h1')).toBe('Page not found');
    expect(
      readPage(dist, '404.html')
        .all('main section[lang]')
        .map((section) => section.properties.lang),
    ).toEqual(['en', 'de', 'nl', 'ar']);
  });

  it('offers every language on the root chooser without JavaScript', () => {
    const page = readPage(dist, 'index.html');
    expect(page.all('main a').map((a) => a.properties.href)).toEqual(['/en/', '/de/', '/nl/', '/ar/']);
  });
});

describe('the content', () => {
  it('has no Markdown pipe tables: tables come from shared data', () => {
    const files = readdirSync(join(ROOT, 'content'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const tree = mdxToMdast(readFileSync(join(ROOT, 'content', file), 'utf8')) as Root;
      let tables = 0;
      const walk = (node: Nodes): void => {
        if (node.type === 'table') tables++;
        if ('children' in node) node.children.forEach(walk);
      };
      walk(tree);
      expect(tables, file).toBe(0);
    }
  });
});
