/**
 * Rules on the words of blocks that line up with the source:
 * `untranslated`: a block whose text is still the source's (ignoring code,
 *   URLs, numbers and glossary terms); source-language text in part of a
 *   block (a sentence, a list item, a table cell), a heading, the title or the
 *   description, found by the language identifier; or a whole page still in
 *   the source language (the seed's nl-NL page: the content model's
 *   `untranslated` status);
 * `glossary`: a do-not-translate term missing or altered;
 * `placeholder-mismatch`: numbers, inline code, URLs and `{expressions}` differ.
 */
import { frontmatterPlace } from '../../../src/content/parsedPage.ts';
import type { Finding } from '../../../src/report/report.ts';
import { blockAlignment, excerpt, pageFinding, type PageContext } from '../context.ts';
import { alteredSpelling, countTerm } from '../../../src/translation/glossary.ts';
import { ignoredWords, isIdenticalBlock, sourceLanguageParts, TEXT_KINDS } from '../../../src/translation/untranslated.ts';
import type { Block, Place } from '../../../src/content/outline.ts';
import { TRANSLATABLE_KEYS } from '../../../src/content/frontmatter.ts';
import { isSourceLanguage } from '../../../src/translation/language.ts';

/** Blocks that line up, a merged or split group compared as one block (its text and placeholders together), at its first block. */
const pairsOf = (context: PageContext) => {
  const source = context.source.outline?.blocks ?? [];
  const translation = context.translation.outline?.blocks ?? [];
  const alignment = blockAlignment(context);
  return [
    ...alignment.pairs.map(([i, j]) => [source[i]!, translation[j]!, [translation[j]!]] as const),
    ...alignment.groups.map((group) => {
      const members = group.translation.map((j) => translation[j]!);
      return [joined(group.source.map((i) => source[i]!)), joined(members), members] as const;
    }),
  ];
};

const joined = (blocks: readonly Block[]): Block => ({
  ...blocks[0]!,
  kind: blocks.some((block) => block.kind === 'paragraph') ? 'paragraph' : blocks[0]!.kind,
  text: blocks.map((block) => block.text).join(' '),
  placeholders: blocks.flatMap((block) => block.placeholders),
  endLine: blocks.at(-1)!.endLine,
});

export function untranslatedRule(context: PageContext): Finding[] {
  if (context.sourceLocale === context.locale.code) return [];
  const hint = 'Translate it; if it is right as it is, add its words to "sameInTranslation" in content/glossary.json.';
  // A whole page still in the source language is one finding, not one per paragraph; the model decides (readers get the fallback).
  if (context.page.status === 'untranslated') {
    return [
      pageFinding(
        context,
        'untranslated',
        'warning',
        `The page is declared ${context.locale.name} (${context.locale.code}) but its text is still in the source language, so readers get the ${context.sourceLocale} page as a fallback and it counts as untranslated.`,
        frontmatterPlace(context.translation, 'title'),
        undefined,
        'Translate the page, or delete it so readers get the marked fallback instead.',
      ),
    ];
  }
  const findings: Finding[] = [];
  const identical = new Set<Block>();
  for (const [source, target, members] of pairsOf(context)) {
    if (!isIdenticalBlock(source, target, context.glossary, context.locale.code)) continue;
    for (const member of members) identical.add(member);
    findings.push(
      pageFinding(
        context,
        'untranslated',
        'warning',
        `This ${source.kind} is identical to the source: ${excerpt(target.text)}.`,
        target,
        source,
        hint,
      ),
    );
  }
  // Source-language text hiding in part of a block: a sentence, a list item, a table cell, a heading.
  const languages = { source: context.source.locale, target: context.locale.hreflang };
  const ignore = ignoredWords(context.glossary, context.locale.code);
  for (const block of context.translation.outline?.blocks ?? []) {
    if (identical.has(block)) continue;
    const left = sourceLanguageParts(block, languages, ignore);
    if (!left) continue;
    findings.push(
      pageFinding(
        context,
        'untranslated',
        'warning',
        `${left.parts.length === 1 ? `A ${left.what} is` : `${left.parts.length} ${left.what}s are`} still in the source language: ${left.parts
          .slice(0, 3)
          .map((part) => excerpt(part))
          .join(', ')}.`,
        block,
        undefined,
        hint,
      ),
    );
  }
  for (const key of TRANSLATABLE_KEYS) {
    const value = context.translation.frontmatter[key];
    if (typeof value === 'string' && isSourceLanguage(value, languages.source, languages.target, ignore)) {
      findings.push(
        pageFinding(
          context,
          'untranslated',
          'warning',
          `The ${key === 'navTitle' ? 'navigation title' : key} is still in the source language: ${excerpt(value)}.`,
          frontmatterPlace(context.translation, key),
          frontmatterPlace(context.source, key),
          hint,
        ),
      );
    }
  }
  return findings;
}

