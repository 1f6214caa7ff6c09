/** What every translation rule receives, and the helper that makes its findings. */
import type { Locale, LocaleRegistry } from '../../src/i18n/locales.ts';
import type { Site, SitePage } from '../../src/model/site.ts';
import type { Finding, Location, Severity } from '../../src/report/report.ts';
import type { Namespace, ParsedPage } from './collect.ts';
import type { uiRules } from './rules/ui.ts';
import type { Glossary } from '../../src/translation/glossary.ts';
import type { Place } from '../../src/content/outline.ts';
import { alignBlocks, type BlockAlignment } from '../../src/translation/align.ts';

export interface PageContext {
  locale: Locale;
  sourceLocale: string;
  source: ParsedPage;
  translation: ParsedPage;
  /** The content model's page for this translation: its status, the one definition of outdated. */
  page: SitePage;
  glossary: Glossary;
}

/** A finding in the translation file, with the matching place in the source file. */
export function pageFinding(
  context: PageContext,
  rule: string,
  severity: Severity,
  message: string,
  at: Place | undefined,
  sourceAt?: Place,
  hint?: string,
): Finding {
  const place = at ?? { line: 1, column: 1 };
  const source: Location | undefined = sourceAt ? { file: context.source.file, line: sourceAt.line, column: sourceAt.column } : undefined;
  return {
    rule,
    severity,
    message,
    locale: context.locale.code,
    file: context.translation.file,
    line: place.line,
    column: place.column,
    ...(source ? { source } : {}),
    ...(hint ? { hint } : {}),
  };
}

/** A short, quoted excerpt for messages. */
export function excerpt(text: string, length = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `“${clean.length > length ? `${clean.slice(0, length - 1)}…` : clean}”`;
}

const alignments = new WeakMap<PageContext, BlockAlignment>();

/** The page's blocks lined up with the source's (alignBlocks), computed once per page for all the rules that read it. */
export function blockAlignment(context: PageContext): BlockAlignment {
  let alignment = alignments.get(context);
  if (!alignment) {
    alignment = alignBlocks(context.source.outline?.blocks ?? [], context.translation.outline?.blocks ?? []);
    alignments.set(context, alignment);
  }
  return alignment;
}

/** What every rule's check receives: the source locale and each checked translation, collected once. */
export interface TranslationRun {
  root: string;
  registry: LocaleRegistry;
  site: Site;
  glossary: Glossary;
  /** Look up recorded source revisions in git history. */
  history: boolean;
  sourceLocale: string;
  sourcePages: ParsedPage[];
  sourceNamespaces: Namespace[];
  targets: TargetLocale[];
}

export interface TargetLocale {
  locale: Locale;
  pages: ParsedPage[];
  namespaces: Namespace[];
  /** Each translated page with its source page. */
  pairs: PageContext[];
  /** The UI-string comparison (its findings and coverage counts), computed once on first use. */
  ui(): ReturnType<typeof uiRules>;
}
