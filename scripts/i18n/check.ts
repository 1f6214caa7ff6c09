/**
 * The translation check as a library: collect every locale's pages and UI
 * strings, pair each translation with its source, run the rules of the
 * registry (scripts/i18n/registry.ts), and return all findings with a summary.
 * It never prints: the CLI (scripts/check-i18n.ts) hands the report to a formatter.
 */
import type { LocaleRegistry } from '../../src/i18n/locales.ts';
import { slugOf } from '../../src/model/slug.ts';
import type { Site } from '../../src/model/site.ts';
import { countByLocaleAndRule, sortFindings, type Report } from '../../src/report/report.ts';
import { checksOf, ownFindings } from '../../src/report/rules.ts';
import { collect } from './collect.ts';
import type { TranslationRun } from './context.ts';
import type { Glossary } from '../../src/translation/glossary.ts';
import type { ParseCache } from '../../src/content/parseCache.ts';
import { I18N_RULES, type I18nRule } from './registry.ts';
import { uiRules } from './rules/ui.ts';
import { UsageError } from '../lib/cli.ts';
import { localeCounts } from '../../src/translation/overview.ts';

export interface CheckOptions {
  root: string;
  registry: LocaleRegistry;
  /** The content model: which translation pairs with which source, and each page's status. */
  site: Site;
  glossary: Glossary;
  /** Locales to check; default: every locale but the source. */
  locales?: readonly string[];
  /** Look up the recorded source revision in git history (for `outdated` diffs). */
  history?: boolean;
  cache?: ParseCache;
  /** Called every 100 pages read, for a progress line on long runs. */
  onProgress?: (pagesRead: number) => void;
  /** The rules to run (default: the whole registry). */
  rules?: readonly I18nRule[];
}

export interface LocaleSummary {
  status: 'complete' | 'partial';
  /** Page counts by the content model's status, exactly as `i18n:status` and the dashboard count them (src/translation/overview.ts). */
  pages: { source: number; translated: number; partial: number; missing: number; outdated: number; untranslated: number; coverage: number };
  ui: { strings: number; translated: number; coverage: number };
  errors: number;
  warnings: number;
}

export interface I18nSummary {
  sourceLocale: string;
  checkedLocales: string[];
  errors: number;
  warnings: number;
  byLocaleAndRule: Record<string, Record<string, number>>;
  locales: Record<string, LocaleSummary>;
}

export function checkTranslations(options: CheckOptions): Report<I18nSummary> {
  const { registry, glossary } = options;
  const sourceLocale = registry.source.code;
  const targets = (options.locales ?? registry.translations.map((locale) => locale.code)).filter((code) => code !== sourceLocale);
  const { site } = options;
  const { pages, namespaces } = collect(options.root, site, [sourceLocale, ...targets], options.cache, options.onProgress);
  const sourcePages = pages.get(sourceLocale) ?? [];
  // Nothing to compare is not "no problems": a check that checked nothing fails.
  const nothing = nothingToCheck(sourceLocale, targets, sourcePages.length);
  if (nothing) throw new UsageError(nothing);
  const sourceNamespaces = namespaces.get(sourceLocale) ?? [];
  const sourceBySlug = new Map(sourcePages.map((page) => [slugOf(page.path), page]));
  const run: TranslationRun = {
    root: options.root,
    registry,
    site,
    glossary,
    history: options.history ?? true,
    sourceLocale,
    sourcePages,
    sourceNamespaces,
    targets: targets.map((code) => {
      const locale = registry.get(code)!;
      const localePages = pages.get(code) ?? [];
      const localeNamespaces = namespaces.get(code) ?? [];
      let ui: ReturnType<typeof uiRules> | undefined;
      return {
        locale,
        pages: localePages,
        namespaces: localeNamespaces,
        pairs: localePages.flatMap((translation) => {
          const slug = slugOf(translation.path);
          const source = sourceBySlug.get(slug);
          const page = site.page(code, slug);
          return source && page ? [{ locale, sourceLocale, source, translation, page, glossary }] : [];
        }),
        ui: () => (ui ??= uiRules({ locale, sourceLocale, source: sourceNamespaces, translation: localeNamespaces, glossary })),
      };
    }),
  };

  const rules = options.rules ?? I18N_RULES;
  const findings = checksOf(rules).flatMap((check) => ownFindings(check, check(run), rules));
  sortFindings(findings);

  const summaries: Record<string, LocaleSummary> = {};
  for (const target of run.targets) {
    const own = findings.filter((finding) => finding.locale === target.locale.code);
    const ui = target.ui();
    const counts = localeCounts(site, target.locale.code);
    summaries[target.locale.code] = {
      status: target.locale.status,
      pages: {
        source: counts.pages,
        translated: counts.translated,
        partial: counts.partial,
        missing: counts.missing,
        outdated: counts.outdated,
        untranslated: counts.untranslated,
        coverage: counts.coverage,
      },
      ui: { strings: ui.total, translated: ui.translated, coverage: ratio(ui.translated, ui.total) },
      errors: own.filter((finding) => finding.severity === 'error').length,
      warnings: own.filter((finding) => finding.severity === 'warning').length,
    };
  }
  return {
    findings,
    summary: {
      sourceLocale,
      checkedLocales: targets,
      errors: findings.filter((finding) => finding.severity === 'error').length,
      warnings: findings.filter((finding) => finding.severity === 'warning').length,
      byLocaleAndRule: countByLocaleAndRule(findings),
      locales: summaries,
    },
  };
}

/** Why there is nothing to check (no translation, or no source page), or undefined. Shared with `i18n:status`. */
export function nothingToCheck(sourceLocale: string, targets: readonly string[], sourcePages: number): string | undefined {
  if (targets.length === 0)
    return `content/locales.json lists no translation besides the source locale "${sourceLocale}", so there is nothing to check. Add a locale with npm run i18n:add -- <code>.`;
  if (sourcePages === 0)
    return `content/${sourceLocale}/ holds no page (no .mdx file), so no translation can be compared with it. Add the source pages, or run the command in the project folder (--root).`;
  return undefined;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000);
