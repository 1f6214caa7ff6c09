/**
 * Build stages report how long they took, so `npm run bench` can show where a
 * build's time goes (content guard, Astro's rendering, Pagefind, 404 pages).
 * Written only when `PUBLISHER_DOCS_TIMINGS` names a file: one JSON line per stage.
 */
import { appendFileSync } from 'node:fs';

export const TIMINGS_ENV = 'PUBLISHER_DOCS_TIMINGS';

export function recordStage(stage: string, ms: number): void {
  const file = process.env[TIMINGS_ENV];
  if (file) appendFileSync(file, `${JSON.stringify({ stage, ms: Math.round(ms) })}\n`);
}
