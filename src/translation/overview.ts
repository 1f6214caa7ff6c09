/**
 * Every locale's translation state, page by page, as people read it: the
 * `i18n:status` command and the `/translations/` dashboard both list this,
 * straight from the content model (statuses, changed sections, review
 * state), so they always say the same as the site and the checkers.
 */
import type { Site, SitePage } from '../model/site.ts';
import type { PageStatus } from '../model/status.ts';
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
}

export interface LocaleOverview {
  code: string;
  name: string;
  status: 'complete' | 'partial';
  pages: PageRow[];
  totals: Record<Exclude<PageStatus, 'source'>, number> & { pages: number; machine: number; unreviewed: number };
}

/** The statuses in the order people work through them. */
export const STATUS_ORDER: Exclude<PageStatus, 'source'>[] = ['missing', 'untranslated', 'outdated', 'translated'];

export function rowOf(page: SitePage): PageRow {
  const file = page.localeFile;
  const method = page.translation?.method === 'machine' || page.translation?.method === 'human' ? page.translation.method : undefined;
  return {
    locale: page.locale,
    slug: page.slug,
    url: page.url,
    title: page.title,
    status: page.status,
    file,
    exists: page.ownFile !== undefined,
    sourceFile: page.sourceFile,
    method: page.ownFile ? method : undefined,
    unreviewed: page.unreviewed,
    machineSections: page.machineSections,
    changes: page.status === 'outdated' ? page.changes : undefined,
  };
}

export function translationOverview(site: Site, locales: readonly string[] = site.registry.translations.map((locale) => locale.code)): LocaleOverview[] {
  return locales.map((code) => {
    const locale = site.registry.get(code)!;
    const pages = site.pagesOf(code).map(rowOf);
    const totals = { pages: pages.length, missing: 0, untranslated: 0, outdated: 0, translated: 0, machine: 0, unreviewed: 0 };
    for (const row of pages) {
      if (row.status !== 'source') totals[row.status]++;
      if (row.method === 'machine' && row.status !== 'untranslated') totals.machine++;
      if (row.unreviewed) totals.unreviewed++;
    }
    return { code, name: locale.name, status: locale.status, pages, totals };
  });
}
