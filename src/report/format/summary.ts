/**
 * Summaries are output too: each checker turns its summary into a `SummaryView`
 * (types.ts; `Tool.view`: coverage per locale, sentences about what was checked), which
 * the readable and Markdown formatters render without knowing the checker.
 * The JSON and SARIF formatters carry the summary object itself.
 */
import type { SummaryView, Tool } from './types.ts';

export const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** The checker's own view of its summary (`Tool.view`), or nothing to show. */
export function summaryView(tool: Tool | undefined, summary: unknown): SummaryView {
  if (!summary || typeof summary !== 'object' || !tool?.view) return { lines: [] };
  return tool.view(summary);
}
