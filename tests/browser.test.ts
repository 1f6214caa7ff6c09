/**
 * What a reader does, in Chromium, on the real built site: switch language at
 * a deep anchor, search in their language, meet a fallback page, use the site
 * at 360 px and in dark mode, with axe finding no serious accessibility
 * problems and no console errors. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../scripts/lib/browser.ts';
import { astroBuild, copyProject, ROOT, type ProjectCopy } from './helpers/project.ts';
import { serveStatic, type StaticServer } from '../scripts/lib/staticServer.ts';

const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['/', '/en/', '/de/', '/en/lead-management/enable-lead-sharing/', '/de/lead-management/enable-lead-sharing/', '/en/404.html', '/de/404.html', '/404.html'];
const GUIDE = 'lead-management/enable-lead-sharing/';

let browser: Browser;
let site: StaticServer;
let fallbackSite: StaticServer;
let fallbackProject: ProjectCopy;
let dist: string;

beforeAll(async () => {
  dist = join(ROOT, 'test-results/dist-browser');
  rmSync(dist, { recursive: true, force: true });
  const build = astroBuild(ROOT, dist);
  if (build.code !== 0) throw new Error(build.output);
  // A copy of the site whose German guide is missing, to meet the fallback page.
  fallbackProject = copyProject();
  rmSync(join(fallbackProject.dir, 'content/de/lead-management/enable-lead-sharing.mdx'));
  const fallbackBuild = astroBuild(fallbackProject.dir);
  if (fallbackBuild.code !== 0) throw new Error(fallbackBuild.output);
  site = await serveStatic(dist);
  fallbackSite = await serveStatic(join(fallbackProject.dir, 'dist'));
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await fallbackSite?.close();
  fallbackProject?.remove();
  rmSync(dist, { recursive: true, force: true });
});

async function open(path: string, options: { width?: number; scheme?: 'light' | 'dark'; javaScript?: boolean; base?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.scheme ?? 'light', javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    // A 404 page is expected to come with a 404 status; the browser logs that as a failed resource.
    if (message.type() === 'error' && !(path.includes('404') && message.text().includes('404'))) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${options.base ?? site.url}${path}`);
  return { page, errors };
}

async function search(page: Page, term: string): Promise<string[]> {
  await page.getByRole('button', { name: /Search|Suchen/ }).click();
  const input = page.locator('pagefind-modal input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(term);
  const results = page.locator('pagefind-modal a[href]');
  await results.first().waitFor({ timeout: 15_000 });
  return results.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

describe('a reader in Chromium', () => {
  it('switches from the English guide at a deep anchor to the German guide at the same anchor', async () => {
    const { page } = await open(`/en/${GUIDE}#follow-up`);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Deutsch' }).click();
    await page.waitForURL(`**/de/${GUIDE}#follow-up`);
    const heading = page.locator('#follow-up');
    await expect(heading.textContent()).resolves.toBe('Jeden Lead nachverfolgen');
    await expect(heading.isVisible()).resolves.toBe(true);
    const top = await heading.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(300);
    await page.context().close();
  });

  it('searches in German and gets only German results; in English likewise', async () => {
    const german = await open(`/de/${GUIDE}`);
    const germanResults = await search(german.page, 'Kampagne');
    expect(germanResults.length).toBeGreaterThan(0);
    expect(germanResults.every((href) => href.startsWith('/de/'))).toBe(true);
    await expect(german.page.locator('pagefind-modal input').getAttribute('placeholder')).resolves.toBe('Leitfäden durchsuchen');
    expect(german.errors).toEqual([]);
    await german.page.context().close();

    const english = await open(`/en/${GUIDE}`);
    const englishResults = await search(english.page, 'campaign');
    expect(englishResults.length).toBeGreaterThan(0);
    expect(englishResults.every((href) => href.startsWith('/en/'))).toBe(true);
    await english.page.context().close();
  });

  it('opens search with the keyboard shortcut, and loads nothing of Pagefind before', async () => {
    const { page } = await open(`/de/${GUIDE}`);
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.includes('/pagefind/')));
    expect(before).toEqual([]);
    await page.keyboard.press('Control+k');
    await page.locator('pagefind-modal input').waitFor({ state: 'visible', timeout: 15_000 });
    await page.context().close();
  });

  it('shows a fallback page with a notice in German and the English content marked lang="en"', async () => {
    const { page, errors } = await open(`/de/${GUIDE}`, { base: fallbackSite.url });
    const notice = page.getByRole('note', { name: 'Zu dieser Übersetzung' });
    await expect(notice.textContent()).resolves.toContain('noch nicht auf Deutsch übersetzt');
    await expect(notice.getByRole('link').getAttribute('href')).resolves.toBe(`/en/${GUIDE}`);
    await expect(page.locator('main').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('main h1').textContent()).resolves.toBe('Enable lead sharing for your marketplace listing');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    await expect(page.locator('main').getAttribute('data-pagefind-body')).resolves.toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations and no console errors on any page (${scheme})`, async () => {
      for (const path of PAGES) {
        const { page, errors } = await open(path, { scheme });
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
          return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        });
        expect(violations, `${path} (${scheme})`).toEqual([]);
        expect(errors, `${path} (${scheme})`).toEqual([]);
        await page.context().close();
      }
    });
  }

  it('keeps the guide readable at 360 px: no horizontal page overflow, every table fits without cutting a cell', async () => {
    for (const locale of ['en', 'de']) {
      const { page } = await open(`/${locale}/${GUIDE}`, { width: 360 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, locale).toBeLessThanOrEqual(0);
      const tables = await page.locator('main .table-scroll').evaluateAll((regions) => regions.map((region) => ({ right: region.getBoundingClientRect().right, scrolls: region.scrollWidth > region.clientWidth })));
      expect(tables).toHaveLength(4);
      for (const table of tables) {
        expect(table.right).toBeLessThanOrEqual(360);
        // Two columns fit a phone: nothing is cut off, so nothing needs sideways scrolling.
        expect(table.scrolls).toBe(false);
      }
      await page.context().close();
    }
  });

  it('works without JavaScript: content, tables, language links; no search button', async () => {
    const { page } = await open(`/de/${GUIDE}#follow-up`, { javaScript: false });
    await expect(page.locator('main table').count()).resolves.toBe(4);
    await expect(page.getByRole('button', { name: 'Suchen' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'English' }).getAttribute('href')).resolves.toBe(`/en/${GUIDE}`);
    await page.context().close();
  });

  it('serves a localized 404 for a missing German page', async () => {
    const { page } = await open('/de/guides/gibt-es-nicht/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Seite nicht gefunden');
    await page.context().close();
  });

  it('writes screenshots of the guide in both locales, light and dark', async () => {
    for (const locale of ['en', 'de']) {
      for (const scheme of ['light', 'dark'] as const) {
        const { page } = await open(`/${locale}/${GUIDE}`, { scheme });
        await page.screenshot({ path: join(SCREENSHOTS, `guide-${locale}-${scheme}.png`), fullPage: true });
        await page.context().close();
      }
    }
    const { page } = await open(`/de/${GUIDE}`, { width: 360, scheme: 'dark' });
    await page.screenshot({ path: join(SCREENSHOTS, 'guide-de-dark-360.png'), fullPage: true });
    await page.context().close();
  });
});
