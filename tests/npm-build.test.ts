/**
 * `npm run build` (scripts/build.ts): the site, the translation check beside
 * it and the link check after it, with every stage's report and one exit code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyProject, ROOT, run, type ProjectCopy, type RunResult } from './helpers/project.ts';
import { NPM_BUILD_LIMIT_MS } from './helpers/work.ts';

let project: ProjectCopy | undefined;
afterEach(() => project?.remove());

function npmBuild(change: (dir: string) => void, env: Record<string, string> = {}) {
  project = copyProject();
  change(project.dir);
  return run(project.dir, process.execPath, ['scripts/build.ts'], env, NPM_BUILD_LIMIT_MS);
}

/** One `npm run build` (work.ts); two at once get the same, as one of them is refused at once. */
const BUILD_BOUND_MS = NPM_BUILD_LIMIT_MS;

/** `npm run build` in `cwd` without waiting, so two can run at once. */
function npmBuildAsync(cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      cwd,
      timeout: BUILD_BOUND_MS,
      env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` }));
  });
}

/** A previous build's dist/, as a marker the test can recognise. */
function previousDist(dir: string) {
  mkdirSync(join(dir, 'dist/en'), { recursive: true });
  writeFileSync(join(dir, 'dist/en/index.html'), '<!doctype html><title>previous build</title>');
}

/** What a failed build must leave behind: the previous dist/, no staging folder, no lock. */
function expectUntouched(dir: string) {
  expect(readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' }).sort()).toEqual(['en', join('en', 'index.html')]);
  expect(readFileSync(join(dir, 'dist/en/index.html'), 'utf8')).toContain('previous build');
  expect(readdirSync(dir).filter((name) => name.startsWith('.dist-') || name.startsWith('.build.lock'))).toEqual([]);
}

/** The pid of a process that has exited: a build killed without cleaning up. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

function append(dir: string, file: string, text: string) {
  writeFileSync(join(dir, file), `${readFileSync(join(dir, file), 'utf8')}${text}`);
}

describe('npm run build', () => {
  it(
    'builds the site and reports both checks, the translation check after the build, and fails on their errors',
    () => {
      // One German paragraph the source lacks, linking to no page: a translation error and a link error.
      const result = npmBuild((dir) => append(dir, 'content/de/index.mdx', '\nSiehe [die fehlende Seite](/de/gibt-es-nicht/).\n'));
      expect(result.code, result.output).toBe(1);
      const built = result.stdout.indexOf('Complete!');
      const translations = result.stdout.search(/content\/de\/index\.mdx:\d+:\d+ +error +(structure|link)-mismatch/);
      const links = result.stdout.search(/content\/de\/index\.mdx:\d+:\d+ +error +broken-link/);
      expect(built, result.output).toBeGreaterThan(-1);
      expect(translations, result.output).toBeGreaterThan(built);
      expect(links, result.output).toBeGreaterThan(translations);
    },
    NPM_BUILD_LIMIT_MS + 10_000,
  );

  it(
    'stops at the content guard without running the checks, and leaves the previous dist/ as it was',
    () => {
      const result = npmBuild((dir) => {
        previousDist(dir);
        const file = join(dir, 'content/de/index.mdx');
        writeFileSync(file, readFileSync(file, 'utf8').replace('order: 0', 'order: null'));
      });
      expect(result.code).toBe(1);
      expect(result.output).toContain('content/de/index.mdx:5:1');
      expect(result.output).not.toMatch(/UI strings \d+\/\d+/);
      expect(result.output).not.toMatch(/links in \d+ files/);
      expectUntouched(project!.dir);
    },
    NPM_BUILD_LIMIT_MS + 10_000,
  );

  it(
    'leaves the previous dist/ as it was when Astro fails after it started writing pages',
    () => {
      // A layout that throws while rendering: Astro has emptied its output folder and written assets by then.
      const result = npmBuild((dir) => {
        previousDist(dir);
        const layout = join(dir, 'src/layouts/PageLayout.astro');
        writeFileSync(
          layout,
          readFileSync(layout, 'utf8').replace(
            "<p>{t('footer.note')}</p>",
            "<p>{t('footer.note')}</p>{(() => { throw new Error('layout broke'); })()}",
          ),
        );
      });
      expect(result.code, result.output).toBe(1);
      expect(result.output).toContain('layout broke');
      expectUntouched(project!.dir);
    },
    NPM_BUILD_LIMIT_MS + 10_000,
  );

  it('refuses sizes in the environment that are not whole numbers, with exit 2, before building anything', () => {
    const result = npmBuild(previousDist, { PUBLISHER_DOCS_HEAP_MB: 'lots', PUBLISHER_DOCS_PAGES_PER_SHARD: '-5' });
    expect(result.code, result.output).toBe(2);
    expect(result.stderr).toContain('PUBLISHER_DOCS_PAGES_PER_SHARD must be a whole number of at least 1, not "-5"');
    expect(result.stderr).toContain('PUBLISHER_DOCS_HEAP_MB must be a whole number of at least 16, not "lots"');
    expectUntouched(project!.dir);
  });

  it(
    'says what to do when Astro runs out of its heap, and leaves the previous dist/ as it was',
    () => {
      // A heap far too small for Astro: V8 stops it as it would a shard too large for the limit.
      const result = npmBuild(previousDist, { PUBLISHER_DOCS_HEAP_MB: '16' });
      expect(result.code, result.output).toBe(1);
      expect(result.stderr).toMatch(/astro build stopped \(SIGABRT\), most likely out of its 16 MB heap/);
      expect(result.stderr).toContain('PUBLISHER_DOCS_PAGES_PER_SHARD=1000 npm run build');
      expect(result.stderr).toContain('PUBLISHER_DOCS_HEAP_MB=32 npm run build');
      expectUntouched(project!.dir);
    },
    NPM_BUILD_LIMIT_MS + 10_000,
  );

  it(
    'leaves the previous dist/ as it was when the build is killed halfway',
    async () => {
      project = copyProject();
      const { dir } = project;
      previousDist(dir);
      const child = spawn(process.execPath, ['scripts/build.ts'], {
        cwd: dir,
        timeout: BUILD_BOUND_MS,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      let output = '';
      const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
      // Killed (no chance to clean up) once Astro is writing pages into its staging folder.
      await new Promise<void>((resolve) =>
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('generating static routes') && child.kill('SIGKILL')) resolve();
        }),
      );
      await exited;
      expect(readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' }).sort()).toEqual(['en', join('en', 'index.html')]);
      expect(readFileSync(join(dir, 'dist/en/index.html'), 'utf8')).toContain('previous build');
      // Its lock and staging folder are left for the next build, which takes over and removes them.
      expect(JSON.parse(readFileSync(join(dir, '.build.lock'), 'utf8')).pid).toBe(child.pid);
      expect(readdirSync(dir)).toContain(`.dist-next-${child.pid}`);
    },
    BUILD_BOUND_MS + 10_000,
  );

  it(
    'runs one build at a time: of two started at once (over a stale lock), one builds and the other exits 2 naming the holder',
    async () => {
      project = copyProject();
      const { dir } = project;
      // A build killed earlier left its lock and its staging folder.
      const killed = deadPid();
      writeFileSync(join(dir, '.build.lock'), JSON.stringify({ pid: killed, started: '2026-01-01T00:00:00.000Z' }));
      mkdirSync(join(dir, `.dist-next-${killed}/en`), { recursive: true });
      const results = await Promise.all([npmBuildAsync(dir), npmBuildAsync(dir)]);
      const refused = results.filter((result) => result.code === 2);
      const built = results.filter((result) => result.code === 0);
      expect(refused, results.map((result) => result.output).join('\n----\n')).toHaveLength(1);
      expect(built).toHaveLength(1);
      expect(refused[0]!.stderr).toMatch(
        new RegExp(`another build is running in ${dir} \\(pid \\d+, started [^)]+\\)\\. Wait for it to finish`),
      );
      expect(refused[0]!.stderr).not.toMatch(/\n\s+at /);
      expect(built[0]!.stdout).toContain(`Took over the build lock of pid ${killed}, which no longer runs.`);
      expect(built[0]!.stdout).toContain(`Removed .dist-next-${killed}, left by a build that was stopped.`);
      // The winner's site is whole: pages and a verified search index; nothing of the build is left beside it.
      expect(existsSync(join(dir, 'dist/en/index.html'))).toBe(true);
      const pagefind = readdirSync(join(dir, 'dist/pagefind'), { recursive: true, encoding: 'utf8' }).filter((file) =>
        statSync(join(dir, 'dist/pagefind', file)).isFile(),
      );
      expect(pagefind.filter((file) => statSync(join(dir, 'dist/pagefind', file)).size === 0)).toEqual([]);
      expect(pagefind).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json']));
      expect(readdirSync(dir).filter((name) => name.startsWith('.dist-') || name.startsWith('.build.lock'))).toEqual([]);
    },
    BUILD_BOUND_MS + 10_000,
  );
});
