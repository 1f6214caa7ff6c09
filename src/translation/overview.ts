/**
 * Every locale's translation state, page by page, as people read it: the
 * `i18n:status` command and the `/translations/` dashboard both list this,
 * straight from the content model (statuses, changed sections, review
 * state), so they always say the same as the site and the checkers.
 */
import type { Site, SitePage } from '../model/site.ts';
import { translatedShare, type PageStatus } from '../model/status.ts';
import type { SectionChange } from './sections.ts';

export interface PageRow {
  locale: string;
  slug: string;
  /** The page as readers get it in this locale. */
  url: string;
  title: string;
  status: PageStatus;
  /** The locale's file for this page: where a translator works (it may not exist yet). */
  file: string;
  exists: boolean;
  sourceFile: string;
  method: 'human' | 'machine' | undefined;
  /** A machine translation no person has reviewed. */
  unreviewed: boolean;
  /** Sections machine-translated and not reviewed, in a page a person otherwise translated. */
  machineSections: string[];
  /** For an outdated page: the changed source sections, when the translation records fingerprints. */
  changes: SectionChange[] | undefined;
  /** The share of the page readers get in their language (0 to 1): translated blocks, 0 for a fallback. */
  share: number;
  /** For a partial (or outdated and partial) page: the sections with blocks still in the source language. */
  sourceLanguageSections: string[];
  /** Whether the page has a review view (`/translations/<locale>/<slug>/`): see `hasReviewView`. */
  review: boolean;
}

/**
 * Whether a translation gets a review view: one a reviewer has something to look at in. Outdated
 * (sections changed since), partial (blocks still in the source language), untranslated (the text
 * was never translated), or machine-translated and not yet reviewed (the page, or sections of it).
 * A current, human or reviewed translation has none: at 1,000 pages x 2 locales the review views
 * were a third of the built pages, nearly all of them for translations with nothing to review.
 * Blocks that do not line up are `check:i18n` errors at their line (the build stops), and a sentence
 * left in the source language is its warning at its line. The dashboard links exactly these pages.
 */
export function hasReviewView(page: SitePage): boolean {
  if (page.ownFile === undefined || page.status === 'source' || page.status === 'missing') return false;
  return (
    page.status === 'outdated' ||
    page.status === 'partial' ||
    page.status === 'untranslated' ||
    page.unreviewed ||
    page.machineSections.length > 0
  );
}

/**
 * A locale's counts, defined once: `check:i18n`'s summary, `i18n:status`, the dashboard and the bench
 * all read these, so they never disagree. Each page counts once, under its status; `coverage` is the
 * share of the source's pages readers get in their language (a partial page counts by its share of
 * translated blocks, an outdated page fully, a fallback not at all).
 */
export interface LocaleCounts {
  pages: number;
  translated: number;
  partial: number;
  outdated: number;
  untranslated: number;
  missing: number;
  /** Machine translations (readers get them), and of those, not reviewed. */
  machine: number;
  unreviewed: number;
  coverage: number;
}

export interface LocaleOverview {
  code: string;
  name: string;
  status: 'complete' | 'partial';
  pages: PageRow[];
  totals: LocaleCounts;
}

/** The statuses in the order people work through them. */
export const STATUS_ORDER: Exclude<PageStatus, 'source'>[] = ['missing', 'untranslated', 'outdated', 'partial', 'translated'];

export function rowOf(page: SitePage): PageRow {
  const method = page.translation?.method === 'machine' || page.translation?.method === 'human' ? page.translation.method : undefined;
  return {
    locale: page.locale,
    slug: page.slug,
    url: page.url,
    title: page.title,
    status: page.status,
    file: page.localeFile,
    exists: page.ownFile !== undefined,
    sourceFile: page.sourceFile,
    method: page.ownFile ? method : undefined,
    unreviewed: page.unreviewed,
    machineSections: page.machineSections,
    changes: page.status === 'outdated' ? page.changes : undefined,
    share: translatedShare(page),
    sourceLanguageSections: page.coverage?.sections ?? [],
    review: hasReviewView(page),
  };
}

/** The counts of one locale's pages (see LocaleCounts). */
export function localeCounts(site: Site, code: string): LocaleCounts {
  const totals: LocaleCounts = {
    pages: 0,
    translated: 0,
    partial: 0,
    outdated: 0,
    untranslated: 0,
    missing: 0,
    machine: 0,
    unreviewed: 0,
    coverage: 1,
  };
  let share = 0;
  for (const page of site.pagesOf(code)) {
    totals.pages++;
    if (page.status !== 'source') totals[page.status]++;
    if (!page.isFallback && page.translation?.method === 'machine') totals.machine++;
    if (page.unreviewed) totals.unreviewed++;
    share += translatedShare(page);
  }
  totals.coverage = totals.pages === 0 ? 1 : Math.round((share / totals.pages) * 1000) / 1000;
  return totals;
}

export function translationOverview(
  site: Site,
  locales: readonly string[] = site.registry.translations.map((locale) => locale.code),
): LocaleOverview[] {
  return locales.map((code) => {
    const locale = site.registry.get(code)!;
    const pages = site.pagesOf(code).map(rowOf);
    return { code, name: locale.name, status: locale.status, pages, totals: localeCounts(site, code) };
  });
}
