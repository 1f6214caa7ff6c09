/**
 * Builds the Pagefind search index after `astro build`, one index per
 * language from each page's `<html lang>`, from `<main data-pagefind-body>`
 * only (navigation, notices and fallback pages stay out of it).
 *
 * `astro dev` has no built pages to index, so it serves the index of the last
 * `npm run build` from dist/pagefind: run a build once and search works in dev.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { currentShard } from '../model/shard.ts';
import { PAGES_WRITTEN, tellParent } from './buildMessages.ts';
import { pagefindProblems, settle } from './pagefindOutput.ts';
import { recordStage } from './stageTimings.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Pagefind reads only the locales' folders: the translation review pages and the root language chooser hold nothing to search, and skipping them saves reading a third of the pages. */
function localeGlob(locales: readonly string[]): string {
  return `${locales.length === 1 ? locales[0] : `{${locales.join(',')}}`}/**/*.html`;
}

/** Ends the build with what is wrong with the index, one line each (exiting, as the content guard does, keeps Astro from adding a stack trace). */
function fail(logger: { error(message: string): void }, problems: readonly string[]): never {
  logger.error(
    `The search index is incomplete, so search would break:\n${problems.map((problem) => `  ${problem}`).join('\n')}\nRun the build again; if it repeats, report it with this output.`,
  );
  process.exit(1);
}

/**
 * Indexes the built site in `site` into `site/pagefind`: the pages indexed, and what is wrong with the
 * index (empty when it is whole). The integration runs it after `astro build`; `npm run build -- --merge`
 * runs it over the merged shards (src/model/shard.ts), since a shard's pages are only part of the site.
 */
export async function writeSearchIndex(
  site: string,
  locales: readonly string[],
): Promise<{ pages: number; problems: string[]; peakBytes?: number | undefined }> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: site, glob: localeGlob(locales) });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
  if (added.page_count === 0) {
    await close();
    return { pages: 0, problems: [`Pagefind found no page to index in ${site} (${localeGlob(locales)}).`] };
  }
  const output = join(site, 'pagefind');
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  // Pagefind answers before its last writes land, and close() kills it: wait for a whole index first (pagefindOutput.ts).
  const unsettled = await settle(output);
  const peakBytes = childrenPeakBytes();
  await close();
  return { pages: added.page_count, problems: unsettled.length > 0 ? unsettled : pagefindProblems(output), peakBytes };
}

/**
 * The peak resident memory of this process's child processes (Pagefind's indexer is one), read from
 * Linux's /proc while they still run; undefined elsewhere. For the bench's per-stage figures only.
 */
function childrenPeakBytes(): number | undefined {
  try {
    let peak: number | undefined;
    for (const task of readdirSync('/proc/self/task')) {
      for (const pid of readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) {
        const line = readFileSync(`/proc/${pid}/status`, 'utf8')
          .split('\n')
          .find((entry) => entry.startsWith('VmHWM:'));
        const kilobytes = Number(line?.split(/\s+/)[1]);
        if (Number.isFinite(kilobytes)) peak = Math.max(peak ?? 0, kilobytes * 1024);
      }
    }
    return peak;
  } catch {
    return undefined;
  }
}

export function searchIndex(locales: readonly string[]): AstroIntegration {
  let outDir = '';
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Runs last (see astro.config.mjs): everything else is in dist/ now.
        tellParent(PAGES_WRITTEN);
        // A shard holds part of the site: the merge indexes the whole of it.
        if (currentShard()) return;
        const start = performance.now();
        const { pages, problems, peakBytes } = await writeSearchIndex(fileURLToPath(dir), locales);
        if (problems.length > 0) fail(logger, problems);
        logger.info(`Indexed ${pages} pages for search.`);
        // Pagefind's indexer is a process of its own: its peak, not Astro's.
        recordStage('Pagefind index', performance.now() - start, peakBytes, pages);
      },
      'astro:server:setup': ({ server, logger }) => {
        const folder = join(outDir, 'pagefind');
        if (!existsSync(folder)) logger.warn('Search needs an index: run `npm run build` once, then search works in `npm run dev` too.');
        server.middlewares.use('/pagefind/', (request, response, next) => {
          const path = normalize(join(folder, decodeURIComponent((request.url ?? '').split('?')[0]!)));
          if (!path.startsWith(folder) || !existsSync(path)) return next();
          response.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
          response.end(readFileSync(path));
        });
      },
    },
  };
}
