/**
 * `npm run i18n:import -- <file.xlf> [--method human|machine]`: writes a
 * translated XLIFF 1.2 file (from `npm run i18n:export`, through a CAT tool)
 * back into content/<locale>/: each page whose units are all translated,
 * built from the source page's text so its frontmatter keys, heading ids,
 * component calls and formatting stay, and stamped as `npm run i18n:stamp`
 * does; and each translated UI string and table label. A changed, dropped or
 * duplicated placeholder refuses the whole file (exit 1, nothing written,
 * every problem listed with its unit); a file that is not well-formed XLIFF
 * is exit 2 with its line. The work is in scripts/i18n/xliff/import.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadRegistry } from '../src/i18n/locales.ts';
import { loadGlossary } from '../src/translation/glossary.ts';
import { projectRoot } from './lib/checkerCli.ts';
import { describeError, EXIT, paint, parseCli, runCommand, UsageError } from './lib/cli.ts';
import { wantsColor } from '../src/report/format/color.ts';
import { formatPretty } from '../src/report/format/pretty.ts';
import { importXliff } from './i18n/xliff/import.ts';

const USAGE = `Usage: npm run i18n:import -- <file.xlf> [--method human|machine] [--root <dir>]

Writes the translations of an XLIFF 1.2 file from npm run i18n:export back
into content/<locale>/ and stamps each page whose units are all translated.
  --method <m>   record translation.method on stamped pages (default: keep it, or human)
  --root <dir>   the project (default: the current folder)`;

await runCommand(USAGE, () => {
  const { values, positionals } = parseCli(process.argv.slice(2), {
    method: { type: 'string' },
    root: { type: 'string' },
  });
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? 'name the XLIFF file to import.' : `import one file at a time; got ${positionals.join(', ')}.`,
    );
  if (values.method !== undefined && values.method !== 'human' && values.method !== 'machine')
    throw new UsageError('--method must be "human" or "machine".');
  const root = projectRoot(values.root);
  const path = resolve(positionals[0]!);
  const shown = relative(process.cwd(), path).split('\\').join('/') || path;
  let xml: string;
  try {
    xml = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(describeError(error));
  }
  const registry = loadRegistry(root);
  const result = importXliff({
    root,
    registry,
    glossary: loadGlossary(root),
    file: shown,
    xml,
    method: values.method as 'human' | 'machine' | undefined,
  });
  const color = wantsColor(process.stderr);
  if (result.kind === 'malformed') {
    process.stderr.write(formatPretty({ findings: [result.finding], summary: undefined }, { color, totals: false }));
    return EXIT.usage;
  }
  if (result.kind === 'refused') {
    process.stderr.write(`${paint('red', 'Refused', process.stderr)} ${shown}: nothing was written.\n`);
    process.stderr.write(formatPretty({ findings: result.findings, summary: undefined }, { color, totals: false }));
    return EXIT.problems;
  }
  for (const write of result.writes) {
    mkdirSync(dirname(join(root, write.file)), { recursive: true });
    writeFileSync(join(root, write.file), write.text);
  }
  for (const write of result.writes)
    process.stdout.write(`${write.file}  ${paint('green', write.stamped ? 'written and stamped' : 'written')}\n`);
  for (const note of result.skipped) process.stdout.write(`${note.file}  ${paint('yellow', note.message)}\n`);
  process.stdout.write(
    `${result.writes.length} files written, ${result.unchanged.length} unchanged, ${result.skipped.length} pages not complete (${result.locale.code}).\n`,
  );
  if (result.writes.length > 0) process.stdout.write(`Next: npm run check:i18n -- --locale ${result.locale.code}\n`);
  return EXIT.ok;
});
