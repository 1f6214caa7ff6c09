/**
 * What a reader should be told about a page's translation: that it is a
 * fallback (not translated yet), outdated (the source changed since the
 * recorded revision), or machine-translated. Computed at build time from the
 * same hash the translation checker uses, so page and checker always agree.
 */
import { sourceHash } from '../content/sourceHash.ts';

export interface TranslationStatus {
  fallback: boolean;
  outdated: boolean;
  machine: boolean;
}

export interface StatusInput {
  isFallback: boolean;
  isSource: boolean;
  translation?: { source: string; method: 'human' | 'machine' } | undefined;
  /** The current text of the source page. */
  sourceText: string | undefined;
}

export function translationStatus(input: StatusInput): TranslationStatus {
  if (input.isSource || input.isFallback) return { fallback: input.isFallback, outdated: false, machine: false };
  const recorded = input.translation?.source;
  return {
    fallback: false,
    // A translation with no record cannot be shown as current; the checker reports the missing record.
    outdated: input.sourceText !== undefined && (recorded === undefined || recorded !== sourceHash(input.sourceText)),
    machine: input.translation?.method === 'machine',
  };
}
