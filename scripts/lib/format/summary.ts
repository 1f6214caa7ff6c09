/**
 * Summaries are output too: what each checker's summary says, in a shape the
 * readable and Markdown formatters render (coverage per locale for
 * `check:i18n`, what was crawled and checked for `check:links`). The JSON and
 * SARIF formatters carry the summary object itself.
 */
import type { I18nSummary } from '../../i18n/check.ts';
import type { LinkSummary } from '../../links/check.ts';
import type { Tool } from '../rules.ts';

export interface CoverageRow {
  locale: string;
  status: string;
  pages: { translated: number; source: number; coverage: number; outdated: number; partial?: number; untranslated?: number; missing?: number };
  ui: { translated: number; strings: number; coverage: number };
  errors: number;
  warnings: number;
}

export interface SummaryView {
  /** Per-locale translation coverage against the source locale. */
  coverage?: { sourceLocale: string; rows: CoverageRow[] };
  /** Plain sentences: what was checked. */
  lines: string[];
}

export const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

export function summaryView(tool: Tool | undefined, summary: unknown): SummaryView {
  if (!summary || typeof summary !== 'object') return { lines: [] };
  if (tool?.name === 'check:i18n') return i18nView(summary as I18nSummary);
  if (tool?.name === 'check:links') return linksView(summary as LinkSummary);
  return { lines: [] };
}

function i18nView(summary: I18nSummary): SummaryView {
  const rows = Object.entries(summary.locales).map(([locale, entry]) => ({ locale, ...entry }));
  return { coverage: { sourceLocale: summary.sourceLocale, rows }, lines: [] };
}

function linksView(summary: LinkSummary): SummaryView {
  if (summary.crawl) return { lines: [`Source: ${summary.links} links in ${summary.files} files; crawled ${summary.crawl.url}: ${summary.crawl.linksChecked} links on ${summary.crawl.pages} pages.`] };
  const trace = summary.builtPass.traceBuild?.error ? ` (the checking build failed: ${summary.builtPass.traceBuild.error})` : '';
  const built = summary.builtPass.ran ? `built site: ${summary.builtPass.linksChecked} links on ${summary.builtPass.pages} pages${trace}` : `built site: skipped (${summary.builtPass.reason})`;
  const external = summary.external ? `external: ${summary.external.checked} checked, ${summary.external.fromCache} from cache, ${summary.external.skipped} skipped` : 'external: off (--external to check)';
  return { lines: [`Source: ${summary.links} links in ${summary.files} files; ${built}; ${external}.`] };
}
