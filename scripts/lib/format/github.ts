/**
 * GitHub Actions workflow commands: one `::error` or `::warning` line per
 * finding, which GitHub shows as an annotation on the file and line.
 */
import type { Finding } from '../findings.ts';

/** Workflow command data and properties need these characters escaped. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(findings: readonly Finding[]): string {
  return findings
    .map((finding) => {
      const message = [finding.message, finding.hint && `→ ${finding.hint}`, finding.source && `source: ${finding.source.file}:${finding.source.line}`].filter(Boolean).join('\n');
      return `::${finding.severity} file=${escapeProperty(finding.file)},line=${finding.line},col=${finding.column},title=${escapeProperty(finding.rule)}::${escapeData(message)}\n`;
    })
    .join('');
}
