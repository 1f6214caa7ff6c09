/**
 * A translation's status, defined once: the reader notices, the sitemap and
 * search filters, `check:i18n`, its coverage summary and every status view
 * read it from here.
 *
 * - `source`: a page of the source locale.
 * - `missing`: the locale has no file for the page; readers get the source page (a fallback).
 * - `untranslated`: the locale has a file but its body is still the source text; readers get a fallback too.
 * - `outdated`: the source changed since the revision the translation records (or it records none).
 * - `partial`: current, but some blocks are still in the source language (src/translation/untranslated.ts,
 *   `blockCoverage`): readers get the translation with a notice naming those sections, whose blocks
 *   carry the source's `lang`. An outdated page that is also partial is `outdated` (what changed
 *   comes first); its coverage is kept on the page either way.
 * - `translated`: current, every block translated.
 *
 * It also holds the one rule for whose fault a mismatch is (`sourceMoved`,
 * `blame`): a translation that differs from its source inside a section the
 * source changed since the stamp is behind, not wrong.
 */
import { parseMdx } from '../content/mdx.ts';
import { sourceHash } from '../content/sourceHash.ts';
import { isBodyInSourceLanguage } from '../translation/language.ts';
import { changedSections, sectionFingerprints, type SectionChange } from '../translation/sections.ts';

export type PageStatus = 'source' | 'translated' | 'partial' | 'outdated' | 'untranslated' | 'missing';

/** The statuses in which readers are shown the source page instead of the locale's own. */
export function isFallbackStatus(status: PageStatus): boolean {
  return status === 'missing' || status === 'untranslated';
}

/** The translation record a translated page keeps in its frontmatter (`translation:`). */
export interface TranslationRecord {
  /** `sha256:…` of the source file it was translated from. */
  source?: string | undefined;
  method?: 'human' | 'machine' | undefined;
  /** Whether a person reviewed a machine translation (`i18n:stamp --reviewed`). */
  reviewed?: boolean | undefined;
  /** Sections machine-translated and not reviewed yet, in a page otherwise translated by a person. */
  machineSections?: string[] | undefined;
  /** A fingerprint per source section when it was translated (src/translation/sections.ts). */
  sections?: Record<string, string> | undefined;
  [key: string]: unknown;
}

export function translationRecordOf(frontmatter: Record<string, unknown>): TranslationRecord | undefined {
  const value = frontmatter['translation'];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as TranslationRecord) : undefined;
}

/**
 * The one definition of outdated: the recorded source revision is not the
 * source's current text (no record counts as outdated) and, when the record
 * has section fingerprints, at least one section really changed: a source edit
 * that only re-wraps lines does not send translators back to work.
 */
export function isOutdated(
  record: TranslationRecord | undefined,
  sourceText: string,
  sourceSections?: () => Record<string, string>,
): boolean {
  const changes = sourceSections ? changesSince(record, sourceHash(sourceText), sourceSections) : sourceChanges(record, sourceText);
  return changes === undefined || changes.length > 0;
}

/**
 * The source sections changed since the recorded revision, from the recorded
 * fingerprints alone (no git history needed): `[]` when current, undefined
 * when the record cannot tell (no record, or no fingerprints and a new hash).
 * The source is parsed only when its hash moved on.
 */
export function sourceChanges(record: TranslationRecord | undefined, sourceText: string): SectionChange[] | undefined {
  return changesSince(record, sourceHash(sourceText), () => fingerprintsOf(sourceText));
}

/** `sourceChanges` for a source already hashed and fingerprinted (the checkers' parsed pages). */
export function changesSince(
  record: TranslationRecord | undefined,
  hash: string,
  sections: () => Record<string, string>,
): SectionChange[] | undefined {
  if (!record?.source) return undefined;
  if (record.source === hash) return [];
  if (!record.sections || typeof record.sections !== 'object') return undefined;
  return changedSections(record.sections, sections());
}

/** Section fingerprints of a page's text; `{}` when it does not parse (the content guard reports why). */
export function fingerprintsOf(text: string): Record<string, string> {
  const parsed = parseMdx('', text);
  return parsed.ok ? sectionFingerprints(parsed.doc.tree, parsed.doc.rawFrontmatter) : {};
}

/** A machine translation that no person has reviewed yet. */
export function isUnreviewedMachine(record: TranslationRecord | undefined): boolean {
  return record?.method === 'machine' && record.reviewed !== true;
}

/** The sections machine-translated and not reviewed yet: listed in `machineSections` (a human page's exceptions). */
export function unreviewedMachineSections(record: TranslationRecord | undefined): string[] {
  return Array.isArray(record?.machineSections) ? record.machineSections.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * Whether a translation's body is still the source text: identical once
 * whitespace is folded, or, when the languages are given, written in the
 * source language rather than the translation's (the language identifier in
 * src/translation/language.ts). This is the seed's nl-NL case, a page
 * delivered as a "translation" whose text was never translated. Such a page
 * is not a translation: readers get the fallback and every status view counts
 * it as untranslated.
 */
