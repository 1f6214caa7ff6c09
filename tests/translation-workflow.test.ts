/**
 * The translator workflow on a real build of a copy of the project: a locale
 * added with `i18n:add` builds green; a page still in English is served as a
 * fallback everywhere (notice, lang, noindex, search, sitemap, hreflang); an
 * English edit marks the changed section on the German page and in the
 * dashboard; the review view lines the German guide up with the English one
 * block for block (checked in Chromium too) and marks the changed blocks.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../scripts/lib/staticServer.ts';
import { readPage } from './helpers/html.ts';
import { axeViolations, Tabs } from './helpers/tabs.ts';
import { runInProcess } from './helpers/inProcess.ts';
import { astroBuild, copyProject, type ProjectCopy, type RunResult } from './helpers/project.ts';
import { BUILD_LIMIT_MS } from './helpers/work.ts';

const GUIDE = 'lead-management/enable-lead-sharing';
let project: ProjectCopy;
let dist: string;
let checks: { i18n: RunResult; links: RunResult };

beforeAll(async () => {
  project = copyProject();
  const at = (file: string) => join(project.dir, file);
  // The commands as a translator runs them, in this worker (tests/helpers/inProcess.ts).
  const command = (script: string, ...args: string[]) => runInProcess(project.dir, script, args);
  // A new locale in one command.
  const added = await command('scripts/i18n-add.ts', 'fr');
  if (added.code !== 0) throw new Error(added.output);
  // A "French" guide whose text is still English, reworded (the seed's nl-NL case): not a translation.
  const english = readFileSync(at(`content/en/${GUIDE}.mdx`), 'utf8');
  mkdirSync(at('content/fr/lead-management'), { recursive: true });
  writeFileSync(
    at(`content/fr/${GUIDE}.mdx`),
    english
      .replace('This guide explains', 'The guide below explains')
      .replace('Have a follow-up process in place', 'Put a follow-up process in place'),
  );
  // i18n:stamp refuses it (the page is still in English); --force records it anyway, as a careless workflow would.
  const refused = await command('scripts/i18n-stamp.ts', `content/fr/${GUIDE}.mdx`);
  if (refused.code !== 1 || !refused.stderr.includes('still in the source language')) throw new Error(refused.output);
  const stampFr = await command('scripts/i18n-stamp.ts', '--force', `content/fr/${GUIDE}.mdx`);
  if (stampFr.code !== 0) throw new Error(stampFr.output);
  // The German guide records its source sections; then English changes one section.
  const stamped = await command('scripts/i18n-stamp.ts', `content/de/${GUIDE}.mdx`);
  if (stamped.code !== 0) throw new Error(stamped.output);
  // One section of the German home page was machine-translated and nobody has reviewed it yet.
  const machine = await command('scripts/i18n-stamp.ts', '--machine-section', 'storefronts', 'content/de/index.mdx');
  if (machine.code !== 0) throw new Error(machine.output);
  writeFileSync(
    at(`content/en/${GUIDE}.mdx`),
    english.replace(
      'Have a follow-up process in place before the first lead arrives.',
      'Have a follow-up process in place, and an owner for it, before the first lead arrives.',
    ),
  );
  const build = astroBuild(project.dir);
  if (build.code !== 0) throw new Error(build.output);
  dist = at('dist');
  checks = { i18n: await command('scripts/check-i18n.ts', '--no-cache'), links: await command('scripts/check-links.ts') };
  // A build and seven commands, each a fraction of a build.
}, 2 * BUILD_LIMIT_MS);
afterAll(() => project?.remove());

describe('a locale added with one command', () => {
  it('builds green: the translation check and the link check pass', () => {
    expect(checks.i18n.code, checks.i18n.output).toBe(0);
    expect(checks.links.code, checks.links.output).toBe(0);
    expect(checks.i18n.stdout).toContain('fr (partial)');
  });

  it('serves every page, the French home page as a fallback; its notice, not translated yet, names the languages in its own (English) words', () => {
    const home = readPage(dist, 'fr/index.html');
    expect(home.attr('html', 'lang')).toBe('fr');
    expect(home.attr('main', 'lang')).toBe('en');
    expect(home.text('aside.notice-fallback')).toContain(
      'This page is not translated into French yet, so you are reading the English original.',
    );
  });
});

describe('a page still in the source language', () => {
  it('is a fallback for readers: notice, English content lang, noindex, searchable labelled with its language', () => {
    const page = readPage(dist, `fr/${GUIDE}/index.html`);
    expect(page.attr('main', 'lang')).toBe('en');
    expect(page.attr('meta[name="robots"]', 'content')).toContain('noindex');
    // A French reader's search finds the page the French site shows; its result says it is in English.
    expect(page.attr('main', 'dataPagefindMeta')).toBe('title[data-search-title]');
    expect(page.attr('main', 'dataSearchTitle')).toMatch(/ \(anglais\)$/);
    expect(page.one('aside.notice-fallback')).toBeDefined();
  });

  it('is left out of the sitemap and of hreflang alternates', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toContain(`/fr/${GUIDE}/`);
    const english = readPage(dist, `en/${GUIDE}/index.html`);
    expect(english.all('link[rel="alternate"]').map((link) => link.properties.hrefLang)).not.toContain('fr');
  });

  it('counts as untranslated in the dashboard', () => {
    const dashboard = readPage(dist, 'translations/locales/fr/index.html');
    expect(dashboard.attr(`tr[data-locale="fr"][data-slug="${GUIDE}"]`, 'dataState')).toBe('untranslated');
    expect(dashboard.attr('tr[data-locale="fr"][data-slug=""]', 'dataState')).toBe('missing');
  });
});

describe('an English edit after the German translation', () => {
  it('marks the changed section on the German page, with a localized marker linking to the original section', () => {
    const page = readPage(dist, `de/${GUIDE}/index.html`);
    expect(page.text('aside.notice-outdated .notice-sections')).toContain('Jeden Lead nachverfolgen');
    const marker = page.one('h2#follow-up + .section-markers a.section-changed');
    expect(marker).toBeDefined();
    expect(page.attr('h2#follow-up + .section-markers a.section-changed', 'href')).toBe(`/en/${GUIDE}/#follow-up`);
    expect(page.text('h2#follow-up + .section-markers a.section-changed')).toBe('Im Original auf Englisch geändert');
    expect(page.all('a.section-changed')).toHaveLength(1);
  });

  it('shows in the dashboard as outdated, naming the section and the kind of change', () => {
    const dashboard = readPage(dist, 'translations/locales/de/index.html');
    const row = `tr[data-locale="de"][data-slug="${GUIDE}"]`;
    expect(dashboard.attr(row, 'dataState')).toBe('outdated');
    expect(dashboard.text(`${row} .changes`)).toBe('#follow-up (text)');
    expect(dashboard.one(`${row} a[href="/translations/de/${GUIDE}/"]`)).toBeDefined();
    expect(dashboard.one(`${row} a[href="/de/${GUIDE}/"]`)).toBeDefined();
    expect(readPage(dist, 'translations/locales/nl/index.html').text(`tr[data-locale="nl"][data-slug="${GUIDE}"] .state-machine`)).toBe(
      'machine, not reviewed',
    );
    // The overview links each locale's list.
    expect(readPage(dist, 'translations/index.html').one('.translations-summary a[href="/translations/locales/de/"]')).toBeDefined();
  });

  it("the review view lines up every block and marks the changed section's blocks", () => {
    const review = readPage(dist, `translations/de/${GUIDE}/index.html`);
    const rows = review.all('tr.review-row');
    expect(rows.length).toBeGreaterThan(15);
    // Every block has its counterpart: no mismatch anywhere.
    expect(rows.filter((row) => String(row.properties.dataFindings ?? '').includes('mismatch'))).toEqual([]);
    const changed = rows
      .filter((row) => String(row.properties.dataFindings ?? '').includes('changed'))
      .map((row) => row.properties.dataSection);
    expect(new Set(changed)).toEqual(new Set(['follow-up']));
  });
});

describe('a machine-translated section in a human translation', () => {
  it('is marked for readers at its heading and listed in a notice, in their language', () => {
    const page = readPage(dist, 'de/index.html');
    expect(page.text('h2#storefronts + .section-markers a.section-machine')).toBe('Maschinell übersetzt, nicht geprüft');
    expect(page.attr('h2#storefronts + .section-markers a.section-machine', 'href')).toBe('/en/#storefronts');
    expect(page.text('aside.notice-machine-sections')).toContain('Diese Abschnitte wurden maschinell übersetzt');
    expect(page.one('aside.notice-machine')).toBeUndefined();
  });

  it('shows in the dashboard', () => {
    expect(readPage(dist, 'translations/locales/de/index.html').text('tr[data-locale="de"][data-slug=""] .state-machine')).toBe(
      'machine-translated sections, not reviewed: #storefronts',
    );
  });
});

describe("the dashboard stays out of readers' way", () => {
  it('is noindex, not in the sitemap and not in search', () => {
    for (const path of ['translations/index.html', 'translations/locales/de/index.html', `translations/de/${GUIDE}/index.html`]) {
      const page = readPage(dist, path);
      expect(page.attr('meta[name="robots"]', 'content')).toContain('noindex');
      expect(page.one('[data-pagefind-body]')).toBeUndefined();
    }
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).not.toContain('/translations/');
  });
});

describe('the review view in Chromium', () => {
  let browser: Browser;
  /** The axe tests only look, so they share one tab per look (tests/helpers/tabs.ts). */
  let tabs: Tabs;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(dist);
    browser = await launchChromium();
    tabs = new Tabs(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the German guide beside the English one, block for block, with the changed block marked', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/translations/de/${GUIDE}/`);
    const rows = await page.locator('tr.review-row').evaluateAll((elements) =>
      elements.map((row) => ({
        source: row.querySelector('.review-source pre')?.textContent ?? '',
        translation: row.querySelector('.review-translation pre')?.textContent ?? '',
        findings: row.querySelector('.review-findings')?.textContent ?? '',
        sameRow: (() => {
          const a = row.querySelector('.review-source')!.getBoundingClientRect();
          const b = row.querySelector('.review-translation')!.getBoundingClientRect();
          return Math.abs(a.top - b.top) < 1 && a.right <= b.left;
        })(),
      })),
    );
    // Side by side: each source block sits level with its translation, to its left.
    expect(rows.every((row) => row.sameRow)).toBe(true);
    const heading = rows.find((row) => row.source.startsWith('## Follow up on every lead'));
    expect(heading?.translation).toBe('## Jeden Lead nachverfolgen {/* #follow-up */}');
    expect(heading?.findings).toContain('This section changed in the source since the translation (text)');
    const edited = rows.find((row) => row.source.includes('and an owner for it'));
    expect(edited?.translation).toContain('Richten Sie einen Prozess für die Nachverfolgung ein');
    expect(edited?.findings).toContain('Changed since translation');
    // Blocks of unchanged sections carry no findings.
    expect(rows.find((row) => row.source.startsWith('## Who you reach'))?.findings).toBe('');
    await page.close();
  });

  it('marks each option of the root language chooser with its own language, and a hint still in English as English', async () => {
    // Without JavaScript: a visitor from outside would be sent on to their browser's language.
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/`);
    const options = await page.locator('.chooser-list a').evaluateAll((links) =>
      links.map((link) => ({
        href: link.getAttribute('href'),
        name: link.querySelector('.chooser-name')!.closest('[lang]')!.getAttribute('lang'),
        hint: [...link.querySelectorAll('.chooser-hint > span')].map(
          (part) => `${part.closest('[lang]')!.getAttribute('lang')}: ${part.textContent}`,
        ),
      })),
    );
    expect(options).toContainEqual({ href: '/de/', name: 'de', hint: ['de: Sprache wählen', 'de: Leitfäden für Marketplace-Herausgeber'] });
    expect(options).toContainEqual({ href: '/en/', name: 'en', hint: ['en: Choose your language', 'en: Marketplace Publisher Guides'] });
    // French was added a minute ago: its ui.json is still the English copy, so its hint is English, and says so.
    expect(options).toContainEqual({ href: '/fr/', name: 'fr', hint: ['en: Choose your language', 'en: Marketplace Publisher Guides'] });
    await page.close();
  });

  /** The accessible names of every node of a role, from Chromium's accessibility tree (what a screen reader gets). */
  async function accessibleNames(page: Page, role: string): Promise<string[]> {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
    };
    await cdp.detach();
    return nodes.filter((node) => !node.ignored && node.role?.value === role).map((node) => node.name?.value ?? '');
  }

  it("keeps headings headings for screen readers: a marker is not part of the heading's name, the copy-link says what it does", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/de/${GUIDE}/`);
    const headings = await accessibleNames(page, 'heading');
    expect(headings).toContain('Jeden Lead nachverfolgen');
    expect(headings.filter((name) => /Original|Maschinell/.test(name))).toEqual([]);
    const links = await accessibleNames(page, 'link');
    expect(links).toContain('Link kopieren: Jeden Lead nachverfolgen');
    expect(links).toContain('Im Original auf Englisch geändert');
    // Every copy-link is named for what it does, never as a bare repeat of its heading.
    expect(links.filter((name) => name.startsWith('Link kopieren: '))).toHaveLength(await page.locator('a.heading-anchor').count());
    // A machine-translated section's marker likewise stays out of its heading.
    await page.goto(`${server.url}/de/`);
    expect((await accessibleNames(page, 'heading')).filter((name) => /Maschinell/.test(name))).toEqual([]);
    await expect(page.locator('h2#storefronts + .section-markers a.section-machine').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("fits the dashboard on a phone: totals and pages without sideways scrolling, no header cut mid-word, the site's header and menu on it and on the review view", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    // The overview (totals) and a locale's list of pages.
    const tables: { caption: string | undefined; right: number; scrolls: boolean }[] = [];
    const brokenWords: string[] = [];
    for (const path of ['/translations/', '/translations/locales/de/', '/translations/locales/nl/']) {
      await page.goto(`${server.url}${path}`);
      tables.push(
        ...(await page.locator('main table').evaluateAll((elements) =>
          elements.map((table) => {
            const box = (table.closest('.table-scroll') ?? table).getBoundingClientRect();
            return {
              caption: table.querySelector('caption, th')?.textContent?.trim(),
              right: Math.max(box.right, table.getBoundingClientRect().right),
              scrolls:
                table.scrollWidth > table.clientWidth ||
                (table.closest('.table-scroll')?.scrollWidth ?? 0) > (table.closest('.table-scroll')?.clientWidth ?? 0),
            };
          }),
        )),
      );
      // A word broken over two lines has two boxes (a compound may break at its hyphen).
      brokenWords.push(
        ...(await page.locator('main th').evaluateAll((cells) =>
          cells.flatMap((cell) => {
            const broken: string[] = [];
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.parentElement?.closest('code')) continue;
              for (const match of (node.textContent ?? '').matchAll(/[^\s-]+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) broken.push(match[0]);
              }
            }
            return broken;
          }),
        )),
      );
    }
    expect(tables.length).toBeGreaterThan(2);
    for (const table of tables) {
      expect(table.right, table.caption).toBeLessThanOrEqual(360);
      expect(table.scrolls, table.caption).toBe(false);
    }
    expect(brokenWords).toEqual([]);
    for (const path of ['/translations/', '/translations/locales/de/', `/translations/de/${GUIDE}/`]) {
      await page.goto(`${server.url}${path}`);
      await expect(page.getByRole('button', { name: 'Search' }).isVisible(), path).resolves.toBe(true);
      await page.locator('.menu-button').click();
      await expect(page.getByRole('navigation', { name: 'Guides' }).getByRole('link').first().isVisible(), path).resolves.toBe(true);
      await expect(page.locator('.language-menu summary').isVisible(), path).resolves.toBe(true);
    }
    await page.close();
  });

  // One test per page and scheme: each has the same small amount of work, so its time limit holds as pages are added.
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of ['/translations/', '/translations/locales/de/', `/translations/de/${GUIDE}/`, `/de/${GUIDE}/`, '/de/']) {
      it(`has no serious axe violations on ${path} (${colorScheme}, 360 px); the dashboard pages never scroll sideways`, async () => {
        const { page } = await tabs.visit(`${server.url}${path}`, { width: 360, height: 800, scheme: colorScheme });
        expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
        // The review view's side-by-side table scrolls inside its own box; the page itself never scrolls sideways.
        if (path.startsWith('/translations/'))
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
            path,
          ).toBeLessThanOrEqual(0);
      });
    }
  }
});
