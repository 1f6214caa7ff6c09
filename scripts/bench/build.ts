/**
 * `npm run bench -- --only build`: the whole `npm run build` of a generated
 * site, stage by stage (content guard, Astro's rendering, Pagefind, 404
 * pages, check:i18n, check:links), each with its process's peak memory, the size of dist/, the
 * HTML bytes of one guide page, and the rebuild after editing one page.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TIMINGS_ENV } from '../../src/integrations/stageTimings.ts';
import { corpusSlug, editOnePage, generateCorpus } from './corpus.ts';
import { expectExit, measure } from './measure.ts';
import { measureReader, type ReaderFigures } from './reader.ts';

export interface StageFigure {
  stage: string;
  ms: number;
  peakBytes?: number | undefined;
  /** Pages the stage worked on, where it says (Pagefind's indexed pages). */
  items?: number | undefined;
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
  /** The translation dashboard: its overview and the largest page of a locale's list, in HTML bytes. */
  dashboard: { overviewBytes: number; largestListBytes: number; listPages: number };
  /** A guide page in headless Chromium: bytes before search, Pagefind's bytes for a first query. */
  reader: ReaderFigures;
  /** The same build again after one English page was edited. */
  rebuild: { stages: StageFigure[]; totalMs: number };
}

/** `npm run build` (scripts/build.ts) as a whole; its stages report their times (see stageTimings.ts). */
function runBuild(root: string): { stages: StageFigure[]; totalMs: number; peakBytes: number | undefined } {
  const timings = join(root, 'stage-timings.jsonl');
  rmSync(timings, { force: true });
  // Exit 0: the corpus has warnings (fine) and no errors.
  const build = expectExit(
    'npm run build',
    measure(process.execPath, ['scripts/build.ts'], { cwd: root, env: { [TIMINGS_ENV]: timings } }),
  );
  const lines = existsSync(timings)
    ? readFileSync(timings, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as StageFigure | { process: string; peakBytes: number })
    : [];
  const recorded = lines.filter((line): line is StageFigure => 'stage' in line);
  // Each process the build started wrote its own peak when it exited (src/integrations/recordPeak.ts).
  const peakOf = (script: string) =>
    Math.max(...lines.flatMap((line) => ('process' in line && line.process.startsWith(script) ? [line.peakBytes] : [])));
  const withPeak = (figures: StageFigure[], script: string) =>
    figures.map((figure) => ({ ...figure, peakBytes: Number.isFinite(peakOf(script)) ? peakOf(script) : undefined }));
  const stage = (name: string) => recorded.filter((figure) => figure.stage === name);
  const total = (figures: StageFigure[]) => figures.reduce((sum, figure) => sum + figure.ms, 0);
  // Astro's own part: the `astro build` process less the stages that run inside it.
  const inside = recorded.filter((figure) => ['content guard', 'Pagefind index', '404 pages'].includes(figure.stage));
  // Peaks: the guard's is its process's until then, Astro's the largest `astro build` process (of any shard),
  // Pagefind's its indexer's, each check's its own process's.
  const stages: StageFigure[] = [
    ...stage('content guard'),
    ...withPeak([{ stage: 'Astro build (rendering, bundling, sitemap)', ms: total(stage('astro build')) - total(inside) }], 'astro.mjs'),
    ...stage('404 pages'),
    ...stage('merge shards'),
    ...stage('Pagefind index'),
    ...withPeak(stage('check:i18n'), 'check-i18n.ts').map((figure) => ({ ...figure, stage: 'check:i18n (beside the Astro build)' })),
    ...withPeak(stage('check:links'), 'check-links.ts').map((figure) => ({ ...figure, stage: 'check:links (beside Pagefind)' })),
  ];
  return { stages, totalMs: build.ms, peakBytes: build.peakBytes };
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

export async function benchBuild(
  projectRoot: string,
  pages: number,
  locales: number,
  keep: boolean,
  partial = false,
): Promise<BuildFigures & { root: string }> {
  const corpus = generateCorpus(projectRoot, pages, locales, { buildable: true, partial });
  try {
    const first = runBuild(corpus.root);
    const dist = folderSize(join(corpus.root, 'dist'));
    const guideHtmlBytes = statSync(join(corpus.root, 'dist/en', corpusSlug(1), 'index.html')).size;
    const lists = readdirSync(join(corpus.root, 'dist/translations/locales'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).size);
    const dashboard = {
      overviewBytes: statSync(join(corpus.root, 'dist/translations/index.html')).size,
      largestListBytes: Math.max(...lists),
      listPages: lists.length,
    };
    const reader = await measureReader(join(corpus.root, 'dist'), `/en/${corpusSlug(1)}/`, 'campaign');
    editOnePage(corpus.root, 1);
    const rebuild = runBuild(corpus.root);
    return {
      root: corpus.root,
      pages,
      locales,
      ...first,
      distBytes: dist.bytes,
      distFiles: dist.files,
      guideHtmlBytes,
      dashboard,
      reader,
      rebuild: { stages: rebuild.stages, totalMs: rebuild.totalMs },
    };
  } finally {
    if (!keep) rmSync(corpus.root, { recursive: true, force: true });
  }
}
