/**
 * GitHub Actions workflow commands: one `::error` or `::warning` line per
 * finding, which GitHub shows as an annotation on the file and line of the
 * pull request's diff.
 */
import type { Report } from '../report.ts';

/** Workflow command data and properties need these characters escaped. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(report: Report): string {
  return report.findings
    .map((finding) => {
      const message = [
        finding.message,
        finding.hint && `→ ${finding.hint}`,
        finding.source && `source: ${finding.source.file}${finding.source.line ? `:${finding.source.line}` : ''}`,
      ]
        .filter(Boolean)
        .join('\n');
      const place = [
        `file=${escapeProperty(finding.file)}`,
        finding.line !== undefined && `line=${finding.line}`,
        finding.column !== undefined && `col=${finding.column}`,
        `title=${escapeProperty(finding.rule)}`,
      ]
        .filter(Boolean)
        .join(',');
      return `::${finding.severity} ${place}::${escapeData(message)}\n`;
    })
    .join('');
}
