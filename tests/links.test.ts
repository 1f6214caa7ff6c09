/**
 * The link check on real builds: the real site is clean, a link a layout
 * breaks is one finding at the layout's line listing every page, and a broken
 * link in MDX is reported once, at its MDX line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../src/model/site.ts';
import { astroBuild, copyProject, ROOT, run, type ProjectCopy } from './helpers/project.ts';

let project: ProjectCopy;
let layoutLine = 0;

beforeAll(() => {
  project = copyProject();
  const layout = join(project.dir, 'src/layouts/PageLayout.astro');
  const text = readFileSync(layout, 'utf8').replace('<p>{t(\'footer.note\')}</p>', '<p>{t(\'footer.note\')}</p>\n      <a class="legal" href="/en/legal-notice/">Legal</a>');
  writeFileSync(layout, text);
  layoutLine = text.split('\n').findIndex((line) => line.includes('/en/legal-notice/')) + 1;
  const guide = join(project.dir, 'content/de/lead-management/enable-lead-sharing.mdx');
  writeFileSync(guide, readFileSync(guide, 'utf8').replace('[Übersicht aller Leitfäden](/de/)', '[Übersicht aller Leitfäden](/de/#ubersicht)'));
  const build = astroBuild(project.dir);
  if (build.code !== 0) throw new Error(build.output);
});
afterAll(() => project.remove());

/** The MDX pages of both locales: each is built once per locale. */
/** Every page the site serves in every locale (translations and fallbacks alike), from the content model. */
const contentPagesOf = (dir: string) => loadSite(dir).pages.map((page) => page.url);

const checkLinks = (cwd: string, args: string[] = []) => run(cwd, process.execPath, [join(ROOT, 'scripts/check-links.ts'), '--format', 'json', ...args]);

describe('npm run check:links', () => {
  it('passes the real site: zero findings in both passes', () => {
    const dist = join(project.dir, 'dist-real');
    const build = astroBuild(ROOT, dist);
    expect(build.code, build.output).toBe(0);
    const result = checkLinks(ROOT, ['--dist', dist]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.findings).toEqual([]);
    // Every page of every locale and the root language chooser.
    expect(report.summary.builtPass).toMatchObject({ ran: true, pages: contentPagesOf(ROOT).length + 1 });
    expect(report.summary.builtPass.linksChecked).toBeGreaterThan(15);
  });

  it('reports a link a layout breaks once, at the layout line, with every page it is on', () => {
    const result = checkLinks(project.dir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const layout = report.findings.filter((f: { file: string }) => f.file === 'src/layouts/PageLayout.astro');
    expect(layout).toEqual([expect.objectContaining({ rule: 'broken-link', severity: 'error', line: layoutLine, url: '/en/legal-notice/' })]);
    // Every page of every locale carries the layout's link.
    const contentPages = contentPagesOf(project.dir);
    expect(layout[0].pages).toHaveLength(contentPages.length);
    expect(layout[0].pages).toEqual(expect.arrayContaining(['/de/', '/de/lead-management/enable-lead-sharing/', '/en/', '/en/lead-management/enable-lead-sharing/', '/en/lead-management/destinations/marketo/']));
    expect(layout[0].message).toContain(`on ${contentPages.length} pages`);
  });

  it('reports a broken anchor in MDX once, at its MDX line, not again from the build', () => {
    const report = JSON.parse(checkLinks(project.dir).stdout);
    const anchors = report.findings.filter((f: { rule: string }) => f.rule === 'broken-anchor');
    expect(anchors).toEqual([expect.objectContaining({ file: 'content/de/lead-management/enable-lead-sharing.mdx', url: '/de/#ubersicht', page: '/de/lead-management/enable-lead-sharing/' })]);
  });

  it('annotates for GitHub and exits 2 on bad options', () => {
    const github = run(project.dir, process.execPath, [join(ROOT, 'scripts/check-links.ts'), '--format', 'github']);
    expect(github.stdout).toContain(`::error file=src/layouts/PageLayout.astro,line=${layoutLine},`);
    expect(run(project.dir, process.execPath, [join(ROOT, 'scripts/check-links.ts'), '--timeout', 'soon']).code).toBe(2);
    expect(run(project.dir, process.execPath, [join(ROOT, 'scripts/check-links.ts'), '--site', 'nope']).stderr).toContain('--site must be an absolute URL');
  });
});
