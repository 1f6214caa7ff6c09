/** Worker thread of scanDist.ts: reads one contiguous range of built pages and posts what it found. */
import { parentPort, workerData } from 'node:worker_threads';
import { scanPages, type ScanJob } from './scanDist.ts';

const job = workerData as ScanJob;
const result = scanPages(job, (read) => {
  if (read % 250 === 0) parentPort!.postMessage({ read: 250 });
});
parentPort!.postMessage({ result });
