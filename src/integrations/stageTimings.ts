/**
 * Build stages report how long they took and the peak memory of their
 * process so far, so `npm run bench` can show where a build's time and memory
 * go (content guard, Astro's rendering, Pagefind, 404 pages, each check).
 * Written only when `PUBLISHER_DOCS_TIMINGS` names a file: one JSON line per stage.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const TIMINGS_ENV = 'PUBLISHER_DOCS_TIMINGS';

/**
 * `peakBytes`: by default this process's peak resident memory until now (a stage inside `astro build`
 * peaks no higher than that). `items`: how many things the stage worked on (pages indexed), for a time per item.
 */
export function recordStage(
  stage: string,
  ms: number,
  peakBytes: number | undefined = process.resourceUsage().maxRSS * 1024,
  items?: number,
): void {
  const file = process.env[TIMINGS_ENV];
  if (file) appendFileSync(file, `${JSON.stringify({ stage, ms: Math.round(ms), peakBytes, items })}\n`);
}

/**
 * Node options for a stage's process (`npm run build` starts each stage as one): when timings are
 * recorded, a preload that writes the process's peak memory when it exits (see recordPeak.ts).
 */
export function peakRecorder(): string[] {
  return process.env[TIMINGS_ENV] ? ['--import', pathToFileURL(join(import.meta.dirname, 'recordPeak.ts')).href] : [];
}
