/**
 * Runs the content guard and both checkers' library entry points on the
 * fuzzed project folder, in a worker thread, so the test can stop a case that
 * hangs (tests/fuzz/runner.ts terminates the worker). Each target's outcome
 * is sent back as data: its findings, or the error it threw. A ContentError
 * (broken configuration, reported with its lines) and a UsageError (a clear
 * one-line refusal) are how the libraries report input they cannot use; any
 * other error is a crash the fuzz test reports.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ContentError, type Finding } from '../../src/report/finding.ts';
import { guardContent } from '../../src/content/guard.ts';
import { openParseCache } from '../../src/content/parseCache.ts';
import { loadRegistry } from '../../src/i18n/locales.ts';
import { loadSite } from '../../src/model/site.ts';
import { loadGlossary } from '../../src/translation/glossary.ts';
import { checkTranslations } from '../../scripts/i18n/check.ts';
import { UsageError } from '../../scripts/lib/cli.ts';
import { checkLinks } from '../../scripts/links/check.ts';

export type Outcome = (
  | { kind: 'findings'; findings: Finding[] }
  | { kind: 'config'; findings: Finding[] }
  | { kind: 'usage'; message: string }
  | { kind: 'crash'; message: string }
) & { ms: number };

export type TargetName = 'guard' | 'check:i18n' | 'check:links';

const { root } = workerData as { root: string };
// One in-memory parse cache for every case: only the mutated file is parsed again.
const cache = openParseCache(root, null);

async function outcome(run: () => Promise<Finding[]> | Finding[]): Promise<Outcome> {
  const start = performance.now();
  const ms = () => Math.round(performance.now() - start);
  try {
    const findings = await run();
    return { kind: 'findings', findings, ms: ms() };
  } catch (error) {
    if (error instanceof ContentError) return { kind: 'config', findings: [...error.problems], ms: ms() };
    if (error instanceof UsageError) return { kind: 'usage', message: error.message, ms: ms() };
    return { kind: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error), ms: ms() };
  }
}

const TARGETS: Record<TargetName, () => Promise<Finding[]> | Finding[]> = {
  guard: async () => (await guardContent(root, cache)).problems,
  'check:i18n': () => {
    const registry = loadRegistry(root);
    return checkTranslations({ root, registry, site: loadSite(root, registry), glossary: loadGlossary(root), cache, history: false })
      .findings;
  },
  // The source pass and the built-site pass on dist/ (no checking build: the fixture has no templates).
  'check:links': async () =>
    (await checkLinks({ root, registry: loadRegistry(root), siteOrigin: 'https://publishers.example.com', cache, traceBuild: false }))
      .findings,
};

parentPort!.on('message', async (message: { id: number; targets?: TargetName[] }) => {
  const results: Partial<Record<TargetName, Outcome>> = {};
  for (const target of message.targets ?? (Object.keys(TARGETS) as TargetName[])) results[target] = await outcome(TARGETS[target]);
  parentPort!.postMessage({ id: message.id, results });
});
