/**
 * `npm run build`: the site and both checks, in as little time as two cores
 * allow.
 *
 *   1. `astro build`: content guard, pages, sitemap, 404 pages, search index.
 *   2. `check:i18n`, beside it: the translation check reads `content/`, not
 *      the built site, so it starts as soon as the content guard has parsed
 *      every page (the guard says so over the IPC channel) and runs while
 *      Astro bundles and renders, which leaves a core idle much of the time.
 *   3. `check:links` on `dist/`, beside Pagefind: it starts when every page
 *      is written (the search index integration says so before it indexes;
 *      no page links to the index's files, which only the search script loads).
 *   The checks' reports are held back and printed after Astro's output.
 *
 * One build at a time per folder (scripts/lib/buildLock.ts: a second one
 * exits 2 naming the pid), and `dist/` is only ever replaced by a complete
 * build: Astro writes into a staging folder that is renamed over `dist/` at
 * the end (scripts/lib/stagedDist.ts), so a failed or killed build leaves the
 * last good site in place.
 *
 * Each stage is its own command (a process per stage, never per page), so
 * their output and exit codes are exactly those of `npm run build:site`,
 * `npm run check:i18n` and `npm run check:links`. Exit 0 when all pass; 1 when
 * the build or a check found problems (both checks still report); 2 on a
 * usage or configuration error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_GUARDED, PAGES_WRITTEN } from '../src/integrations/buildMessages.ts';
import { GUARD_ONLY_ENV } from '../src/integrations/contentGuard.ts';
import { writeSearchIndex } from '../src/integrations/searchIndex.ts';
import { peakRecorder, recordStage } from '../src/integrations/stageTimings.ts';
import { parseShard, SHARD_ENV, type Shard } from '../src/model/shard.ts';
import { loadSite, type Site } from '../src/model/site.ts';
import { acquireBuildLock } from './lib/buildLock.ts';
import { EXIT, paint, parseCli, runCommand, UsageError } from './lib/cli.ts';
import { finishShard, mergeShards, readShardSet } from './lib/shards.ts';
import { promote, removeLeftovers, stagingFolder } from './lib/stagedDist.ts';

/** Problems with the sizes set in the environment, reported as a usage error when the command starts. */
const environmentProblems: string[] = [];

/** A whole number from the environment, at least `min`; `fallback` when unset. */
function environmentCount(name: string, fallback: number, min: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (Number.isInteger(value) && value >= min) return value;
  environmentProblems.push(`${name} must be a whole number of at least ${min}, not "${text}".`);
  return fallback;
}

/**
 * Page files (`content/<locale>/**.mdx`, every locale) per shard. An `astro build` process's memory
 * follows the pages it compiles and bundles, one module per file (a fallback page renders its source's
 * module), plus the whole site's model. Measured on the bench corpus with the heap below (docs/scale.md):
 * in a site of 10,102 files, a shard of 1,684 files peaks at 1.78 GB, of 2,021 at 1.91 to 1.99 GB, of
 * 2,526 at 2.19 GB. A site up to a tenth over one shard's worth stays one build, since its model is
 * small: 2,102 files (1,000 × 2) peak at 1.52 GB, and two shards would cost about 6% of the time.
 * `PUBLISHER_DOCS_PAGES_PER_SHARD` overrides it.
 */
const PAGES_PER_SHARD = environmentCount('PUBLISHER_DOCS_PAGES_PER_SHARD', 2000, 1);
/** The largest site built as one process. */
const ONE_BUILD_PAGES = Math.round(PAGES_PER_SHARD * 1.1);

/**
 * The JavaScript heap of each `astro build` process, in MB. Left alone, V8 lets the heap grow towards a
 * quarter of the machine's memory before it collects hard: on a 24 GB machine a shard of 2,021 page files
 * peaked at 2.95 GB, with this limit at 1.91 GB and no slower. Such a shard needs between 600 and 800 MB.
 * `PUBLISHER_DOCS_HEAP_MB` changes it; a `--max-old-space-size` in NODE_OPTIONS wins over both.
 */
