/**
 * Is this text still in the source language? Asked of a whole page (the
 * content model's `untranslated` status) and of its parts (a sentence, a list
 * item, a table label, a heading, the title: the `untranslated` rule).
 *
 * Language identification by ELD (`eld`, the Efficient Language Detector):
 * n-gram based, built and tested for short text (a three-word heading is
 * identified reliably, where trigram detectors such as franc need a
 * paragraph), maintained, no runtime downloads. Each question is a choice
 * between two languages, the source and the translation's, so ELD runs on a
 * subset of just those two: the answer is sharper and a word shared by many
 * languages cannot tip it towards a third.
 */
import type { Nodes, Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { detectorFor } from './eldDatabase.ts';

/** Below this many letters a text says too little about its language. */
const MIN_LETTERS = 12;
/** How much more likely the source language must be than the translation's. */
const MARGIN = 0.15;

/** A tag's language subtag (`de-CH` → `de`), worked out once per tag: it is asked twice per question. */
const languages = new Map<string, string>();
const languageOf = (tag: string) => {
  let language = languages.get(tag);
  if (language === undefined) {
    try {
      language = new Intl.Locale(tag).language;
    } catch {
      language = tag.toLowerCase();
    }
    languages.set(tag, language);
  }
  return language;
};

/** `ignore` longest first, sorted once per list (callers ask with the same list for every part of a page). */
const longestFirst = new WeakMap<readonly string[], string[]>();

/**
 * True when `text` is clearly in `sourceTag`'s language rather than
 * `targetTag`'s; false when it is not, or when it is too short to tell.
 * `ignore` lists words that are rightly the same in both (glossary terms,
 * same-in-translation words): they are removed first.
 */
export function isSourceLanguage(text: string, sourceTag: string, targetTag: string, ignore: readonly string[] = []): boolean {
  const source = languageOf(sourceTag);
  const target = languageOf(targetTag);
  if (source === target) return false;
  let rest = text;
  let words = longestFirst.get(ignore);
  if (!words) longestFirst.set(ignore, (words = [...ignore].sort((a, b) => b.length - a.length)));
  for (const word of words) rest = rest.split(word).join(' ');
  const letters = rest.replace(/https?:\/\/\S+/g, ' ').match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return false;
  const detector = detectorFor(source, target);
  if (!detector) return false;
  const result = detector.detect(rest);
  if (result.language !== source) return false;
  const scores = result.getScores();
  return (scores[source] ?? 0) - (scores[target] ?? 0) >= MARGIN;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** Sentences of a paragraph, by the reader's language's rules (`Intl.Segmenter`), so one left-over sentence can be found. */
export function sentencesOf(text: string, tag: string): string[] {
  let segmenter = segmenters.get(tag);
  if (!segmenter) segmenters.set(tag, (segmenter = new Intl.Segmenter(tag, { granularity: 'sentence' })));
  return [...segmenter.segment(text)].map((part) => part.segment.trim()).filter(Boolean);
}

/** A page needs this many words of prose before it can be called "still in the source language". */
const MIN_PAGE_WORDS = 20;

/**
 * Whether a page's body (MDX) is written in the source language: the seed's
 * nl-NL case. A quick look at the raw text settles the usual case (a real
 * translation); only a page that looks like source text is parsed, and then
 * judged on its prose alone (no code, component names, props or id markers).
 */
export function isBodyInSourceLanguage(body: string, sourceTag: string, targetTag: string): boolean {
  if (!isSourceLanguage(body, sourceTag, targetTag)) return false;
  let tree: Root;
  try {
    // A page body without its frontmatter, parsed as the site parses it (a leading `---` is a rule here, not frontmatter).
    tree = mdxToMdast(body, { position: false, features: { frontmatter: false } }) as Root;
  } catch {
    return false; // A page that does not parse is the content guard's to report.
  }
  const prose = proseOf(tree);
  if (prose.split(/\s+/).filter(Boolean).length < MIN_PAGE_WORDS) return false;
  return isSourceLanguage(prose, sourceTag, targetTag);
}

/** The words a reader reads: text nodes only (code, expressions and component props left out). */
export function proseOf(tree: Root): string {
  const parts: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text') parts.push(node.value);
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
