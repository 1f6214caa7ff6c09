/**
 * `npm run bench [-- options]`: speed figures, kept out of the tests. Each
 * part generates a site (N pages per locale in sections of 20, translations
 * aligned and stamped) at a small and a large size, so the growth per page
 * shows next to the figures. See the README's Benchmarks section.
 */
import { join } from 'node:path';
import { benchBuild, type BuildFigures } from './bench/build.ts';
import { editOnePage, generateCorpus } from './bench/corpus.ts';
import { cpuSeconds, expectExit, measure, megabytes, ms, type Measured } from './bench/measure.ts';
import { measureReader, printReader, READER_DIST } from './bench/reader.ts';
import { buildStarlight, STARLIGHT_VERSION, starlightProject } from './bench/starlight.ts';
import { readdirSync, rmSync } from 'node:fs';
import type { I18nSummary } from './i18n/check.ts';
import { parseCli, runCommand, UsageError } from './lib/cli.ts';

const USAGE = `Usage: npm run bench -- [options]

  --only <part>     i18n, xliff, links, build, shards, reader or starlight (default: all)
  --pages <n>       pages per locale of the large corpus (default 1000)
  --small <n>       pages per locale of the small corpus (default 250; 100 for build)
  --locales <m>     locales, the source included (default 2)
  --shape <n>x<m>   n pages per locale in m locales, the locales after German partial and added as
                    npm run i18n:add adds them (e.g. 500x20: many locales, most pages fallbacks)
  --keep            keep the generated corpora and print where they are`;
const ROOT = join(import.meta.dirname, '..');
const PARTS = ['i18n', 'xliff', 'links', 'build', 'shards', 'reader', 'starlight'];
/** Shards in the `shards` part: what the target of issue #21 names. */
const SHARDS = 3;

/**
 * Two builds compared on a shared machine: `a` then `b`, twice, and the faster run of each. Taking turns
 * keeps a drift in the machine's speed from favouring one side.
 */
function fasterOfTwoPairs(a: () => Measured, b: () => Measured): [Measured, Measured] {
  const runs: [Measured[], Measured[]] = [[], []];
  for (let pair = 0; pair < 2; pair++) {
    runs[0].push(a());
    runs[1].push(b());
  }
  const faster = (list: Measured[]) => list.reduce((best, run) => (run.ms < best.ms ? run : best));
  return [faster(runs[0]), faster(runs[1])];
}

