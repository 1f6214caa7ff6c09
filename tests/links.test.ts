/**
 * The link check on real builds: the real site is clean; a link a layout
 * breaks is one finding at the layout's line listing every page, whether the
 * layout writes it as a literal or computes it (located by the checking
 * build); a broken link in MDX is reported once, at its MDX line; a page file
 * whose name Astro slugs (capitals, `_`, `.`) checks clean at its real URL.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../src/i18n/locales.ts';
import { loadSite } from '../src/model/site.ts';
import { checkLinks as checkLinksLibrary } from '../scripts/links/check.ts';
import { serveStatic } from '../scripts/lib/staticServer.ts';
import { astroBuild, copyProject, ROOT, run, type ProjectCopy } from './helpers/project.ts';

let project: ProjectCopy;
let literalLine = 0;
let computedLine = 0;
let report: { findings: Record<string, unknown>[]; summary: Record<string, unknown> };
let exitCode: number | null;

const checkLinks = (cwd: string, args: string[] = []) =>
  run(cwd, process.execPath, [join(ROOT, 'scripts/check-links.ts'), '--format', 'json', ...args]);
const htmlFiles = (dist: string) =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).length;

beforeAll(() => {
  project = copyProject();
  const layout = join(project.dir, 'src/layouts/PageLayout.astro');
  const text = readFileSync(layout, 'utf8').replace(
    "<p>{t('footer.note')}</p>",
    '<p>{t(\'footer.note\')}</p>\n      <a class="legal" href="/en/legal-notice/">Legal</a>\n      <a class="imprint" href={pageUrl(route.locale, \'imprint\')}>Imprint</a>',
  );
  writeFileSync(layout, text);
  literalLine = text.split('\n').findIndex((line) => line.includes('/en/legal-notice/')) + 1;
  computedLine = text.split('\n').findIndex((line) => line.includes("'imprint'")) + 1;
  const guide = join(project.dir, 'content/de/lead-management/enable-lead-sharing.mdx');
  writeFileSync(
    guide,
    readFileSync(guide, 'utf8').replace('[Übersicht aller Leitfäden](/de/)', '[Übersicht aller Leitfäden](/de/#ubersicht)'),
  );
  const build = astroBuild(project.dir);
  if (build.code !== 0) throw new Error(build.output);
  CONTENT_PAGES = loadSite(project.dir)
    .pages.map((page) => page.url)
    .sort();
  const result = checkLinks(project.dir);
  exitCode = result.code;
  report = JSON.parse(result.stdout);
});
afterAll(() => project.remove());

/** Every content page of both locales (from the content model): each carries the layout's links. */
let CONTENT_PAGES: string[] = [];

