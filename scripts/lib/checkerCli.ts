/**
 * What the checkers' commands share: the reporting options (`--format`,
 * `--output`, `--rule`, `--ignore-rule`, `--strict`, `--root`), their help
 * text, and printing a report. The checkers themselves never print.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from './cli.ts';
import { exitCodeFor, type Report } from '../../src/report/report.ts';
import { wantsColor } from '../../src/report/format/color.ts';
import {
  FORMATS,
  formatReport,
  githubLinkBase,
  parseFormat,
  parseOutput,
  writeOutputs,
  type Format,
  type Output,
} from '../../src/report/format/index.ts';
import { selectRules, type Rule, type RuleInfo } from '../../src/report/rules.ts';
import type { Tool } from '../../src/report/format/types.ts';

export const REPORT_OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', multiple: true },
  rule: { type: 'string', multiple: true },
  'ignore-rule': { type: 'string', multiple: true },
  strict: { type: 'boolean', default: false },
  warnings: { type: 'string' },
  root: { type: 'string' },
} as const;

export const REPORT_USAGE = `  --format <name>         output on stdout: ${FORMATS.join(', ')} (default pretty)
  --output <fmt>=<file>   also write a format to a file, e.g. sarif=reports/x.sarif (repeatable)
  --rule <id>             run only this rule (repeatable)
  --ignore-rule <id>      skip this rule (repeatable)
  --strict                fail on warnings too
  --warnings summary      readable output: errors in full, warnings as one line per locale (npm run build uses it)
  --root <dir>            the project to check (default: the current folder)`;

export interface ReportValues {
  format?: string | undefined;
  output?: string[] | undefined;
  rule?: string[] | undefined;
  'ignore-rule'?: string[] | undefined;
  strict?: boolean | undefined;
  warnings?: string | undefined;
  root?: string | undefined;
}

export interface ReportSettings<R extends RuleInfo> {
  format: Format;
  outputs: Output[];
  rules: R[];
  strict: boolean;
  warnings: 'full' | 'summary';
  root: string;
}

/** Validates the shared options before any work is done: usage errors come first and cost nothing. */
export function reportSettings<R extends Rule<unknown>>(values: ReportValues, registry: readonly R[]): ReportSettings<R> {
  return {
    format: parseFormat(values.format),
    outputs: (values.output ?? []).map(parseOutput),
    rules: selectRules(registry, {
      ...(values.rule ? { only: values.rule } : {}),
      ...(values['ignore-rule'] ? { ignore: values['ignore-rule'] } : {}),
    }),
    strict: values.strict ?? false,
    warnings: parseWarnings(values.warnings),
    root: projectRoot(values.root),
  };
}

function parseWarnings(value: string | undefined): 'full' | 'summary' {
  if (value === undefined || value === 'full' || value === 'summary') return value ?? 'full';
  throw new UsageError(`--warnings must be "full" or "summary" (got "${value}").`);
}

/** The project folder: it must exist and hold content/locales.json, or the command cannot start. */
export function projectRoot(value: string | undefined): string {
  const root = resolve(value ?? process.cwd());
  const named = value === undefined ? `The current folder (${root})` : `--root ${value} (${root})`;
  if (!existsSync(root))
    throw new UsageError(`${named} does not exist; point --root at the project folder, the one with content/locales.json.`);
  if (!statSync(root).isDirectory()) throw new UsageError(`${named} is a file, not a folder; point --root at the project folder.`);
  if (!existsSync(join(root, 'content', 'locales.json')))
    throw new UsageError(
      `${named} is not a project folder: it has no content/locales.json. Run the command in the project, or point --root at it.`,
    );
  return root;
}

/** Prints the report in `--format`, writes each `--output`, and returns the exit code. */
export function emitReport(report: Report, settings: ReportSettings<RuleInfo>, tool: Tool): 0 | 1 {
  const linkBase = githubLinkBase();
  const options = { tool, root: settings.root, ...(linkBase ? { linkBase } : {}) };
  writeOutputs(report, settings.outputs, options);
  process.stdout.write(
    formatReport(report, settings.format, {
      ...options,
      warnings: settings.warnings,
      color: settings.format === 'pretty' && wantsColor(process.stdout),
    }),
  );
  return exitCodeFor(report.findings, settings.strict);
}
