/**
 * Text a translation left in the source language, block by block: a block
 * identical to its source (glossary terms, URLs and numbers aside), or parts
 * of a block (a sentence of a paragraph, a list item, a table cell, a
 * heading) that the language identifier places in the source language. The
 * checker's `untranslated` rule and the dashboard's review view both ask
 * this module, so they flag the same text.
 */
import { withoutTerms, type Glossary } from './glossary.ts';
import { isSourceLanguage, sentencesOf } from './language.ts';
import type { Block } from '../content/outline.ts';

/** Blocks whose words a translator translates. */
export const TEXT_KINDS = new Set(['heading', 'paragraph', 'list', 'table', 'blockquote']);

/** Words that are rightly the same in both languages: glossary terms and the locale's same-in-translation words. */
export function ignoredWords(glossary: Glossary, locale: string): string[] {
  return [...glossary.terms.flatMap((term) => [term.term, ...(term.approved[locale] ?? [])]), ...(glossary.sameInTranslation[locale] ?? [])];
}

/** Text left to compare once glossary terms, URLs, numbers and punctuation are set aside. */
export function comparable(text: string, glossary: Glossary, locale: string): string {
  return withoutTerms(text, glossary, locale)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** A text block that is, words aside from glossary terms, exactly its source's. */
export function isIdenticalBlock(source: Block, translation: Block, glossary: Glossary, locale: string): boolean {
  if (!TEXT_KINDS.has(source.kind)) return false;
  const expected = comparable(source.text, glossary, locale);
  if (expected.length < 2 || !/\p{L}{2}/u.test(expected)) return false;
  return comparable(translation.text, glossary, locale) === expected;
}

export interface LeftOver {
  /** What kind of part: `sentence`, `list item`, `table cell`, `heading`. */
  what: string;
  parts: string[];
}

/** The parts of a translated block still in the source language, if any. */
export function sourceLanguageParts(block: Block, languages: { source: string; target: string }, ignore: readonly string[]): LeftOver | undefined {
  if (!TEXT_KINDS.has(block.kind)) return undefined;
  const parts = block.kind === 'heading' ? [block.text] : block.parts ?? sentencesOf(block.text, languages.target);
  const left = parts.filter((part) => isSourceLanguage(part, languages.source, languages.target, ignore));
  if (left.length === 0) return undefined;
  return { what: block.kind === 'list' ? 'list item' : block.kind === 'table' ? 'table cell' : block.kind === 'heading' ? 'heading' : 'sentence', parts: left };
}
