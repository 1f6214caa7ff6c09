/**
 * A translation's status, defined once: the reader notices, the sitemap and
 * search filters, `check:i18n`, its coverage summary and every status view
 * read it from here.
 *
 * - `source`: a page of the source locale.
 * - `missing`: the locale has no file for the page; readers get the source page (a fallback).
 * - `untranslated`: the locale has a file but its body is still the source text; readers get a fallback too.
 * - `outdated`: the source changed since the revision the translation records (or it records none).
 * - `translated`: current.
 */
import { sourceHash } from '../content/sourceHash.ts';

export type PageStatus = 'source' | 'translated' | 'outdated' | 'untranslated' | 'missing';

/** The statuses in which readers are shown the source page instead of the locale's own. */
export function isFallbackStatus(status: PageStatus): boolean {
  return status === 'missing' || status === 'untranslated';
}

/** The translation record a translated page keeps in its frontmatter (`translation:`). */
export interface TranslationRecord {
  /** `sha256:…` of the source file it was translated from. */
  source?: string | undefined;
  method?: 'human' | 'machine' | undefined;
  [key: string]: unknown;
}

export function translationRecordOf(frontmatter: Record<string, unknown>): TranslationRecord | undefined {
  const value = frontmatter['translation'];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as TranslationRecord) : undefined;
}

/** The one definition of outdated: the recorded source revision is not the source's current text (no record counts as outdated). */
export function isOutdated(recorded: string | undefined, sourceText: string): boolean {
  return recorded === undefined || recorded !== sourceHash(sourceText);
}

/**
 * Whether a translation's body is still the source text: identical once
 * whitespace is folded. This is the seed's nl-NL case, a page delivered as a
 * "translation" whose text was never translated.
 */
export function isStillSource(sourceBody: string, translationBody: string): boolean {
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
  return fold(translationBody) !== '' && fold(sourceBody) === fold(translationBody);
}

export interface StatusInput {
  isSourceLocale: boolean;
  source: { text: string; body: string };
  /** The locale's own file, if it has one. */
  translation?: { body: string; record: TranslationRecord | undefined } | undefined;
}

export function pageStatus(input: StatusInput): PageStatus {
  if (input.isSourceLocale) return 'source';
  if (!input.translation) return 'missing';
  if (isStillSource(input.source.body, input.translation.body)) return 'untranslated';
  return isOutdated(input.translation.record?.source, input.source.text) ? 'outdated' : 'translated';
}
