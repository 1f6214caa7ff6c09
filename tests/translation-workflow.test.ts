/**
 * The translator workflow on a real build of a copy of the project: a locale
 * added with `i18n:add` builds green; a page still in English is served as a
 * fallback everywhere (notice, lang, noindex, search, sitemap, hreflang); an
 * English edit marks the changed section on the German page and in the
 * dashboard; the review view lines the German guide up with the English one
 * block for block (checked in Chromium too) and marks the changed blocks.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../scripts/lib/staticServer.ts';
import { readPage } from './helpers/html.ts';
import { astroBuild, copyProject, run, type ProjectCopy } from './helpers/project.ts';

const GUIDE = 'lead-management/enable-lead-sharing';
let project: ProjectCopy;
let dist: string;
let checks: { i18n: ReturnType<typeof run>; links: ReturnType<typeof run> };

beforeAll(() => {
  project = copyProject();
  const at = (file: string) => join(project.dir, file);
  const node = (...args: string[]) => run(project.dir, process.execPath, args);
  // A new locale in one command.
  const added = node('scripts/i18n-add.ts', 'fr');
  if (added.code !== 0) throw new Error(added.output);
  // A "French" guide whose text is still English, reworded (the seed's nl-NL case): not a translation.
  const english = readFileSync(at(`content/en/${GUIDE}.mdx`), 'utf8');
  mkdirSync(at('content/fr/lead-management'), { recursive: true });
  writeFileSync(at(`content/fr/${GUIDE}.mdx`), english.replace('This guide explains', 'The guide below explains').replace('Have a follow-up process in place', 'Put a follow-up process in place'));
  // i18n:stamp refuses it (the page is still in English); --force records it anyway, as a careless workflow would.
  const refused = node('scripts/i18n-stamp.ts', `content/fr/${GUIDE}.mdx`);
  if (refused.code !== 1 || !refused.stderr.includes('still in the source language')) throw new Error(refused.output);
  const stampFr = node('scripts/i18n-stamp.ts', '--force', `content/fr/${GUIDE}.mdx`);
  if (stampFr.code !== 0) throw new Error(stampFr.output);
  // The German guide records its source sections; then English changes one section.
  const stamped = node('scripts/i18n-stamp.ts', `content/de/${GUIDE}.mdx`);
  if (stamped.code !== 0) throw new Error(stamped.output);
  // One section of the German home page was machine-translated and nobody has reviewed it yet.
  const machine = node('scripts/i18n-stamp.ts', '--machine-section', 'storefronts', 'content/de/index.mdx');
  if (machine.code !== 0) throw new Error(machine.output);
  writeFileSync(at(`content/en/${GUIDE}.mdx`), english.replace('Have a follow-up process in place before the first lead arrives.', 'Have a follow-up process in place, and an owner for it, before the first lead arrives.'));
  const build = astroBuild(project.dir);
  if (build.code !== 0) throw new Error(build.output);
  dist = at('dist');
  checks = { i18n: node('scripts/check-i18n.ts', '--no-cache'), links: node('scripts/check-links.ts') };
}, 240_000);
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
    expect(home.text('aside.notice-fallback')).toContain('This page is not translated into French yet, so you are reading the English original.');
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
    const dashboard = readPage(dist, 'translations/index.html');
    expect(dashboard.attr(`tr[data-locale="fr"][data-slug="${GUIDE}"]`, 'dataState')).toBe('untranslated');
    expect(dashboard.attr('tr[data-locale="fr"][data-slug=""]', 'dataState')).toBe('missing');
  });
});

describe('an English edit after the German translation', () => {
  it('marks the changed section on the German page, with a localized marker linking to the original section', () => {
    const page = readPage(dist, `de/${GUIDE}/index.html`);
    expect(page.text('aside.notice-outdated .notice-sections')).toContain('Jeden Lead nachverfolgen');
    const marker = page.one('h2#follow-up a.section-changed');
    expect(marker).toBeDefined();
    expect(page.attr('h2#follow-up a.section-changed', 'href')).toBe(`/en/${GUIDE}/#follow-up`);
    expect(page.text('h2#follow-up a.section-changed')).toBe('Im Original auf Englisch geändert');
    expect(page.all('a.section-changed')).toHaveLength(1);
  });

  it('shows in the dashboard as outdated, naming the section and the kind of change', () => {
    const dashboard = readPage(dist, 'translations/index.html');
    const row = `tr[data-locale="de"][data-slug="${GUIDE}"]`;
    expect(dashboard.attr(row, 'dataState')).toBe('outdated');
    expect(dashboard.text(`${row} .changes`)).toBe('#follow-up (text)');
    expect(dashboard.one(`${row} a[href="/translations/de/${GUIDE}/"]`)).toBeDefined();
    expect(dashboard.one(`${row} a[href="/de/${GUIDE}/"]`)).toBeDefined();
    expect(dashboard.text(`tr[data-locale="nl"][data-slug="${GUIDE}"] .state-machine`)).toBe('machine, not reviewed');
  });

  it('the review view lines up every block and marks the changed section\'s blocks', () => {
    const review = readPage(dist, `translations/de/${GUIDE}/index.html`);
    const rows = review.all('tr.review-row');
    expect(rows.length).toBeGreaterThan(15);
    // Every block has its counterpart: no mismatch anywhere.
    expect(rows.filter((row) => String(row.properties.dataFindings ?? '').includes('mismatch'))).toEqual([]);
    const changed = rows.filter((row) => String(row.properties.dataFindings ?? '').includes('changed')).map((row) => row.properties.dataSection);
    expect(new Set(changed)).toEqual(new Set(['follow-up']));
  });
});

describe('a machine-translated section in a human translation', () => {
  it('is marked for readers at its heading and listed in a notice, in their language', () => {
    const page = readPage(dist, 'de/index.html');
    expect(page.text('h2#storefronts a.section-machine')).toBe('Maschinell übersetzt, nicht geprüft');
    expect(page.attr('h2#storefronts a.section-machine', 'href')).toBe('/en/#storefronts');
    expect(page.text('aside.notice-machine-sections')).toContain('Diese Abschnitte wurden maschinell übersetzt');
    expect(page.one('aside.notice-machine')).toBeUndefined();
  });

  it('shows in the dashboard', () => {
    expect(readPage(dist, 'translations/index.html').text('tr[data-locale="de"][data-slug=""] .state-machine')).toBe('machine-translated sections, not reviewed: #storefronts');
  });
});

describe('the dashboard stays out of readers\' way', () => {
  it('is noindex, not in the sitemap and not in search', () => {
    for (const path of ['translations/index.html', `translations/de/${GUIDE}/index.html`]) {
      const page = readPage(dist, path);
      expect(page.attr('meta[name="robots"]', 'content')).toContain('noindex');
      expect(page.one('[data-pagefind-body]')).toBeUndefined();
    }
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).not.toContain('/translations/');
  });
});

describe('the review view in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(dist);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the German guide beside the English one, block for block, with the changed block marked', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/translations/de/${GUIDE}/`);
    const rows = await page.locator('tr.review-row').evaluateAll((elements) => elements.map((row) => ({
      source: row.querySelector('.review-source pre')?.textContent ?? '',
      translation: row.querySelector('.review-translation pre')?.textContent ?? '',
      findings: row.querySelector('.review-findings')?.textContent ?? '',
      sameRow: (() => {
        const a = row.querySelector('.review-source')!.getBoundingClientRect();
        const b = row.querySelector('.review-translation')!.getBoundingClientRect();
        return Math.abs(a.top - b.top) < 1 && a.right <= b.left;
      })(),
    })));
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

  it('dashboard, review view and marked pages have no serious axe violations, light and dark; the dashboard fits 360 px', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const path of ['/translations/', `/translations/de/${GUIDE}/`, `/de/${GUIDE}/`, '/de/']) {
        const context = await browser.newContext({ colorScheme, viewport: { width: 360, height: 800 } });
        const page = await context.newPage();
        await page.goto(`${server.url}${path}`);
        await page.evaluate(`${axe}\nvoid 0`); // not a <script> tag: the page's Content-Security-Policy would block it
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
          return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        });
        expect(violations, `${path} (${colorScheme})`).toEqual([]);
        // The dashboard's wide tables scroll inside their own box; the page itself never scrolls sideways.
        if (path.startsWith('/translations/')) expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
        await context.close();
      }
    }
  });
});
