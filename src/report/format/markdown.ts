/**
 * A Markdown report for a CI job summary (`$GITHUB_STEP_SUMMARY`) or a pull
 * request comment: the totals, per-locale coverage, and the findings in a
 * table grouped by file, capped so a broken build does not produce a page
 * nobody reads (the annotations and SARIF carry every finding).
 */
import { placeOf, type Finding } from '../finding.ts';
import type { Report } from '../report.ts';
import { percent, summaryView } from './summary.ts';
import type { FormatOptions } from './types.ts';

/** Rows in the findings table; the rest is counted. */
export const MARKDOWN_MAX_ROWS = 50;

export function formatMarkdown(report: Report, options: FormatOptions = {}): string {
  const { findings } = report;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const title = options.tool ? `\`${options.tool.name}\`` : 'Check';
  const check = options.tool?.kind !== 'status';
  const verdict = errors > 0 ? '❌' : warnings > 0 ? '⚠️' : '✅';
  const lines = [check ? `### ${verdict} ${title}: ${count(errors, 'error')}, ${count(warnings, 'warning')}` : `### ${title}`, ''];

  const view = summaryView(options.tool, report.summary);
  if (view.coverage && view.coverage.rows.length > 0) {
    lines.push(`Translation coverage against \`${view.coverage.sourceLocale}\`:`, '');
    // Errors and warnings per locale are a checker's; a status has none.
    const findings = view.coverage.rows.some((row) => row.errors !== undefined);
    lines.push(
      `| locale | status | translated | partial | outdated | untranslated | missing | coverage | UI strings |${findings ? ' errors | warnings |' : ''}`,
      `| --- | --- | --: | --: | --: | --: | --: | --: | --: |${findings ? ' --: | --: |' : ''}`,
    );
    for (const row of view.coverage.rows) {
      lines.push(
        `| \`${row.locale}\` | ${row.status} | ${row.pages.translated}/${row.pages.source} | ${row.pages.partial ?? 0} | ${row.pages.outdated} | ${row.pages.untranslated ?? 0} | ${row.pages.missing ?? 0} | ${percent(row.pages.coverage)} | ${row.ui.translated}/${row.ui.strings} (${percent(row.ui.coverage)}) |${findings ? ` ${row.errors ?? 0} | ${row.warnings ?? 0} |` : ''}`,
      );
    }
    lines.push('');
  }
  if (view.lines.length > 0) lines.push(...view.lines, '');
  for (const table of view.tables ?? []) {
    lines.push(`#### ${cell(table.title)}`, '', `| ${table.columns.map(cell).join(' | ')} |`, `|${' --- |'.repeat(table.columns.length)}`);
    for (const row of table.rows) lines.push(`| ${row.cells.map(cell).join(' | ')} |`);
    lines.push('');
  }
  if (!check) return `${lines.join('\n')}\n`;

  if (findings.length === 0) {
    lines.push('No problems found.', '');
    return `${lines.join('\n')}\n`;
  }
  // Grouped by file; files with errors first, so a capped table still shows what fails the build.
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = byFile.get(finding.file);
    if (group) group.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  const hasError = (group: Finding[]) => group.some((finding) => finding.severity === 'error');
  const ordered = [...byFile.values()]
    .sort((a, b) => Number(hasError(b)) - Number(hasError(a)) || a[0]!.file.localeCompare(b[0]!.file))
    .flat();
  const shown = ordered.slice(0, MARKDOWN_MAX_ROWS);
  lines.push('| file | line | severity | rule | message |', '| --- | --: | --- | --- | --- |');
  let previousFile: string | undefined;
  for (const finding of shown) {
    const file = finding.file === previousFile ? '〃' : `\`${cell(finding.file)}\``;
    previousFile = finding.file;
    lines.push(
      `| ${file} | ${lineCell(finding, options.linkBase)} | ${finding.severity} | \`${finding.rule}\` | ${cell(message(finding))} |`,
    );
  }
  if (ordered.length > shown.length) {
    const rest = ordered.length - shown.length;
    lines.push(
      '',
      `…and ${rest} more finding${rest === 1 ? '' : 's'}: see the annotations, the code scanning alerts, or run \`npm run ${options.tool?.name ?? 'check'}\` locally.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function message(finding: Finding): string {
  const source = finding.source ? ` (source: ${placeOf(finding.source)})` : '';
  return `${finding.message}${finding.hint ? ` → ${finding.hint}` : ''}${source}`;
}

function lineCell(finding: Finding, linkBase: string | undefined): string {
  if (finding.line === undefined) return '';
  const text = `${finding.line}:${finding.column ?? 1}`;
  return linkBase ? `[${text}](${linkBase}${finding.file.split('/').map(encodeURIComponent).join('/')}#L${finding.line})` : text;
}

/** Table cells are one line, and `|` ends a cell. */
function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;');
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
