/**
 * Human output: findings grouped by file, one line each as
 * `file:line:col  severity  rule  message`, so terminals and editors turn the
 * place into a link; then the totals and the checker's summary. Colors only
 * when asked (on a terminal).
 */
import { placeOf, type Finding } from '../finding.ts';
import type { Report } from '../report.ts';
import { painter, type Paint } from './color.ts';
import { percent, summaryView } from './summary.ts';
import type { FormatOptions, SummaryTable } from './types.ts';

export function formatPretty(report: Report, options: FormatOptions = {}): string {
  const paint = painter(options.color ?? false);
  const brief = options.warnings === 'summary';
  const findings = brief ? report.findings.filter((finding) => finding.severity === 'error') : report.findings;
  const lines: string[] = [];
  if (brief) lines.push(...warningLines(report.findings, options, paint));
  const check = options.tool?.kind !== 'status';
  if (check && report.findings.length === 0) lines.push(`${paint('green', '✓')} No problems found.`);
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = byFile.get(finding.file);
    if (group) group.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  for (const [file, group] of byFile) {
    lines.push(paint('underline', file));
    for (const finding of group) {
      const severity = finding.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
      lines.push(`  ${placeOf(finding)}  ${severity}  ${paint('dim', finding.rule)}  ${finding.message}`);
      if (finding.source) lines.push(paint('dim', `      source: ${placeOf(finding.source)}`));
      if (finding.hint) lines.push(paint('dim', `      → ${finding.hint}`));
      for (const detail of Array.isArray(finding.details) ? (finding.details as unknown[]) : [])
        lines.push(paint('dim', `      ${String(detail)}`));
    }
    lines.push('');
  }
  if (check && report.findings.length > 0 && options.totals !== false) {
    const errors = report.findings.filter((finding) => finding.severity === 'error').length;
    const warnings = report.findings.length - errors;
    const total = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    lines.push(errors > 0 ? paint('red', `✖ ${total}`) : paint('yellow', `⚠ ${total}`));
  }
  const view = summaryView(options.tool, report.summary);
  for (const table of view.tables ?? []) lines.push(...tableLines(table, paint), '');
  if (view.coverage) {
    if (check) lines.push('');
    lines.push(`Translation coverage against "${view.coverage.sourceLocale}":`);
    for (const row of view.coverage.rows) {
      const findings = row.errors === undefined ? '' : `; ${row.errors} errors, ${row.warnings ?? 0} warnings`;
      lines.push(
        `  ${row.locale} (${row.status}): pages ${row.pages.translated} translated, ${row.pages.partial ?? 0} partial, ${row.pages.outdated} outdated, ${row.pages.untranslated ?? 0} untranslated, ${row.pages.missing ?? 0} missing of ${row.pages.source} (${percent(row.pages.coverage)} in ${row.locale}); UI strings ${row.ui.translated}/${row.ui.strings} (${percent(row.ui.coverage)})${findings}`,
      );
    }
  }
  if (view.lines.length > 0) lines.push('', ...view.lines);
  return `${lines.join('\n')}\n`;
}

const TONE_COLOR = { good: 'green', warning: 'yellow', bad: 'red' } as const;

/** A summary table as aligned columns under its title; the last column runs free (it holds details). */
function tableLines(table: SummaryTable, paint: Paint): string[] {
  const widths = table.columns.map((_, column) => Math.max(...table.rows.map((row) => (row.cells[column] ?? '').length)));
  return [
    paint('bold', table.title),
    ...table.rows.map((row) =>
      `  ${row.cells
        .map((cell, column) => {
          const text = column < row.cells.length - 1 ? cell.padEnd(widths[column]!) : cell;
          return column === 0 && row.tone ? paint(TONE_COLOR[row.tone], text) : text;
        })
        .join('  ')}`.trimEnd(),
    ),
  ];
}

/** One line per locale: how many warnings, by rule, and the command that lists them. */
function warningLines(findings: readonly Finding[], options: FormatOptions, paint: Paint): string[] {
  const byLocale = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.severity !== 'warning') continue;
    const key = finding.locale ?? '';
    byLocale.set(key, [...(byLocale.get(key) ?? []), finding]);
  }
  const tool = options.tool;
  return [...byLocale]
    .map(([locale, group]) => {
      const rules = new Map<string, number>();
      for (const finding of group) rules.set(finding.rule, (rules.get(finding.rule) ?? 0) + 1);
      const narrowed = locale && tool?.localeOption ? ` -- ${tool.localeOption} ${locale}` : '';
      const command = tool ? `npm run ${tool.name}${narrowed}` : '';
      const counts = [...rules]
        .sort((a, b) => b[1] - a[1])
        .map(([rule, count]) => `${count} ${rule}`)
        .join(', ');
      return `${paint('yellow', '⚠')} ${locale ? `${locale}: ` : ''}${group.length} warning${group.length === 1 ? '' : 's'} (${counts})${command ? `; list them with ${paint('bold', command)}` : ''}`;
    })
    .concat(byLocale.size > 0 ? [''] : []);
}
