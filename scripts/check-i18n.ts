/**
 * `npm run check:i18n [-- options]`: proves that every locale lines up with
 * the source locale, page by page and string by string. The rules are listed
 * in scripts/i18n/registry.ts; this file parses arguments, runs the check and
 * hands the report to the formatters.
 */
import { checkLocaleFolders } from '../src/content/guard.ts';
import { ContentError } from '../src/report/finding.ts';
import { loadRegistry } from '../src/i18n/locales.ts';
import { loadSite } from '../src/model/site.ts';
import { checkTranslations, type I18nSummary } from './i18n/check.ts';
import { loadGlossary } from '../src/translation/glossary.ts';
import { hasNewVerdicts } from '../src/translation/untranslated.ts';
import { openParseCache } from '../src/content/parseCache.ts';
import { parsePage } from '../src/content/parsedPage.ts';
import { I18N_RULES } from './i18n/registry.ts';
import { i18nSummaryView } from './i18n/summaryView.ts';
import { emitReport, REPORT_OPTIONS, REPORT_USAGE, reportSettings } from './lib/checkerCli.ts';
import { parseCli, runCommand, UsageError } from './lib/cli.ts';
import { openReportCache } from './lib/reportCache.ts';

const USAGE = `Usage: npm run check:i18n -- [options]

Checks every translation against the source locale (pages in content/<locale>/,
UI strings in content/<locale>/*.json).

Options:
  --locale <code>         check only this locale (repeatable; default: every translation)
${REPORT_USAGE}
  --no-cache              check every page again, reusing neither the last report nor parsed pages
  --help                  show this help

Rules: ${I18N_RULES.map((rule) => rule.id).join(', ')}.
Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 usage or configuration error.`;

await runCommand(USAGE, async () => {
  const { values } = parseCli(process.argv.slice(2), {
    ...REPORT_OPTIONS,
    locale: { type: 'string', multiple: true },
    'no-cache': { type: 'boolean', default: false },
  });
  const settings = reportSettings(values, I18N_RULES);
  const { root } = settings;
  const registry = loadRegistry(root);
  const glossary = loadGlossary(root);
  // A translation in a folder the registry does not know would go unchecked: that is a configuration error.
  const folders = checkLocaleFolders(root, registry);
  if (folders.length > 0) throw new ContentError(folders);
  for (const code of values.locale ?? []) {
    if (!registry.get(code)) throw new UsageError(`unknown locale "${code}"; content/locales.json has ${registry.codes.join(', ')}.`);
    if (code === registry.source.code)
      throw new UsageError(`"${code}" is the source locale; name a translation (${registry.translations.map((l) => l.code).join(', ')}).`);
  }
  const tool = { name: 'check:i18n', rules: I18N_RULES, localeOption: '--locale', view: i18nSummaryView };
  // Nothing changed since the last complete run (content, code, git history): its report stands.
  const reports = values['no-cache']
    ? undefined
    : openReportCache<I18nSummary>(root, 'check-i18n', { rules: settings.rules.map((rule) => rule.id), locales: values.locale ?? null });
  const unchanged = reports?.get();
  if (unchanged) {
    if (process.stderr.isTTY)
      process.stderr.write(
        'No content, code or commit changed since the last check: its report is shown again (--no-cache checks anew).\n',
      );
    return emitReport(unchanged, settings, tool);
  }
  const cache = openParseCache(root, values['no-cache'] ? null : undefined);
  const site = loadSite(root, registry, undefined, (file) =>
    cache.get(file.file, file.text, () => parsePage(file.file, file.path, file.locale, file.text)),
  );
  // Progress goes to stderr and only to a terminal, so pipes and CI logs stay clean.
  const progress = process.stderr.isTTY
    ? (read: number) => process.stderr.write(`\r\u001b[2KChecking translations… ${read} pages read`)
    : undefined;
  const report = checkTranslations({
    root,
    registry,
    site,
    glossary,
    rules: settings.rules,
    ...(values.locale ? { locales: values.locale } : {}),
    cache,
    ...(progress ? { onProgress: progress } : {}),
  });
  if (progress) process.stderr.write('\r\u001b[2K');
  // Verdicts of the language check are kept on the cached pages' blocks: a page with new ones is saved again.
  cache.save(undefined, hasNewVerdicts);
  reports?.save(report);
  return emitReport(report, settings, tool);
});
