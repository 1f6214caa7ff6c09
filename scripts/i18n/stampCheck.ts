/**
 * What `i18n:stamp` checks before it writes: a stamp says "this translation
 * matches the current source", so it is refused (with the findings, exit 1)
 * when that is not true:
 * - the page, as stamped, has errors (`check:i18n` run on it alone, with the
 *   stamp in place, so nothing is excused as outdated any more);
 * - blocks are still in the source language (the content model's `partial`),
 *   unless the translator says so with `--partial`;
 * - a section the source changed since the last stamp has not changed in the
 *   translation either (the stamp records a short hash of each translated
 *   section: src/translation/sections.ts), so stamping would hide work not done.
 * `--force` stamps anyway. The model and the check are the same ones the
 * site and `check:i18n` use, on just this page and its source.
 */
import type { LocaleRegistry } from '../../src/i18n/locales.ts';
import type { Finding } from '../../src/report/finding.ts';
import { buildSite, type Site } from '../../src/model/site.ts';
import { toPageFile, type PageFile } from '../../src/model/pageFile.ts';
import type { Glossary } from '../../src/translation/glossary.ts';
import { describeChange, untouchedSections } from '../../src/translation/sections.ts';
import { checkTranslations } from './check.ts';

export interface StampCheckInput {
  root: string;
  registry: LocaleRegistry;
  glossary: Glossary;
  /** The source page and the translation as they are now. */
  source: PageFile;
  translation: PageFile;
  /** The translation's text with the new stamp. */
  stamped: string;
  /** The translation's own section fingerprints now. */
  translationSections: Record<string, string>;
  /** The translator records the page as partly translated. */
  partial: boolean;
}

/** The reasons not to stamp, as findings at the page; empty when the stamp tells the truth. */
export function stampProblems(input: StampCheckInput): Finding[] {
  const { registry, source, translation } = input;
  const locale = translation.locale;
  const problems: Finding[] = [];
  const siteOf = (page: PageFile): Site =>
    buildSite(
      registry,
      new Map([
        [registry.source.code, [source]],
        [locale, [page]],
      ]),
      { glossary: input.glossary },
    );
  const slugPage = (site: Site) => site.pagesOf(locale)[0]!;
  const at = { file: translation.file, locale, line: 1, column: 1 };

  // Sections the source moved in since the last stamp that the translator has not touched.
  const before = slugPage(siteOf(translation));
  const recorded = before.translation?.sections;
  if (before.status === 'outdated' && before.changes && recorded && typeof recorded === 'object') {
    const changed = before.changes.filter((change) => !change.kinds.includes('removed') && !change.kinds.includes('added'));
    const untouched = new Set(
      untouchedSections(
        recorded,
        input.translationSections,
        changed.map((change) => change.id),
      ),
    );
    const left = changed.filter((change) => untouched.has(change.id));
    if (left.length > 0) {
      problems.push({
        ...at,
        rule: 'stamp',
        severity: 'error',
        message: `The source changed since the last stamp and these sections of the translation have not: ${left.map(describeChange).join(', ')}.`,
        hint: 'Update them as the source now has them, then stamp; or stamp with --force if they are right as they are.',
      });
    }
  }

  // The page as stamped: its errors, and its blocks still in the source language.
  const stamped = toPageFile(locale, translation.path, input.stamped);
  const site = siteOf(stamped);
  const page = slugPage(site);
  const report = checkTranslations({ root: input.root, registry, site, glossary: input.glossary, locales: [locale], history: false });
  problems.push(...report.findings.filter((finding) => finding.file === translation.file && finding.severity === 'error'));
  if (page.status === 'untranslated') {
    problems.push({
      ...at,
      rule: 'stamp',
      severity: 'error',
      message: 'The page is still in the source language; readers get the source page as a fallback.',
      hint: 'Translate it first.',
    });
  } else if (page.coverage && page.coverage.translated < page.coverage.total && !input.partial) {
    const sections = page.coverage.sections.map((id) => (id === '_intro' ? 'introduction' : `#${id}`));
    problems.push({
      ...at,
      line: page.coverage.lines[0] ?? 1,
      rule: 'stamp',
      severity: 'error',
      message: `${page.coverage.total - page.coverage.translated} of ${page.coverage.total} blocks are still in the source language (${sections.join(', ')}).`,
      hint: 'Translate them, or stamp with --partial to record the page as partly translated (readers see a notice naming those sections).',
    });
  }
  return problems;
}
