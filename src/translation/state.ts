/**
 * The one definition of a translation's state against its source: outdated
 * (and which sections changed, how), machine-translated, reviewed. The site
 * (notices, section markers, the dashboard) and the checkers (`outdated`,
 * `i18n:status`) all ask this module, so they always agree.
 *
 * Outdated means: the source's hash differs from the one recorded at
 * translation time, and, when section fingerprints were recorded, at least
 * one section really changed (a source edit that only re-wraps lines or
 * changes formatting does not send translators back to work).
 */
import { changedSections, type SectionChange } from './sections.ts';

/** What a translation records about its source (frontmatter `translation`). */
export interface TranslationRecord {
  source?: string | undefined;
  method?: 'human' | 'machine' | undefined;
  reviewed?: boolean | undefined;
  sections?: Record<string, string> | undefined;
}

export interface TranslationState {
  outdated: boolean;
  /** Changed sections from the recorded fingerprints; undefined when none were recorded (then only git can tell). */
  changes: SectionChange[] | undefined;
  machine: boolean;
  /** A machine translation no person has reviewed yet. */
  unreviewed: boolean;
}

export function translationState(record: TranslationRecord | undefined, source: { hash: string; sections: Record<string, string> }): TranslationState {
  const machine = record?.method === 'machine';
  const unreviewed = machine && record?.reviewed !== true;
  // A translation with no record cannot be shown as current; the checker reports the missing record.
  if (!record?.source) return { outdated: true, changes: undefined, machine, unreviewed };
  if (record.source === source.hash) return { outdated: false, changes: [], machine, unreviewed };
  if (!record.sections) return { outdated: true, changes: undefined, machine, unreviewed };
  const changes = changedSections(record.sections, source.sections);
  return { outdated: changes.length > 0, changes, machine, unreviewed };
}

/** Reads the `translation` frontmatter record, whatever shape it arrived in. */
export function recordOf(frontmatter: Record<string, unknown>): TranslationRecord | undefined {
  const value = frontmatter.translation;
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  return {
    source: typeof record.source === 'string' ? record.source : undefined,
    method: record.method === 'machine' || record.method === 'human' ? record.method : undefined,
    reviewed: typeof record.reviewed === 'boolean' ? record.reviewed : undefined,
    sections: record.sections && typeof record.sections === 'object' ? (record.sections as Record<string, string>) : undefined,
  };
}