await runCommand(USAGE, async () => {
  const { values } = parseCli(process.argv.slice(2), {
    pages: { type: 'string', default: '1000' },
    small: { type: 'string' },
    locales: { type: 'string', default: '2' },
    shape: { type: 'string' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  });
  if (values.only !== undefined && !PARTS.includes(values.only)) throw new UsageError(`--only must be one of ${PARTS.join(', ')}.`);
  const wants = (part: string) => values.only === undefined || values.only === part;
  const count = (name: string, value: string, min: number, max = 100_000) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max)
      throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`);
    return number;
  };
  const shape = values.shape === undefined ? undefined : /^(\d+)x(\d+)$/.exec(values.shape);
  if (shape === null) throw new UsageError('--shape must be <pages>x<locales>, such as 500x20.');
  const pages = count('pages', shape?.[1] ?? values.pages, 2);
  const locales = count('locales', shape?.[2] ?? values.locales, 2, 20);
  // With a shape, the locales after German are partial (scripts/bench/corpus.ts).
  const partial = shape !== undefined;
  const sizes = (defaultSmall: number) => [
    ...new Set([Math.min(values.small === undefined ? defaultSmall : count('small', values.small, 2), pages), pages]),
  ];

  if (wants('reader')) {
    const dist = READER_DIST(ROOT);
    expectExit(
      'astro build',
      measure(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], { cwd: ROOT }),
    );
    console.log('Reader: the English guide in headless Chromium');
    printReader(await measureReader(dist));
    console.log('');
  }

  if (wants('i18n')) {
    console.log('check:i18n (wall time of the command, Node start-up included)');
    const perPage: number[] = [];
    for (const size of sizes(250)) {
      const corpus = generateCorpus(ROOT, size, locales, { partial });
      const files = size * locales;
      const run = (label: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
        const result = expectExit(
          label,
          measure(process.execPath, ['scripts/check-i18n.ts', '--format', 'json', '--root', corpus.root, ...args], { cwd: ROOT, env }),
          0,
        );
        console.log(
          `  ${size} x ${locales}, ${label}`.padEnd(48),
          ms(result.ms).padStart(9),
          `${(result.ms / files).toFixed(2)} ms/page`.padStart(14),
          megabytes(result.peakBytes).padStart(8),
        );
        last = result.stdout;
        return result.ms;
      };
      let last = '';
      // Cold: nothing on disk, Node's compile cache included (the language detector's database compiles from source).
      perPage.push(run('cold (no parse or compile cache)', ['--no-cache'], { NODE_DISABLE_COMPILE_CACHE: '1' }) / files);
      run('first run, writing the parse cache', []);
      run('warm (nothing changed: the last report)', []);
      // The next run after a writer's edit of one English page: the other pages' parses from the cache.
      editOnePage(corpus.root, 1);
      run('one page changed', []);
      // The pages the figures are for, counted as every view counts them (the content model's localeCounts, via check:i18n's summary).
      for (const [code, entry] of Object.entries((JSON.parse(last) as { summary: I18nSummary }).summary.locales)) {
        console.log(
          `    ${code}: ${entry.pages.translated} translated, ${entry.pages.partial} partial, ${entry.pages.outdated} outdated, ${entry.pages.untranslated} untranslated, ${entry.pages.missing} missing of ${entry.pages.source}`,
        );
      }
      done(corpus.root, values.keep);
    }
    growth(perPage);
  }

  if (wants('xliff')) {
    console.log(
      'i18n:export and i18n:import of one locale (median of three runs: wall time and CPU time of the command, Node start-up included; target: each under 3 s)',
    );
    const perPage: number[] = [];
    for (const size of sizes(250)) {
      const corpus = generateCorpus(ROOT, size, locales, { partial });
      const locale = corpus.locales[1]!;
      const file = join(corpus.root, `${locale}.xlf`);
      const row = (label: string, result: { ms: number; peakBytes?: number | undefined; cpuMs?: number | undefined }) =>
        console.log(
          `  ${size} pages, ${label}`.padEnd(48),
          ms(result.ms).padStart(9),
          `${(result.ms / size).toFixed(2)} ms/page`.padStart(14),
          megabytes(result.peakBytes).padStart(8),
          cpuSeconds(result.cpuMs).padStart(12),
        );
      // Each command three times on the same corpus (an import of what was just exported writes nothing the
      // second time either), the median run reported: one run on a shared 2-core machine says too little.
      const median = (label: string, args: string[]) => {
        const runs = [0, 1, 2].map(() => expectExit(label, measure(process.execPath, args, { cwd: ROOT }), 0)).sort((a, b) => a.ms - b.ms);
        return runs[1]!;
      };
      const exported = median('i18n:export', ['scripts/i18n-export.ts', locale, '--out', file, '--root', corpus.root]);
      row(`i18n:export ${locale}`, exported);
      const imported = median('i18n:import', ['scripts/i18n-import.ts', file, '--root', corpus.root]);
      row(`i18n:import ${locale}`, imported);
      perPage.push((exported.ms + imported.ms) / size);
      done(corpus.root, values.keep);
    }
    growth(perPage);
  }

  if (wants('links')) {
    console.log('check:links on a built site (external links off)');
    const perPage: number[] = [];
    for (const size of sizes(250)) {
      const corpus = generateCorpus(ROOT, size, locales, { buildable: true, partial });
      const build = expectExit(
        'astro build',
        measure(process.execPath, [join(corpus.root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: corpus.root }),
      );
      const check = expectExit(
        'check:links',
        measure(process.execPath, ['scripts/check-links.ts', '--format', 'json'], { cwd: corpus.root }),
      );
      const summary = JSON.parse(check.stdout).summary as {
        links: number;
        builtPass: { linksChecked: number; pages: number };
        timings: { sourceMs: number; builtMs: number };
      };
      const pagesBuilt = summary.builtPass.pages;
      const row = (label: string, value: number, extra = '') =>
        console.log(
          `  ${size} x ${locales}, ${label}`.padEnd(48),
          ms(value).padStart(9),
          `${(value / pagesBuilt).toFixed(3)} ms/page`.padStart(15),
          extra,
        );
      row(`source pass (${summary.links} links in MDX)`, summary.timings.sourceMs);
      row(`built-site pass (${summary.builtPass.linksChecked} links)`, summary.timings.builtMs);
      row(
        'whole check:links command',
        check.ms,
        `${megabytes(check.peakBytes)}; ${(check.ms / build.ms).toFixed(3)}x the Astro build (${ms(build.ms)})`,
      );
      perPage.push(check.ms / pagesBuilt);
      done(corpus.root, values.keep);
    }
    growth(perPage);
  }

  if (wants('build')) {
    console.log('npm run build, stage by stage');
    const figures: BuildFigures[] = [];
    for (const size of sizes(100)) {
      const result = await benchBuild(ROOT, size, locales, values.keep, partial);
      figures.push(result);
      printBuild(result);
      if (values.keep) console.log(`  kept ${result.root}`);
    }
    if (figures.length === 2) {
      const [small, large] = figures as [BuildFigures, BuildFigures];
      console.log(
        `  one guide page's HTML: ${small.guideHtmlBytes.toLocaleString('en')} B at ${small.pages} pages, ${large.guideHtmlBytes.toLocaleString('en')} B at ${large.pages} (${(large.guideHtmlBytes / small.guideHtmlBytes).toFixed(2)}x)`,
      );
      const perBuiltPage = (figures: BuildFigures) => figures.totalMs / (figures.pages * figures.locales);
      console.log(
        `  whole build per page: ${perBuiltPage(small).toFixed(1)} ms at ${small.pages}, ${perBuiltPage(large).toFixed(1)} ms at ${large.pages} (${(perBuiltPage(large) / perBuiltPage(small)).toFixed(2)}x)`,
      );
      const perIndexedPage = (figures: BuildFigures) => {
        const pagefind = figures.stages.find((stage) => stage.stage === 'Pagefind index');
        return pagefind?.items ? pagefind.ms / pagefind.items : NaN;
      };
      console.log(
        `  Pagefind per indexed page: ${perIndexedPage(small).toFixed(2)} ms at ${small.pages}, ${perIndexedPage(large).toFixed(2)} ms at ${large.pages} (${(perIndexedPage(large) / perIndexedPage(small)).toFixed(2)}x)`,
      );
      const peak = (figures: BuildFigures) => megabytes(figures.peakBytes);
      console.log(`  largest process: ${peak(small)} at ${small.pages}, ${peak(large)} at ${large.pages}`);
    }
  }

  if (wants('shards')) {
    // The cost of splitting alone: both builds get the same heap, large enough for the whole site in one process.
    console.log(
      `npm run build in ${SHARDS} shards one after another against one build of the same site (cold, alternately, the faster of 2 each)`,
    );
    const corpus = generateCorpus(ROOT, pages, locales, { buildable: true, partial });
    const files = pageFiles(join(corpus.root, 'content'));
    const heap = { PUBLISHER_DOCS_HEAP_MB: '4096' };
    const [sharded, whole] = fasterOfTwoPairs(
      () => coldBuild(corpus.root, { ...heap, PUBLISHER_DOCS_PAGES_PER_SHARD: String(Math.ceil(files / SHARDS)) }),
      () => coldBuild(corpus.root, { ...heap, PUBLISHER_DOCS_PAGES_PER_SHARD: String(files) }),
    );
    const row = (label: string, run: Measured) =>
      console.log(`  ${label}`.padEnd(40), ms(run.ms).padStart(9), megabytes(run.peakBytes).padStart(8));
    row(`${SHARDS} shards, ${pages} x ${locales} (${files} page files)`, sharded);
    row('one build', whole);
    console.log(`  ${SHARDS} shards / one build: ${(sharded.ms / whole.ms).toFixed(2)}x\n`);
    done(corpus.root, values.keep);
  }

  if (wants('starlight')) {
    console.log(`npm run build against Starlight ${STARLIGHT_VERSION}'s build of the same pages (cold, alternately, the faster of 2 each)`);
    const corpus = generateCorpus(ROOT, pages, locales, { buildable: true, partial });
    const site = starlightProject(ROOT, corpus.root);
    const [ours, starlight] = fasterOfTwoPairs(
      () => coldBuild(corpus.root, { NODE_DISABLE_COMPILE_CACHE: '1' }),
      () => buildStarlight(site),
    );
    const row = (label: string, run: Measured, dist: string) =>
      console.log(`  ${label}`.padEnd(40), ms(run.ms).padStart(9), megabytes(run.peakBytes).padStart(8), `${htmlPages(dist)} HTML pages`);
    row(`this project, ${pages} x ${locales}`, ours, join(corpus.root, 'dist'));
    row('Starlight', starlight, join(site, 'dist'));
    console.log(`  this project / Starlight: ${(ours.ms / starlight.ms).toFixed(2)}x\n`);
    done(corpus.root, values.keep);
    done(site, values.keep);
  }
  return 0;
});

