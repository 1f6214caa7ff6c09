/** Picks the formatter for `--format`. */
import { UsageError } from '../cli.ts';
import type { Report } from '../findings.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatPretty } from './pretty.ts';

export const FORMATS = ['pretty', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string | undefined): Format {
  const format = value ?? 'pretty';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${format}".`);
  return format as Format;
}

export function formatReport(report: Report, format: Format): string {
  if (format === 'json') return formatJson(report);
  if (format === 'github') return formatGithub(report.findings);
  return formatPretty(report.findings);
}
