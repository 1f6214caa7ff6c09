/**
 * Runs fuzz cases in a worker thread (fuzzWorker.ts) with a time bound that
 * grows with the input: a case that takes longer than its bound is a hang,
 * the worker is terminated (a loop in synchronous code cannot be interrupted
 * any other way) and a fresh one started for the next case.
 */
import { Worker } from 'node:worker_threads';
import type { Outcome, TargetName } from './fuzzWorker.ts';

export type CaseResult = { kind: 'done'; results: Partial<Record<TargetName, Outcome>> } | { kind: 'hang'; boundMs: number };

/**
 * The bound for a case whose fuzzed input is `bytes` long: a generous base
 * for the three passes on the fixture (on a shared, loaded machine) plus a
 * share per kilobyte, so larger input gets proportionally more time.
 */
export function caseBound(bytes: number): number {
  return 30_000 + 2_000 * Math.ceil(bytes / 1024);
}

export class BoundedRunner {
  private worker: Worker | undefined;
  private next = 0;
  private readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  private start(): Worker {
    // Node's own options, as `npm run check:i18n` runs: not the test runner's (`--conditions development` would load
    // the parsers' development builds, whose internal assertions the commands never run).
    this.worker ??= new Worker(new URL('./fuzzWorker.ts', import.meta.url), { workerData: { root: this.root }, execArgv: [] });
    return this.worker;
  }

  /** One run of the targets (default: all) on the project as it is on disk now. */
  run(boundMs: number, targets?: readonly TargetName[]): Promise<CaseResult> {
    const worker = this.start();
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        this.worker = undefined;
        void worker.terminate();
        resolve({ kind: 'hang', boundMs });
      }, boundMs);
      const onMessage = (message: { id: number; results: Partial<Record<TargetName, Outcome>> }) => {
        if (message.id !== id) return;
        cleanup();
        resolve({ kind: 'done', results: message.results });
      };
      const onError = (error: Error) => {
        cleanup();
        this.worker = undefined;
        reject(error);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, targets });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