/** Page files of a corpus (`content/<locale>/**.mdx`), what `npm run build` counts to choose its shards. */
function pageFiles(content: string): number {
  return readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.mdx')).length;
}

/**
 * The whole `npm run build` of a corpus with no cache on disk (Astro's, the parse cache, Node's compile
 * cache). `NODE_DISABLE_COMPILE_CACHE=1` also keeps the build from writing one as it goes, as Starlight's
 * build does not: what Starlight's cold build is compared with.
 */
function coldBuild(root: string, env: NodeJS.ProcessEnv): Measured {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  for (const entry of readdirSync(join(root, 'node_modules')))
    if (entry === '.cache' || entry.startsWith('.astro')) rmSync(join(root, 'node_modules', entry), { recursive: true, force: true });
  return expectExit('npm run build', measure(process.execPath, ['scripts/build.ts'], { cwd: root, env }));
}

function htmlPages(dist: string): number {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).length;
}

function printBuild(figures: BuildFigures): void {
  console.log(`  ${figures.pages} pages x ${figures.locales} locales`);
  for (const stage of figures.stages)
    console.log(
      `    ${stage.stage}`.padEnd(50),
      ms(stage.ms).padStart(9),
      stage.peakBytes === undefined ? '' : megabytes(stage.peakBytes).padStart(8),
    );
  console.log(
    '    whole npm run build'.padEnd(50),
    ms(figures.totalMs).padStart(9),
    megabytes(figures.peakBytes).padStart(8),
    '(peak: largest process)',
  );
  console.log(
    `    dist/: ${figures.distFiles.toLocaleString('en')} files, ${megabytes(figures.distBytes)}; one guide page ${figures.guideHtmlBytes.toLocaleString('en')} B of HTML`,
  );
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `    translation dashboard: overview ${kb(figures.dashboard.overviewBytes)}; ${figures.dashboard.listPages} pages of locale lists, the largest ${kb(figures.dashboard.largestListBytes)}`,
  );
  console.log(
    `    a guide page before search: ${kb(figures.reader.beforeSearchTotal)}; Pagefind's first query: ${kb(figures.reader.pagefindFirstQuery)} (${kb(figures.reader.pagefindFirstQueryGzip)} gzipped), results ${Math.round(figures.reader.typeToResultsMs)} ms after typing`,
  );
  const rebuilt = figures.rebuild.stages.map((stage) => `${stage.stage.split(' (')[0]} ${ms(stage.ms)}`).join(', ');
  console.log(`    after editing one page: ${ms(figures.rebuild.totalMs)} (${rebuilt})`);
}

function growth(perPage: number[]): void {
  if (perPage.length === 2) console.log(`  time per page, large / small: ${(perPage[1]! / perPage[0]!).toFixed(2)}x (flat is 1.00x)\n`);
  else console.log('');
}

function done(root: string, keep: boolean): void {
  if (keep) console.log(`  kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