export function glossaryRule(context: PageContext): Finding[] {
  if (context.glossary.terms.length === 0) return [];
  const findings: Finding[] = [];
  for (const [source, target] of pairsOf(context)) {
    if (!TEXT_KINDS.has(source.kind)) continue;
    findings.push(...termFindings(context, source.text, target.text, target, source));
  }
  // Title, navigation title and description: what readers and search see first, each at its own line.
  for (const key of TRANSLATABLE_KEYS) {
    const expected = context.source.frontmatter[key];
    const actual = context.translation.frontmatter[key];
    if (typeof expected !== 'string' || typeof actual !== 'string') continue;
    // Placed only when there is a finding: placing a key builds the page's YAML document.
    const found = termFindings(context, expected, actual, undefined, undefined, FIELD_NAMES[key]);
    if (found.length > 0)
      findings.push(
        ...termFindings(
          context,
          expected,
          actual,
          frontmatterPlace(context.translation, key),
          frontmatterPlace(context.source, key),
          FIELD_NAMES[key],
        ),
      );
  }
  return findings;
}

const FIELD_NAMES: Record<(typeof TRANSLATABLE_KEYS)[number], string> = {
  title: 'the title',
  navTitle: 'the navigation title',
  description: 'the description',
};

/** One finding per glossary term the source text has more often than the translated text (in `field`, when not body text). */
function termFindings(
  context: PageContext,
  sourceText: string,
  targetText: string,
  at: Place | undefined,
  sourceAt: Place | undefined,
  field?: string,
): Finding[] {
  const findings: Finding[] = [];
  for (const { term, approved } of context.glossary.terms) {
    const expected = countTerm(sourceText, term);
    if (expected === 0) continue;
    const renderings = [term, ...(approved[context.locale.code] ?? [])];
    const actual = renderings.reduce((sum, rendering) => sum + countTerm(targetText, rendering), 0);
    if (actual >= expected) continue;
    const altered = alteredSpelling(targetText, term);
    const where = field ? ` in ${field}` : ' here';
    findings.push(
      pageFinding(
        context,
        'glossary',
        'warning',
        altered
          ? `“${term}” is written “${altered}”${where}; it is a glossary term and keeps its exact form.`
          : `“${term}” appears ${expected} time${expected === 1 ? '' : 's'} in the source${field ? `'s ${field.replace(/^the /, '')}` : ''} but ${actual}${where}; it is a glossary term and is never translated.`,
        at,
        sourceAt,
        approved[context.locale.code]
          ? `Write “${term}” or an approved form: ${approved[context.locale.code]!.join(', ')}.`
          : `Write “${term}” as it is.`,
      ),
    );
  }
  return findings;
}

export function placeholderRule(context: PageContext): Finding[] {
  const findings: Finding[] = [];
  for (const [source, target] of pairsOf(context)) {
    const missing = subtract(source.placeholders, target.placeholders);
    const extra = subtract(target.placeholders, source.placeholders);
    if (missing.length === 0 && extra.length === 0) continue;
    const parts = [
      missing.length ? `missing ${missing.map((p) => `“${p}”`).join(', ')}` : '',
      extra.length ? `not in the source: ${extra.map((p) => `“${p}”`).join(', ')}` : '',
    ].filter(Boolean);
    findings.push(
      pageFinding(
        context,
        'placeholder-mismatch',
        'error',
        `Numbers, code, URLs or expressions differ from the source's: ${parts.join('; ')}.`,
        target,
        source,
        'Copy numbers, `code`, URLs and {expressions} exactly as the source has them.',
      ),
    );
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
