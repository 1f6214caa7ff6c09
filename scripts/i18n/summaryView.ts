/** What `check:i18n`'s summary says in the readable and Markdown reports: coverage per locale. */
import type { SummaryView } from '../../src/report/format/types.ts';
import type { I18nSummary } from './check.ts';

export function i18nSummaryView(summary: object): SummaryView {
  const { locales, sourceLocale } = summary as I18nSummary;
  return { coverage: { sourceLocale, rows: Object.entries(locales).map(([locale, entry]) => ({ locale, ...entry })) }, lines: [] };
}
