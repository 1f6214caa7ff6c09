/**
 * The glossary, `content/glossary.json`, which translators can edit:
 * do-not-translate terms (brand and program names), with optional approved
 * translations per locale, and words that are legitimately the same in a
 * locale ("Storefront" in German), so they are not reported as untranslated.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { readJson } from '../content/json.ts';
import { ContentError } from '../report/finding.ts';

export const GLOSSARY_FILE = 'content/glossary.json';

const glossarySchema = z
  .object({
    terms: z.array(
      z
        .object({
          term: z.string().min(1),
          note: z.string().optional(),
          /** Approved renderings per locale, used instead of the term itself. */
          approved: z.record(z.string(), z.array(z.string().min(1))).optional(),
        })
        .strict(),
    ),
    sameInTranslation: z.record(z.string(), z.array(z.string().min(1))).optional(),
  })
  .strict();

export interface Glossary {
  terms: { term: string; approved: Record<string, string[]> }[];
  sameInTranslation: Record<string, string[]>;
}

export const EMPTY_GLOSSARY: Glossary = { terms: [], sameInTranslation: {} };

export function loadGlossary(root: string): Glossary {
  if (!existsSync(join(root, GLOSSARY_FILE))) return EMPTY_GLOSSARY;
  const json = readJson(GLOSSARY_FILE, join(root, GLOSSARY_FILE));
  if (!json.ok) throw new ContentError(json.problems);
  const result = glossarySchema.safeParse(json.doc.value);
  if (!result.success) {
    throw new ContentError(
      result.error.issues.map((issue) => ({
        file: GLOSSARY_FILE,
        ...(json.doc.nearestPositionOf(issue.path as (string | number)[]) ?? {}),
        rule: 'config',
        severity: 'error',
        message: `Invalid glossary at ${issue.path.join('.') || '(root)'}: ${issue.message}.`,
        hint: 'Each term is { "term": "…", "note"?: "…", "approved"?: { "<locale>": ["…"] } }.',
      })),
    );
  }
  return {
    terms: result.data.terms.map((term) => ({ term: term.term, approved: term.approved ?? {} })),
    sameInTranslation: result.data.sameInTranslation ?? {},
  };
}

const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);

/** Occurrences of `term` that start a word (a German compound such as "Microsoft-Außendienst" counts). */
export function countTerm(text: string, term: string): number {
  let count = 0;
  for (let index = text.indexOf(term); index !== -1; index = text.indexOf(term, index + term.length)) {
    if (!isWordCharacter(text[index - 1])) count++;
  }
  return count;
}

/** A spelling of `term` with other case, spaces or hyphens ("App Source", "Azure-Marketplace"), if the text has one. */
export function alteredSpelling(text: string, term: string): string | undefined {
  const squash = (value: string) => value.toLowerCase().replace(/[\s\-‐]/g, '');
  const target = squash(term);
  const words = text.split(/\s+/);
  for (let size = 1; size <= term.split(/\s+/).length + 1; size++) {
    for (let start = 0; start + size <= words.length; start++) {
      const candidate = words
        .slice(start, start + size)
        .join(' ')
        .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (candidate !== term && squash(candidate) === target) return candidate;
    }
  }
  return undefined;
}

const longestFirst = new WeakMap<Glossary, Map<string, string[]>>();
/** A locale's glossary terms and same-in-translation words, longest first; worked out once per glossary and locale. */
export function wordsLongestFirst(glossary: Glossary, locale: string): string[] {
  let byLocale = longestFirst.get(glossary);
  if (!byLocale) longestFirst.set(glossary, (byLocale = new Map()));
  let words = byLocale.get(locale);
  if (!words) {
    words = [
      ...glossary.terms.flatMap((term) => [term.term, ...(term.approved[locale] ?? [])]),
      ...(glossary.sameInTranslation[locale] ?? []),
    ].sort((a, b) => b.length - a.length);
    byLocale.set(locale, words);
  }
  return words;
}

/** Removes glossary terms and a locale's same-in-translation words, for comparing what is left. */
export function withoutTerms(text: string, glossary: Glossary, locale: string): string {
  let result = text;
  for (const word of wordsLongestFirst(glossary, locale)) if (result.includes(word)) result = result.split(word).join(' ');
  return result;
}