const ASTRO_HEAP_MB = environmentCount('PUBLISHER_DOCS_HEAP_MB', 1024, 16);

/** Node options for an `astro build` process: the heap limit above, unless the person running the build set one. */
function astroNodeOptions(): string[] {
  return /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${ASTRO_HEAP_MB}`];
}

/** After an `astro build`: what to do when it ran out of heap (V8 printed its own message above); nothing otherwise. */
function explainAstroExit(astro: Finished): void {
  if (astro.signal !== 'SIGABRT') return;
  process.stderr.write(
    `${paint('red', 'error', process.stderr)} astro build stopped (${astro.signal}), most likely out of its ${ASTRO_HEAP_MB} MB heap. ` +
      `Build in smaller shards (PUBLISHER_DOCS_PAGES_PER_SHARD=${Math.max(100, Math.floor(PAGES_PER_SHARD / 2))} npm run build) ` +
      `or give each process more (PUBLISHER_DOCS_HEAP_MB=${ASTRO_HEAP_MB * 2} npm run build); see docs/scale.md.\n`,
  );
}

const USAGE = `Usage: npm run build [-- --details] [-- --help]
       npm run build -- --shard k/n [--out <dir>]
       npm run build -- --merge <dir>… [--details]

Builds the site into dist/ (content guard, Astro, 404 pages, Pagefind) with
the translation check running beside the build and the link check beside
Pagefind; both reports follow Astro's output: errors in full, warnings as one
line per locale with the command that lists them (--details lists every
warning here). Exit 0 clean, 1 problems found, 2 usage or configuration
error or another build running. dist/ is replaced only by a complete
build, and one build at a time runs in a folder (a second exits 2). CI runs the three steps one by one instead (see the README).

A site of more than ${ONE_BUILD_PAGES} page files (all locales) is built in
shards one after another, each in a fresh process, then merged, so memory
stays flat as the site grows (docs/scale.md).

  --shard k/n   build part k of n (whole sections, every locale of a page) into
                --out (default dist-shard-k-of-n/); no search index, no checks
  --merge <dir>…  merge the outputs of all n shards into dist/ (a file two
                shards hold must be identical), then index and check the whole site`;

const ROOT = join(import.meta.dirname, '..');

interface Finished {
  code: number;
  output: string;
  /** Set when a signal ended the process: SIGABRT is how V8 stops at its heap limit. */
  signal?: NodeJS.Signals | null;
}

/** Node's compile cache, on before a child's modules load (see scripts/lib/compileCache.mjs). */
const COMPILE_CACHE = ['--import', pathToFileURL(join(ROOT, 'scripts/lib/compileCache.mjs')).href];

/** Runs a command of this project with this Node; `hold` keeps its output back to print later. */
function start(
  args: string[],
  options: { hold?: boolean; ipc?: boolean; env?: NodeJS.ProcessEnv } = {},
): { child: ChildProcess; done: Promise<Finished> } {
  const color = process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {};
  const child = spawn(process.execPath, [...COMPILE_CACHE, ...peakRecorder(), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...(options.hold ? color : {}), ...options.env },
    stdio: ['ignore', options.hold ? 'pipe' : 'inherit', options.hold ? 'pipe' : 'inherit', ...(options.ipc ? ['ipc' as const] : [])],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<Finished>((resolve) => {
    child.once('error', (error) => resolve({ code: EXIT.usage, output: `Could not run ${args.join(' ')}: ${error.message}\n` }));
    child.once('close', (code, signal) => resolve({ code: code ?? EXIT.problems, output, signal }));
  });
  return { child, done };
}

function timed(stage: string, finished: Promise<Finished>): Promise<Finished> {
  const begin = performance.now();
  return finished.then((result) => {
    recordStage(stage, performance.now() - begin);
    return result;
  });
}

await runCommand(USAGE, async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), {
    details: { type: 'boolean', default: false },
    shard: { type: 'string' },
    out: { type: 'string' },
    merge: { type: 'boolean', default: false },
  });
  if (environmentProblems.length > 0) throw new UsageError(environmentProblems.join('\n'));
  const mode = buildMode(values, positionals);
  const lock = acquireBuildLock(ROOT);
  if (!lock.ok) {
    process.stderr.write(`${paint('red', 'error', process.stderr)} ${lock.message}\n`);
    return EXIT.usage;
  }
  const staging = stagingFolder(ROOT);
  // Shards built one after another (no options, a large site) go here before they are merged into staging.
  const shardsFolder = `${staging}-shards`;
  const children: ChildProcess[] = [];
  // Ctrl-C or a kill: stop the stages, drop the staging folder, free the lock; dist/ stays as it was.
  const stop = (signal: NodeJS.Signals) => {
    for (const child of children) child.kill(signal);
    rmSync(staging, { recursive: true, force: true });
    rmSync(shardsFolder, { recursive: true, force: true });
    lock.release();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for (const name of removeLeftovers(ROOT)) process.stdout.write(`Removed ${name}, left by a build that was stopped.\n`);
    if (lock.tookOver) process.stdout.write(`Took over the build lock of pid ${lock.tookOver.pid}, which no longer runs.\n`);
    if (mode.kind === 'shard') {
      const { code, built } = await buildShard(staging, mode.shard, children);
      if (built) {
        finishShard(staging, loadSite(ROOT), mode.shard);
        promote(staging, mode.out);
        process.stdout.write(
          `Shard ${mode.shard.index}/${mode.shard.count} is in ${relative(ROOT, mode.out).startsWith('..') ? mode.out : relative(ROOT, mode.out)}/; merge every shard with npm run build -- --merge <dirs…>.\n`,
        );
      }
      return code;
    }
    const shardCount = mode.kind === 'whole' ? shardsFor(loadSite(ROOT)) : 0;
    const { code, built } =
      mode.kind === 'merge'
        ? await mergeInto(staging, mode.folders, children, values.details, false)
        : shardCount > 1
          ? await buildInShards(staging, shardsFolder, shardCount, children, values.details)
          : await buildInto(staging, children, values.details);
    // A complete site replaces dist/ even when a check found problems (as before: the checks judge it, they do not unmake it).
    if (built) promote(staging, join(ROOT, 'dist'));
    return code;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(shardsFolder, { recursive: true, force: true });
    lock.release();
  }
});

/** Astro into `staging`, with both checks beside it: the exit code, and whether Astro built the whole site. */
async function buildInto(staging: string, children: ChildProcess[], details: boolean): Promise<{ code: number; built: boolean }> {
  const launch = (args: string[], options: { hold?: boolean; ipc?: boolean; env?: NodeJS.ProcessEnv } = {}) => {
    const started = start(args, options);
    children.push(started.child);
    return started;
  };
  const astro = launch([...astroNodeOptions(), join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging], {
    ipc: true,
  });
  let translations: Promise<Finished> | undefined;
  let links: Promise<Finished> | undefined;
  // A person reads this output: errors in full, warnings one line per locale (unless --details).
  const warnings = ['--warnings', details ? 'full' : 'summary'];
  const checkTranslations = () =>
    (translations ??= timed('check:i18n', launch(['scripts/check-i18n.ts', ...warnings], { hold: true }).done));
  // The link check reads the staging folder; its findings name it dist/, where it will be.
  const checkLinks = () =>
    (links ??= timed(
      'check:links',
      launch(['scripts/check-links.ts', '--dist', staging, '--dist-label', 'dist', ...warnings], { hold: true }).done,
    ));
  astro.child.on('message', (message) => {
    if (message === CONTENT_GUARDED) checkTranslations();
    if (message === PAGES_WRITTEN) checkLinks();
  });
  const site = await timed('astro build', astro.done);
  explainAstroExit(site);
  if (site.code !== EXIT.ok) {
    // The guard's report, or Astro's error, says why; a check that had started has nothing to add.
    for (const child of [translations, links]) if (child) await child;
    return { code: site.code === EXIT.usage ? EXIT.usage : EXIT.problems, built: false };
  }
  // Each started beside the build when its input was ready; after it, should no message have come.
  const i18n = await checkTranslations();
  process.stdout.write(i18n.output);
  const linkReport = await checkLinks();
  process.stdout.write(linkReport.output);
  return { code: Math.max(i18n.code, linkReport.code), built: true };
}

type Mode = { kind: 'whole' } | { kind: 'shard'; shard: Shard; out: string } | { kind: 'merge'; folders: string[] };

/** What the options ask for; a UsageError (exit 2) for any combination that makes no sense. */
function buildMode(
  values: { shard?: string | undefined; out?: string | undefined; merge?: boolean | undefined },
  positionals: string[],
): Mode {
  if (values.shard !== undefined && values.merge)
    throw new UsageError('--shard builds one shard and --merge merges them: use one at a time.');
  if (values.out !== undefined && values.shard === undefined)
    throw new UsageError('--out names a shard’s output folder: use it with --shard k/n.');
  if (values.merge) {
    if (positionals.length === 0)
      throw new UsageError(
        '--merge needs the output folder of every shard: npm run build -- --merge dist-shard-1-of-3 dist-shard-2-of-3 dist-shard-3-of-3',
      );
    return { kind: 'merge', folders: positionals.map((folder) => resolve(folder)) };
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}: only --merge takes folders.`);
  if (values.shard === undefined) return { kind: 'whole' };
  const shard = parseShard(values.shard);
  if (typeof shard === 'string') throw new UsageError(shard);
  const out = resolve(values.out ?? join(ROOT, `dist-shard-${shard.index}-of-${shard.count}`));
  if (out === ROOT || out === join(ROOT, 'dist'))
    throw new UsageError(`--out ${values.out}: a shard's output needs a folder of its own (not dist/ or the project).`);
  return { kind: 'shard', shard, out };
}

