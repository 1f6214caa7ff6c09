/**
 * Text a translation left in the source language, block by block: a block
 * identical to its source (glossary terms, URLs and numbers aside), or parts
 * of a block (a sentence of a paragraph, a list item, a table cell, a
 * heading) that the language identifier places in the source language. The
 * checker's `untranslated` rule and the dashboard's review view both ask
 * this module, so they flag the same text; the content model asks it how
 * much of a page is translated (`partial`).
 */
import { withoutTerms, type Glossary } from './glossary.ts';
import { isSourceLanguage, sentencesOf } from './language.ts';
import type { Block } from '../content/outline.ts';
import { alignBlocks } from './align.ts';

/** Blocks whose words a translator translates. */
export const TEXT_KINDS = new Set(['heading', 'paragraph', 'list', 'table', 'blockquote']);

/** Words that are rightly the same in both languages: glossary terms and the locale's same-in-translation words. */
export function ignoredWords(glossary: Glossary, locale: string): string[] {
  return [
    ...glossary.terms.flatMap((term) => [term.term, ...(term.approved[locale] ?? [])]),
    ...(glossary.sameInTranslation[locale] ?? []),
  ];
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
export function sourceLanguageParts(
  block: Block,
  languages: { source: string; target: string },
  ignore: readonly string[],
): LeftOver | undefined {
  if (!TEXT_KINDS.has(block.kind)) return undefined;
  const left = partsOf(block, languages.target).filter((part) => isSourceLanguage(part, languages.source, languages.target, ignore));
  if (left.length === 0) return undefined;
  return {
    what: block.kind === 'list' ? 'list item' : block.kind === 'table' ? 'table cell' : block.kind === 'heading' ? 'heading' : 'sentence',
    parts: left,
  };
}

/** What a block is judged by, part by part: a heading whole, a list's items, a table's cells, else its sentences. */
function partsOf(block: Block, tag: string): string[] {
  return block.kind === 'heading' ? [block.text] : (block.parts ?? sentencesOf(block.text, tag));
}

/** A translated page's blocks, counted: the content model's `partial` status and its share come from here. */
export interface BlockCoverage {
  /** Text blocks of the translation (headings, paragraphs, lists, tables, quotes). */
  total: number;
  /** Of those, how many are translated. */
  translated: number;
  /** The sections (heading ids, `_intro`) holding blocks still in the source language, in page order. */
  sections: string[];
  /** Each such block's 1-based line in the translation file. */
  lines: number[];
  /** Each such block's visible text without whitespace (see `blockTextKey`), so the site can mark it `lang` of the source. */
  texts: string[];
}

/**
 * Which blocks of a translation are still wholly in the source language: a block identical to its
 * aligned source block (glossary terms, URLs and numbers aside), or one whose every part (sentence,
 * list item, table cell, the heading) the language identifier places in the source language. A block
 * with only some English parts counts as translated here (the `untranslated` rule still lists its
 * parts). Asked once per page by the content model; the checker and the review view ask the same
 * functions block by block.
 */
export function blockCoverage(
  source: readonly Block[],
  translation: readonly Block[],
  glossary: Glossary,
  locale: string,
  languages: { source: string; target: string },
): BlockCoverage {
  const ignore = ignoredWords(glossary, locale);
  const identical = new Set<Block>();
  for (const [i, j] of alignBlocks(source, translation).pairs) {
    if (isIdenticalBlock(source[i]!, translation[j]!, glossary, locale)) identical.add(translation[j]!);
  }
  const text = translation.filter((block) => TEXT_KINDS.has(block.kind));
  const left = text.filter((block) => {
    if (identical.has(block)) return true;
    // Every part in the source language (the question sourceLanguageParts asks of each, asked here once per part).
    const parts = partsOf(block, languages.target);
    return parts.length > 0 && parts.every((part) => isSourceLanguage(part, languages.source, languages.target, ignore));
  });
  return {
    total: text.length,
    translated: text.length - left.length,
    sections: [...new Set(left.map((block) => block.section))],
    lines: left.map((block) => block.line),
    texts: left.map((block) => block.text.replace(/\s+/g, '')),
  };
}
