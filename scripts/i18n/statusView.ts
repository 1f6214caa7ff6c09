/**
 * What `i18n:status` says, as a summary view the shared formatters render
 * (src/report/format/): the coverage of each locale, then a table per locale
 * with every page's state and what is left to do in it. The states are the
 * content model's (src/translation/overview.ts), the same the site's notices
 * and the `/translations/` dashboard show.
 */
import type { SummaryTable, SummaryView, Tone, Tool } from '../../src/report/format/types.ts';
import { describeChange } from '../../src/translation/sections.ts';
import type { LocaleOverview, PageRow } from '../../src/translation/overview.ts';

export interface UiCoverage {
  strings: number;
  translated: number;
  /** Keys missing, empty or still in the source language. */
  todo: { key: string; file: string; line: number | undefined; rule: string }[];
}

export interface LocaleStatus extends LocaleOverview {
  ui: UiCoverage;
}

/** The summary of `i18n:status`: its JSON output carries it as it is. */
export interface StatusSummary {
  sourceLocale: string;
  locales: LocaleStatus[];
}

/** UI keys named in the readable line of a locale; the JSON output lists them all. */
const UI_KEYS_SHOWN = 5;

const TONES: Record<PageRow['status'], Tone> = {
  missing: 'bad',
  untranslated: 'bad',
  outdated: 'warning',
  partial: 'warning',
  translated: 'good',
  source: 'good',
};

export const STATUS_TOOL: Tool = { name: 'i18n:status', kind: 'status', rules: [], localeOption: '--locale', view: statusView };

export function statusView(summary: object): SummaryView {
  const { sourceLocale, locales } = summary as StatusSummary;
  return {
    coverage: {
      sourceLocale,
      rows: locales.map(({ code, status, totals, ui }) => ({
        locale: code,
        status,
        pages: { ...totals, source: totals.pages },
        ui: { translated: ui.translated, strings: ui.strings, coverage: ui.strings === 0 ? 1 : ui.translated / ui.strings },
      })),
    },
    tables: locales.map(pageTable),
    lines: locales.map(({ code, totals, ui }) => {
      const keys = ui.todo
        .slice(0, UI_KEYS_SHOWN)
        .map((item) => `${item.file}:${item.line ?? 1} ${item.key}`)
        .join(', ');
      const more = ui.todo.length > UI_KEYS_SHOWN ? ` and ${ui.todo.length - UI_KEYS_SHOWN} more` : '';
      return `${code}: ${totals.machine} machine-translated (${totals.unreviewed} not reviewed); UI strings ${ui.translated}/${ui.strings} translated${ui.todo.length ? `; to do: ${keys}${more}` : ''}`;
    }),
  };
}

function pageTable(locale: LocaleStatus): SummaryTable {
  return {
    title: `${locale.code} (${locale.name}, ${locale.status})`,
    columns: ['state', 'file', 'page', 'to do'],
    rows: locale.pages.map((row) => ({
      cells: [
        row.status,
        `${row.file}${row.exists ? '' : ' (to create)'}`,
        row.url,
        [stateOf(row), review(row)].filter(Boolean).join('; '),
      ],
      tone: TONES[row.status],
    })),
  };
}

/** What a row's state leaves to do, in a few words: nothing for a current translation. */
function stateOf(row: PageRow): string {
  switch (row.status) {
    case 'missing':
      return 'create the translation';
    case 'untranslated':
      return 'still in the source language';
    case 'outdated':
      return `${row.changes === undefined ? 'the source changed' : `changed: ${row.changes.map(describeChange).join(', ')}`}${row.sourceLanguageSections.length ? `; ${partOf(row)}` : ''}`;
    case 'partial':
      return partOf(row);
    default:
      return '';
  }
}

/** `60% translated; still in the source language: #follow-up, introduction`. */
function partOf(row: PageRow): string {
  return `${Math.round(row.share * 100)}% translated; still in the source language: ${row.sourceLanguageSections.map((id) => (id === '_intro' ? 'introduction' : `#${id}`)).join(', ')}`;
}

function review(row: PageRow): string {
  if (row.status === 'untranslated' || row.status === 'missing') return '';
  if (row.method === 'machine') return row.unreviewed ? 'machine-translated, not reviewed' : '';
  return row.machineSections.length
    ? `machine-translated sections, not reviewed: ${row.machineSections.map((id) => (id.startsWith('_') ? id : `#${id}`)).join(', ')}`
    : '';
}