/** How many shards a whole build of this site uses: one per PAGES_PER_SHARD page files, none up to a tenth over. */
function shardsFor(site: Site): number {
  const files = [...site.files.values()].reduce((sum, list) => sum + list.length, 0);
  return files <= ONE_BUILD_PAGES ? 1 : Math.ceil(files / PAGES_PER_SHARD);
}

/** `astro build` of one shard into `folder`: its sections' pages, no search index (src/model/shard.ts). */
async function buildShard(
  folder: string,
  shard: Shard,
  children: ChildProcess[],
  options: { guardOnly?: boolean; onGuarded?: (() => void) | undefined } = {},
): Promise<{ code: number; built: boolean }> {
  const env = { [SHARD_ENV]: `${shard.index}/${shard.count}`, ...(options.guardOnly ? { [GUARD_ONLY_ENV]: '1' } : {}) };
  const astro = start([...astroNodeOptions(), join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', folder], {
    ipc: true,
    env,
  });
  children.push(astro.child);
  astro.child.on('message', (message) => {
    if (message === CONTENT_GUARDED) options.onGuarded?.();
  });
  const site = await timed('astro build', astro.done);
  explainAstroExit(site);
  if (site.code !== EXIT.ok) return { code: site.code === EXIT.usage ? EXIT.usage : EXIT.problems, built: false };
  return { code: EXIT.ok, built: !options.guardOnly };
}

