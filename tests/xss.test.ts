/**
 * Content is data: a copy of the site whose titles, navTitles, descriptions,
 * headings, table labels, brand names, UI strings and a locale's name carry
 * the usual script-injection payloads is built, and then
 *
 * - every built HTML file, parsed with a real HTML parser, holds no `<script>`
 *   beyond those of a clean build of the site (the shared fallback build, with the same
 *   EDIT_BASE_URL; compared by type, src and the hash of inline text), every inline script's hash is in the page's
 *   Content-Security-Policy, and no element anywhere has an `on*` attribute;
 * - the payloads arrive as the same text, escaped for each context: `<title>`,
 *   meta tags, headings, JSON-LD, attributes, the table of contents, the
 *   outdated-sections notice, Pagefind's title attribute;
 * - the sitemap is well-formed XML;
 * - in Chromium no dialog opens and no CSP violation is reported on any built
 *   page, nor while searching (results with payload titles, a payload typed
 *   as the query).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Browser } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { fromXml } from 'xast-util-from-xml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLocale } from '../scripts/i18n/addLocale.ts';
import { launchChromium } from '../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../scripts/lib/staticServer.ts';
import { copyProject, ROOT, run, type ProjectCopy } from './helpers/project.ts';
import { sharedBuild } from './helpers/sharedBuild.ts';
import { EDIT_BASE_URL as EDIT, FALLBACK_SITE } from './helpers/sites.ts';

const SCRIPT = '</script><script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const QUOTE = "' onmouseover='alert(1)";
const SEPARATORS = 'a\u2028b\u2029c';
const BRACES = '{{x}}';
const PAYLOAD = `${SCRIPT} ${IMG} ${QUOTE} ${SEPARATORS} ${BRACES}`;
/** A file name is content too: its slug and its "Edit this page" address come from it. */
const URL_FILE = 'javascript:alert(1)';
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** A YAML double-quoted scalar: JSON's escapes are YAML's, and the line and paragraph separators are escaped too. */
const yaml = (text: string) => JSON.stringify(text).replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
/** The payload as plain Markdown text in MDX: `<` and braces as text, not JSX or expressions. */
const mdxText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('{', '\\{').replaceAll('}', '\\}');

const frontmatter = (fields: Record<string, string | number>) =>
  `---\n${Object.entries(fields)
    .map(([key, value]) => `${key}: ${typeof value === 'number' ? value : yaml(value)}`)
    .join('\n')}\n---\n\n`;

const SECTION_TITLE = `Section ${PAYLOAD}`;
const SECTION_NAV = `Nav ${PAYLOAD}`;
const GUIDE_TITLE = `Guide ${PAYLOAD}`;
const GUIDE_NAV = `Short ${PAYLOAD}`;
const DESCRIPTION = `Read ${PAYLOAD}`;
const HEADING_A = `Heading ${PAYLOAD}`;
const HEADING_B = `Second ${PAYLOAD}`;
const LOCALE_NAME = `Français ${PAYLOAD}`;
const SEARCH_WORD = 'zyxwvpayload';

const guideBody = (heading: string, extra = '') =>
  `The ${SEARCH_WORD} guide: ${mdxText(PAYLOAD)}\n\n## ${mdxText(heading)} {/* #payload-a */}\n\nSome text ${mdxText(PAYLOAD)}.${extra}\n\n<DataTable table="audience" />\n\n## ${mdxText(HEADING_B)} {/* #payload-b */}\n\n<Callout type="note">\n\nA note ${mdxText(PAYLOAD)}\n\n</Callout>\n`;

/** German enough for the language identifier, so the page counts as a translation (not as English text left in place). */
const GERMAN_BODY = `Dieser ${SEARCH_WORD} Leitfaden erklärt, wie Sie Ihre Angebote im Marketplace einrichten und welche Daten Sie dafür benötigen: ${mdxText(PAYLOAD)}\n\n## Überschrift ${mdxText(PAYLOAD)} {/* #payload-a */}\n\nHier steht ein Abschnitt, der beschreibt, was Sie vor dem Start vorbereiten sollten, damit später alles funktioniert.\n\n<DataTable table="audience" />\n\n## Zweite ${mdxText(PAYLOAD)} {/* #payload-b */}\n\n<Callout type="note">\n\nEin Hinweis für die Leserinnen und Leser dieser Seite, die zum ersten Mal ein Angebot veröffentlichen.\n\n</Callout>\n`;

