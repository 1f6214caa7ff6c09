/**
 * `npm run bench -- --only build`: the whole `npm run build` of a generated
 * site, stage by stage (content guard, Astro's rendering, Pagefind, 404
 * pages, check:i18n, check:links), with peak memory, the size of dist/, the
 * HTML bytes of one guide page, and the rebuild after editing one page.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TIMINGS_ENV } from '../../src/integrations/stageTimings.ts';
import { corpusSlug, editOnePage, generateCorpus } from './corpus.ts';
import { expectExit, measure, type Measured } from './measure.ts';
import { measureReader, type ReaderFigures } from './reader.ts';

export interface StageFigure {
  stage: string;
  ms: number;
  peakBytes?: number | undefined;
}

export interface BuildFigures {
  pages: number;
  locales: number;
  stages: StageFigure[];
  totalMs: number;
  peakBytes: number | undefined;
  distBytes: number;
  distFiles: number;
  /** HTML bytes of one guide page (`/en/section-00/page-1/`). */
  guideHtmlBytes: number;
  /** A guide page in headless Chromium: bytes before search, Pagefind's bytes for a first query. */
  reader: ReaderFigures;
  /** The same build again after one English page was edited. */
  rebuild: { stages: StageFigure[]; totalMs: number };
}

/** `npm run build` as its three commands, each measured; Astro's build also reports its stages. */
function runBuild(root: string): { stages: StageFigure[]; totalMs: number; peakBytes: number | undefined } {
  const timings = join(root, 'stage-timings.jsonl');
  rmSync(timings, { force: true });
  const node = process.execPath;
  const astro = expectExit('astro build', measure(node, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, env: { [TIMINGS_ENV]: timings } }));
  // The checks exit 0 (clean) or 1 (warnings are fine, errors are not expected on the corpus).
  const i18n = expectExit('check:i18n', measure(node, ['scripts/check-i18n.ts', '--format', 'json'], { cwd: root }));
  const links = expectExit('check:links', measure(node, ['scripts/check-links.ts', '--format', 'json'], { cwd: root }));
  const inside = existsSync(timings) ? readFileSync(timings, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as StageFigure) : [];
  const insideMs = inside.reduce((sum, stage) => sum + stage.ms, 0);
  const stages: StageFigure[] = [
    ...inside.filter((stage) => stage.stage === 'content guard'),
    { stage: 'Astro build (rendering, bundling, sitemap)', ms: astro.ms - insideMs, peakBytes: astro.peakBytes },
    ...inside.filter((stage) => stage.stage !== 'content guard'),
    { stage: 'check:i18n', ms: i18n.ms, peakBytes: i18n.peakBytes },
    { stage: 'check:links', ms: links.ms, peakBytes: links.peakBytes },
  ];
  const peaks = [astro, i18n, links].map((run: Measured) => run.peakBytes);
  return { stages, totalMs: astro.ms + i18n.ms + links.ms, peakBytes: peaks.includes(undefined) ? undefined : Math.max(...(peaks as number[])) };
}

function folderSize(folder: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { bytes, files };
}

export async function benchBuild(projectRoot: string, pages: number, locales: number, keep: boolean): Promise<BuildFigures & { root: string }> {
  const corpus = generateCorpus(projectRoot, pages, locales, { buildable: true });
  try {
    const first = runBuild(corpus.root);
    const dist = folderSize(join(corpus.root, 'dist'));
    const guideHtmlBytes = statSync(join(corpus.root, 'dist/en', corpusSlug(1), 'index.html')).size;
    const reader = await measureReader(join(corpus.root, 'dist'), `/en/${corpusSlug(1)}/`, 'campaign');
    editOnePage(corpus.root, 1);
    const rebuild = runBuild(corpus.root);
    return { root: corpus.root, pages, locales, ...first, distBytes: dist.bytes, distFiles: dist.files, guideHtmlBytes, reader, rebuild: { stages: rebuild.stages, totalMs: rebuild.totalMs } };
  } finally {
    if (!keep) rmSync(corpus.root, { recursive: true, force: true });
  }
}

