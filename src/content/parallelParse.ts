/**
 * Parses the pages a cache does not have yet on every core, in worker
 * threads, and hands them to the cache, so the (synchronous) check that follows
 * finds them all parsed. Parsing MDX is most of a cold run's time.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Site } from '../model/site.ts';
import type { ParsedPage } from './parsedPage.ts';
import type { ParseCache } from './parseCache.ts';

/** Below this many pages, starting workers costs more than it saves. */
const MIN_PAGES = 200;

export interface ParseJob {
  file: string;
  path: string;
  locale: string;
  text: string;
}

/** `site` holds every page's text, read once by the content model. */
export async function parseInParallel(site: Site, locales: readonly string[], cache: ParseCache): Promise<number> {
  const jobs: ParseJob[] = [];
  for (const locale of locales) {
    for (const { file, path, text } of site.files.get(locale) ?? []) {
      if (!cache.has(file, text)) jobs.push({ file, path, locale, text });
    }
  }
  const workers = Math.min(availableParallelism(), Math.ceil(jobs.length / MIN_PAGES));
  if (workers < 2) return 0;
  const chunks = Array.from({ length: workers }, (_, index) => jobs.filter((_, job) => job % workers === index));
  const results = await Promise.all(chunks.map((chunk) => new Promise<ParsedPage[]>((resolve, reject) => {
    const worker = new Worker(new URL('./parseWorker.ts', import.meta.url), { workerData: chunk });
    worker.once('message', resolve);
    worker.once('error', reject);
  })));
  chunks.forEach((chunk, index) => chunk.forEach((job, at) => cache.put(job.file, job.text, results[index]![at]!)));
  return jobs.length;
}
