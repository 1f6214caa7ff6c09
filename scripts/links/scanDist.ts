/**
 * Reads built pages and resolves their links: for each page its ids, and each
 * distinct internal target once with the numbers of the pages that link to
 * it. On a large site the pages are split into contiguous ranges read in
 * worker threads (scanWorker.ts), one per core; the ranges are merged in
 * order, so the result is the same as reading them in one thread.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LinkResolver, pageUrlOfFile, type Resolved } from './distIndex.ts';
import { scanHtml, type HtmlScan } from './html.ts';

export type Internal = Extract<Resolved, { kind: 'internal' | 'invalid' }>;

export interface ScanResult {
  /** Ids per HTML file path. */
  ids: Map<string, Set<string>>;
  /** Each internal target once, with the pages (numbers into the file list) that link to it, each once, ascending. */
  targets: Map<string, { resolved: Internal; pages: number[] }>;
  /** Link occurrences read. */
  checked: number;
}

export interface ScanJob {
  dist: string;
  files: readonly string[];
  /** The page number of `files[0]`. */
  firstPage: number;
  siteOrigin: string;
}

/** Below this many pages per worker, starting workers costs more than it saves. */
const MIN_PAGES_PER_WORKER = 250;

/** The path relative links on a page resolve against: its URL, or its `<base href>` on the site. */
export function baseOf(file: string, base: string | undefined, siteOrigin: string): string {
  const url = pageUrlOfFile(file);
  if (base === undefined) return url;
  try {
    const resolved = new URL(base, new URL(url, siteOrigin));
    return resolved.origin === new URL(siteOrigin).origin ? resolved.pathname : url;
  } catch {
    return url;
  }
}

/** Reads the pages of one job in this thread. */
export function scanPages(job: ScanJob, onPage?: (read: number) => void): ScanResult {
  const resolver = new LinkResolver(job.siteOrigin);
  const result: ScanResult = { ids: new Map(), targets: new Map(), checked: 0 };
  job.files.forEach((file, index) => {
    const pageNumber = job.firstPage + index;
    const url = pageUrlOfFile(file);
    // Links resolve against the page's URL, or its <base href>, which a page declares in its head, before any link.
    let base = url;
    let baseSeen: string | undefined;
    const scan: HtmlScan = { ids: new Set() };
    scanHtml(
      readFileSync(join(job.dist, file), 'utf8'),
      (href) => {
        if (scan.base !== baseSeen) base = baseOf(file, (baseSeen = scan.base), job.siteOrigin);
        result.checked++;
        const resolved = resolver.resolveOn(href, base, file);
        if (resolved.kind !== 'internal' && resolved.kind !== 'invalid') return;
        let target = result.targets.get(resolved.key);
        if (!target) result.targets.set(resolved.key, (target = { resolved, pages: [] }));
        if (target.pages.at(-1) !== pageNumber) target.pages.push(pageNumber);
      },
      scan,
    );
    result.ids.set(file, scan.ids);
    onPage?.(index + 1);
  });
  return result;
}

/** Reads every page, in worker threads when there are enough of them. */
export async function scanDist(
  dist: string,
  files: readonly string[],
  siteOrigin: string,
  onProgress?: (read: number) => void,
  workerCount?: number,
): Promise<ScanResult> {
  const workers = workerCount ?? Math.min(availableParallelism(), Math.floor(files.length / MIN_PAGES_PER_WORKER));
  if (workers < 2) return scanPages({ dist, files, firstPage: 0, siteOrigin }, (read) => read % 250 === 0 && onProgress?.(read));
  const size = Math.ceil(files.length / workers);
  const jobs: ScanJob[] = Array.from({ length: workers }, (_, index) => ({
    dist,
    files: files.slice(index * size, (index + 1) * size),
    firstPage: index * size,
    siteOrigin,
  }));
  let read = 0;
  const parts = await Promise.all(
    jobs.map(
      (job) =>
        new Promise<ScanResult>((resolve, reject) => {
          // A small young generation: each page's text is garbage once read, and a large one only grows the peak memory.
          const worker = new Worker(new URL('./scanWorker.ts', import.meta.url), {
            workerData: job,
            resourceLimits: { maxYoungGenerationSizeMb: 8 },
          });
          worker.on('message', (message: { read: number } | { result: ScanResult }) => {
            if ('read' in message) onProgress?.((read += message.read));
            else resolve(message.result);
          });
          worker.once('error', reject);
        }),
    ),
  );
  const merged: ScanResult = { ids: new Map(), targets: new Map(), checked: 0 };
  for (const part of parts) {
    merged.checked += part.checked;
    for (const [file, ids] of part.ids) merged.ids.set(file, ids);
    for (const [key, target] of part.targets) {
      const existing = merged.targets.get(key);
      if (existing) existing.pages.push(...target.pages);
      else merged.targets.set(key, target);
    }
  }
  return merged;
}
