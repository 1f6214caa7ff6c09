/**
 * The rule registry's shape, shared by both checkers: each rule has an id, a
 * default severity, a one-line description, an example and the check that
 * reports it. A checker runs what its registry holds (`scripts/i18n/registry.ts`,
 * `scripts/links/registry.ts`), the CLI selects with `--rule`/`--ignore-rule`,
 * the README's rule tables are tested against it, and SARIF output describes
 * every rule from it.
 *
 * Several rules may share one check (one pass over a page can report
 * `heading-mismatch` and `heading-id`): the runner calls each check once and
 * keeps only the findings of the selected rules.
 */
import type { Finding, Severity } from './finding.ts';
import { UsageError } from './usage.ts';

export interface RuleInfo {
  /** Kebab-case, stable: CI configurations and `--rule` name it. */
  id: string;
  /** The severity it reports with by default (the worst, where it depends on the locale). */
  severity: Severity;
  /** When the severity varies, in a few words: "warning for a partial locale". */
  severityNote?: string;
  /** One line: what it finds. */
  description: string;
  /** A short example of what it reports, Markdown. */
  example: string;
}

export interface Rule<Check> extends RuleInfo {
  check: Check;
}

export interface RuleSelection {
  /** `--rule`: only these (default: every rule). */
  only?: readonly string[];
  /** `--ignore-rule`: all but these. */
  ignore?: readonly string[];
}

/** The rules to run; an unknown id is a usage error that lists the valid ones. */
export function selectRules<R extends RuleInfo>(registry: readonly R[], selection: RuleSelection): R[] {
  const known = new Set(registry.map((rule) => rule.id));
  for (const [option, ids] of [
    ['--rule', selection.only],
    ['--ignore-rule', selection.ignore],
  ] as const) {
    for (const id of ids ?? []) {
      if (!known.has(id)) throw new UsageError(`${option}: unknown rule "${id}". Rules: ${[...known].join(', ')}.`);
    }
  }
  const only = selection.only?.length ? new Set(selection.only) : undefined;
  const ignore = new Set(selection.ignore ?? []);
  return registry.filter((rule) => (!only || only.has(rule.id)) && !ignore.has(rule.id));
}

/** Each distinct check of the selected rules, once, in registry order. */
export function checksOf<Check>(rules: readonly Rule<Check>[]): Check[] {
  return [...new Set(rules.map((rule) => rule.check))];
}

/**
 * The findings a check reports for the selected rules that name it as their
 * check: a shared check's other rules, and rules another check owns, are left out.
 */
export function ownFindings<Check>(check: Check, findings: readonly Finding[], rules: readonly Rule<Check>[]): Finding[] {
  const ids = new Set(rules.filter((rule) => rule.check === check).map((rule) => rule.id));
  return findings.filter((finding) => ids.has(finding.rule));
}

/** Only the findings of the selected rules. */
export function keepSelected(findings: readonly Finding[], rules: readonly RuleInfo[]): Finding[] {
  const ids = new Set(rules.map((rule) => rule.id));
  return findings.filter((finding) => ids.has(finding.rule));
}
