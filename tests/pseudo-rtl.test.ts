/**
 * Pseudo-localization and right to left, on a real build in Chromium. A copy
 * of the project gets the pseudo-locales (`npm run i18n:pseudo`, as a
 * developer makes them; they are not committed) and is built once; it also
 * holds the committed Arabic locale.
 *
 * - qps-ploc and qps-plocm: every page kind at 360 and 1280 px, and the search
 *   dialog, show no text without the pseudo-locale's marks (a string the site
 *   does not take from a locale file) and nothing wider than the screen;
 *   check:i18n accepts the generated pages; they are noindex and never in the
 *   sitemap or hreflang.
 * - ar: the guide mirrored (sidebar and "On this page" on the right and left,
 *   breadcrumbs and previous/next reversed), nothing overflowing, code and
 *   brand names left to right; screenshots go to test-results/screenshots/.
 *   Neither adds a script or stylesheet to a page; the guide, in English and in Arabic, stays under 30 KB before search.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fromXml } from 'xast-util-from-xml';
import type { Element as XmlElement, Root as XmlRoot } from 'xast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../scripts/lib/staticServer.ts';
import { PSEUDO_LOCALES } from '../src/i18n/pseudo.ts';
import { readPage } from './helpers/html.ts';
import { copyProject, ROOT, run, type ProjectCopy } from './helpers/project.ts';
import { horizontalOverflow, pseudoTextProblems } from './helpers/pseudoCheck.ts';
import { Tabs, unexpectedErrors } from './helpers/tabs.ts';

const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const GUIDE = 'lead-management/enable-lead-sharing/';
const WIDTHS = [360, 1280] as const;
/**
 * Text that is rightly not pseudo-localized besides brand names and glossary terms (read from content/):
 * Pagefind's "esc" key cap, a key's name as printed on keyboards.
 */
const ALSO_ALLOWED = ['esc'];
/** Search excerpts repeat page text (checked on the pages themselves), code included. */
const EXCERPTS = '.pf-result-excerpt, .pf-heading-excerpt';

let project: ProjectCopy;
let dist: string;
let site: StaticServer;
let browser: Browser;
/** The tests that read and click share one tab per width (tests/helpers/tabs.ts). */
let tabs: Tabs;
let allowed: string[];
let generated: ReturnType<typeof run>;

