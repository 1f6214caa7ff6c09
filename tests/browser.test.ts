/**
 * What a reader does, in Chromium, on the real built site: switch language at
 * a deep anchor, search in their language (also on a fallback page), read on
 * a phone (title first, menu and "On this page" behind disclosures), find
 * their way in nested sections, choose a theme that stays, copy a section's
 * link, follow the table of contents, all under the pages' Content-Security-Policy; with axe finding no serious
 * accessibility problems on any kind of page, light or dark, phone or desktop.
 * `npm run screenshots` photographs every page for people to look at (one page here).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../scripts/lib/browser.ts';
import { ROOT, run } from './helpers/project.ts';
import { sharedBuild } from './helpers/sharedBuild.ts';
import { EDIT_BASE_URL as EDIT, FALLBACK_SITE, REAL_SITE } from './helpers/sites.ts';
import { BUILD_LIMIT_MS } from './helpers/work.ts';
import { serveStatic, type StaticServer } from '../scripts/lib/staticServer.ts';
import { axeViolations, Tabs, unexpectedErrors } from './helpers/tabs.ts';

const GUIDE = 'lead-management/enable-lead-sharing/';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

let browser: Browser;
/** One shared tab per look for the tests that only read and click (`look`, tests/helpers/tabs.ts). */
let tabs: Tabs;
let site: StaticServer;
let nested: StaticServer;
let dist: string;

const NESTED = 'partner-tools/destinations/salesforce/';

beforeAll(
  async () => {
    // The real site, and a build whose German guide is missing (a fallback), with nested English-only
    // sections and a repository to edit pages in: both shared with other test files (tests/helpers/sites.ts).
    dist = sharedBuild(REAL_SITE).dist;
    const fallback = sharedBuild(FALLBACK_SITE);
    site = await serveStatic(dist);
    nested = await serveStatic(fallback.dist);
    browser = await launchChromium();
    tabs = new Tabs(browser);
  },
  // Two builds of the site, one after the other (or waiting for another file's).
  2 * BUILD_LIMIT_MS + 60_000,
);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await nested?.close();
});

interface OpenOptions {
  viewport?: { width: number; height: number };
  scheme?: 'light' | 'dark';
  javaScript?: boolean;
  base?: string;
  clipboard?: boolean;
}

/** A page in a context of its own, for a test that changes storage or permissions, or looks at what loads first. */
async function open(path: string, options: OpenOptions = {}): Promise<{ page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    colorScheme: options.scheme ?? 'light',
    javaScriptEnabled: options.javaScript ?? true,
  });
  const base = options.base ?? site.url;
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  return { page };
}

/**
 * The page in the shared tab of its look (tests/helpers/tabs.ts), for a test that only reads and clicks:
 * a new context costs more than most of these tests. Never closed here; `open` gives a context of its own.
 */
function look(path: string, options: Omit<OpenOptions, 'clipboard'> = {}): Promise<{ page: Page; errors: string[] }> {
  return tabs.visit(`${options.base ?? site.url}${path}`, {
    ...(options.viewport ?? DESKTOP),
    scheme: options.scheme ?? 'light',
    javaScript: options.javaScript ?? true,
  });
}

async function openSearch(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Search|Suchen/ }).click();
  await page.locator('pagefind-modal input').waitFor({ state: 'visible', timeout: 30_000 });
}

/**
 * Types a query and waits for results. Pagefind's input ignores what is typed
 * before its search instance is attached (a race that shows on a loaded
 * machine), so the query is typed again, as a reader would, until results come.
 */
