/**
 * Rules on the words of blocks that line up with the source:
 * `untranslated`: a block whose text is still the source's (ignoring code,
 *   URLs, numbers and glossary terms), or a whole page still in the source
 *   language (the seed's nl-NL page: declared Dutch, body English);
 * `glossary`: a do-not-translate term missing or altered;
 * `placeholder-mismatch`: numbers, inline code, URLs and `{expressions}` differ.
 */
import type { Finding } from '../../lib/findings.ts';
import { align } from '../align.ts';
import { excerpt, pageFinding, type PageContext } from '../context.ts';
import { alteredSpelling, countTerm, withoutTerms } from '../glossary.ts';
import type { Block } from '../../../src/content/outline.ts';

const TEXT_KINDS = new Set(['heading', 'paragraph', 'list', 'table', 'blockquote']);

/** Words that make up a large share of any English text and almost none of a translation. */
const ENGLISH_MARKERS = new Set(['the', 'and', 'of', 'to', 'a', 'is', 'are', 'your', 'you', 'for', 'with', 'that', 'this', 'it', 'be', 'from', 'or', 'on', 'as', 'by', 'which', 'can', 'will', 'not', 'have', 'has', 'their', 'they', 'these', 'when', 'how', 'what', 'each']);

/** Text left to compare once glossary terms, URLs, numbers and punctuation are set aside. */
function comparable(text: string, context: PageContext): string {
  return withoutTerms(text, context.glossary, context.locale.code)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** The share of words that are common English words: about 0.3 in English prose, near 0 in other languages. */
export function englishShare(text: string): number {
  const words = text.toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
  if (words.length === 0) return 0;
  return words.filter((word) => ENGLISH_MARKERS.has(word)).length / words.length;
}

const pairsOf = (context: PageContext) => {
  const source = context.source.outline?.blocks ?? [];
  const translation = context.translation.outline?.blocks ?? [];
  const key = (block: Block) => `${block.depth}:${block.signature}`;
  return align(source, translation, key).pairs.map(([i, j]) => [source[i]!, translation[j]!] as const);
};

export function untranslatedRule(context: PageContext): Finding[] {
  if (context.sourceLocale === context.locale.code) return [];
  const translation = context.translation.outline?.blocks ?? [];
  const allText = translation.filter((block) => TEXT_KINDS.has(block.kind)).map((block) => block.text).join(' ');
  const sourceText = (context.source.outline?.blocks ?? []).filter((block) => TEXT_KINDS.has(block.kind)).map((block) => block.text).join(' ');
  const share = englishShare(allText);
  const sourceShare = englishShare(sourceText);
  // A whole page still in the source language is one finding, not one per paragraph.
  if (allText.split(/\s+/).length >= 20 && sourceShare > 0.1 && share >= sourceShare * 0.6) {
    return [pageFinding(context, 'untranslated', 'warning', `The page is declared ${context.locale.name} (${context.locale.code}) but its text is still in the source language (${Math.round(share * 100)}% common English words; the source has ${Math.round(sourceShare * 100)}%).`, context.translation.frontmatterPlaces.title, undefined, 'Translate the page, or delete it so readers get the marked fallback instead.')];
  }
  const findings: Finding[] = [];
  for (const [source, target] of pairsOf(context)) {
    if (!TEXT_KINDS.has(source.kind)) continue;
    const expected = comparable(source.text, context);
    if (expected.length < 2 || !/\p{L}{2}/u.test(expected)) continue;
    if (comparable(target.text, context) === expected) {
      findings.push(pageFinding(context, 'untranslated', 'warning', `This ${source.kind} is identical to the source: ${excerpt(target.text)}.`, target, source, 'Translate it; if it is right as it is, add its words to "sameInTranslation" in content/glossary.json.'));
    }
  }
  return findings;
}

export function glossaryRule(context: PageContext): Finding[] {
  if (context.glossary.terms.length === 0) return [];
  const findings: Finding[] = [];
  for (const [source, target] of pairsOf(context)) {
    if (!TEXT_KINDS.has(source.kind)) continue;
    for (const { term, approved } of context.glossary.terms) {
      const expected = countTerm(source.text, term);
      if (expected === 0) continue;
      const renderings = [term, ...(approved[context.locale.code] ?? [])];
      const actual = renderings.reduce((sum, rendering) => sum + countTerm(target.text, rendering), 0);
      if (actual >= expected) continue;
      const altered = alteredSpelling(target.text, term);
      findings.push(pageFinding(
        context,
        'glossary',
        'warning',
        altered ? `“${term}” is written “${altered}” here; it is a glossary term and keeps its exact form.` : `“${term}” appears ${expected} time${expected === 1 ? '' : 's'} in the source but ${actual} here; it is a glossary term and is never translated.`,
        target,
        source,
        approved[context.locale.code] ? `Write “${term}” or an approved form: ${approved[context.locale.code]!.join(', ')}.` : `Write “${term}” as it is.`,
      ));
    }
  }
  return findings;
}

export function placeholderRule(context: PageContext): Finding[] {
  const findings: Finding[] = [];
  for (const [source, target] of pairsOf(context)) {
    const missing = subtract(source.placeholders, target.placeholders);
    const extra = subtract(target.placeholders, source.placeholders);
    if (missing.length === 0 && extra.length === 0) continue;
    const parts = [missing.length ? `missing ${missing.map((p) => `“${p}”`).join(', ')}` : '', extra.length ? `not in the source: ${extra.map((p) => `“${p}”`).join(', ')}` : ''].filter(Boolean);
    findings.push(pageFinding(context, 'placeholder-mismatch', 'error', `Numbers, code, URLs or expressions differ from the source's: ${parts.join('; ')}.`, target, source, 'Copy numbers, `code`, URLs and {expressions} exactly as the source has them.'));
  }
  return findings;
}

/** Multiset difference: what `a` has more of than `b`. */
function subtract(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((item) => {
    const index = left.indexOf(item);
    if (index === -1) return true;
    left.splice(index, 1);
    return false;
  });
}