/**
 * A large site on one machine: its shards one after another, each `astro build` a fresh process (so no
 * process holds more than a shard's pages), then the merge. The translation check runs beside them. When a
 * shard's content fails the guard, the remaining shards are guarded only, so every problem is reported.
 */
async function buildInShards(
  staging: string,
  shardsFolder: string,
  count: number,
  children: ChildProcess[],
  details: boolean,
): Promise<{ code: number; built: boolean }> {
  process.stdout.write(`Building in ${count} shards, one after another (more than ${ONE_BUILD_PAGES} page files: see docs/scale.md).\n`);
  const site = loadSite(ROOT);
  let translations: Promise<Finished> | undefined;
  const checkTranslations = () => (translations ??= timed('check:i18n', launchCheck(children, 'scripts/check-i18n.ts', details)));
  const folders: string[] = [];
  let failed = 0;
  for (let index = 1; index <= count; index++) {
    const shard = { index, count };
    const folder = join(shardsFolder, `${index}`);
    const { code, built } = await buildShard(folder, shard, children, {
      guardOnly: failed > 0,
      onGuarded: failed > 0 ? undefined : checkTranslations,
    });
    if (code !== EXIT.ok) failed ||= code;
    if (built) {
      finishShard(folder, site, shard);
      folders.push(folder);
    }
  }
  if (failed) {
    if (translations) await translations;
    return { code: failed === EXIT.usage ? EXIT.usage : EXIT.problems, built: false };
  }
  return mergeInto(staging, folders, children, details, true, checkTranslations());
}

