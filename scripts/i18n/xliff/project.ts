/**
 * What export and import share about the project: the locale pair, the
 * do-not-translate terms, each source page's units (from the one MDX parse
 * entry, src/content/mdx.ts) and each string file's units (i18next leaves,
 * cut at their markup).
 */
import type { Root } from 'mdast';
import { parseMdx, type MdxResult } from '../../../src/content/mdx.ts';
import type { Finding } from '../../../src/report/finding.ts';
import type { Locale, LocaleRegistry } from '../../../src/i18n/locales.ts';
import type { Glossary } from '../../../src/translation/glossary.ts';
import { localizeTarget } from '../rules/references.ts';
import { leaves, markupPieces } from '../rules/ui.ts';
import { counter, splitTerms, type Segment } from './segments.ts';
import { pageUnits, type Unit } from './units.ts';

/** Do-not-translate terms in a locale: glossary terms without an approved rendering there, longest first (so "Dynamics 365 for Finance and Operations" wins over "Dynamics 365"). */
export function protectedTerms(glossary: Glossary, locale: string): string[] {
  return glossary.terms
    .filter((term) => (term.approved[locale] ?? []).length === 0)
    .map((term) => term.term)
    .sort((a, b) => b.length - a.length);
}

export interface ParsedUnits {
  text: string;
  tree: Root;
  frontmatter: Record<string, unknown>;
  units: Unit[];
}

/**
 * A page's units, with the link targets of the source localized to `locale`; the parse problems when it
 * does not parse. `parsed`: the page's parse when the caller has it already (see PageParses).
 */
export function unitsOfPage(
  file: string,
  raw: string,
  options: { terms: readonly string[]; sourceLocale: string; locale: string; localize: boolean },
  parsed: MdxResult = parseMdx(file, raw),
): { ok: true; page: ParsedUnits } | { ok: false; problems: Finding[] } {
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const localizeUrl = options.localize ? (url: string) => localizeTarget(url, options.sourceLocale, options.locale) : (url: string) => url;
  const units = pageUnits(parsed.doc.text, parsed.doc.tree, parsed.doc.rawFrontmatter, { terms: options.terms, localizeUrl });
  return { ok: true, page: { text: parsed.doc.text, tree: parsed.doc.tree, frontmatter: parsed.doc.rawFrontmatter, units } };
}

export interface StringUnit {
  /** The i18next key, dotted: `notice.outdated`. */
  id: string;
  path: (string | number)[];
  value: string;
  segments: Segment[];
}

/** A string file's units: each string, cut at its i18next markup (`{{var}}`, `$t(key)`, `<0>`, `[TOKEN]`) and terms. */
export function unitsOfStrings(value: unknown, terms: readonly string[]): StringUnit[] {
  return leaves(value).map((leaf) => ({ id: leaf.key, path: leaf.path, value: leaf.value, segments: stringSegments(leaf.value, terms) }));
}

export function stringSegments(value: string, terms: readonly string[]): Segment[] {
  const next = counter();
  const segments: Segment[] = [];
  let from = 0;
  for (const piece of markupPieces(value)) {
    segments.push(...splitTerms(value.slice(from, piece.start), { terms, next }));
    segments.push({ kind: 'ph', id: next(), ctype: 'x-i18next', native: value.slice(piece.start, piece.end) });
    from = piece.end;
  }
  segments.push(...splitTerms(value.slice(from), { terms, next }));
  return segments;
}

/** The registry's locale for an XLIFF language tag (`de`, `pt-BR`): by hreflang or code, ignoring case. */
export function localeOfTag(registry: LocaleRegistry, tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const wanted = tag.toLowerCase();
  return registry.locales.find((locale) => locale.hreflang.toLowerCase() === wanted || locale.code.toLowerCase() === wanted);
}