async function typeQuery(page: Page, term: string, timeout = 30_000): Promise<void> {
  const input = page.locator('pagefind-modal input');
  const first = page.locator('pagefind-modal a[href]').first();
  const deadline = Date.now() + timeout;
  for (;;) {
    await input.fill('');
    await input.fill(term);
    try {
      return await first.waitFor({ timeout: Math.min(5_000, Math.max(1, deadline - Date.now())) });
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
  }
}

async function search(page: Page, term: string): Promise<{ href: string; title: string }[]> {
  await openSearch(page);
  await typeQuery(page, term);
  const results = page.locator('pagefind-modal a[href]');
  return results.evaluateAll((links) =>
    links.map((link) => ({ href: link.getAttribute('href') ?? '', title: link.textContent?.trim() ?? '' })),
  );
}

interface ShownResult {
  /** The result's page, without a section. */
  href: string;
  /** The excerpt's text as shown. */
  text: string;
  /** The excerpt's marked words, each with whether it stands as a whole word (nothing of a word just outside the mark). */
  marks: { text: string; whole: boolean }[];
  /** Words shown around the marked ones. */
  context: number;
  /** Every marked word lies inside the excerpt's visible box, which shows all its text. */
  shown: boolean;
}

/** Searches and reads each result as the reader sees it: its page, and its excerpt with the marked hits. */
async function shownResults(page: Page, term: string): Promise<ShownResult[]> {
  await openSearch(page);
  await typeQuery(page, term);
  // Pagefind fills in a result when it scrolls into view: bring each placeholder there until none is left.
  const placeholders = page.locator('pagefind-modal .pf-result[aria-hidden="true"]');
  while ((await placeholders.count()) > 0) {
    const placeholder = await placeholders.first().elementHandle();
    if (!placeholder) continue;
    await placeholder.scrollIntoViewIfNeeded().catch(() => undefined);
    await placeholder.waitForElementState('hidden');
  }
  return page.locator('pagefind-modal pagefind-results').evaluate((list) =>
    [...list.querySelectorAll('.pf-result')].map((result) => {
      const excerpt = result.querySelector('.pf-result-excerpt');
      const box = excerpt?.getBoundingClientRect();
      const marks = [...(excerpt?.querySelectorAll('mark') ?? [])];
      const letterAt = (text: string | null | undefined, at: 'start' | 'end') =>
        /[\p{L}\p{N}]/u.test((at === 'start' ? text?.at(0) : text?.at(-1)) ?? ' ');
      const words = (excerpt?.textContent ?? '').split(/\s+/).filter(Boolean).length;
      const markedWords = marks.reduce((sum, mark) => sum + (mark.textContent ?? '').split(/\s+/).filter(Boolean).length, 0);
      return {
        href: result.querySelector('a[href]')?.getAttribute('href')?.split('#')[0] ?? '',
        text: excerpt?.textContent ?? '',
        marks: marks.map((mark) => ({
          text: mark.textContent ?? '',
          whole: !letterAt(mark.previousSibling?.textContent, 'end') && !letterAt(mark.nextSibling?.textContent, 'start'),
        })),
        context: words - markedWords,
        shown:
          !!excerpt &&
          !!box &&
          excerpt.scrollWidth <= excerpt.clientWidth &&
          marks.every((mark) => {
            const place = mark.getBoundingClientRect();
            return place.width > 0 && place.left >= box.left - 1 && place.right <= box.right + 1 && place.bottom <= box.bottom + 1;
          }),
      };
    }),
  );
}

/**
 * What issue 18 asks of search results: each page once, each with an excerpt that holds the hit
 * as a whole word (the term, give or take punctuation around it) with words around it, shown
 * whole, and no two results with the same excerpt.
 */
function expectEachPageOnceWithItsOwnExcerpt(results: ShownResult[], term: string): void {
  const report = JSON.stringify(results, null, 1);
  expect(results.length, report).toBeGreaterThan(0);
  expect(new Set(results.map((result) => result.href)).size, report).toBe(results.length);
  expect(new Set(results.map((result) => result.text)).size, report).toBe(results.length);
  for (const result of results) {
    expect(result.marks.length, report).toBeGreaterThan(0);
    for (const mark of result.marks) {
      expect(mark.whole, `${mark.text} in ${result.text}`).toBe(true);
      expect(mark.text.replace(/^[\p{P}]+|[\p{P}]+$/gu, '').toLowerCase(), result.text).toBe(term.toLowerCase());
    }
    expect(result.context, result.text).toBeGreaterThanOrEqual(8);
    expect(result.shown, result.text).toBe(true);
  }
}

/** The `lang` an element is in: its own or its nearest ancestor's. */
const langOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => element.closest('[lang]')?.getAttribute('lang'));

