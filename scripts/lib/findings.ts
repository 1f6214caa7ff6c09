/**
 * A finding: one problem a checker reports, located where a person must edit.
 * `check:i18n` and `check:links` both produce these, so one set of formatters
 * (pretty, json, github) serves both.
 */
export type Severity = 'error' | 'warning';

export interface Location {
  /** Relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface Finding extends Location {
  rule: string;
  severity: Severity;
  message: string;
  locale: string;
  /** The matching place in the source (English) file, where there is one. */
  source?: Location;
  /** What to do, when the message alone does not say. */
  hint?: string;
  /** Checker-specific fields (the link checker adds `url` and `page`). */
  [extra: string]: unknown;
}

export interface Report<Summary = unknown> {
  findings: Finding[];
  summary: Summary;
}

/** Stable order: by file, then position, then rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/** Exit code: 1 when any finding is an error (or any at all with --strict), else 0. */
export function exitCodeFor(findings: readonly Finding[], strict: boolean): 0 | 1 {
  return findings.some((finding) => finding.severity === 'error' || strict) ? 1 : 0;
}

/** Counts per locale and rule: `{ de: { 'heading-id': 2 } }`. */
export function countByLocaleAndRule(findings: readonly Finding[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const finding of findings) {
    const perRule = (counts[finding.locale] ??= {});
    perRule[finding.rule] = (perRule[finding.rule] ?? 0) + 1;
  }
  return counts;
}
