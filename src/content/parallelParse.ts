/**
 * Parses the pages a cache does not have yet on every core, and hands them to
 * the cache, so the (synchronous) check that follows finds them all parsed.
 * Parsing MDX is most of a cold run's time.
 *
 * The main thread takes a share itself, beside one worker thread per other
 * core: it would only wait otherwise, and each worker is a whole JavaScript
 * engine of its own (about 100 MB), so one fewer keeps a checker's memory low.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PageFile } from '../model/pageFile.ts';
import { parsePage, type ParsedPage } from './parsedPage.ts';
import type { ParseCache } from './parseCache.ts';

/** Below this many pages per thread, starting a worker costs more than it saves. */
const MIN_PAGES = 200;
/** Pages a worker sends back at a time, so neither side holds a whole share twice. */
export const PARSE_BATCH = 50;
/**
 * A worker's heap. Pages are parsed one at a time and sent back in batches, so
 * little lives long in a worker: a capped old generation keeps V8 from growing
 * it, while a roomy young generation keeps the short-lived parse trees from
 * costing collections (with 16 MB a worker spent a quarter of its time in GC).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 64 };

/** Takes the next page no thread has taken yet. */
export function claim(next: Int32Array): number {
  return Atomics.add(next, 0, 1);
}

export interface ParseJob {
  file: string;
  path: string;
  locale: string;
  text: string;
}

/**
 * @param files every page file by locale, as the content model reads them (`readPageFiles`).
 * @returns how many pages were parsed in parallel; 0 when there were too few to share out (the checker parses them as it asks).
 */
export async function parseInParallel(files: ReadonlyMap<string, readonly PageFile[]>, locales: readonly string[], cache: ParseCache): Promise<number> {
  const jobs: ParseJob[] = [];
  for (const locale of locales) {
    for (const { file, path, text } of files.get(locale) ?? []) {
      if (!cache.has(file, text)) jobs.push({ file, path, locale, text });
    }
  }
  const threads = Math.min(availableParallelism(), Math.floor(jobs.length / MIN_PAGES));
  if (threads < 2) return 0;
  // Every thread claims the next unparsed page from one shared counter, so none waits while another still has a long share.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const working = Array.from({ length: threads - 1 }, () => new Promise<void>((resolve) => {
    const worker = new Worker(new URL('./parseWorker.ts', import.meta.url), { workerData: { jobs, next }, resourceLimits: WORKER_LIMITS });
    worker.on('message', (batch: [index: number, page: ParsedPage][]) => {
      for (const [index, page] of batch) cache.put(jobs[index]!.file, jobs[index]!.text, page);
    });
    // A worker that fails (out of memory on a huge page) stops claiming pages; the others parse the
    // rest, and a page it claimed but did not send is parsed on the main thread when the checker asks.
    worker.on('error', () => undefined);
    worker.once('exit', () => resolve());
  }));
  for (let index = claim(next); index < jobs.length; index = claim(next)) {
    const job = jobs[index]!;
    cache.put(job.file, job.text, parsePage(job.file, job.path, job.locale, job.text));
  }
  await Promise.all(working);
  return jobs.length;
}
