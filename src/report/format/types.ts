/**
 * What every formatter receives besides the report: the options, the command that produced it (`Tool`),
 * and the shape a checker gives its summary for readable and Markdown output (`SummaryView`).
 */
import type { RuleInfo } from '../rules.ts';

export interface FormatOptions {
  /** The command and its rule registry (SARIF rule descriptors, summaries). */
  tool?: Tool;
  /** Terminal colors (readable output only). */
  color?: boolean;
  /** The checked project's absolute path (SARIF's SRCROOT). */
  root?: string;
  /** Where a file's lines can be linked (`https://github.com/o/r/blob/<sha>/`), for the Markdown job summary. */
  linkBase?: string;
  /** End readable output with the error and warning counts (default true). */
  totals?: boolean;
  /**
   * `summary`: readable output lists errors in full and, per locale, one line counting the warnings
   * with the command that lists them (what `npm run build` prints, so errors are not buried). The
   * machine formats (json, github, sarif, markdown) always carry every finding. Default `full`.
   */
  warnings?: 'full' | 'summary';
}

/** What formatters know about the command that produced a report. */
export interface Tool {
  /** The npm script, such as `check:links`. */
  name: string;
  rules: readonly RuleInfo[];
  /** The option that narrows the command to one locale (`--locale`), for the hint that lists a locale's warnings. */
  localeOption?: string;
  /** What its summary says, for the readable and Markdown formats (see format/summary.ts). */
  view?: (summary: object) => SummaryView;
  /**
   * `status`: the command describes the project (i18n:status) and looks for no problems, so readable output
   * has no verdict or counts of problems. Default `check`.
   */
  kind?: 'check' | 'status';
}

export interface CoverageRow {
  locale: string;
  status: string;
  pages: {
    translated: number;
    source: number;
    coverage: number;
    outdated: number;
    partial?: number;
    untranslated?: number;
    missing?: number;
  };
  ui: { translated: number; strings: number; coverage: number };
  /** The checker's findings in this locale; absent from a status, which reports no problems. */
  errors?: number;
  warnings?: number;
}

/** A table of a summary (i18n:status lists each locale's pages in one): readable output aligns it, Markdown makes it a table. */
export interface SummaryTable {
  title: string;
  columns: string[];
  rows: { cells: string[]; tone?: Tone }[];
}

/** How a row reads at a glance: readable output colours its first cell. */
export type Tone = 'good' | 'warning' | 'bad';

export interface SummaryView {
  /** Per-locale translation coverage against the source locale. */
  coverage?: { sourceLocale: string; rows: CoverageRow[] };
  /** Plain sentences: what was checked. */
  lines: string[];
  tables?: SummaryTable[];
}
