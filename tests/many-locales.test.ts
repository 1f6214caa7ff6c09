/**
 * A site with many locales, built for real from the bench's generated content
 * (scripts/bench/corpus.ts: the locales after German added as `npm run
 * i18n:add` adds them, most of their pages fallbacks):
 *
 * - a page's HTML grows by a bounded number of bytes per added locale (its
 *   hreflang alternates and language menu are per locale; nothing else is);
 * - the translation dashboard is an overview of totals plus each locale's
 *   pages a bounded number of rows at a time;
 * - the sidebar of a page among 90 sibling folders lists a bounded window;
 * - in Chromium on a 320 px phone, the language menu with 20 locales and the
 *   dashboard stay usable.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, type Corpus } from '../scripts/bench/corpus.ts';
import { launchChromium } from '../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../scripts/lib/staticServer.ts';
import { SIDEBAR_LEVEL_LIMIT } from '../src/navigation/tree.ts';
import { DASHBOARD_PAGE_SIZE } from '../src/translation/dashboard.ts';
import { page as mdx } from './helpers/fixture.ts';
import { readPage, textOf } from './helpers/html.ts';
import { ROOT } from './helpers/project.ts';

/** Source pages of each corpus: one full section of 20 and one more page. */
const PAGES = 21;
/** A page every locale has translated (the corpus's partial locales all translate page numbers ending in 0). */
const GUIDE = 'section-00/page-10';
/** English-only folders beside each other in the narrow site: more siblings than the sidebar lists, more rows than one dashboard page. */
const TOPICS = 90;
const PHONE = { width: 320, height: 568 };

let wide: Corpus;
let narrow: Corpus;

/** The work of a build: Astro's start plus each page it writes (generous; the machine may be shared). */
const buildLimit = (pages: number) => 60_000 + pages * 1_500;

function build(corpus: Corpus, pages: number): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: corpus.root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: buildLimit(pages),
  });
  if (result.status !== 0) throw new Error(`astro build in ${corpus.root} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
}

const builtPages = (locales: number, sources: number) => sources * locales * 2;

beforeAll(
  () => {
    wide = generateCorpus(ROOT, PAGES, 20, { buildable: true, partial: true });
    narrow = generateCorpus(ROOT, PAGES, 2, { buildable: true, partial: true });
    const topics: Record<string, string> = {
      'content/en/topics/index.mdx': mdx(
        { title: 'Topics', description: 'Every topic, each in a folder of its own.', order: 900 },
        'All topics.',
      ),
    };
    for (let topic = 0; topic < TOPICS; topic++)
      topics[`content/en/topics/topic-${String(topic).padStart(2, '0')}/index.mdx`] = mdx(
        { title: `Topic ${topic}`, description: `Topic number ${topic} of the generated site.`, order: topic },
        `Text of topic ${topic}.`,
      );
    for (const [file, text] of Object.entries(topics)) {
      mkdirSync(dirname(join(narrow.root, file)), { recursive: true });
      writeFileSync(join(narrow.root, file), text);
    }
    build(narrow, builtPages(2, PAGES + 3 + TOPICS));
    build(wide, builtPages(20, PAGES + 3));
  },
  buildLimit(builtPages(2, PAGES + 3 + TOPICS)) + buildLimit(builtPages(20, PAGES + 3)),
);

afterAll(() => {
  for (const corpus of [wide, narrow]) if (corpus) rmSync(corpus.root, { recursive: true, force: true });
});

const dist = (corpus: Corpus) => join(corpus.root, 'dist');

/** Bytes of a built page, and of its sidebar (the sidebar's bound is its own test). */
function weigh(corpus: Corpus, path: string): { page: number; sidebar: number } {
  const html = readFileSync(join(dist(corpus), path), 'utf8');
  const nav = readPage(dist(corpus), path).one('nav.site-nav');
  const start = nav?.position?.start.offset;
  const end = nav?.position?.end.offset;
  if (start === undefined || end === undefined) throw new Error(`${path} has no sidebar`);
  return { page: Buffer.byteLength(html), sidebar: Buffer.byteLength(html.slice(start, end)) };
}

describe('a page with 20 locales', () => {
  it('grows by at most 300 bytes of HTML per added locale', () => {
    for (const locale of ['en', 'de']) {
      const path = `${locale}/${GUIDE}/index.html`;
      const two = weigh(narrow, path);
      const twenty = weigh(wide, path);
      const perLocale = (twenty.page - twenty.sidebar - (two.page - two.sidebar)) / 18;
      console.log(
        `${path}: ${two.page - two.sidebar} B with 2 locales, ${twenty.page - twenty.sidebar} B with 20: ${perLocale.toFixed(0)} B a locale`,
      );
      expect(perLocale, path).toBeGreaterThan(0);
      expect(perLocale, path).toBeLessThanOrEqual(300);
    }
    // Every locale is offered, each in its own language, and every translation is an alternate.
    const page = readPage(dist(wide), `fr/${GUIDE}/index.html`);
    expect(page.all('.language-picker a')).toHaveLength(20);
    expect(page.all('link[rel="alternate"][hreflang]').length).toBe(21);
  });
});

describe('the translation dashboard with 20 locales', () => {
  it('is an overview of totals, one row a locale, each linking to its list of pages', () => {
    const overview = readPage(dist(wide), 'translations/index.html');
    const rows = overview.all('.translations-summary tbody tr');
    expect(rows).toHaveLength(19);
    expect(overview.all('tr[data-slug]')).toEqual([]);
    expect(overview.attr('.translations-summary a[href="/translations/locales/pt-br/"]', 'href')).toBeDefined();
    expect(readFileSync(join(dist(wide), 'translations/index.html')).length).toBeLessThan(40_000);
    const french = readPage(dist(wide), 'translations/locales/fr/index.html');
    expect(french.all('tr[data-slug]')).toHaveLength(PAGES + 3);
    expect(french.all('tr[data-state="missing"]').length).toBeGreaterThan(french.all('tr[data-state="translated"]').length);
  });

  it(`lists a locale's pages ${DASHBOARD_PAGE_SIZE} at a time, every page of the list bounded`, () => {
    const rows = PAGES + 3 + TOPICS + 1;
    const first = readPage(dist(narrow), 'translations/locales/de/index.html');
    const second = readPage(dist(narrow), 'translations/locales/de/2/index.html');
    expect(first.all('tr[data-slug]')).toHaveLength(DASHBOARD_PAGE_SIZE);
    expect(second.all('tr[data-slug]')).toHaveLength(rows - DASHBOARD_PAGE_SIZE);
    expect(first.attr('.dashboard-pager a[rel="next"]', 'href')).toBe('/translations/locales/de/2/');
    expect(second.attr('.dashboard-pager a[rel="prev"]', 'href')).toBe('/translations/locales/de/');
    expect(second.attr('.dashboard-pager a[aria-current="page"]', 'href')).toBe('/translations/locales/de/2/');
    // No row twice, none left out.
    const slugs = [...first.all('tr[data-slug]'), ...second.all('tr[data-slug]')].map((row) => row.properties.dataSlug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toContain('topics/topic-89');
    // About a kilobyte a row at most, plus the frame: the same bound at any size of site.
    const lists: [Corpus, string][] = [
      [narrow, 'de/'],
      [narrow, 'de/2/'],
      [wide, 'de/'],
      [wide, 'ja/'],
    ];
    for (const [corpus, list] of lists)
      expect(readFileSync(join(dist(corpus), `translations/locales/${list}index.html`)).length, list).toBeLessThan(
        30_000 + DASHBOARD_PAGE_SIZE * 1_000,
      );
  });
});