const PAGES: Record<string, string> = {
  'content/en/payload/index.mdx': `${frontmatter({ title: SECTION_TITLE, navTitle: SECTION_NAV, description: DESCRIPTION, order: 950 })}Pages of ${mdxText(PAYLOAD)}.\n`,
  'content/en/payload/guide.mdx': `${frontmatter({ title: GUIDE_TITLE, navTitle: GUIDE_NAV, description: DESCRIPTION, order: 10 })}${guideBody(HEADING_A)}`,
  [`content/en/payload/${URL_FILE}.mdx`]: `${frontmatter({ title: `Named ${PAYLOAD}`, description: DESCRIPTION, order: 20 })}A page whose file name is a script URL.\n`,
  'content/de/payload/index.mdx': `${frontmatter({ title: `Abschnitt ${PAYLOAD}`, navTitle: `Navi ${PAYLOAD}`, description: `Lesen ${PAYLOAD}`, order: 950 })}Seiten von ${mdxText(PAYLOAD)}.\n`,
  'content/de/payload/guide.mdx': `${frontmatter({ title: `Leitfaden ${PAYLOAD}`, navTitle: `Kurz ${PAYLOAD}`, description: `Lesen ${PAYLOAD}`, order: 10 })}${GERMAN_BODY}`,
};

/** Every string leaf of a JSON value, passed through `change`. */
function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, change)]));
  return value;
}

function rewriteJson(dir: string, file: string, change: (value: unknown) => unknown): void {
  const path = join(dir, file);
  writeFileSync(path, `${JSON.stringify(change(JSON.parse(readFileSync(path, 'utf8'))), null, 2)}\n`);
}

/** Puts the payloads into a copy of the project: pages, UI strings, table labels and brands, and a locale named by them. */
function addPayloads(dir: string): void {
  for (const [file, text] of Object.entries(PAGES)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  // The German guide records its source (so a changed English section is named in its notice, with the
  // heading's text) and a machine-translated section (marked beside that heading). --force: the payloads'
  // numbers (`alert(1)`) are not in the German text, which the stamp's own check would otherwise refuse.
  const stamp = run(dir, process.execPath, [
    'scripts/i18n-stamp.ts',
    '--force',
    '--machine-section',
    'payload-b',
    'content/de/payload/guide.mdx',
  ]);
  if (stamp.code !== 0) throw new Error(stamp.output);
  writeFileSync(
    join(dir, 'content/en/payload/guide.mdx'),
    `${frontmatter({ title: GUIDE_TITLE, navTitle: GUIDE_NAV, description: DESCRIPTION, order: 10 })}${guideBody(HEADING_A, ' Changed since.')}`,
  );
  const payload = (text: string) => `${text} ${PAYLOAD}`;
  for (const locale of ['en', 'de']) {
    rewriteJson(dir, `content/${locale}/ui.json`, (value) => mapStrings(value, payload));
    rewriteJson(dir, `content/${locale}/tables.json`, (value) => mapStrings(value, payload));
  }
  rewriteJson(dir, 'content/tables.json', (value) => ({
    ...(value as object),
    brands: mapStrings((value as { brands: unknown }).brands, payload),
  }));
  // A locale named by the payloads, added by the project's own i18n:add logic (its strings copied from English).
  const added = addLocale(dir, { code: 'fr', name: LOCALE_NAME });
  if (added.kind !== 'added') throw new Error(JSON.stringify(added));
}

function build(project: ProjectCopy): string {
  const result = run(project.dir, process.execPath, [ASTRO, 'build'], { EDIT_BASE_URL: EDIT });
  if (result.code !== 0) throw new Error(`astro build failed:\n${result.output}`);
  return join(project.dir, 'dist');
}

const htmlFiles = (dist: string) =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort();
const parse = (dist: string, file: string) => fromHtml(readFileSync(join(dist, file), 'utf8'));
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const attr = (element: Element | undefined, name: string) => {
  const value = element?.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? undefined : String(value);
};

/** What identifies a script: its type and src, or the hash of its text; JSON-LD varies by page, so it counts by type. */
function scriptSignature(script: Element): string {
  const type = attr(script, 'type') ?? '';
  const src = attr(script, 'src');
  if (src !== undefined) return `src ${src} type ${type}`;
  if (type === 'application/ld+json') return 'json-ld';
  return `inline ${sha256(toString(script))} type ${type}`;
}

/** Every element with an attribute named on…, as `tag[attribute]`. */
function eventHandlers(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'element', (element: Element) => {
    for (const name of Object.keys(element.properties)) if (/^on/i.test(name)) found.push(`${element.tagName}[${name}]`);
  });
  return found;
}

