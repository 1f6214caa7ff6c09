/**
 * A page's URL is defined once (src/model/slug.ts, Astro's own rule): a page
 * file named with capitals, `_` and `.` is built at the URL the checkers
 * expect, so a link to that URL (and to a section of it) checks clean and the
 * translations keep pairing with it; the real site then passes both checks.
 *
 * One copy of the real site serves both tests that used to build one each
 * ("a page file named Enable_Lead.Sharing.mdx" here, and "passes the real
 * site, with a page file named Enable_Lead.Sharing.mdx at its real URL" in
 * tests/links.test.ts): the real guide is renamed in every locale that has
 * it, every link to it follows, and every home page links to one of its
 * sections.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, copyProject, run, type ProjectCopy, type RunResult } from './helpers/project.ts';

let project: ProjectCopy;
let build: RunResult;
let links: RunResult;

const htmlFiles = (dist: string) =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).length;

beforeAll(() => {
  project = copyProject();
  const { dir } = project;
  // Astro slugs each path segment: Enable_Lead.Sharing.mdx is served at /en/…/enable_leadsharing/.
  // In every locale that has the page (Dutch too), so the translations keep pairing with it.
  for (const locale of readdirSync(join(dir, 'content')).filter((entry) =>
    existsSync(join(dir, 'content', entry, 'lead-management/enable-lead-sharing.mdx')),
  )) {
    const folder = join(dir, 'content', locale, 'lead-management');
    renameSync(join(folder, 'enable-lead-sharing.mdx'), join(folder, 'Enable_Lead.Sharing.mdx'));
  }
  for (const file of readdirSync(join(dir, 'content'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.mdx'))) {
    const path = join(dir, 'content', file);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replaceAll('/lead-management/enable-lead-sharing/', '/lead-management/enable_leadsharing/'),
    );
  }
  // Link to one of its sections from the home pages, at its real URL.
  // Every home page (Dutch and Arabic too) gets the link, so the translations keep lining up with English.
  for (const locale of readdirSync(join(dir, 'content')).filter((entry) => existsSync(join(dir, 'content', entry, 'index.mdx')))) {
    const home = join(dir, 'content', locale, 'index.mdx');
    writeFileSync(home, `${readFileSync(home, 'utf8').trimEnd()}\n\n[Slug](/${locale}/lead-management/enable_leadsharing/#follow-up)\n`);
  }
  build = astroBuild(dir);
  links = run(dir, process.execPath, ['scripts/check-links.ts', '--format', 'json']);
});

afterAll(() => project?.remove());

describe('a page file named Enable_Lead.Sharing.mdx', () => {
  it('is built at the URL Astro gives it', () => {
    expect(build.code, build.output).toBe(0);
    expect(existsSync(join(project.dir, 'dist/en/lead-management/enable_leadsharing/index.html'))).toBe(true);
    expect(existsSync(join(project.dir, 'dist/de/lead-management/enable_leadsharing/index.html'))).toBe(true);
    expect(readdirSync(join(project.dir, 'dist/en/lead-management'))).toContain('enable_leadsharing');
  });

  it('checks clean in both checkers', () => {
    const i18n = run(project.dir, process.execPath, ['scripts/check-i18n.ts', '--format', 'json']);
    expect(i18n.code, i18n.output).toBe(0);
    // Partial locales (Dutch, Arabic) lacking the page is a to-do warning, not a pairing problem.
    expect(
      JSON.parse(i18n.stdout).findings.filter(
        (finding: { file: string; rule: string; locale: string; severity: string }) =>
          finding.file.includes('Enable_Lead') && !(finding.rule === 'missing-page' && finding.severity === 'warning'),
      ),
    ).toEqual([]);
    expect(links.code, links.output).toBe(0);
    expect(JSON.parse(links.stdout).findings).toEqual([]);
  });
});

describe('npm run check:links', () => {
  it('passes the real site, with a page file named Enable_Lead.Sharing.mdx at its real URL', () => {
    expect(build.code, build.output).toBe(0);
    expect(links.code, links.stdout + links.stderr).toBe(0);
    const clean = JSON.parse(links.stdout);
    expect(clean.findings).toEqual([]);
    expect(clean.summary.builtPass).toMatchObject({ ran: true, pages: htmlFiles(join(project.dir, 'dist')) });
    expect(clean.summary.builtPass.linksChecked).toBeGreaterThan(15);
  });
});
