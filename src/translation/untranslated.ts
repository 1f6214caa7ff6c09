/**
 * Text a translation left in the source language, block by block: a block
 * identical to its source (glossary terms, URLs and numbers aside), or parts
 * of a block (a sentence of a paragraph, a list item, a table cell, a
 * heading) that the language identifier places in the source language. The
 * checker's `untranslated` rule and the dashboard's review view both ask
 * this module, so they flag the same text; the content model asks it how
 * much of a page is translated (`partial`).
 */
import { createHash } from 'node:crypto';
import { withoutTerms, wordsLongestFirst, type Glossary } from './glossary.ts';
import { isSourceLanguage, languageOf, sentencesOf } from './language.ts';
import type { Block } from '../content/outline.ts';
import { alignBlocks } from './align.ts';

/** Blocks whose words a translator translates. */
export const TEXT_KINDS = new Set(['heading', 'paragraph', 'list', 'table', 'blockquote']);

/**
 * Words that are rightly the same in both languages: glossary terms and the locale's same-in-translation words
 * (glossary.ts keeps one list per glossary and locale, so the answers kept per block are found again by the next asker).
 */
export function ignoredWords(glossary: Glossary, locale: string): readonly string[] {
  return wordsLongestFirst(glossary, locale);
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

const questions = new WeakMap<readonly string[], string>();
/**
 * What is asked of a block, as a short key: the source language, the translation's tag and (hashed)
 * the words ignored. A verdict kept for another question (the glossary changed) is asked again.
 */
function questionOf(languages: { source: string; target: string }, ignore: readonly string[]): string {
  let words = questions.get(ignore);
  if (words === undefined) {
    words = createHash('sha256').update(ignore.join('\u0000')).digest('hex').slice(0, 12);
    questions.set(ignore, words);
  }
  return `${languageOf(languages.source)}|${languages.target}|${words}`;
}

let added = 0;
/** How many blocks were identified in this process (not found in a parsed page's cached verdicts). */
export function verdictsAdded(): number {
  return added;
}

/** The blocks identified in this process: their pages are written to the parse cache again. */
const judgedNow = new WeakSet<Block>();
/** Whether a block of the page was identified in this process, so its stored copy lacks the verdict. */
export function hasNewVerdicts(page: { outline?: { blocks: readonly Block[] } }): boolean {
  return page.outline?.blocks.some((block) => judgedNow.has(block)) ?? false;
}

/**
 * A block's parts (its sentences, items or cells; a heading whole), counted, and those still in the
 * source language. The verdict is kept on the block (`Block.verdict`): the content model (a page's
 * coverage) and the `untranslated` rule ask about the same parsed blocks in one run, and the parse
 * cache stores parsed pages with their blocks, so a warm run identifies only changed pages. The
 * cache's version covers the language check's code (src/content/parseCache.ts).
 */
function judge(
  block: Block,
  languages: { source: string; target: string },
  ignore: readonly string[],
): { parts: number; left: LeftOver | undefined } {
  const question = questionOf(languages, ignore);
  let verdict = block.verdict;
  if (verdict?.question !== question) {
    const parts = block.kind === 'heading' ? [block.text] : (block.parts ?? sentencesOf(block.text, languages.target));
    verdict = {
      question,
      parts: parts.length,
      left: parts.filter((part) => isSourceLanguage(part, languages.source, languages.target, ignore)),
    };
    block.verdict = verdict;
    judgedNow.add(block);
    added++;
  }
  const left =
    verdict.left.length === 0
      ? undefined
      : {
          what:
            block.kind === 'list' ? 'list item' : block.kind === 'table' ? 'table cell' : block.kind === 'heading' ? 'heading' : 'sentence',
          parts: verdict.left,
        };
  return { parts: verdict.parts, left };
}

/** The parts of a translated block still in the source language, if any. */
export function sourceLanguageParts(
  block: Block,
  languages: { source: string; target: string },
  ignore: readonly string[],
): LeftOver | undefined {
  if (!TEXT_KINDS.has(block.kind)) return undefined;
  return judge(block, languages, ignore).left;
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
    const { parts, left: found } = judge(block, languages, ignore);
    return found !== undefined && parts > 0 && found.parts.length === parts;
  });
  return {
    total: text.length,
    translated: text.length - left.length,
    sections: [...new Set(left.map((block) => block.section))],
    lines: left.map((block) => block.line),
    texts: left.map((block) => block.text.replace(/\s+/g, '')),
  };
}
