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
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_GUARDED, PAGES_WRITTEN } from '../src/integrations/buildMessages.ts';
import { recordStage } from '../src/integrations/stageTimings.ts';
import { acquireBuildLock } from './lib/buildLock.ts';
import { EXIT, paint, parseCli, runCommand } from './lib/cli.ts';
import { promote, removeLeftovers, stagingFolder } from './lib/stagedDist.ts';

const USAGE = `Usage: npm run build [-- --details] [-- --help]

Builds the site into dist/ (content guard, Astro, 404 pages, Pagefind) with
the translation check running beside the build and the link check beside
Pagefind; both reports follow Astro's output: errors in full, warnings as one
line per locale with the command that lists them (--details lists every
warning here). Exit 0 clean, 1 problems found, 2 usage or configuration
error or another build running. dist/ is replaced only by a complete
build, and one build at a time runs in a folder (a second exits 2). CI runs the three steps one by one instead (see the README).`;

const ROOT = join(import.meta.dirname, '..');

interface Finished {
  code: number;
  output: string;
}

/** Node's compile cache, on before a child's modules load (see scripts/lib/compileCache.ts). */
const COMPILE_CACHE = ['--import', pathToFileURL(join(ROOT, 'scripts/lib/compileCache.ts')).href];

/** Runs a command of this project with this Node; `hold` keeps its output back to print later. */
function start(args: string[], options: { hold?: boolean; ipc?: boolean } = {}): { child: ChildProcess; done: Promise<Finished> } {
  const color = process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {};
  const child = spawn(process.execPath, [...COMPILE_CACHE, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...(options.hold ? color : {}) },
    stdio: ['ignore', options.hold ? 'pipe' : 'inherit', options.hold ? 'pipe' : 'inherit', ...(options.ipc ? ['ipc' as const] : [])],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<Finished>((resolve) => {
    child.once('error', (error) => resolve({ code: EXIT.usage, output: `Could not run ${args.join(' ')}: ${error.message}\n` }));
    child.once('close', (code) => resolve({ code: code ?? EXIT.problems, output }));
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
  const { values } = parseCli(process.argv.slice(2), {
    help: { type: 'boolean', default: false },
    details: { type: 'boolean', default: false },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const lock = acquireBuildLock(ROOT);
  if (!lock.ok) {
    process.stderr.write(`${paint('red', 'error', process.stderr)} ${lock.message}\n`);
    return EXIT.usage;
  }
  const staging = stagingFolder(ROOT);
  const children: ChildProcess[] = [];
  // Ctrl-C or a kill: stop the stages, drop the staging folder, free the lock; dist/ stays as it was.
  const stop = (signal: NodeJS.Signals) => {
    for (const child of children) child.kill(signal);
    rmSync(staging, { recursive: true, force: true });
    lock.release();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for (const name of removeLeftovers(ROOT)) process.stdout.write(`Removed ${name}, left by a build that was stopped.\n`);
    if (lock.tookOver) process.stdout.write(`Took over the build lock of pid ${lock.tookOver.pid}, which no longer runs.\n`);
    const { code, built } = await buildInto(staging, children, values.details);
    // A complete site replaces dist/ even when a check found problems (as before: the checks judge it, they do not unmake it).
    if (built) promote(staging, join(ROOT, 'dist'));
    return code;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
});

/** Astro into `staging`, with both checks beside it: the exit code, and whether Astro built the whole site. */
async function buildInto(staging: string, children: ChildProcess[], details: boolean): Promise<{ code: number; built: boolean }> {
  const launch = (args: string[], options: { hold?: boolean; ipc?: boolean } = {}) => {
    const started = start(args, options);
    children.push(started.child);
    return started;
  };
  const astro = launch([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging], { ipc: true });
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
