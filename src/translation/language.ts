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
import { eldLanguages, subsetDetector, wholeDetector, type Detector } from './eldSubset.ts';

/** Below this many letters a text says too little about its language. */
const MIN_LETTERS = 12;
/** How much more likely the source language must be than the translation's. */
const MARGIN = 0.15;

const detectors = new Map<string, Detector | undefined>();
let supported: Set<string> | undefined;

const languages = new Map<string, string>();
/** A tag's language subtag (what the identifier compares); asked for every text, so each tag is parsed once. */
export const languageOf = (tag: string): string => {
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

/**
 * The detector for one source and translation language. Both known to ELD: its detector on just
 * their n-grams (src/translation/eldSubset.ts). A translation language ELD does not know is compared
 * against every language it does, on the whole database: only a clear source-language answer counts.
 */
function detectorFor(source: string, target: string): Detector | undefined {
  const key = `${source}|${target}`;
  if (detectors.has(key)) return detectors.get(key);
  supported ??= eldLanguages() ?? new Set(Object.values(wholeDetector().info().Languages));
  let detector: Detector | undefined;
  if (supported.has(source)) {
    if (supported.has(target)) detector = subsetDetector([source, target]);
    if (!detector) {
      detector = wholeDetector().newInstance();
      detector.setLanguageSubset(supported.has(target) ? [source, target] : false);
    }
  }
  detectors.set(key, detector);
  return detector;
}

/** Ignored words, longest first (so a term is removed before a shorter term inside it), sorted once per list. */
const byLength = new WeakMap<readonly string[], string[]>();
function longestFirst(ignore: readonly string[]): string[] {
  let sorted = byLength.get(ignore);
  if (!sorted) {
    sorted = [...ignore].sort((a, b) => b.length - a.length);
    byLength.set(ignore, sorted);
  }
  return sorted;
}

/** At least MIN_LETTERS letters, without building a list of them (anchored: one pass, whatever the text). */
const ENOUGH_LETTERS = new RegExp(`^(?:\\P{L}*\\p{L}){${MIN_LETTERS}}`, 'u');

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
  for (const word of longestFirst(ignore)) if (rest.includes(word)) rest = rest.split(word).join(' ');
  if (!ENOUGH_LETTERS.test(rest.replace(/https?:\/\/\S+/g, ' '))) return false;
  const detector = detectorFor(source, target);
  if (!detector) return false;
  const result = detector.detect(rest);
  if (result.language !== source) return false;
  const scores = result.getScores();
  return (scores[source] ?? 0) - (scores[target] ?? 0) >= MARGIN;
}

const segmenters = new Map<string, Intl.Segmenter>();
/** What a sentence break can follow in UAX #29: a terminator (`.`, `!`, `?`, `。`, `।` …) or a paragraph separator. */
const SENTENCE_BREAK = /[\p{Sentence_Terminal}\r\n\u0085\u2028\u2029]/u;
/** Sentences of a paragraph, by the reader's language's rules (`Intl.Segmenter`), so one left-over sentence can be found. */
export function sentencesOf(text: string, tag: string): string[] {
  // Without a sentence terminator or a paragraph separator, Unicode's sentence rules (UAX #29) find no
  // break inside the text: one sentence, without asking the segmenter (most headings, items and cells).
  if (!SENTENCE_BREAK.test(text)) return text.trim() === '' ? [] : [text.trim()];
  let segmenter = segmenters.get(tag);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(tag, { granularity: 'sentence' });
    segmenters.set(tag, segmenter);
  }
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
