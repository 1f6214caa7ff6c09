/**
 * `npm run build -- --shard k/n` and `--merge`: the real site plus a few
 * generated sections, built in 3 shards and merged, against the same site
 * built whole. The set of files is the same, every HTML page is the same apart
 * from the build-time values named in NORMALIZED, and the checks report the
 * same findings. The merge refuses shards that are missing, doubled or differ.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planShards, sectionOf } from '../src/model/shard.ts';
import { loadSite } from '../src/model/site.ts';
import { copyProject, run, type ProjectCopy, type RunResult } from './helpers/project.ts';
import { BUILD_LIMIT_MS } from './helpers/work.ts';

/**
 * What may differ between two builds of the same content, each normalized here and nowhere else:
 * - Shiki's tokens inside a highlighted code block (`pre.astro-code`): Astro renders pages concurrently and
 *   a grammar that embeds others (html) can highlight its first block before the embedded ones load, in a
 *   whole build too, so the block is compared by its text;
 * - the order of languages in Pagefind's `pagefind-entry.json`, which Pagefind writes from a hash map.
 */
const NORMALIZED = ['pre.astro-code tokens', 'pagefind-entry.json language order'];

/** Page files per shard for the build without options: the real site and the sections below (about 55 files) make 3 shards. */
const SMALL_SHARD = 20;

let project: ProjectCopy;
const shards = [1, 2, 3].map((k) => `shard-${k}`);
const builds: Record<string, RunResult> = {};

/** Four sections of six English pages: with the real site's two sections, every shard gets pages. */
function addSections(dir: string) {
  for (const section of ['alpha', 'bravo', 'charlie', 'delta']) {
    mkdirSync(join(dir, 'content/en', section), { recursive: true });
    for (let page = 0; page < 6; page++) {
      const name = page === 0 ? 'index' : `page-${page}`;
      const next = page === 5 ? `/en/${section}/` : `/en/${section}/page-${page + 1}/`;
      writeFileSync(
        join(dir, 'content/en', section, `${name}.mdx`),
        `---\ntitle: ${section} ${page}\ndescription: A generated page of section ${section}.\norder: ${page}\n---\n\n## Overview {/* #overview */}\n\nRead [the next page](${next}#overview) of ${section}.\n`,
      );
    }
  }
}

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

/** An HTML page as a tree without positions, code blocks as their text (see NORMALIZED). */
function normalizedHtml(text: string): unknown {
  const visit = (node: Root | RootContent): unknown => {
    if (node.type === 'element') {
      const element = node as Element;
      const classes = element.properties.className;
      if (element.tagName === 'pre' && Array.isArray(classes) && classes.includes('astro-code'))
        return { pre: element.properties, text: toString(element) };
      return { tag: element.tagName, properties: element.properties, children: element.children.map(visit) };
    }
    if ('children' in node) return { type: node.type, children: node.children.map(visit) };
    return { type: node.type, value: 'value' in node ? node.value : undefined };
  };
  return visit(fromHtml(text));
}

/** The same files as `whole`, every page the same apart from NORMALIZED. */
function expectSameSite(built: string, whole: string) {
  const list = files(whole);
  expect(files(built)).toEqual(list);
  expect(list).toContain('sitemap-0.xml');
  expect(list).toContain('translations/index.html');
  for (const file of list) {
    const [a, b] = [readFileSync(join(built, file)), readFileSync(join(whole, file))];
    if (file.endsWith('.html')) expect(normalizedHtml(a.toString()), file).toEqual(normalizedHtml(b.toString()));
    else if (file === 'pagefind/pagefind-entry.json') expect(JSON.parse(a.toString()), file).toEqual(JSON.parse(b.toString()));
    else expect(a.equals(b), file).toBe(true);
  }
}

function linkFindings(dist: string): unknown {
  const result = run(project.dir, process.execPath, ['scripts/check-links.ts', '--format', 'json', '--dist', dist, '--dist-label', 'dist']);
  return { code: result.code, findings: (JSON.parse(result.stdout) as { findings: unknown[] }).findings };
}

beforeAll(() => {
  project = copyProject();
  addSections(project.dir);
  for (const [index, shard] of shards.entries())
    builds[shard] = run(project.dir, process.execPath, ['scripts/build.ts', '--shard', `${index + 1}/3`, '--out', shard]);
  builds.merge = run(project.dir, process.execPath, ['scripts/build.ts', '--merge', ...shards]);
  renameSync(join(project.dir, 'dist'), join(project.dir, 'merged'));
  // Without options, a site over one shard's worth of page files: its shards one after another, then the merge.
  builds.auto = run(project.dir, process.execPath, ['scripts/build.ts'], { PUBLISHER_DOCS_PAGES_PER_SHARD: String(SMALL_SHARD) });
  renameSync(join(project.dir, 'dist'), join(project.dir, 'auto'));
  builds.whole = run(project.dir, process.execPath, ['scripts/build.ts']);
  // Seven builds of the site (three shards, the merge's checks, three more shards and their merge, the whole one).
}, 7 * BUILD_LIMIT_MS);
afterAll(() => project?.remove());

