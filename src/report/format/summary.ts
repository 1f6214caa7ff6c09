/**
 * Summaries are output too: each checker turns its summary into this shape
 * (`Tool.view`: coverage per locale, sentences about what was checked), which
 * the readable and Markdown formatters render without knowing the checker.
 * The JSON and SARIF formatters carry the summary object itself.
 */
import type { Tool } from '../rules.ts';

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

export const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** The checker's own view of its summary (`Tool.view`), or nothing to show. */
export function summaryView(tool: Tool | undefined, summary: unknown): SummaryView {
  if (!summary || typeof summary !== 'object' || !tool?.view) return { lines: [] };
  return tool.view(summary);
}
