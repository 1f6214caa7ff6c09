/**
 * Where the translation dashboard's pages are, and how a locale's rows are
 * split over them. The dashboard was one page listing every locale × page
 * (7.1 MB at 5,000 pages × 2 locales); now `/translations/` holds the totals
 * per locale, and each locale's rows are listed DASHBOARD_PAGE_SIZE at a time
 * at `/translations/locales/<code>/`, `…/2/`, …, so every page of it stays
 * small however large the site or however many locales it has.
 *
 * `locales` cannot clash with the review views at `/translations/<code>/…`:
 * a locale code starts with a language subtag of two or three letters.
 */
import type { PageStatus } from '../model/status.ts';
import { sidebarWindow } from '../navigation/tree.ts';

/** Rows on one page of a locale's list: about 70 KB of HTML, quick to load and to scroll on a phone. */
export const DASHBOARD_PAGE_SIZE = 100;

/** Numbered links a page of the list shows to its neighbours (with previous and next), so the pager stays small too. */
export const PAGER_LINKS = 9;

export const DASHBOARD_URL = '/translations/';

/** How the dashboard names each state (it is in the source language, for translators and reviewers). */
export const STATE_LABELS: Record<PageStatus, string> = {
  source: 'source',
  missing: 'missing',
  untranslated: 'untranslated',
  outdated: 'outdated',
  partial: 'partial',
  translated: 'translated',
};

/** Page `number` (from 1) of a locale's list. */
export function localeListUrl(locale: string, number = 1): string {
  return `${DASHBOARD_URL}locales/${locale}/${number > 1 ? `${number}/` : ''}`;
}

/** The review view of one translated page. */
export function reviewUrl(locale: string, slug: string): string {
  return `${DASHBOARD_URL}${locale}/${slug ? `${slug}/` : ''}`;
}

/** A locale's rows, DASHBOARD_PAGE_SIZE to a page (one empty page for a locale without pages, so its link works). */
export function splitRows<T>(rows: readonly T[], size = DASHBOARD_PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < rows.length; start += size) pages.push(rows.slice(start, start + size));
  return pages.length > 0 ? pages : [[]];
}

/** The page numbers the pager of page `current` (of `total`) links, around it. */
export function pagerNumbers(current: number, total: number, links = PAGER_LINKS): number[] {
  const { start, end } = sidebarWindow(total, current - 1, links);
  return Array.from({ length: end - start }, (_, index) => start + index + 1);
}