let hostile: ProjectCopy;
let cleanDist: string;
let dist: string;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  // The clean site to compare with: the shared build with the same EDIT_BASE_URL (tests/helpers/sites.ts).
  cleanDist = sharedBuild(FALLBACK_SITE).dist;
  hostile = copyProject();
  addPayloads(hostile.dir);
  dist = build(hostile);
  server = await serveStatic(dist);
  // Two builds of a site that grows with the real content: no overall limit; each build is bounded by run()'s own.
}, 0);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  hostile?.remove();
});

describe('payloads in content, strings and the locale registry', () => {
  it('add no script and no event handler to any built page: only the scripts of a clean build, each inline one allowed by the CSP', () => {
    const allowed = new Set(htmlFiles(cleanDist).flatMap((file) => selectAll('script', parse(cleanDist, file)).map(scriptSignature)));
    // The clean site's scripts: the reader module, the theme script, the chooser's script and the breadcrumbs' JSON-LD.
    expect(allowed.size).toBeLessThanOrEqual(4);
    const files = htmlFiles(dist);
    expect(files).toContain('fr/payload/guide/index.html');
    for (const file of files) {
      const tree = parse(dist, file);
      const scripts = selectAll('script', tree);
      for (const script of scripts) expect(allowed, `${file}: ${scriptSignature(script)}`).toContain(scriptSignature(script));
      expect(eventHandlers(tree), file).toEqual([]);
      expect(selectAll('img[src="x"], iframe, object, embed, base', tree), file).toEqual([]);
      // Every executable inline script is allowed by its hash in the page's own policy, written before it.
      const policy = attr(select('head > meta[http-equiv="Content-Security-Policy"]', tree), 'content');
      expect(policy, file).toMatch(/script-src 'self' /);
      for (const script of scripts) {
        if (attr(script, 'src') !== undefined || attr(script, 'type') === 'application/ld+json') continue;
        expect(policy!.split(/[ ;]+/), file).toContain(sha256(toString(script)));
      }
      // JSON-LD is data that parses, inside the breadcrumbs.
      for (const data of selectAll('script[type="application/ld+json"]', tree)) {
        expect(JSON.parse(toString(data))).toMatchObject({ '@type': 'BreadcrumbList' });
      }
    }
  });

  it('reach each context as the same text: title, meta tags, headings, JSON-LD, attributes, notices, search metadata', () => {
    const en = parse(dist, 'en/payload/guide/index.html');
    expect(toString(select('title', en)!)).toMatch(new RegExp(`^${GUIDE_TITLE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| `));
    expect(attr(select('meta[name="description"]', en), 'content')).toBe(DESCRIPTION);
    expect(attr(select('meta[property="og:title"]', en), 'content')).toBe(GUIDE_TITLE);
    expect(attr(select('meta[property="og:description"]', en), 'content')).toBe(DESCRIPTION);
    expect(toString(select('main h1', en)!)).toBe(GUIDE_TITLE);
    expect(toString(select('#payload-a', en)!)).toBe(HEADING_A);
    expect(selectAll('.toc a', en).map((link) => toString(link))).toEqual([HEADING_A, HEADING_B]);
    const trail = JSON.parse(toString(select('script[type="application/ld+json"]', en)!)) as { itemListElement: { name: string }[] };
    expect(trail.itemListElement.map((item) => item.name)).toEqual(expect.arrayContaining([SECTION_NAV, GUIDE_NAV]));
    expect(selectAll('nav.breadcrumbs li', en).map((item) => toString(item))).toEqual(expect.arrayContaining([SECTION_NAV, GUIDE_NAV]));
    expect(toString(select('table caption', en)!)).toContain(PAYLOAD);
    // The locale's name, in the language menu and its label.
    const french = selectAll('.language-picker a', en).find((link) => attr(link, 'hrefLang') === 'fr');
    expect(toString(french!)).toBe(LOCALE_NAME);

    // The German translation names the changed section by its heading, and marks the machine-translated one.
    const de = parse(dist, 'de/payload/guide/index.html');
    expect(selectAll('.notice-sections a', de).map((link) => toString(link))).toEqual([`Überschrift ${PAYLOAD}`]);
    expect(selectAll('#payload-b + .section-markers .section-machine', de)).toHaveLength(1);

    // A French fallback page: Pagefind's title attribute holds the title with the language's name.
    const fr = parse(dist, 'fr/payload/guide/index.html');
    expect(attr(select('main', fr), 'dataSearchTitle')).toContain(GUIDE_TITLE);
    expect(toString(select('.language-menu summary span', fr)!)).toBe(LOCALE_NAME);

    // A file named like a script URL becomes a plain path, and its edit link stays inside the repository.
    const named = htmlFiles(dist).find((file) => file.startsWith('en/payload/javascript'))!;
    expect(named).toBe('en/payload/javascriptalert1/index.html');
    const edit = new URL(attr(select('a.edit-link', parse(dist, named)), 'href')!);
    expect(edit.href.startsWith(EDIT)).toBe(true);
    expect(decodeURIComponent(edit.pathname)).toBe(`/contoso/publisher-docs/edit/main/content/en/payload/${URL_FILE}.mdx`);
  });

  it("leave the sitemap well-formed, listing only the site's own addresses", () => {
    const files = readdirSync(dist).filter((file) => /^sitemap-\d+\.xml$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    const urls: string[] = [];
    for (const file of files) {
      const tree = fromXml(readFileSync(join(dist, file), 'utf8'));
      visit(tree, 'element', (element) => {
        if (element.name === 'loc') urls.push(element.children.map((child) => ('value' in child ? child.value : '')).join(''));
        if (element.name === 'xhtml:link') urls.push(String(element.attributes.href));
      });
    }
    expect(urls).toContain('https://publishers.example.com/en/payload/guide/');
    for (const url of urls) expect(new URL(url).origin, url).toBe('https://publishers.example.com');
  });

  it('run nothing in Chromium: no dialog and no CSP violation on any page, nor while searching', async () => {
    browser = await launchChromium();
    const context = await browser.newContext();
    const dialogs: string[] = [];
    const violations: string[] = [];
    const errors: string[] = [];
    await context.exposeBinding('reportViolation', (_source, text: string) => violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI} ${location.pathname}`,
        ),
      );
    });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.message()} on ${page.url()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    for (const file of htmlFiles(dist)) {
      const path = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    }
    // Search on a French fallback page: results whose titles, headings and excerpts carry the payloads.
    await page.goto(`${server.url}/fr/payload/guide/`);
    await page.getByRole('button', { name: /Search/ }).click();
    const input = page.locator('pagefind-modal input');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    const results = page.locator('pagefind-modal a[href]');
    // Pagefind's input ignores what is typed before its search instance is attached: type again until results come.
    await expect
      .poll(
        async () => {
          await input.fill('');
          await input.fill(SEARCH_WORD);
          await page.waitForTimeout(500);
          return results.count();
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0);
    await expect(results.allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining(GUIDE_TITLE)]));
    // A payload typed as the query comes back in "no results for …" as text.
    await input.fill(IMG);
    await expect
      .poll(() => page.locator('pagefind-modal').evaluate((modal) => modal.textContent ?? ''), { timeout: 30_000 })
      .toContain('onerror=alert(1)');
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
    // Every built page, however many the real content has: no overall limit; each navigation has Playwright's own.
  }, 0);
});
