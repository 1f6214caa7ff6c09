/**
 * `npm run i18n:add -- <code> [--name <own name>] [--dir ltr|rtl] [--hreflang <tag>]`:
 * adds a locale in one step (registry entry as `partial`, `content/<code>/`
 * with the UI-string namespaces to translate) and prints what to do next.
 * The work is in scripts/i18n/addLocale.ts; this file parses and prints.
 */
import { addLocale } from './i18n/addLocale.ts';
import { EXIT, paint, parseCli, runCommand, UsageError } from './lib/cli.ts';
import { placeOf, type Finding } from '../src/report/finding.ts';

const formatProblem = (problem: Finding) => `${placeOf(problem)}  ${problem.message}${problem.hint ? `\n    → ${problem.hint}` : ''}`;

const USAGE = `Usage: npm run i18n:add -- <code> [--name <own name>] [--dir ltr|rtl] [--hreflang <tag>]

Adds a locale: an entry in content/locales.json (status "partial", so missing
pages fall back to the source) and content/<code>/ with ui.json and
tables.json to translate.
  <code>       a BCP 47 language tag: fr, nl, pt-BR (the folder and URL use it in lowercase)
  --name       the language's own name for the picker (default: from Intl, e.g. "Français")
  --dir        ltr or rtl (default: from Intl's text info for the language)
  --hreflang   the tag for <html lang> and hreflang (default: the canonical tag)

Exit codes: 0 added (or already there, nothing changed), 2 refused (nothing written).`;

await runCommand(USAGE, () => {
  const { values, positionals } = parseCli(process.argv.slice(2), {
    name: { type: 'string' },
    dir: { type: 'string' },
    hreflang: { type: 'string' },
  });
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? 'name the locale to add, such as "fr".' : `add one locale at a time (got ${positionals.join(', ')}).`,
    );
  if (values.dir !== undefined && values.dir !== 'ltr' && values.dir !== 'rtl') throw new UsageError('--dir must be "ltr" or "rtl".');
  const result = addLocale(process.cwd(), {
    code: positionals[0]!,
    name: values.name,
    dir: values.dir as 'ltr' | 'rtl' | undefined,
    hreflang: values.hreflang,
  });
  if (result.kind === 'refused') {
    const details = [...(result.message ? [result.message] : []), ...result.problems.map(formatProblem)];
    process.stderr.write(`${paint('red', 'error', process.stderr)} ${details.join('\n')}\nNothing was changed.\n`);
    return EXIT.usage;
  }
  const { entry } = result;
  if (result.kind === 'unchanged') {
    process.stdout.write(`${entry.code} (${entry.name}) is already a locale with its folder content/${entry.code}/; nothing changed.\n`);
    return EXIT.ok;
  }
  const source = result.registry.source;
  process.stdout.write(
    `${paint('green', 'Added')} ${entry.code} (${entry.name}, ${entry.dir}${entry.hreflang ? `, hreflang ${entry.hreflang}` : ''}) as a partial locale.\n` +
      `  content/locales.json  new entry\n${result.created.map((file) => `  ${file}  copied from content/${source.code}/, to translate\n`).join('')}` +
      `\nNext steps:\n` +
      `  1. Translate the values (never the keys) in content/${entry.code}/ui.json and tables.json;\n` +
      `     npm run check:i18n -- --locale ${entry.code} lists each string still in ${source.name} as ui-untranslated.\n` +
      `  2. Translate a page: copy content/${source.code}/<page>.mdx to content/${entry.code}/<page>.mdx, translate the text,\n` +
      `     keep the {/* #id */} markers, components and code, and change links /${source.code}/… to /${entry.code}/….\n` +
      `     Then run npm run i18n:stamp -- content/${entry.code}/<page>.mdx (add --method machine for machine translation).\n` +
      `  3. npm run i18n:status -- --locale ${entry.code} shows what is left; npm run build checks it all.\n` +
      `Pages you have not translated yet are served from ${source.name} with a notice.\n`,
  );
  return EXIT.ok;
});
