/**
 * Preloaded (`node --import`) into each process `npm run build` starts while
 * `npm run bench` records stages: writes the process's peak resident memory
 * when it exits, as `{ process, peakBytes }` (`process`: the script it ran,
 * such as astro.mjs or check-links.ts). Node has no other way to learn a
 * child's peak, and GNU time gives only the largest process of the tree.
 */
import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';
import { TIMINGS_ENV } from './stageTimings.ts';

const file = process.env[TIMINGS_ENV];
if (file) {
  process.on('exit', () => {
    const shard = process.env.PUBLISHER_DOCS_SHARD;
    const name = `${basename(process.argv[1] ?? 'node')}${shard ? ` (shard ${shard})` : ''}`;
    appendFileSync(file, `${JSON.stringify({ process: name, peakBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
  });
}
