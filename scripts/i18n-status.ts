/**
 * `npm run i18n:status [-- --locale <code>] [--format <name>] [--output <fmt>=<file>]`:
 * what is left to do in each locale, for people: every page with its state
 * (translated, outdated with the changed sections, untranslated, machine
 * translation not reviewed, missing), UI-string coverage, and totals. It
 * reports no problems (check:i18n does) and always exits 0; it prints through
 * the checkers' formatters (src/report/format/), its view in
 * scripts/i18n/statusView.ts.
 */
import { loadSite } from '../src/model/site.ts';
import { FORMATS, formatReport, parseFormat, parseOutput, writeOutputs } from '../src/report/format/index.ts';
import { wantsColor } from '../src/report/format/color.ts';
import type { Report } from '../src/report/report.ts';
import { loadGlossary } from '../src/translation/glossary.ts';
import { translationOverview } from '../src/translation/overview.ts';
import { readNamespaces } from './i18n/collect.ts';
import { nothingToCheck } from './i18n/check.ts';
import { uiRules } from './i18n/rules/ui.ts';
import { STATUS_TOOL, type LocaleStatus, type StatusSummary } from './i18n/statusView.ts';
import { EXIT, parseCli, runCommand, UsageError } from './lib/cli.ts';
import { projectRoot } from './lib/checkerCli.ts';

const USAGE = `Usage: npm run i18n:status -- [--locale <code>]… [--format <name>] [--output <fmt>=<file>]… [--root <dir>]

Shows, per locale and page, what is translated, outdated (and which sections),
untranslated, machine-translated and not reviewed, or missing; UI strings; totals.
  --locale <code>         only this locale (repeatable; default: every translation)
  --format <name>         output on stdout: ${FORMATS.join(', ')} (default pretty; markdown makes
                          a table per locale, for a pull request or a job summary)
  --output <fmt>=<file>   also write a format to a file, e.g. markdown=status.md (repeatable)
  --root <dir>            the project (default: the current folder)`;

/** UI findings that mean a string is still to translate. */
const UI_TODO = new Set(['ui-missing-key', 'ui-empty', 'ui-untranslated']);

await runCommand(USAGE, () => {
  const { values } = parseCli(process.argv.slice(2), {
    locale: { type: 'string', multiple: true },
    format: { type: 'string' },
    output: { type: 'string', multiple: true },
    root: { type: 'string' },
  });
  const format = parseFormat(values.format);
  const outputs = (values.output ?? []).map(parseOutput);
  const root = projectRoot(values.root);
  const site = loadSite(root);
  const { registry } = site;
  for (const code of values.locale ?? []) {
    if (!registry.get(code)) throw new UsageError(`unknown locale "${code}"; content/locales.json has ${registry.codes.join(', ')}.`);
    if (code === registry.source.code)
      throw new UsageError(`"${code}" is the source locale; name a translation (${registry.translations.map((l) => l.code).join(', ')}).`);
  }
  // No translation or no source page: there is no status to show, and saying "0 of 0" would hide why.
  const nothing = nothingToCheck(
    registry.source.code,
    values.locale ?? registry.translations.map((l) => l.code),
    site.pagesOf(registry.source.code).length,
  );
  if (nothing) throw new UsageError(nothing);
  const glossary = loadGlossary(root);
  const sourceNamespaces = readNamespaces(root, registry.source.code);
  const locales: LocaleStatus[] = translationOverview(site, values.locale).map((overview) => {
    const ui = uiRules({
      locale: registry.get(overview.code)!,
      sourceLocale: registry.source.code,
      source: sourceNamespaces,
      translation: readNamespaces(root, overview.code),
      glossary,
    });
    const todo = ui.findings
      .filter((finding) => UI_TODO.has(finding.rule))
      .map((finding) => ({ key: String(finding.key ?? ''), file: finding.file, line: finding.line, rule: finding.rule }));
    return { ...overview, ui: { strings: ui.total, translated: ui.translated, todo } };
  });
  const report: Report<StatusSummary> = { findings: [], summary: { sourceLocale: registry.source.code, locales } };
  const options = { tool: STATUS_TOOL, root };
  writeOutputs(report, outputs, options);
  process.stdout.write(formatReport(report, format, { ...options, color: format === 'pretty' && wantsColor(process.stdout) }));
  return EXIT.ok;
});
