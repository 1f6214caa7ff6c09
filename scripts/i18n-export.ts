/**
 * `npm run i18n:export -- <locale> [--out <file>]`: writes one XLIFF 1.2 file
 * for a locale, for a CAT tool or translation management system: every block
 * of every source page, every UI string and table label, with the current
 * translation as target where there is one, its state from the content model,
 * notes naming the page and section, and everything that must not change
 * (code, link targets, JSX, expressions, heading ids, glossary terms) as
 * locked inline tags. The work is in scripts/i18n/xliff/export.ts.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadRegistry } from '../src/i18n/locales.ts';
import { loadSite } from '../src/model/site.ts';
import { loadGlossary } from '../src/translation/glossary.ts';
import { projectRoot } from './lib/checkerCli.ts';
import { EXIT, paint, parseCli, runCommand, UsageError } from './lib/cli.ts';
import { wantsColor } from '../src/report/format/color.ts';
import { formatPretty } from '../src/report/format/pretty.ts';
import { exportLocale } from './i18n/xliff/export.ts';
import { PageParses } from './i18n/xliff/pageParses.ts';
import { xliffEnd, xliffFile, xliffStart } from './i18n/xliff/xml.ts';

const USAGE = `Usage: npm run i18n:export -- <locale> [--out <file>] [--root <dir>]

Writes every source page, UI string and table label as an XLIFF 1.2 file for
a CAT tool, with the locale's current translations as targets.
  --out <file>   where to write it (default: xliff/<locale>.xlf in the project)
  --root <dir>   the project (default: the current folder)
Translate the file, then: npm run i18n:import -- <file>`;

await runCommand(USAGE, () => {
  const { values, positionals } = parseCli(process.argv.slice(2), {
    out: { type: 'string' },
    root: { type: 'string' },
  });
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? 'name the locale to export, such as de.' : `export one locale at a time; got ${positionals.join(', ')}.`,
    );
  const root = projectRoot(values.root);
  const registry = loadRegistry(root);
  const code = positionals[0]!;
  const locale = registry.get(code);
  if (!locale)
    throw new UsageError(
      `"${code}" is not a locale in content/locales.json (${registry.translations.map((entry) => entry.code).join(', ')}); add it first with npm run i18n:add -- ${code}.`,
    );
  if (locale.code === registry.source.code)
    throw new UsageError(
      `"${code}" is the source locale; export a translation (${registry.translations.map((entry) => entry.code).join(', ')}).`,
    );

  // One parser for the model's statuses and the export's units, so each page is parsed once.
  const parses = new PageParses();
  const site = loadSite(root, registry, undefined, parses.outline);
  // The document's languages as XLIFF names them (BCP 47, the locales' hreflang).
  const languages = { sourceLanguage: registry.source.hreflang, targetLanguage: locale.hreflang };
  const out = values.out === undefined ? join(root, 'xliff', `${locale.code}.xlf`) : resolve(values.out);
  // Each <file> goes to disk as it is made (nothing of it is held), into a file beside the output that
  // replaces it only when the whole export succeeded: an export that fails leaves the last one as it was.
  const created = mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  const fd = openSync(partial, 'w');
  let result: ReturnType<typeof exportLocale>;
  try {
    writeSync(fd, xliffStart());
    result = exportLocale({
      root,
      registry,
      site,
      glossary: loadGlossary(root),
      locale: locale.code,
      parses,
      write: (file) => writeSync(fd, xliffFile(file, languages)),
    });
    writeSync(fd, xliffEnd());
  } catch (error) {
    rmSync(created ?? partial, { recursive: true, force: true });
    throw error;
  } finally {
    closeSync(fd);
  }
  if (result.problems.length > 0) {
    rmSync(created ?? partial, { recursive: true, force: true });
    process.stderr.write(
      `${paint('red', 'error', process.stderr)} the source cannot be exported until these are fixed (nothing was written):\n`,
    );
    process.stderr.write(
      formatPretty({ findings: result.problems, summary: undefined }, { color: wantsColor(process.stderr), totals: false }),
    );
    return EXIT.problems;
  }
  renameSync(partial, out);
  const { counts } = result;
  const shown = relative(process.cwd(), out) || out;
  process.stdout.write(
    `${paint('green', 'wrote')} ${shown}: ${counts.pages} pages and ${counts.strings} string files, ${counts.units} units (${counts.translated} translated, ${counts.review} to review, ${counts.new} new)\n`,
  );
  process.stdout.write(`Translate it in your CAT tool, then: npm run i18n:import -- ${shown}\n`);
  return EXIT.ok;
});