/** The translation check or the link check, its report held back to print after the build's output. */
function launchCheck(children: ChildProcess[], script: string, details: boolean, args: string[] = []): Promise<Finished> {
  // A person reads this output: errors in full, warnings one line per locale (unless --details).
  const started = start([script, ...args, '--warnings', details ? 'full' : 'summary'], { hold: true });
  children.push(started.child);
  return started.done;
}

/**
 * Merges shard outputs into `staging` (refusing a set that is not every shard of this content once, or
 * files that differ), builds the search index of the whole site, and runs both checks over it, as an
 * unsharded build does: the translation check beside the merge, the link check beside Pagefind.
 */
async function mergeInto(
  staging: string,
  folders: readonly string[],
  children: ChildProcess[],
  details: boolean,
  move: boolean,
  translations?: Promise<Finished>,
): Promise<{ code: number; built: boolean }> {
  const site = loadSite(ROOT);
  const set = readShardSet(folders, site.pagesOf(site.registry.source.code).length);
  const refuse = (problems: string[], what: string) => {
    process.stderr.write(`${paint('red', 'error', process.stderr)} ${what}:\n${problems.map((line) => `  ${line}`).join('\n')}\n`);
    return { code: EXIT.usage, built: false };
  };
  if ('problems' in set) return refuse(set.problems, 'these folders are not the shards of one site');
  const i18n = translations ?? timed('check:i18n', launchCheck(children, 'scripts/check-i18n.ts', details));
  const begin = performance.now();
  const merged = mergeShards(folders, staging, { move });
  recordStage('merge shards', performance.now() - begin);
  if (merged.conflicts.length > 0) {
    await i18n;
    return refuse(merged.conflicts, 'the shards disagree');
  }
  process.stdout.write(`Merged ${set.markers.length} shards: ${merged.files} files.\n`);
  // The link check reads the staging folder; its findings name it dist/, where it will be.
  const links = timed('check:links', launchCheck(children, 'scripts/check-links.ts', details, ['--dist', staging, '--dist-label', 'dist']));
  const indexing = performance.now();
  const search = await writeSearchIndex(staging, site.registry.codes);
  recordStage('Pagefind index', performance.now() - indexing, search.peakBytes, search.pages);
  if (search.problems.length > 0) {
    await Promise.all([i18n, links]);
    process.stderr.write(
      `${paint('red', 'error', process.stderr)} The search index is incomplete, so search would break:\n${search.problems.map((line) => `  ${line}`).join('\n')}\n`,
    );
    return { code: EXIT.problems, built: false };
  }
  process.stdout.write(`Indexed ${search.pages} pages for search.\n`);
  const translationReport = await i18n;
  process.stdout.write(translationReport.output);
  const linkReport = await links;
  process.stdout.write(linkReport.output);
  return { code: Math.max(translationReport.code, linkReport.code), built: true };
}