describe('a reader in Chromium', () => {
  it('switches from the English guide at a deep anchor to the German guide at the same anchor, through the language menu', async () => {
    const { page } = await look(`/en/${GUIDE}#follow-up`);
    await page.locator('.language-menu summary').click();
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Deutsch' }).click();
    await page.waitForURL(`**/de/${GUIDE}#follow-up`);
    const heading = page.locator('#follow-up');
    await expect(heading.textContent()).resolves.toBe('Jeden Lead nachverfolgen');
    const top = await heading.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(300);
  });

  it('searches in German and gets only German results; in English likewise; excerpts are clean', async () => {
    // Searches share a tab per look: Pagefind's start in a fresh context (its WebAssembly, its index) costs three times a search.
    const german = await look(`/de/${GUIDE}`);
    const germanResults = await search(german.page, 'Kampagne');
    expect(germanResults.length).toBeGreaterThan(0);
    expect(germanResults.every((result) => result.href.startsWith('/de/'))).toBe(true);
    await expect(german.page.locator('pagefind-modal input').getAttribute('placeholder')).resolves.toBe('Leitfäden durchsuchen');
    expect(german.errors).toEqual([]);

    const english = await look(`/en/${GUIDE}`);
    const englishResults = await search(english.page, 'storefront');
    expect(englishResults.length).toBeGreaterThan(0);
    expect(englishResults.every((result) => result.href.startsWith('/en/'))).toBe(true);
    const excerpts = await english.page.locator('pagefind-modal').evaluate((modal) => modal.textContent ?? '');
    // Table cells stay separate words; the heading links' "#" stays out.
    expect(excerpts).not.toMatch(/[a-z]Storefront[A-Z]|StorefrontLeads|StorefrontAudience/);
    expect(excerpts).not.toMatch(/ # /);
  });

  it('shows each found page once, with the sentence around the hit: "Organisations-ID" whole inside the excerpt, not cut off', async () => {
    const { page } = await look(`/de/${GUIDE}`, { viewport: PHONE });
    const results = await shownResults(page, 'Organisations-ID');
    expect(
      results.every((result) => result.href.startsWith('/de/')),
      JSON.stringify(results),
    ).toBe(true);
    expectEachPageOnceWithItsOwnExcerpt(results, 'Organisations-ID');
    // The Salesforce guide explains it; the destinations table names it on its home page, not again on the connect page.
    expect(results.map((result) => result.href)).toEqual(
      expect.arrayContaining(['/de/lead-management/destinations/salesforce/', '/de/lead-management/destinations/']),
    );
    expect(results.map((result) => result.href)).not.toContain('/de/lead-management/connect-a-lead-destination/');
  });

  it("finds a shared table's words on the table's home page only, beside the prose that uses them, each excerpt once", async () => {
    // Munchkin: the destinations table (on its home and the connect page) and the Marketo guide's prose.
    // Business: the audience table (on its home and the overview) and the overview's prose.
    for (const [term, home, alsoShowing] of [
      ['Munchkin', '/en/lead-management/destinations/', '/en/lead-management/connect-a-lead-destination/'],
      ['business', `/en/${GUIDE}`, '/en/'],
    ] as const) {
      const { page } = await look(`/en/${GUIDE}`, { viewport: PHONE });
      const results = await shownResults(page, term);
      expectEachPageOnceWithItsOwnExcerpt(results, term);
      const hrefs = results.map((result) => result.href);
      expect(hrefs, term).toContain(home);
      expect(results.length, `${term}: the table and prose elsewhere`).toBeGreaterThan(1);
      // A page that also shows the table is found for its own words only, never with the table's.
      const other = results.find((result) => result.href === alsoShowing);
      const tableExcerpt = results.find((result) => result.href === home)!.text;
      if (other) expect(other.text, term).not.toBe(tableExcerpt);
    }
  });

  it('opens search with the keyboard shortcut, labelled for the language, and loads nothing of Pagefind before', async () => {
    const { page } = await open(`/de/${GUIDE}`);
    await expect(page.locator('.search-shortcut').textContent()).resolves.toBe('Strg K');
    const before = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\/pagefind\/|\/search\/|search-theme/.test(name)),
    );
    expect(before).toEqual([]);
    await page.keyboard.press('Control+k');
    await page.locator('pagefind-modal input').waitFor({ state: 'visible', timeout: 30_000 });
    await page.context().close();
    const english = await open(`/en/${GUIDE}`);
    await expect(english.page.locator('.search-shortcut').textContent()).resolves.toBe('Ctrl K');
    await english.page.context().close();
  });

  it('shows a fallback page with the English content marked lang="en" and everything the site says in German', async () => {
    const { page, errors } = await look(`/de/${GUIDE}`, { base: nested.url });
    const notice = page.getByRole('note', { name: 'Zu dieser Übersetzung' });
    await expect(notice.textContent()).resolves.toContain('Deutsch');
    await expect(notice.getByRole('link').getAttribute('href')).resolves.toBe(`/en/${GUIDE}`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    await expect(page.locator('main').getAttribute('lang')).resolves.toBe('en');
    await expect(langOf(page, 'main h1')).resolves.toBe('en');
    await expect(langOf(page, 'main .heading-wrapper h2')).resolves.toBe('en');
    for (const selector of [
      'main .notice',
      'main .last-updated',
      'main .prev-next .prev-next-hint',
      'main .toc > summary',
      'main #toc-label',
    ]) {
      await expect(langOf(page, selector), selector).resolves.toBe('de');
    }
    expect(errors).toEqual([]);
  });

  it('keeps the language of fallback titles in the navigation of a German page', async () => {
    const { page } = await look(`/de/${NESTED}`, { base: nested.url });
    await expect(langOf(page, 'main .prev-next .prev-next-hint')).resolves.toBe('de');
    // The previous page is a fallback too: its title is English, inside German navigation.
    await expect(langOf(page, 'main .prev-next a[rel="prev"] span:last-child')).resolves.toBe('en');
    await expect(langOf(page, 'nav.site-nav a[aria-current="page"]')).resolves.toBe('en');
    await expect(langOf(page, 'nav.breadcrumbs li:first-child a')).resolves.toBe('de');
  });

  it('finds a fallback page when searching in German, labelled with its language', async () => {
    const { page } = await look(`/de/${GUIDE}`, { base: nested.url });
    const results = await search(page, 'storefront');
    const fallback = results.find((result) => result.href.startsWith(`/de/${GUIDE}`));
    expect(fallback, JSON.stringify(results)).toBeDefined();
    expect(fallback!.title).toContain('(Englisch)');
  });

  it('puts the title and the start of the text in the first screen of a phone; tab order: skip link, menu, search', async () => {
    for (const locale of ['en', 'de']) {
      const { page } = await look(`/${locale}/${GUIDE}`, { viewport: PHONE });
      const h1 = await page.locator('main h1').boundingBox();
      expect(h1!.y + h1!.height, locale).toBeLessThanOrEqual(PHONE.height);
      const firstParagraph = await page.locator('main article > p').first().boundingBox();
      expect(firstParagraph!.y, locale).toBeLessThan(PHONE.height - 40);
      // Navigation and the table of contents wait behind their buttons.
      await expect(page.locator('nav.site-nav').isVisible()).resolves.toBe(false);
      await expect(page.locator('.toc nav').isVisible()).resolves.toBe(false);
      const stops: string[] = [];
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab');
        stops.push(
          await page.evaluate(() => {
            const element = document.activeElement!;
            return element.classList.contains('skip-link')
              ? 'skip'
              : element.classList.contains('menu-button')
                ? 'menu'
                : element.hasAttribute('data-search-open')
                  ? 'search'
                  : element.outerHTML.slice(0, 60);
          }),
        );
      }
      expect(stops, locale).toEqual(['skip', 'menu', 'search']);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, locale).toBeLessThanOrEqual(0);
    }
  });

  it('fits the header in 320 px: the search button is its icon there, still named for screen readers', async () => {
    const { page } = await look(`/de/${GUIDE}`, { viewport: { width: 320, height: 640 } });
    const button = page.getByRole('button', { name: 'Suchen' });
    await expect(button.isVisible()).resolves.toBe(true);
    const label = await page.locator('.search-button > span').boundingBox();
    expect(label!.width).toBeLessThanOrEqual(1);
    const tools = await page
      .locator('.site-header')
      .evaluate((header) =>
        [...header.querySelectorAll('summary, button:not([hidden]), .theme-switch')].map(
          (element) => element.getBoundingClientRect().right,
        ),
      );
    for (const right of tools) expect(right).toBeLessThanOrEqual(320);
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).resolves.toBeLessThanOrEqual(0);
  });

  it('opens the menu and "On this page" on a phone without JavaScript', async () => {
    const { page } = await look(`/de/${GUIDE}`, { viewport: PHONE, javaScript: false });
    await page.locator('.menu-button').click();
    await expect(
      page
        .getByRole('navigation', { name: 'Leitfäden' })
        .getByRole('link', { name: 'Lead-Sharing aktivieren' })
        .getAttribute('aria-current'),
    ).resolves.toBe('page');
    await page.locator('.menu-button').click();
    await page.locator('.toc > summary').click();
    await expect(page.locator('.toc nav').getByRole('link', { name: 'Jeden Lead nachverfolgen' }).isVisible()).resolves.toBe(true);
    // No JavaScript: no theme switch, no search button; the system's scheme applies.
    await expect(page.locator('.theme-switch').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Suchen' }).count()).resolves.toBe(0);
  });

  it('shows nested sections: the top level, the open path and the current page, on a desktop and behind the phone menu (a folder without index is labelled by its name)', async () => {
    const path = `/en/${NESTED}`;
    const desktop = await look(path, { base: nested.url });
    const nav = desktop.page.getByRole('navigation', { name: 'Guides' });
    await expect(nav.isVisible()).resolves.toBe(true);
    const links = await nav.locator('a').evaluateAll((anchors) =>
      anchors.map((a) => {
        let depth = 0;
        for (let list = a.closest('ul')!.parentElement!.closest('ul'); list; list = list.parentElement!.closest('ul')) depth++;
        return `${'  '.repeat(depth)}${a.textContent!.trim()}${a.getAttribute('aria-current') ? ' *' : ''}`;
      }),
    );
    expect(links[0]).toBe('Overview');
    const openSection = links.indexOf('Partner tools');
    expect(links.slice(openSection)).toEqual(['Partner tools', '  Destinations', '    Dynamics 365', '    Https', '    Salesforce *']);
    // Another top-level section stays closed: its pages are not listed.
    expect(links).toContain('Lead management');
    expect(links).not.toContain('  Enable lead sharing');
    await expect(desktop.page.getByRole('navigation', { name: 'Breadcrumbs' }).locator('li').allTextContents()).resolves.toEqual([
      'Overview',
      'Partner tools',
      'Destinations',
      'Salesforce',
    ]);

    const phone = await look(path, { base: nested.url, viewport: PHONE });
    await expect(phone.page.getByRole('navigation', { name: 'Guides' }).isVisible()).resolves.toBe(false);
    await phone.page.getByText('Menu').click();
    await expect(
      phone.page.getByRole('navigation', { name: 'Guides' }).getByRole('link', { name: 'Salesforce' }).isVisible(),
    ).resolves.toBe(true);
    await phone.page.keyboard.press('Escape');
    await expect(phone.page.getByRole('navigation', { name: 'Guides' }).isVisible()).resolves.toBe(false);
  });

  it('links "Edit this page" to the source file when the repository is configured, and not otherwise', async () => {
    const configured = await look(`/en/${NESTED}`, { base: nested.url });
    await expect(configured.page.getByRole('link', { name: 'Edit this page' }).getAttribute('href')).resolves.toBe(
      `${EDIT}content/en/${NESTED.replace(/\/$/, '.mdx')}`,
    );
    const unconfigured = await look(`/de/${GUIDE}`);
    await expect(unconfigured.page.locator('.edit-link').count()).resolves.toBe(0);
  });

  it('offers to translate a fallback page instead of editing the English file: where the translation is created, and the command that records it', async () => {
    const { page } = await look(`/de/${NESTED}`, { base: nested.url });
    const file = `content/de/${NESTED.replace(/\/$/, '.mdx')}`;
    await expect(page.getByRole('link', { name: 'Diese Seite bearbeiten' }).count()).resolves.toBe(0);
    const translate = page.getByRole('link', { name: 'Diese Seite übersetzen' });
    const href = new URL((await translate.getAttribute('href'))!);
    // GitHub's "new file" address: the folder in the path, the name as a parameter.
    expect(`${href.origin}${href.pathname}`).toBe(`${EDIT.replace('/edit/', '/new/')}${file.slice(0, file.lastIndexOf('/') + 1)}`);
    expect(href.searchParams.get('filename')).toBe('salesforce.mdx');
    const hint = page.locator('.translate-link');
    await expect(hint.textContent()).resolves.toContain(`Schreiben Sie die Übersetzung in ${file}`);
    await expect(hint.locator('code').textContent()).resolves.toBe(`npm run i18n:stamp -- ${file}`);
    await expect(langOf(page, '.translate-link p')).resolves.toBe('de');
  });

  it("lists what a section holds on its index page, in the reader's language around fallback titles", async () => {
    const { page } = await look('/de/partner-tools/destinations/', { base: nested.url });
    const contents = page.locator('.section-contents');
    await expect(contents.locator('h2').textContent()).resolves.toBe('In diesem Abschnitt');
    await expect(langOf(page, '.section-contents h2')).resolves.toBe('de');
    await expect(langOf(page, '.section-contents li a')).resolves.toBe('en');
    await expect(contents.locator('li > a').allTextContents()).resolves.toEqual([
      'Send leads to Dynamics 365',
      'Https',
      'Send leads to Salesforce',
    ]);
  });

  it('remembers the chosen theme across pages, and the search dialog follows it', async () => {
    const { page } = await open(`/en/${GUIDE}`, { scheme: 'light' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.locator('.theme-switch select').selectOption('dark');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.goto(`${site.url}/de/`);
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    await expect(background()).resolves.toBe(dark);
    await expect(page.locator('.theme-switch select').inputValue()).resolves.toBe('dark');
    await openSearch(page);
    const dialog = await page.locator('pagefind-modal dialog').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(dialog).toBe(dark);
    await page.keyboard.press('Escape');
    // Print is always light, whatever the theme.
    await page.emulateMedia({ media: 'print' });
    await expect(background()).resolves.toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ media: 'screen' });
    // Back to the system's scheme (light here).
    await page.locator('.theme-switch select').selectOption('system');
    await page.reload();
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBeNull();
    await expect(background()).resolves.toBe(light);
    await page.context().close();
  });

  it('gives the search dialog a dark background when the system is dark', async () => {
    const { page } = await open(`/de/${GUIDE}`, { scheme: 'dark' });
    await openSearch(page);
    const [dialog, body] = await Promise.all([
      page.locator('pagefind-modal dialog').evaluate((element) => getComputedStyle(element).backgroundColor),
      page.evaluate(() => getComputedStyle(document.body).backgroundColor),
    ]);
    expect(dialog).toBe(body);
    const [r, g, b] = dialog.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(150);
    // Results in the dark dialog stay readable.
    await typeQuery(page, 'Kampagne', 15_000);
    await expect(axeViolations(page, { include: 'pagefind-modal', rules: ['color-contrast'] })).resolves.toEqual([]);
    await page.context().close();
  });

  it('marks the section being read in the table of contents', async () => {
    const { page } = await look(`/en/${GUIDE}`);
    await page.locator('#follow-up').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await expect.poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href')).toBe('#follow-up');
    await page.locator('#who-you-reach').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await expect.poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href')).toBe('#who-you-reach');
    // At the very end, the last section is the one being read.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const last = await page.locator('.toc a').last().getAttribute('href');
    await expect.poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href')).toBe(last);
  });

  it("copies a section's link from the link beside its heading, and says so visibly and to screen readers", async () => {
    const { page } = await open(`/de/${GUIDE}`, { clipboard: true });
    const anchor = page.locator('.heading-wrapper:has(#follow-up) a.heading-anchor');
    await anchor.hover();
    await anchor.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}/de/${GUIDE}#follow-up`);
    await expect(page.locator('#announcer').textContent()).resolves.toBe('Link kopiert');
    await expect(page.locator('#announcer').getAttribute('role')).resolves.toBe('status');
    await expect(anchor.evaluate((element) => getComputedStyle(element, '::after').content)).resolves.toBe('"Link kopiert"');
    expect(new URL(page.url()).hash).toBe('#follow-up');
    await page.context().close();
  });

  it("keeps the theme switch, search, copy link, the language menu and the chooser working under the pages' Content-Security-Policy, which blocks an injected script", async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const violations: string[] = [];
    await context.exposeBinding('reportViolation', (_source, text: string) => violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}/de/${GUIDE}`);
    const policy = await page.locator('head > meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/^script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
    // Theme: the reader module switches it, the inline script (allowed by its hash) applies it on the next page.
    await page.locator('.theme-switch select').selectOption('dark');
    await page.reload();
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    // Copy a section's link.
    await page.locator('.heading-wrapper:has(#follow-up) a.heading-anchor').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}/de/${GUIDE}#follow-up`);
    // Search: Pagefind's module, its worker and its WebAssembly.
    await openSearch(page);
    await typeQuery(page, 'Kampagne');
    await page.keyboard.press('Escape');
    // The language menu keeps the section.
    await page.locator('.language-menu summary').click();
    await page.locator('.language-picker a[hreflang="en"]').click();
    await page.waitForURL(`**/en/${GUIDE}#follow-up`);
    // The chooser's inline script sends a visitor from outside to their language.
    await page.goto(`${site.url}/`);
    await page.waitForURL('**/en/');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    // The wall stands: a script injected into the page does not run, and the browser reports it.
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.injected = true' })),
    );
    await expect.poll(() => violations).toEqual(['script-src-elem inline']);
    await expect(page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).resolves.toBeUndefined();
    await context.close();
  });

  it('hyphenates German text in the language it is written in', async () => {
    const { page } = await look(`/de/${GUIDE}`, { viewport: PHONE });
    const paragraph = page.locator('main article > p').first();
    await expect(paragraph.evaluate((element) => getComputedStyle(element).hyphens)).resolves.toBe('auto');
    await expect(langOf(page, 'main article > p')).resolves.toBe('de');
    await expect(
      page
        .locator('main td')
        .first()
        .evaluate((element) => getComputedStyle(element).hyphens),
    ).resolves.toBe('auto');
  });

  const PAGE_TYPES: [string, string, string][] = [
    ['language chooser', '', '/'],
    ['home', '', '/de/'],
    ['guide', '', `/en/${GUIDE}`],
    ['section index', 'nested', '/en/partner-tools/'],
    ['section index of the guides', '', '/de/lead-management/'],
    ['nested page', 'nested', `/de/${NESTED}`],
    ['fallback', 'nested', `/de/${GUIDE}`],
    ['404', '', '/de/404.html'],
    ['root 404', '', '/404.html'],
  ];
  /** A real page with a code block (scrollable on a phone), found in the build rather than named. */
  const codePage = () => {
    const file = readdirSync(join(dist, 'de'), { recursive: true, encoding: 'utf8' }).find(
      (path) => path.endsWith('index.html') && readFileSync(join(dist, 'de', path), 'utf8').includes('<pre'),
    );
    return file ? `/de/${file.replace(/index\.html$/, '')}` : undefined;
  };
  // One test per page, scheme and size: each does the same small amount of work, so a time limit per test
  // holds however many kinds of page there are.
  for (const scheme of ['light', 'dark'] as const) {
    for (const [label, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      for (const [kind, which, fixedPath] of [...PAGE_TYPES, ['code', '', undefined] as [string, string, undefined]]) {
        it(`has no serious or critical axe violations and no console errors: ${kind} (${scheme}, ${label})`, async () => {
          const path = fixedPath ?? codePage();
          expect(path, `no built page of kind "${kind}"`).toBeDefined();
          const { page, errors } = await look(path!, { scheme, viewport, base: which === 'nested' ? nested.url : site.url });
          expect(await axeViolations(page), `${kind} ${path}`).toEqual([]);
          expect(unexpectedErrors(errors, path!), `${kind} ${path}`).toEqual([]);
        });
      }
    }
  }

  it('keeps every table inside a 360 px screen without cutting a cell', async () => {
    for (const locale of ['en', 'de']) {
      const { page } = await look(`/${locale}/${GUIDE}`, { viewport: PHONE });
      const tables = await page
        .locator('main .table-scroll')
        .evaluateAll((regions) =>
          regions.map((region) => ({ right: region.getBoundingClientRect().right, scrolls: region.scrollWidth > region.clientWidth })),
        );
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        expect(table.right).toBeLessThanOrEqual(360);
        expect(table.scrolls).toBe(false);
      }
    }
  });

  it('works without JavaScript: content, tables, language links', async () => {
    const { page } = await look(`/de/${GUIDE}#follow-up`, { javaScript: false });
    await expect(page.locator('main table').count()).resolves.toBeGreaterThan(0);
    await page.locator('.language-menu summary').click();
    await expect(page.getByRole('link', { name: 'English' }).getAttribute('href')).resolves.toBe(`/en/${GUIDE}`);
  });

  it('serves a localized 404 for a missing German page', async () => {
    const { page } = await look('/de/guides/gibt-es-nicht/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Seite nicht gefunden');
  });

  // The pictures for people (npm run screenshots) come from the same build: one page here, in both views.
  it('photographs a page on a desktop in light and on a phone in dark, whole, with npm run screenshots', () => {
    const out = mkdtempSync(join(tmpdir(), 'screenshots-'));
    try {
      const result = run(ROOT, process.execPath, [
        'scripts/screenshots.ts',
        '--dist',
        dist,
        '--out',
        out,
        '--locale',
        'de',
        '--page',
        'lead-management/',
      ]);
      expect(result.code, result.output).toBe(0);
      expect(result.stdout).toContain('2 screenshots of 1 pages');
      const size = (file: string) => {
        // A PNG's header holds its width and height (big-endian, bytes 16 to 23).
        const bytes = readFileSync(join(out, file));
        return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
      };
      expect(size('de-lead-management-light-1280.png').width).toBe(1280);
      expect(size('de-lead-management-dark-360.png').width).toBe(360);
      // Whole pages: taller than one screen.
      expect(size('de-lead-management-dark-360.png').height).toBeGreaterThan(PHONE.height);
      const unknown = run(ROOT, process.execPath, ['scripts/screenshots.ts', '--dist', dist, '--out', out, '--locale', 'xx']);
      expect(unknown.code, unknown.output).toBe(2);
      expect(unknown.stderr).toContain('No locale xx');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
