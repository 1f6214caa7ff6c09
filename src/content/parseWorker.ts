/**
 * A worker thread of parallelParse.ts: claims pages one at a time from the
 * shared counter, parses them, and sends them back in small batches, so the
 * pages it has sent can be collected here while it goes on (its memory stays
 * flat at any site size).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parsePage, type ParsedPage } from './parsedPage.ts';
import { claim, PARSE_BATCH, type ParseJob } from './parallelParse.ts';

const { jobs, next } = workerData as { jobs: ParseJob[]; next: Int32Array };
let batch: [number, ParsedPage][] = [];
for (let index = claim(next); index < jobs.length; index = claim(next)) {
  const job = jobs[index]!;
  batch.push([index, parsePage(job.file, job.path, job.locale, job.text)]);
  if (batch.length === PARSE_BATCH) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
parentPort!.postMessage(batch);
