/**
 * `npm run i18n:pseudo [-- --remove]`: makes the pseudo-locales `qps-ploc`
 * (accented, about a third longer, each string in brackets) and `qps-plocm`
 * (the same, right to left) from the source locale, to build and look at:
 * plain English left on a page is a string the site does not translate, a cut
 * bracket is a layout too narrow for longer text. They are generated, not
 * committed (see scripts/i18n/pseudo.ts); `--remove` takes them out again.
 */
import { placeOf, type Finding } from '../src/report/finding.ts';
import { makePseudoLocales, removePseudoLocales } from './i18n/pseudo.ts';
import { EXIT, paint, parseCli, runCommand } from './lib/cli.ts';

const USAGE = `Usage: npm run i18n:pseudo [-- --remove]

Makes the pseudo-locales qps-ploc (accented, longer, bracketed) and qps-plocm
(mirrored, right to left) from the source locale: registry entries marked
"pseudo": true (noindex, never in the sitemap or hreflang) and content/qps-*/
written anew from the source pages, ui.json and tables.json. Run it again after
changing the source. Do not commit them.
  --remove   take the pseudo-locales out of the registry and delete their folders

Exit codes: 0 done, 1 a source page or namespace does not parse (nothing written), 2 refused.`;

const formatProblem = (problem: Finding) => `${placeOf(problem)}  ${problem.message}${problem.hint ? `\n    → ${problem.hint}` : ''}`;

await runCommand(USAGE, () => {
  const { values } = parseCli(process.argv.slice(2), {
    remove: { type: 'boolean', default: false },
  });
  const root = process.cwd();
  if (values.remove) {
    const { removed } = removePseudoLocales(root);
    process.stdout.write(
      removed.length
        ? `${paint('green', 'Removed')} ${removed.join(', ')} (registry entries and folders).\n`
        : 'No pseudo-locale in content/locales.json; nothing changed.\n',
    );
    return EXIT.ok;
  }
  const result = makePseudoLocales(root);
  if (result.kind === 'refused') {
    process.stderr.write(
      `${paint('red', 'error', process.stderr)} ${[...(result.message ? [result.message] : []), ...result.problems.map(formatProblem)].join('\n')}\n`,
    );
    return result.problems.some((problem) => problem.rule !== 'config') ? EXIT.problems : EXIT.usage;
  }
  for (const locale of result.locales) {
    process.stdout.write(
      `${paint('green', result.locales.length && locale.added ? 'Added' : 'Regenerated')} ${locale.code} (${locale.dir}): content/${locale.code}/, ${locale.files} files\n`,
    );
  }
  process.stdout.write(
    `\nBuild and look: npm run build && npm run preview, then open /${result.locales[0]!.code}/.\n` +
      'Plain English on a page is a string the site does not take from ui.json; a missing ] is text cut off.\n' +
      'The pseudo-locales are noindex and out of the sitemap; do not commit them (npm run i18n:pseudo -- --remove).\n',
  );
  return EXIT.ok;
});
