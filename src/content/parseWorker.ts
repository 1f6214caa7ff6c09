/** A worker thread of parallelParse.ts: parses its share of the pages and sends them back. */
import { parentPort, workerData } from 'node:worker_threads';
import { parsePage } from './parsedPage.ts';
import type { ParseJob } from './parallelParse.ts';

parentPort!.postMessage((workerData as ParseJob[]).map((job) => parsePage(job.file, job.path, job.locale, job.text)));
