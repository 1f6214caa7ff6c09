/**
 * `npm run bench [-- --pages N --locales M]`: speed figures, kept out of the
 * tests. Generates a corpus of N pages x M locales (default 1000 x 2) and
 * times the translation check on it, cold (no parse cache) and warm.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from './bench/corpus.ts';
import { parseCli, runCommand, UsageError } from './lib/cli.ts';

const USAGE = 'Usage: npm run bench -- [--pages 1000] [--locales 2] [--keep]';
const ROOT = join(import.meta.dirname, '..');

await runCommand(USAGE, () => {
  const { values } = parseCli(process.argv.slice(2), { pages: { type: 'string', default: '1000' }, locales: { type: 'string', default: '2' }, keep: { type: 'boolean', default: false } });
  const pages = Number(values.pages);
  const locales = Number(values.locales);
  if (!Number.isInteger(pages) || pages < 2) throw new UsageError('--pages must be a whole number of at least 2.');
  if (!Number.isInteger(locales) || locales < 2 || locales > 20) throw new UsageError('--locales must be a whole number from 2 to 20.');

  const started = performance.now();
  const corpus = generateCorpus(ROOT, pages, locales);
  const files = pages * locales;
  console.log(`Corpus: ${pages} pages x ${locales} locales = ${files} MDX files in ${corpus.root} (${ms(performance.now() - started)} to write)\n`);

  const time = (label: string, args: string[], expectExit = 0) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, [...args, '--root', corpus.root], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const elapsed = performance.now() - start;
    if (result.status !== expectExit) throw new Error(`${label} exited ${result.status}:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
    console.log(`${label.padEnd(44)} ${ms(elapsed).padStart(9)}  ${Math.round(files / (elapsed / 1000)).toLocaleString('en')} pages/s`);
    return elapsed;
  };
  console.log('check:i18n (wall time of the command, Node start-up included)');
  time('  cold: no parse cache', ['scripts/check-i18n.ts', '--no-cache', '--format', 'json']);
  time('  first run, writing the parse cache', ['scripts/check-i18n.ts', '--format', 'json']);
  const warm = time('  warm: parse cache, nothing changed', ['scripts/check-i18n.ts', '--format', 'json']);
  console.log(`  target: under 1 s for 1000 x 2 → ${warm < 1000 ? 'met (warm)' : 'not met'}`);

  if (values.keep) console.log(`\nKept ${corpus.root}`);
  else rmSync(corpus.root, { recursive: true, force: true });
  return 0;
});

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}
