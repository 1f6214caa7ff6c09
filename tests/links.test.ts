/**
 * The link check on a real build: a link a layout breaks is one finding at
 * the layout's line listing every page, whether the layout writes it as a
 * literal or computes it (located by the checking build); a broken link in
 * MDX is reported once, at its MDX line. (The real site checking clean, with
 * a page file whose name Astro slugs, is in tests/slugs.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../src/i18n/locales.ts';
import { loadSite } from '../src/model/site.ts';
import { checkLinks as checkLinksLibrary } from '../scripts/links/check.ts';
import { serveStatic } from '../scripts/lib/staticServer.ts';
import { ROOT, run } from './helpers/project.ts';
import { sharedBuild, type SharedBuild } from './helpers/sharedBuild.ts';
import { PLANTED_LAYOUT, PLANTED_SITE } from './helpers/sites.ts';
import { BUILD_LIMIT_MS } from './helpers/work.ts';

let project: SharedBuild;
let literalLine = 0;
let computedLine = 0;
let report: { findings: Record<string, unknown>[]; summary: Record<string, unknown> };
let exitCode: number | null;

const checkLinks = (cwd: string, args: string[] = []) =>
  run(cwd, process.execPath, [join(ROOT, 'scripts/check-links.ts'), '--format', 'json', ...args]);

beforeAll(() => {
  // The shared copy with planted problems (tests/helpers/sites.ts): links its layout breaks, a broken anchor.
  project = sharedBuild(PLANTED_SITE);
  const text = readFileSync(join(project.dir, PLANTED_LAYOUT), 'utf8');
  literalLine = text.split('\n').findIndex((line) => line.includes('/en/legal-notice/')) + 1;
  computedLine = text.split('\n').findIndex((line) => line.includes("'imprint'")) + 1;
  CONTENT_PAGES = loadSite(project.dir)
    .pages.map((page) => page.url)
    .sort();
  const result = checkLinks(project.dir);
  exitCode = result.code;
  report = JSON.parse(result.stdout);
  // Two builds: the shared one (built here or waited for) and the link check's checking build.
}, 2 * BUILD_LIMIT_MS);

/** Every content page of both locales (from the content model): each carries the layout's links. */
let CONTENT_PAGES: string[] = [];

describe('npm run check:links', () => {
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
