/**
 * `npm run build` (scripts/build.ts): the site, the translation check beside
 * it and the link check after it, with every stage's report and one exit code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyProject, run, type ProjectCopy } from './helpers/project.ts';

let project: ProjectCopy | undefined;
afterEach(() => project?.remove());

function npmBuild(change: (dir: string) => void) {
  project = copyProject();
  change(project.dir);
  return run(project.dir, process.execPath, ['scripts/build.ts']);
}

function append(dir: string, file: string, text: string) {
  writeFileSync(join(dir, file), `${readFileSync(join(dir, file), 'utf8')}${text}`);
}

describe('npm run build', () => {
  it('builds the site and reports both checks, the translation check after the build, and fails on their errors', () => {
    // One German paragraph the source lacks, linking to no page: a translation error and a link error.
    const result = npmBuild((dir) => append(dir, 'content/de/index.mdx', '\nSiehe [die fehlende Seite](/de/gibt-es-nicht/).\n'));
    expect(result.code, result.output).toBe(1);
    const built = result.stdout.indexOf('Complete!');
    const translations = result.stdout.search(/content\/de\/index\.mdx:\d+:\d+ +error +(structure|link)-mismatch/);
    const links = result.stdout.search(/content\/de\/index\.mdx:\d+:\d+ +error +broken-link/);
    expect(built, result.output).toBeGreaterThan(-1);
    expect(translations, result.output).toBeGreaterThan(built);
    expect(links, result.output).toBeGreaterThan(translations);
  });

  it('stops at the content guard without running the checks', () => {
    const result = npmBuild((dir) => {
      const file = join(dir, 'content/de/index.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace('order: 0', 'order: null'));
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('content/de/index.mdx:5:1');
    expect(result.output).not.toMatch(/UI strings \d+\/\d+/);
    expect(result.output).not.toMatch(/links in \d+ files/);
  });
});
