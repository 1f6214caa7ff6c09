/**
 * Human output: findings grouped by file, one line each as
 * `file:line:col  severity  rule  message`, so terminals and editors turn the
 * place into a link. Colors only on a terminal.
 */
import { paint } from '../cli.ts';
import type { Finding } from '../findings.ts';

export function formatPretty(findings: readonly Finding[], stream: NodeJS.WriteStream = process.stdout): string {
  if (findings.length === 0) return `${paint('green', '✓', stream)} No problems found.\n`;
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const lines: string[] = [];
  for (const [file, group] of byFile) {
    lines.push(paint('underline', file, stream));
    for (const finding of group) {
      const place = `${finding.file}:${finding.line}:${finding.column}`;
      const severity = finding.severity === 'error' ? paint('red', 'error  ', stream) : paint('yellow', 'warning', stream);
      lines.push(`  ${place}  ${severity}  ${paint('dim', finding.rule, stream)}  ${finding.message}`);
      if (finding.source) lines.push(paint('dim', `      source: ${finding.source.file}:${finding.source.line}:${finding.source.column}`, stream));
      if (finding.hint) lines.push(paint('dim', `      → ${finding.hint}`, stream));
      for (const detail of (finding.details as string[] | undefined) ?? []) lines.push(paint('dim', `      ${detail}`, stream));
    }
    lines.push('');
  }
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const total = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  lines.push(errors > 0 ? paint('red', `✖ ${total}`, stream) : paint('yellow', `⚠ ${total}`, stream));
  return `${lines.join('\n')}\n`;
}
