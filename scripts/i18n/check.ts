/**
 * The translation check as a library: collect every locale's pages and UI
 * strings, pair each translation with its source, run the rules, and return
 * all findings with a summary. The CLI (scripts/check-i18n.ts) only parses
 * arguments and prints.
 */
import type { LocaleRegistry } from '../../src/i18n/locales.ts';
import { countByLocaleAndRule, sortFindings, type Finding, type Report } from '../lib/findings.ts';
import { collect } from './collect.ts';
import type { PageContext } from './context.ts';
import type { Glossary } from './glossary.ts';
import type { ParseCache } from './parseCache.ts';
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
  pages: { source: number; translated: number; missing: number; outdated: number; coverage: number };
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
  const { pages, namespaces } = collect(options.root, [sourceLocale, ...targets], options.cache, options.onProgress);
  const sourcePages = pages.get(sourceLocale) ?? [];
  const findings: Finding[] = [];
  // The source's own parse problems break every locale: report them once, under the source locale.
  for (const page of sourcePages) findings.push(...parseFindings(page, sourceLocale));
  for (const namespace of namespaces.get(sourceLocale) ?? []) findings.push(...jsonFindings(namespace.problems, sourceLocale));

  const summaries: Record<string, LocaleSummary> = {};
  for (const code of targets) {
    const locale = registry.get(code)!;
    const localePages = pages.get(code) ?? [];
    const localeFindings: Finding[] = [...pageSetRules(locale, sourcePages, localePages)];
    let outdated = 0;
    for (const translation of localePages) {
      localeFindings.push(...parseFindings(translation, code));
      const source = sourcePages.find((page) => page.path === translation.path);
      if (!source) continue;
      const context: PageContext = { locale, sourceLocale, source, translation, glossary };
      if (!source.outline || !translation.outline) {
        localeFindings.push(...frontmatterRule(context));
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
      const stale = outdatedRule(context, { root: options.root, history: options.history ?? true });
      if (stale.length > 0) outdated++;
      localeFindings.push(...stale);
    }
    for (const namespace of namespaces.get(code) ?? []) localeFindings.push(...jsonFindings(namespace.problems, code));
    const ui = uiRules({ locale, sourceLocale, source: namespaces.get(sourceLocale) ?? [], translation: namespaces.get(code) ?? [], glossary });
    localeFindings.push(...ui.findings);

    const translated = localePages.filter((page) => sourcePages.some((source) => source.path === page.path)).length;
    summaries[code] = {
      status: locale.status,
      pages: { source: sourcePages.length, translated, missing: sourcePages.length - translated, outdated, coverage: ratio(translated, sourcePages.length) },
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
