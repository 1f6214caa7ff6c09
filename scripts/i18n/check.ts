/**
 * The translation check as a library: collect every locale's pages and UI
 * strings, pair each translation with its source, run the rules, and return
 * all findings with a summary. The CLI (scripts/check-i18n.ts) only parses
 * arguments and prints.
 */
import type { LocaleRegistry } from '../../src/i18n/locales.ts';
import { slugOf } from '../../src/model/slug.ts';
import type { Site } from '../../src/model/site.ts';
import { countByLocaleAndRule, sortFindings, type Finding, type Report } from '../lib/findings.ts';
import { collect } from './collect.ts';
import type { PageContext } from './context.ts';
import type { Glossary } from '../../src/translation/glossary.ts';
import type { ParseCache } from '../../src/content/parseCache.ts';
import { headingRules } from './rules/headings.ts';
import { outdatedRule } from './rules/outdated.ts';
import { pageSetRules } from './rules/pages.ts';
import { frontmatterRule, parseFindings } from './rules/parse.ts';
import { componentRule, imageRule, linkRule } from './rules/references.ts';
import { structureRules } from './rules/structure.ts';
import { glossaryRule, placeholderRule, untranslatedRule } from './rules/text.ts';
import { uiRules } from './rules/ui.ts';

/** Every rule id, in the order the README documents them. */
export const RULES = [
  'missing-page', 'orphan-page', 'parse-error', 'frontmatter', 'outdated',
  'heading-mismatch', 'heading-id', 'structure-mismatch', 'list-mismatch', 'table-mismatch', 'code-mismatch',
  'component-mismatch', 'link-mismatch', 'image-mismatch', 'untranslated', 'glossary', 'placeholder-mismatch',
  'ui-missing-key', 'ui-extra-key', 'ui-empty', 'ui-untranslated', 'ui-interpolation', 'ui-plural',
] as const;

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
}

export interface LocaleSummary {
  status: 'complete' | 'partial';
  /** Page counts by the content model's status; `translated` counts outdated pages too (they exist, but lag). */
  pages: { source: number; translated: number; missing: number; outdated: number; untranslated: number; coverage: number };
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
  const sourceBySlug = new Map(sourcePages.map((page) => [slugOf(page.path), page]));
  const findings: Finding[] = [];
  // The source's own parse problems break every locale: report them once, under the source locale.
  for (const page of sourcePages) findings.push(...parseFindings(page, sourceLocale));
  for (const namespace of namespaces.get(sourceLocale) ?? []) findings.push(...jsonFindings(namespace.problems, sourceLocale));

  const summaries: Record<string, LocaleSummary> = {};
  for (const code of targets) {
    const locale = registry.get(code)!;
    const localePages = pages.get(code) ?? [];
    const localeFindings: Finding[] = [...pageSetRules(locale, site)];
    for (const translation of localePages) {
      localeFindings.push(...parseFindings(translation, code));
      const slug = slugOf(translation.path);
      const source = sourceBySlug.get(slug);
      const page = site.page(code, slug);
      if (!source || !page) continue;
      const context: PageContext = { locale, sourceLocale, source, translation, page, glossary };
      if (!source.outline || !translation.outline) {
        localeFindings.push(...frontmatterRule(context));
        continue;
      }
      // A page still in the source language is not a translation (readers get the fallback): one finding says so,
      // rather than every rule reporting source-language links and text.
      if (page.status === 'untranslated') {
        localeFindings.push(...frontmatterRule(context), ...untranslatedRule(context));
        continue;
      }
      localeFindings.push(
        ...frontmatterRule(context),
        ...headingRules(context),
        ...structureRules(context),
        ...componentRule(context),
        ...linkRule(context),
        ...imageRule(context),
        ...untranslatedRule(context),
        ...glossaryRule(context),
        ...placeholderRule(context),
      );
      localeFindings.push(...outdatedRule(context, { root: options.root, history: options.history ?? true }));
    }
    for (const namespace of namespaces.get(code) ?? []) localeFindings.push(...jsonFindings(namespace.problems, code));
    const ui = uiRules({ locale, sourceLocale, source: namespaces.get(sourceLocale) ?? [], translation: namespaces.get(code) ?? [], glossary });
    localeFindings.push(...ui.findings);

    const count = (status: string) => site.pagesOf(code).filter((page) => page.status === status).length;
    const translated = count('translated') + count('outdated');
    summaries[code] = {
      status: locale.status,
      pages: { source: sourcePages.length, translated, missing: count('missing'), outdated: count('outdated'), untranslated: count('untranslated'), coverage: ratio(translated, sourcePages.length) },
      ui: { strings: ui.total, translated: ui.translated, coverage: ratio(ui.translated, ui.total) },
      errors: localeFindings.filter((finding) => finding.severity === 'error').length,
      warnings: localeFindings.filter((finding) => finding.severity === 'warning').length,
    };
    findings.push(...localeFindings);
  }
  sortFindings(findings);
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

function jsonFindings(problems: readonly import('../../src/content/problem.ts').Problem[], locale: string): Finding[] {
  return problems.map((problem) => ({ rule: 'parse-error', severity: 'error' as const, message: problem.message, locale, file: problem.file, line: problem.line ?? 1, column: problem.column ?? 1, ...(problem.hint ? { hint: problem.hint } : {}) }));
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000);