describe('npm run check:links', () => {
  it('passes the real site, with a page file named Enable_Lead.Sharing.mdx at its real URL', () => {
    const copy = copyProject();
    try {
      // Astro slugs each path segment: Enable_Lead.Sharing.mdx is served at /en/…/enable_leadsharing/.
      // In every locale that has the page (Dutch too), so the translations keep pairing with it.
      for (const locale of readdirSync(join(copy.dir, 'content')).filter((entry) =>
        existsSync(join(copy.dir, 'content', entry, 'lead-management/enable-lead-sharing.mdx')),
      )) {
        const folder = join(copy.dir, 'content', locale, 'lead-management');
        renameSync(join(folder, 'enable-lead-sharing.mdx'), join(folder, 'Enable_Lead.Sharing.mdx'));
      }
      for (const file of readdirSync(join(copy.dir, 'content'), { recursive: true, encoding: 'utf8' }).filter((name) =>
        name.endsWith('.mdx'),
      )) {
        const path = join(copy.dir, 'content', file);
        writeFileSync(
          path,
          readFileSync(path, 'utf8').replaceAll('/lead-management/enable-lead-sharing/', '/lead-management/enable_leadsharing/'),
        );
      }
      const build = astroBuild(copy.dir);
      expect(build.code, build.output).toBe(0);
      const result = checkLinks(copy.dir);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const clean = JSON.parse(result.stdout);
      expect(clean.findings).toEqual([]);
      expect(clean.summary.builtPass).toMatchObject({ ran: true, pages: htmlFiles(join(copy.dir, 'dist')) });
      expect(clean.summary.builtPass.linksChecked).toBeGreaterThan(15);
      expect(readdirSync(join(copy.dir, 'dist/en/lead-management'))).toContain('enable_leadsharing');
    } finally {
      copy.remove();
    }
  });

  it('reports a literal link a layout breaks once, at the layout line, with every page it is on', () => {
    expect(exitCode).toBe(1);
    const layout = report.findings.filter((f) => f.file === 'src/layouts/PageLayout.astro' && f.line === literalLine);
    expect(layout).toEqual([
      expect.objectContaining({ rule: 'broken-link', severity: 'error', url: '/en/legal-notice/', pages: CONTENT_PAGES }),
    ]);
    expect(CONTENT_PAGES).toEqual(
      expect.arrayContaining(['/de/', '/de/lead-management/enable-lead-sharing/', '/en/', '/en/lead-management/enable-lead-sharing/']),
    );
    expect(layout[0]!.message).toContain(`on ${CONTENT_PAGES.length} pages`);
  });

  it('locates a computed link a layout breaks with the checking build: one finding at the layout line', () => {
    const layout = report.findings.filter((f) => f.file === 'src/layouts/PageLayout.astro' && f.line === computedLine);
    expect(layout).toEqual([expect.objectContaining({ rule: 'broken-link', severity: 'error', pages: CONTENT_PAGES })]);
    expect(report.summary.builtPass).toMatchObject({ traceBuild: { ran: true } });
  });

  it('reports a broken anchor in MDX once, at its MDX line, not again from the build', () => {
    const anchors = report.findings.filter((f) => f.rule === 'broken-anchor');
    expect(anchors).toEqual([
      expect.objectContaining({
        file: 'content/de/lead-management/enable-lead-sharing.mdx',
        url: '/de/#ubersicht',
        page: '/de/lead-management/enable-lead-sharing/',
      }),
    ]);
    expect(report.findings.filter((f) => String(f.file).startsWith('dist/'))).toEqual([]);
  });

  it('annotates for GitHub, and exits 2 on bad options or folders that do not exist, naming them', () => {
    const github = run(project.dir, process.execPath, [join(ROOT, 'scripts/check-links.ts'), '--format', 'github', '--no-trace']);
    expect(github.stdout).toContain(`::error file=src/layouts/PageLayout.astro,line=${literalLine},`);
    expect(run(project.dir, process.execPath, [join(ROOT, 'scripts/check-links.ts'), '--timeout', 'soon']).code).toBe(2);
    expect(run(project.dir, process.execPath, [join(ROOT, 'scripts/check-links.ts'), '--site', 'nope']).stderr).toContain(
      '--site must be an absolute URL',
    );
    expect(run(project.dir, process.execPath, [join(ROOT, 'scripts/check-links.ts'), '--url', 'ftp://x']).stderr).toContain(
      '--url must be an http(s) URL',
    );
    for (const option of ['--root', '--dist']) {
      const missing = join(project.dir, 'no-such-folder');
      const result = run(project.dir, process.execPath, [join(ROOT, 'scripts/check-links.ts'), option, missing]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(option);
      expect(result.stderr).toContain(`${missing}`);
      expect(result.stderr).toContain('does not exist');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--url crawls a deployed site with linkinator and maps what it finds back to MDX and template lines', async () => {
    const server = await serveStatic(join(project.dir, 'dist'));
    try {
      const crawled = await checkLinksLibrary({
        root: project.dir,
        registry: loadRegistry(project.dir),
        siteOrigin: 'https://publishers.example.com',
        crawl: { url: `${server.url}/`, timeoutMs: 5000, concurrency: 8 },
      });
      expect(crawled.summary.crawl).toMatchObject({ url: `${server.url}/` });
      expect(crawled.summary.crawl!.pages).toBeGreaterThanOrEqual(4);
      const anchor = crawled.findings.find((f) => f.rule === 'broken-anchor');
      expect(anchor).toMatchObject({
        file: 'content/de/lead-management/enable-lead-sharing.mdx',
        page: '/de/lead-management/enable-lead-sharing/',
      });
      const legal = crawled.findings.filter((f) => String(f.url).endsWith('/en/legal-notice/'));
      expect(legal).toEqual([
        expect.objectContaining({ rule: 'broken-link', file: 'src/layouts/PageLayout.astro', line: literalLine, pages: CONTENT_PAGES }),
      ]);
      // Computed by an expression: no line without a checking build, so it is reported at the page's URL.
      expect(
        crawled.findings
          .filter((f) => String(f.url).endsWith('/imprint/'))
          .map((f) => f.file)
          .sort(),
      ).toEqual(
        loadRegistry(project.dir)
          .codes.map((code) => `${server.url}/${code}/`)
          .sort(),
      );
    } finally {
      await server.close();
    }
  });
});