describe('a build in 3 shards, merged', () => {
  it('builds every shard and merges them, each shard holding part of the pages', () => {
    for (const shard of shards) {
      expect(builds[shard]!.code, builds[shard]!.output).toBe(0);
      expect(files(join(project.dir, shard)).filter((file) => file.endsWith('.html')).length).toBeGreaterThan(0);
    }
    expect(builds.merge!.output).toContain('Merged 3 shards');
    expect(builds.merge!.code, builds.merge!.output).toBe(builds.whole!.code);
  });

  it(`holds the files of a whole build, every page the same apart from: ${NORMALIZED.join('; ')}`, () => {
    expectSameSite(join(project.dir, 'merged'), join(project.dir, 'dist'));
  });

  it('npm run build of a site over one shard’s worth builds its shards one after another, each printed whole, into the same site', () => {
    const { code, stdout, output } = builds.auto!;
    expect(code, output).toBe(builds.whole!.code);
    expect(stdout).toContain('Building in 3 shards, one after another');
    // One after another: each shard's build begins after the one before it is complete.
    const done = [...stdout.matchAll(/\[build\] Complete!/g)].map((match) => match.index);
    const begun = [1, 2, 3].map((k) => stdout.indexOf(`-shards/${k}/`));
    expect(done).toHaveLength(3);
    expect(begun[1]).toBeGreaterThan(done[0]!);
    expect(begun[2]).toBeGreaterThan(done[1]!);
    expectSameSite(join(project.dir, 'auto'), join(project.dir, 'dist'));
  });

  it('the checks report the same findings on the merged site as on the whole build', () => {
    const report = (output: string) => output.slice(output.indexOf('Translation coverage'));
    expect(report(builds.merge!.stdout)).toEqual(report(builds.whole!.stdout));
    expect(linkFindings(join(project.dir, 'merged'))).toEqual(linkFindings(join(project.dir, 'dist')));
  });

  it('refuses a missing or doubled shard, and shards whose files differ, with exit 2 and what to do', () => {
    const missing = run(project.dir, process.execPath, ['scripts/build.ts', '--merge', 'shard-1', 'shard-3']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 2/3 is missing');
    const doubled = run(project.dir, process.execPath, ['scripts/build.ts', '--merge', 'shard-1', 'shard-2', 'shard-2', 'shard-3']);
    expect(doubled.code).toBe(2);
    expect(doubled.stderr).toContain('shard 2/3 is given twice');
    cpSync(join(project.dir, 'shard-2'), join(project.dir, 'other-2'), { recursive: true });
    const asset = files(join(project.dir, 'other-2')).find((file) => file.startsWith('_astro/'))!;
    writeFileSync(join(project.dir, 'other-2', asset), 'changed');
    const differ = run(project.dir, process.execPath, ['scripts/build.ts', '--merge', 'shard-1', 'other-2', 'shard-3']);
    expect(differ.code).toBe(2);
    expect(differ.stderr).toContain(`${asset} differs between`);
    expect(run(project.dir, process.execPath, ['scripts/build.ts', '--shard', '4/3']).code).toBe(2);
    expect(run(project.dir, process.execPath, ['scripts/build.ts', '--merge']).code).toBe(2);
    // A refused merge leaves the last good dist/ in place.
    expect(files(join(project.dir, 'dist'))).toEqual(files(join(project.dir, 'merged')));
  });
});

describe('npm run build of a site in shards, when shards’ content fails the guard', () => {
  let broken: ProjectCopy | undefined;
  afterAll(() => broken?.remove());

  it(
    'reports the problems of every shard in one run, builds nothing more after the failed shard, and leaves dist/ as it was',
    () => {
      broken = copyProject();
      addSections(broken.dir);
      // A page of shard 2 and one of shard 3 (the plan is the content's: src/model/shard.ts), each with an unclosed tag.
      const site = loadSite(broken.dir);
      const sources = site.pagesOf(site.registry.source.code);
      const plan = planShards(
        sources.map((page) => page.slug),
        3,
      );
      const inShard = (k: number) => sources.find((page) => plan.get(sectionOf(page.slug)) === k)!.file;
      const planted = [inShard(2), inShard(3)];
      for (const file of planted) writeFileSync(join(broken.dir, file), `${readFileSync(join(broken.dir, file), 'utf8')}\n<Unclosed\n`);
      // The last good build, which must stay.
      mkdirSync(join(broken.dir, 'dist/en'), { recursive: true });
      writeFileSync(join(broken.dir, 'dist/en/index.html'), '<!doctype html><title>previous build</title>');
      const result = run(broken.dir, process.execPath, ['scripts/build.ts'], { PUBLISHER_DOCS_PAGES_PER_SHARD: String(SMALL_SHARD) });
      expect(result.code, result.output).toBe(1);
      for (const file of planted) expect(result.output).toContain(file);
      // Shard 1 was built; shard 2 stopped at its guard; shard 3 was only guarded.
      expect(result.stdout.match(/\[build\] Complete!/g)).toHaveLength(1);
      expect(result.output).not.toContain('Merged');
      expect(result.output).not.toMatch(/\n\s+at /);
      expect(files(join(broken.dir, 'dist'))).toEqual([join('en', 'index.html')]);
      expect(readFileSync(join(broken.dir, 'dist/en/index.html'), 'utf8')).toContain('previous build');
      expect(readdirSync(broken.dir).filter((name) => name.startsWith('.dist-') || name.startsWith('.build.lock'))).toEqual([]);
    },
    3 * BUILD_LIMIT_MS,
  );
});