export function isStillSource(sourceBody: string, translationBody: string, languages?: { source: string; target: string }): boolean {
  if (translationBody.trim() === '') return false;
  if (equalApartFromSpacing(sourceBody, translationBody)) return true;
  return languages !== undefined && isBodyInSourceLanguage(translationBody, languages.source, languages.target);
}

const SPACING = /\s+/y;
/** Where the run of whitespace at `at` ends (`at` itself when there is none). */
function pastSpacing(text: string, at: number): number {
  SPACING.lastIndex = at;
  return SPACING.test(text) ? SPACING.lastIndex : at;
}

/**
 * Whether two texts are the same once each run of whitespace counts as one space and both ends are
 * trimmed. Compared as it goes, so two different texts (every real translation) part at their first
 * difference rather than both being rewritten first: this runs for every translated page of the site.
 */
export function equalApartFromSpacing(a: string, b: string): boolean {
  let i = pastSpacing(a, 0);
  let j = pastSpacing(b, 0);
  while (i < a.length && j < b.length) {
    const [i2, j2] = [pastSpacing(a, i), pastSpacing(b, j)];
    if (i2 !== i || j2 !== j) {
      // Spacing on one side only, or spacing that ends one text but not the other: they differ.
      if (i2 === i || j2 === j || (i2 === a.length) !== (j2 === b.length)) return false;
      [i, j] = [i2, j2];
      continue;
    }
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
  return pastSpacing(a, i) === a.length && pastSpacing(b, j) === b.length;
}

export interface StatusInput {
  isSourceLocale: boolean;
  source: { text: string; body: string };
  /** The locale's own file, if it has one. */
  translation?: { body: string; record: TranslationRecord | undefined } | undefined;
  /** The source's section fingerprints, when the caller keeps them (computed on demand otherwise). */
  sourceSections?: (() => Record<string, string>) | undefined;
  /** Language tags of the source and this locale, to tell a body still in the source language. */
  languages?: { source: string; target: string } | undefined;
}

/** A current translation with blocks still in the source language (its coverage says which). */
export function isPartial(coverage: { total: number; translated: number } | undefined): boolean {
  return coverage !== undefined && coverage.translated < coverage.total;
}

/** The share of a page readers get in their language: 0 for a fallback, the translated blocks' share otherwise. */
export function translatedShare(page: { status: PageStatus; coverage?: { total: number; translated: number } | undefined }): number {
  if (page.status === 'missing' || page.status === 'untranslated') return 0;
  const coverage = page.coverage;
  return coverage && coverage.total > 0 ? coverage.translated / coverage.total : 1;
}

/** The status without `partial` (which needs the parsed page; the content model adds it). */
export function pageStatus(input: StatusInput): PageStatus {
  if (input.isSourceLocale) return 'source';
  if (!input.translation) return 'missing';
  if (isStillSource(input.source.body, input.translation.body, input.languages)) return 'untranslated';
  return isOutdated(input.translation.record, input.source.text, input.sourceSections) ? 'outdated' : 'translated';
}

/**
 * The sections in which the source moved since the translation's stamp, by id: changed (any kind:
 * text, link target, table or component prop, code), added or removed. Empty for a page that is not
 * outdated, and for one whose record cannot tell which sections changed (no stamp, or a stamp without
 * fingerprints): such a page is judged as a whole, as before.
 */
export function sourceMoved(page: { status: PageStatus; changes: readonly SectionChange[] | undefined }): Map<string, SectionChange> {
  if (page.status !== 'outdated' || !page.changes) return new Map();
  return new Map(page.changes.map((change) => [change.id, change]));
}

export type Blame =
  /** The source changed there since the stamp: the translation is outdated there (a warning; the build passes). */
  | { fault: 'source'; changes: SectionChange[] }
  /** Nothing changed there since the stamp: the translation is wrong (as the rule says). */
  | { fault: 'translation' };

/**
 * Whose fault is a difference between a translation and its source, found in the given sections
 * (heading ids, `_intro`; the source's and the translation's side of it). The one rule every part
 * reads: `check:i18n` and the build, the review view, the status views and the reader notices.
 *
 * A difference inside a section the source changed since the translation's stamp is the source's
 * move: the translation is outdated there. Anywhere else it is the translator's error. A page
 * without a stamp (or without section fingerprints) has no "since", so every difference is an error.
 */
export function blame(page: { status: PageStatus; changes: readonly SectionChange[] | undefined }, sections: readonly string[]): Blame {
  const moved = sourceMoved(page);
  const changes = [...new Set(sections)].flatMap((id) => (moved.has(id) ? [moved.get(id)!] : []));
  return changes.length > 0 ? { fault: 'source', changes } : { fault: 'translation' };
}

/**
 * What a missing UI string or table label means, decided once for `check:i18n`, the build's content
 * guard and the site: in the source locale it is an error (there is nothing to fall back to); in a
 * translation the page shows the source's label (i18next's fallback) and it is a warning, so a new
 * English label or table row never stops the build in another language.
 */
export function missingLabel(locale: string, sourceLocale: string): { severity: 'error' | 'warning'; fallsBack: boolean } {
  return locale === sourceLocale ? { severity: 'error', fallsBack: false } : { severity: 'warning', fallsBack: true };
}
