/**
 * `npm run i18n:status [-- --locale <code>] [--format pretty|json|markdown]`:
 * what is left to do in each locale, for people: every page with its state
 * (translated, outdated with the changed sections, untranslated, machine
 * translation not reviewed, missing), UI-string coverage, and totals. The
 * states are the content model's (src/translation/overview.ts), the same the
 * site's notices and the `/translations/` dashboard show.
 */
import { resolve } from 'node:path';
import { loadSite } from '../src/model/site.ts';
import { describeChange } from '../src/translation/sections.ts';
import { loadGlossary } from '../src/translation/glossary.ts';
import { translationOverview, type LocaleOverview, type PageRow } from '../src/translation/overview.ts';
import { readNamespaces } from './i18n/collect.ts';
import { uiRules } from './i18n/rules/ui.ts';
import { nothingToCheck } from './i18n/check.ts';
import { EXIT, paint, parseCli, runCommand, UsageError } from './lib/cli.ts';

const USAGE = `Usage: npm run i18n:status -- [--locale <code>]… [--format pretty|json|markdown] [--root <dir>]

Shows, per locale and page, what is translated, outdated (and which sections),
untranslated, machine-translated and not reviewed, or missing; UI strings; totals.
  --locale <code>   only this locale (repeatable; default: every translation)
  --format <name>   pretty (default), json, or markdown (a table per locale, for a pull request)
  --root <dir>      the project (default: the current folder)`;

interface UiCoverage {
  strings: number;
  translated: number;
  /** Keys missing, empty or still in the source language. */
  todo: { key: string; file: string; line: number | undefined; rule: string }[];
}

interface LocaleStatus extends LocaleOverview {
  ui: UiCoverage;
}

await runCommand(USAGE, () => {
  const { values } = parseCli(process.argv.slice(2), {
    locale: { type: 'string', multiple: true },
    format: { type: 'string' },
    root: { type: 'string' },
  });
  const format = values.format ?? 'pretty';
  if (!['pretty', 'json', 'markdown'].includes(format))
    throw new UsageError(`--format must be pretty, json or markdown (got "${format}").`);
  const root = resolve(values.root ?? process.cwd());
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
      .filter((f) => ['ui-missing-key', 'ui-empty', 'ui-untranslated'].includes(f.rule))
      .map((f) => ({ key: /"([^"]+)"/.exec(f.message)?.[1] ?? '', file: f.file, line: f.line, rule: f.rule }));
    return { ...overview, ui: { strings: ui.total, translated: ui.translated, todo } };
  });
  const output =
    format === 'json'
      ? `${JSON.stringify({ sourceLocale: registry.source.code, locales }, null, 2)}\n`
      : format === 'markdown'
        ? markdown(locales, registry.source.name)
        : pretty(locales);
  process.stdout.write(output);
  return EXIT.ok;
});

/** What a row's state means, in a few words. */
function stateOf(row: PageRow): string {
  switch (row.status) {
    case 'missing':
      return 'missing';
    case 'untranslated':
      return 'untranslated (still in the source language)';
    case 'outdated':
      return `${row.changes === undefined ? 'outdated' : `outdated: ${row.changes.map(describeChange).join(', ')}`}${row.sourceLanguageSections.length ? `; ${partOf(row)}` : ''}`;
    case 'partial':
      return partOf(row);
    default:
      return 'translated';
  }
}

/** `partial (60% translated): still in the source language: #follow-up, introduction`. */
function partOf(row: PageRow): string {
  return `partial (${Math.round(row.share * 100)}% translated); still in the source language: ${row.sourceLanguageSections.map((id) => (id === '_intro' ? 'introduction' : `#${id}`)).join(', ')}`;
}

function review(row: PageRow): string {
  if (row.status === 'untranslated' || row.status === 'missing') return '';
  if (row.method === 'machine') return row.unreviewed ? 'machine, not reviewed' : 'machine, reviewed';
  return row.machineSections.length
    ? `machine-translated sections, not reviewed: ${row.machineSections.map((id) => (id.startsWith('_') ? id : `#${id}`)).join(', ')}`
    : '';
}

function pretty(locales: readonly LocaleStatus[]): string {
  const color = {
    missing: 'red',
    untranslated: 'red',
    outdated: 'yellow',
    partial: 'yellow',
    translated: 'green',
    source: 'green',
  } as const;

  const lines: string[] = [];
  for (const locale of locales) {
    const { totals } = locale;
    lines.push(paint('bold', `${locale.code} (${locale.name}, ${locale.status})`));
    for (const row of locale.pages) {
      const extra = review(row);
      lines.push(`  ${paint(color[row.status], row.status.padEnd(12))} ${row.file}${row.exists ? '' : ' (to create)'}  ${row.url}`);
      const detail = [row.status === 'outdated' || row.status === 'untranslated' || row.status === 'partial' ? stateOf(row) : '', extra]
        .filter(Boolean)
        .join('; ');
      if (detail) lines.push(`               ${detail}`);
    }
    lines.push(
      `  UI strings: ${locale.ui.translated}/${locale.ui.strings} translated${
        locale.ui.todo.length
          ? `; to do: ${locale.ui.todo
              .slice(0, 5)
              .map((item) => `${item.file}:${item.line ?? 1} ${item.key}`)
              .join(', ')}${locale.ui.todo.length > 5 ? ` and ${locale.ui.todo.length - 5} more` : ''}`
          : ''
      }`,
    );
    lines.push(
      `  Pages: ${totals.translated} translated, ${totals.partial} partial, ${totals.outdated} outdated, ${totals.untranslated} untranslated, ${totals.missing} missing of ${totals.pages} (${Math.round(totals.coverage * 100)}% in ${locale.code}); ${totals.machine} machine-translated (${totals.unreviewed} not reviewed)`,
      '',
    );
  }
  return `${lines.join('\n')}`;
}

function markdown(locales: readonly LocaleStatus[], sourceName: string): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const parts: string[] = [`# Translation status (source: ${sourceName})`, ''];
  parts.push(
    '| locale | translated | partial | outdated | untranslated | missing | coverage | machine, not reviewed | UI strings |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const locale of locales) {
    const { totals } = locale;
    parts.push(
      `| ${locale.code} (${cell(locale.name)}, ${locale.status}) | ${totals.translated}/${totals.pages} | ${totals.partial} | ${totals.outdated} | ${totals.untranslated} | ${totals.missing} | ${Math.round(totals.coverage * 100)}% | ${totals.unreviewed} | ${locale.ui.translated}/${locale.ui.strings} |`,
    );
  }
  for (const locale of locales) {
    parts.push('', `## ${locale.code} (${cell(locale.name)})`, '', '| page | file | state | review |', '| --- | --- | --- | --- |');
    for (const row of locale.pages)
      parts.push(
        `| [${cell(row.title)}](${row.url}) | \`${row.file}\`${row.exists ? '' : ' (to create)'} | ${cell(stateOf(row))} | ${review(row)} |`,
      );
  }
  return `${parts.join('\n')}\n`;
}