describe('the sidebar of a page among 90 sibling folders', () => {
  it(`lists ${SIDEBAR_LEVEL_LIMIT} of them around the page and counts the rest, linked to the folder's index page`, () => {
    const page = readPage(dist(narrow), 'en/topics/topic-45/index.html');
    const topics = page.all('nav.site-nav a').filter((link) => String(link.properties.href).startsWith('/en/topics/topic-'));
    expect(topics).toHaveLength(SIDEBAR_LEVEL_LIMIT);
    expect(topics.map((link) => link.properties.href)).toContain('/en/topics/topic-45/');
    const more = page.all('nav.site-nav .nav-more a');
    expect(more.map((link) => [link.properties.href, textOf(link)])).toEqual([
      ['/en/topics/', '35 more'],
      ['/en/topics/', '35 more'],
    ]);
    // The folder's index page lists every topic.
    expect(readPage(dist(narrow), 'en/topics/index.html').all('.section-contents li')).toHaveLength(TOPICS);
    // German readers get the count in German.
    expect(readPage(dist(narrow), 'de/topics/topic-45/index.html').text('nav.site-nav .nav-more a')).toBe('35 weitere');
    // The sidebar weighs the same on every topic page, first, middle or last.
    const sizes = ['00', '45', '89'].map((topic) => weigh(narrow, `en/topics/topic-${topic}/index.html`).sidebar);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(400);
  });
});

describe('20 locales on a 320 px phone, in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(dist(wide));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const locale of ['fr', 'ar']) {
    it(`opens the language menu on a ${locale} page inside the screen, every language reachable, and switches`, async () => {
      const context = await browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await page.goto(`${server.url}/${locale}/${GUIDE}/`);
      await page.locator('.language-menu summary').click();
      const panel = page.locator('.language-menu .disclosure-panel');
      await panel.waitFor({ state: 'visible' });
      const box = (await panel.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      const links = panel.getByRole('link');
      await expect(links.count()).resolves.toBe(20);
      // Two columns: twenty names in at most ten rows.
      const rows = new Set(
        await links.evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().top))),
      );
      expect(rows.size).toBeLessThanOrEqual(10);
      // The page never scrolls sideways, and each name is whole on the screen once scrolled to.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      for (let index = 0; index < 20; index++) {
        const link = links.nth(index);
        await link.scrollIntoViewIfNeeded();
        const linkBox = (await link.boundingBox())!;
        const name = (await link.textContent()) ?? '';
        expect(linkBox.x, name).toBeGreaterThanOrEqual(0);
        expect(linkBox.x + linkBox.width, name).toBeLessThanOrEqual(PHONE.width);
        expect(linkBox.height).toBeGreaterThanOrEqual(24);
      }
      await links.last().click();
      await page.waitForURL(`**/ru/${GUIDE}/`);
      await context.close();
    });
  }

  it('shows the dashboard overview and a locale’s list without sideways scrolling, and moves between them', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}/translations/`);
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await sideways()).toBeLessThanOrEqual(0);
    const table = (await page.locator('.translations-summary').boundingBox())!;
    expect(table.x + table.width).toBeLessThanOrEqual(PHONE.width);
    await page.locator('.translations-summary a[href="/translations/locales/ja/"]').click();
    await page.waitForURL('**/translations/locales/ja/');
    expect(await sideways()).toBeLessThanOrEqual(0);
    await expect(page.locator('tr[data-slug]').count()).resolves.toBe(PAGES + 3);
    const region = (await page.locator('.table-scroll').boundingBox())!;
    expect(region.x + region.width).toBeLessThanOrEqual(PHONE.width);
    // The table fits its box: nothing hides behind a sideways scroll.
    expect(await page.locator('.table-scroll').evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Translation dashboard' }).click();
    await page.waitForURL('**/translations/');
    await context.close();
  });
});
