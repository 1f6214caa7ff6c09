/**
 * `npm run bench [-- --pages N --locales M --only i18n|links]`: speed figures,
 * kept out of the tests. Generates a corpus of N pages x M locales (default
 * 1000 x 2), times the translation check on it (cold and warm), builds it as a
 * real site and times the link check's passes next to the plain linkinator CLI
 * on the same dist/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from './bench/corpus.ts';
import { measureReader, printReader, READER_DIST } from './bench/reader.ts';
import { parseCli, runCommand, UsageError } from './lib/cli.ts';

const USAGE = 'Usage: npm run bench -- [--pages 1000] [--link-pages 150] [--locales 2] [--only i18n|links|reader] [--keep]';
const ROOT = join(import.meta.dirname, '..');

await runCommand(USAGE, async () => {
  const { values } = parseCli(process.argv.slice(2), { pages: { type: 'string', default: '1000' }, 'link-pages': { type: 'string', default: '150' }, locales: { type: 'string', default: '2' }, only: { type: 'string' }, keep: { type: 'boolean', default: false } });
  if (values.only !== undefined && !['i18n', 'links', 'reader'].includes(values.only)) throw new UsageError('--only must be i18n, links or reader.');
  const wants = (part: string) => values.only === undefined || values.only === part;
  const pages = Number(values.pages);
  const locales = Number(values.locales);
  if (!Number.isInteger(pages) || pages < 2) throw new UsageError('--pages must be a whole number of at least 2.');
  if (!Number.isInteger(locales) || locales < 2 || locales > 20) throw new UsageError('--locales must be a whole number from 2 to 20.');
  const linkPages = Number(values['link-pages']);
  if (!Number.isInteger(linkPages) || linkPages < 2) throw new UsageError('--link-pages must be a whole number of at least 2.');

  if (wants('reader')) {
    // The real site, as a reader gets it.
    const dist = READER_DIST(ROOT);
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout.slice(-3000)}${build.stderr.slice(-3000)}`);
    console.log('Reader: the English guide in headless Chromium');
    printReader(await measureReader(dist));
    console.log('');
    if (values.only === 'reader') return 0;
  }

  let corpus = generateCorpus(ROOT, pages, locales);
  let files = pages * locales;

  const time = (label: string, args: string[], expectExit = 0) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, [...args, '--root', corpus.root], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const elapsed = performance.now() - start;
    if (result.status !== expectExit) throw new Error(`${label} exited ${result.status}:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
    console.log(`${label.padEnd(44)} ${ms(elapsed).padStart(9)}  ${Math.round(files / (elapsed / 1000)).toLocaleString('en')} pages/s`);
    return elapsed;
  };
  if (wants('i18n')) {
    console.log(`Corpus: ${pages} pages x ${locales} locales = ${files} MDX files in ${corpus.root}\n`);
    console.log('check:i18n (wall time of the command, Node start-up included)');
    time('  cold: no parse cache', ['scripts/check-i18n.ts', '--no-cache', '--format', 'json']);
    time('  first run, writing the parse cache', ['scripts/check-i18n.ts', '--format', 'json']);
    const warm = time('  warm: parse cache, nothing changed', ['scripts/check-i18n.ts', '--format', 'json']);
    console.log(`  target: under 1 s for 1000 x 2 → ${warm < 1000 ? 'met (warm)' : 'not met'}\n`);
  }

  if (wants('links')) {
    // linkinator looks every repeated link up among all results so far, which is quadratic in a site
    // whose sidebar links every page from every page; at 1000 x 2 the plain CLI runs for hours. The link
    // figures use a smaller corpus of the same pages.
    if (linkPages !== pages) {
      if (!values.keep) rmSync(corpus.root, { recursive: true, force: true });
      corpus = generateCorpus(ROOT, linkPages, locales);
      files = linkPages * locales;
    }
    console.log(`Link corpus: ${linkPages} pages x ${locales} locales = ${files} pages, built as a real site`);
    // Build the corpus as a real site: this project's code with the corpus as content/.
    for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public']) cpSync(join(ROOT, entry), join(corpus.root, entry), { recursive: true });
    // The i18n runs left their parse cache in the corpus's node_modules/: make room for the real one.
    rmSync(join(corpus.root, 'node_modules'), { recursive: true, force: true });
    symlinkSync(join(ROOT, 'node_modules'), join(corpus.root, 'node_modules'), 'dir');
    const buildStart = performance.now();
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: corpus.root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (build.status !== 0) throw new Error(`astro build of the corpus failed:\n${build.stdout.slice(-3000)}${build.stderr.slice(-3000)}`);
    console.log(`astro build of the corpus: ${ms(performance.now() - buildStart)}\n`);
    console.log('check:links on the same dist/ (external links off in both)');
    const start = performance.now();
    const result = spawnSync(process.execPath, ['scripts/check-links.ts', '--format', 'json', '--root', corpus.root], { cwd: ROOT, encoding: 'utf8' });
    const whole = performance.now() - start;
    if (result.status !== 0) throw new Error(`check:links on the corpus exited ${result.status}:\n${result.stdout.slice(0, 3000)}${result.stderr.slice(-2000)}`);
    const summary = JSON.parse(result.stdout).summary as { links: number; builtPass: { linksChecked: number; pages: number }; timings: { sourceMs: number; builtMs: number } };
    console.log(`  source pass (${summary.links} links in MDX, with lines)`.padEnd(46), ms(summary.timings.sourceMs).padStart(9));
    console.log(`  built-site pass (linkinator API, ${summary.builtPass.linksChecked} links)`.padEnd(46), ms(summary.timings.builtMs).padStart(9));
    console.log('  whole check:links command'.padEnd(46), ms(whole).padStart(9));
    const plainStart = performance.now();
    const plain = spawnSync(join(ROOT, 'node_modules/.bin/linkinator'), [join(corpus.root, 'dist'), '--recurse', '--check-fragments', '--skip', '^https?://(?!127\\.0\\.0\\.1)', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` } });
    const plainMs = performance.now() - plainStart;
    if (plain.status === null) throw new Error(`linkinator did not finish: ${plain.error?.message}`);
    console.log('  plain linkinator CLI (--recurse --check-fragments)'.padEnd(46), ms(plainMs).padStart(9), plain.status === 0 ? '' : `(exit ${plain.status})`);
    console.log(`  target: no slower than plain linkinator → ${whole <= plainMs ? 'met' : `not met (${(whole / plainMs).toFixed(2)}x)`}`);
  }

  if (values.keep) console.log(`\nKept ${corpus.root}`);
  else rmSync(corpus.root, { recursive: true, force: true });
  return 0;
});

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}
