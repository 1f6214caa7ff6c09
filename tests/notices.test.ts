/**
 * Translation notices on a real build: a page whose English source changed
 * since its recorded revision says it may be out of date, a machine-translated
 * page says so, each linking to the original; a current human translation
 * shows nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPage } from './helpers/html.ts';
import { astroBuild, copyProject, type ProjectCopy } from './helpers/project.ts';

let project: ProjectCopy;
let dist: string;

beforeAll(() => {
  project = copyProject();
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(project.dir, file), change(readFileSync(join(project.dir, file), 'utf8')));
  // The English guide moves on; its German translation still records the old revision.
  edit('content/en/lead-management/enable-lead-sharing.mdx', (text) =>
    text.replace('Have a follow-up process in place', 'Set up a follow-up process'),
  );
  // The German home page is marked machine-translated.
  edit('content/de/index.mdx', (text) => text.replace('method: human', 'method: machine'));
  const build = astroBuild(project.dir);
  if (build.code !== 0) throw new Error(build.output);
  dist = join(project.dir, 'dist');
});
afterAll(() => project.remove());

describe('translation notices', () => {
  it('says a translation may be out of date when its source changed, with a link to the original', () => {
    const page = readPage(dist, 'de/lead-management/enable-lead-sharing/index.html');
    expect(page.all('aside.notice').map((notice) => notice.properties.className)).toEqual([['notice', 'notice-outdated']]);
    expect(page.text('aside.notice-outdated')).toContain('Das Original auf Englisch wurde geändert');
    expect(page.attr('aside.notice-outdated a', 'href')).toBe('/en/lead-management/enable-lead-sharing/');
    expect(page.attr('aside.notice-outdated', 'role')).toBe('note');
  });

  it('says a page is machine-translated, with a link to the original', () => {
    const page = readPage(dist, 'de/index.html');
    expect(page.text('aside.notice-machine')).toContain('maschinell übersetzt');
    expect(page.attr('aside.notice-machine a', 'href')).toBe('/en/');
  });

  it('shows no notice on the source or on a current human translation', () => {
    expect(readPage(dist, 'en/lead-management/enable-lead-sharing/index.html').all('aside.notice')).toEqual([]);
    expect(readPage(dist, 'en/index.html').all('aside.notice')).toEqual([]);
  });
});