beforeAll(async () => {
  project = copyProject();
  generated = run(project.dir, process.execPath, ['scripts/i18n-pseudo.ts']);
  if (generated.code !== 0) throw new Error(generated.output);
  const build = run(project.dir, process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build']);
  if (build.code !== 0) throw new Error(build.output);
  dist = join(project.dir, 'dist');
  const glossary = JSON.parse(readFileSync(join(project.dir, 'content/glossary.json'), 'utf8')) as { terms: { term: string }[] };
  const tables = JSON.parse(readFileSync(join(project.dir, 'content/tables.json'), 'utf8')) as { brands: Record<string, string> };
  allowed = [...glossary.terms.map((term) => term.term), ...Object.values(tables.brands), ...ALSO_ALLOWED];
  site = await serveStatic(dist);
  browser = await launchChromium();
  tabs = new Tabs(browser);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  project?.remove();
});

/** The page in the shared tab of its width (tests/helpers/tabs.ts): these tests read and click, and a new context costs more. */
function look(path: string, width: number): ReturnType<Tabs['visit']> {
  return tabs.visit(`${site.url}${path}`, { width, height: 800 });
}

/** Opens search and types until results come (Pagefind ignores typing before its instance is attached). */
async function searchFor(page: Page, term: string): Promise<void> {
  await page.locator('[data-search-open]').click();
  const input = page.locator('pagefind-modal input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  for (let attempt = 0; ; attempt++) {
    await input.fill('');
    await input.fill(term);
    try {
      return await page.locator('pagefind-modal a[href]').first().waitFor({ timeout: 5_000 });
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

const locs = (xml: string): string[] => {
  const out: string[] = [];
  const walk = (node: XmlRoot | XmlElement) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.name === 'loc') out.push(child.children.map((text) => ('value' in text ? text.value : '')).join(''));
      if (child.name === 'xhtml:link' && typeof child.attributes.href === 'string') out.push(child.attributes.href);
      walk(child);
    }
  };
  walk(fromXml(xml));
  return out;
};

describe('pseudo-locales (npm run i18n:pseudo)', () => {
  it('are generated as pages check:i18n accepts: every page, every UI string, no finding', () => {
    expect(generated.stdout).toContain('qps-ploc');
    const check = run(project.dir, process.execPath, [
      'scripts/check-i18n.ts',
      '--locale',
      'qps-ploc',
      '--locale',
      'qps-plocm',
      '--format',
      'json',
      '--no-cache',
    ]);
    expect(check.code, check.output).toBe(0);
    const report = JSON.parse(check.stdout) as {
      findings: unknown[];
      summary: { locales: Record<string, { pages: { translated: number; source: number } }> };
    };
    expect(report.findings).toEqual([]);
    for (const locale of PSEUDO_LOCALES) {
      const pages = report.summary.locales[locale.code]!.pages;
      expect(pages.translated, locale.code).toBe(pages.source);
    }
  });

  it('are noindex, never in the sitemap, and never an hreflang alternate', () => {
    const sitemap = locs(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8'));
    expect(sitemap.some((url) => url.includes('/en/'))).toBe(true);
    expect(sitemap.filter((url) => url.includes('/qps-'))).toEqual([]);
    const guide = readPage(dist, `qps-ploc/${GUIDE}index.html`);
    expect(guide.attr('meta[name="robots"]', 'content')).toContain('noindex');
    expect(guide.all('link[rel="alternate"][hreflang]').map((link) => link.properties.hrefLang)).toEqual(['x-default']);
    expect(guide.attr('html', 'dir')).toBe('ltr');
    expect(readPage(dist, `qps-plocm/${GUIDE}index.html`).attr('html', 'dir')).toBe('rtl');
    const english = readPage(dist, `en/${GUIDE}index.html`);
    expect(english.attr('meta[name="robots"]', 'content')).toBeUndefined();
    const hreflangs = (page: ReturnType<typeof readPage>) =>
      page.all('link[rel="alternate"][hreflang]').map((link) => String(link.properties.hrefLang));
    expect(hreflangs(english)).toContain('de');
    expect(hreflangs(english).filter((tag) => tag.startsWith('qps'))).toEqual([]);
    expect(hreflangs(readPage(dist, 'index.html')).filter((tag) => tag.startsWith('qps'))).toEqual([]);
  });

  it('finds hard-coded text: the English guide, checked as if it were pseudo-localized, fails', async () => {
    const { page } = await look(`/en/${GUIDE}`, 1280);
    const problems = await pseudoTextProblems(page, 'en', allowed);
    expect(problems.map((problem) => problem.text)).toContain('Skip to content');
    expect(problems.every((problem) => problem.kind === 'hard-coded')).toBe(true);
  });

  for (const locale of PSEUDO_LOCALES) {
    const kinds: [string, string][] = [
      ['language chooser', '/'],
      ['home', `/${locale.code}/`],
      ['section index', `/${locale.code}/lead-management/`],
      ['guide', `/${locale.code}/${GUIDE}`],
      ['destination page', `/${locale.code}/lead-management/destinations/salesforce/`],
      ['404', `/${locale.code}/404.html`],
    ];
    for (const width of WIDTHS) {
      it(`${locale.code} at ${width} px: every page kind shows only pseudo-localized text and nothing wider than the screen`, async () => {
        for (const [kind, path] of kinds) {
          const { page, errors } = await look(path, width);
          await expect(pseudoTextProblems(page, locale.code, allowed), `${kind} ${path}`).resolves.toEqual([]);
          await expect(horizontalOverflow(page), `${kind} ${path}`).resolves.toEqual([]);
          expect(unexpectedErrors(errors, path), `${kind} ${path}`).toEqual([]);
          // The menus a reader opens: the language menu, and on a phone the site menu and "On this page".
          await page.locator('.language-menu summary').click();
          await expect(pseudoTextProblems(page, locale.code, allowed), `${kind} ${path}, language menu`).resolves.toEqual([]);
          await expect(horizontalOverflow(page), `${kind} ${path}, language menu`).resolves.toEqual([]);
        }
      });

      it(`${locale.code} at ${width} px: the search dialog, with results, is pseudo-localized and fits`, async () => {
        const { page } = await look(`/${locale.code}/${GUIDE}`, width);
        await searchFor(page, 'ļéáð');
        const problems = await pseudoTextProblems(page, locale.code, allowed, EXCERPTS);
        expect(problems).toEqual([]);
        await expect(horizontalOverflow(page, EXCERPTS)).resolves.toEqual([]);
      });
    }
  }
});

describe('Arabic, right to left', () => {
  it('mirrors the guide on a desktop: sidebar right, "On this page" left, breadcrumbs and previous/next reversed', async () => {
    const { page, errors } = await look(`/ar/${GUIDE}`, 1280);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    const [nav, content, toc] = [await box('.site-menu'), await box('main article'), await box('.toc nav')];
    expect(nav.x).toBeGreaterThan(content.x + content.width - 1);
    expect(toc.x + toc.width).toBeLessThan(content.x + 1);
    const crumbs = await page.locator('.breadcrumbs li').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().left));
    expect(crumbs.length).toBeGreaterThan(1);
    expect(crumbs).toEqual([...crumbs].sort((a, b) => b - a));
    const [previous, next] = [await box('.prev-next [rel="prev"]'), await box('.prev-next [rel="next"]')];
    expect(previous.x).toBeGreaterThan(next.x);
    // The language menu opens under its button, inside the screen; its entries keep their own direction.
    await page.locator('.language-menu summary').click();
    const [summary, panel] = [await box('.language-menu summary'), await box('.language-menu .disclosure-panel')];
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(Math.abs(panel.x - summary.x)).toBeLessThan(2);
    await expect(page.locator('.language-picker a[lang="en"]').getAttribute('dir')).resolves.toBe('ltr');
    await expect(horizontalOverflow(page)).resolves.toEqual([]);
    // Brand names in tables and code stay left to right, isolated from the Arabic around them.
    await expect(
      page
        .locator('td [translate="no"], th[translate="no"]')
        .first()
        .evaluate((element) => getComputedStyle(element).unicodeBidi),
    ).resolves.toBe('isolate');
    await page.evaluate(() =>
      document.querySelector('main article p')!.insertAdjacentHTML('beforeend', ' <code id="probe">LeadSource</code>'),
    );
    await expect(
      page.locator('#probe').evaluate((element) => [getComputedStyle(element).direction, getComputedStyle(element).unicodeBidi].join()),
    ).resolves.toBe('ltr,isolate');
    await page.locator('.language-menu summary').click();
    await page.screenshot({ path: join(SCREENSHOTS, 'ar-lead-management-enable-lead-sharing-1280.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('mirrors the guide on a phone: menu button right, search beside it, nothing overflowing', async () => {
    const { page } = await look(`/ar/${GUIDE}`, 360);
    const [menu, search] = [(await page.locator('.menu-button').boundingBox())!, (await page.locator('.search-button').boundingBox())!];
    expect(menu.x).toBeGreaterThan(search.x);
    expect(menu.x + menu.width).toBeLessThanOrEqual(360);
    await expect(horizontalOverflow(page)).resolves.toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'ar-lead-management-enable-lead-sharing-360.png'), fullPage: true });
    await page.locator('.menu-button').click();
    const panel = (await page.locator('.site-menu-panel').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(360);
    await expect(horizontalOverflow(page)).resolves.toEqual([]);
  });

  it('opens the search dialog right to left, in Arabic, inside the screen', async () => {
    for (const width of WIDTHS) {
      const { page } = await look(`/ar/${GUIDE}`, width);
      await searchFor(page, 'العملاء');
      await expect(page.locator('pagefind-modal input').evaluate((element) => getComputedStyle(element).direction)).resolves.toBe('rtl');
      await expect(page.locator('pagefind-modal input').getAttribute('placeholder')).resolves.toBe('ابحث في الأدلة');
      await expect(horizontalOverflow(page, EXCERPTS)).resolves.toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `ar-search-${width}.png`) });
    }
  });

  it('adds no JavaScript or stylesheet to a page, and the guide, English and Arabic, stays under 30 KB of HTML, CSS and JavaScript before search', async () => {
    const weigh = async (path: string) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const loaded = new Set<string>();
      page.on('request', (request) => loaded.add(new URL(request.url()).pathname));
      await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
      const bytes = (test: (name: string) => boolean) =>
        [...loaded].filter(test).reduce((sum, name) => sum + (site.served.get(name) ?? 0), 0);
      const inline = await page.evaluate(() =>
        [...document.querySelectorAll('script:not([src])')]
          .filter((script) => !/json/.test(script.getAttribute('type') ?? ''))
          .map((script) => script.textContent ?? '')
          .join('\n'),
      );
      await context.close();
      return {
        files: [...loaded].filter((name) => /\.(css|m?js)$/.test(name)).sort(),
        inline,
        total: bytes((name) => name.endsWith('/') || /\.(html|css|m?js)$/.test(name)),
      };
    };
    const english = await weigh(`/en/${GUIDE}`);
    // The target is the bench's (scripts/bench/reader.ts): the guide, with Arabic and the pseudo-locales in the build
    // (whose language menu lists them too, so a page here is a little heavier than on the real site).
    expect(english.total).toBeLessThanOrEqual(30 * 1024);
    for (const path of [`/ar/${GUIDE}`, `/qps-ploc/${GUIDE}`, `/qps-plocm/${GUIDE}`]) {
      const figures = await weigh(path);
      // The same stylesheet and the same script as every other locale: right to left costs no file of its own.
      expect(figures.files, path).toEqual(english.files);
      expect(figures.inline, path).toBe(english.inline);
      console.log(`${path}: ${(figures.total / 1024).toFixed(1)} KB before search (English: ${(english.total / 1024).toFixed(1)} KB)`);
      // Arabic letters take two bytes in UTF-8, so the Arabic guide weighs more than the English one for the same
      // content, and is held to the same target. Pseudo-localized text is a third longer by design: printed for the
      // record, not a target.
      if (path.startsWith('/ar/')) expect(figures.total, path).toBeLessThanOrEqual(30 * 1024);
    }
  });
});
