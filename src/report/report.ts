/**
 * What the checkers share about findings: the report they return, a stable
 * order, the exit code, counts. The `Finding` type itself is defined once in
 * src/content/finding.ts (the content guard speaks it too) and re-exported here.
 */
import type { Finding } from './finding.ts';

export type { Finding, Fix, Location, Replacement, Severity } from './finding.ts';

export interface Report<Summary = unknown> {
  findings: Finding[];
  summary: Summary;
}

/** Stable order: by file, then position, then rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.rule.localeCompare(b.rule),
  );
}

/** Exit code: 1 when any finding is an error (or any at all with --strict), else 0. */
export function exitCodeFor(findings: readonly Finding[], strict: boolean): 0 | 1 {
  return findings.some((finding) => finding.severity === 'error' || strict) ? 1 : 0;
}

/** Counts per locale and rule: `{ de: { 'heading-id': 2 } }`. */
export function countByLocaleAndRule(findings: readonly Finding[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const finding of findings) {
    const perRule = (counts[finding.locale ?? ''] ??= {});
    perRule[finding.rule] = (perRule[finding.rule] ?? 0) + 1;
  }
  return counts;
}
