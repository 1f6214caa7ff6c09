/**
 * `i18n:export` as a library: the `<file>`s of one XLIFF 1.2 document for a locale, holding
 * every source page (one `<file>` each, in navigation order) and string file
 * (`ui.json`, `tables.json`), one unit per block or string.
 *
 * Targets and states come from the content model (src/model/site.ts, whose
 * statuses are src/model/status.ts's): a `translated` page gives its blocks
 * as targets in state `translated`; an `outdated` page gives them too, in
 * state `needs-review-translation` for the sections the model names as
 * changed (every section when it cannot tell); a `missing` or `untranslated`
 * page gives empty targets in state `new`. A translation's block is matched
 * to the source's by section, kind and nesting (the same alignment the
 * checker uses) and its protected pieces to the source's ids; a block that
 * does not keep the source's protected pieces gets an empty target in state
 * `needs-translation`, with a note saying why. String files have no revision
 * record: a string is `translated` unless `check:i18n`'s UI rules list it as
 * missing, empty or untranslated (`new`) or with broken markup
 * (`needs-review-translation`).
 */
import type { Finding } from '../../../src/report/finding.ts';
import type { LocaleRegistry } from '../../../src/i18n/locales.ts';
import type { Site, SitePage } from '../../../src/model/site.ts';
import type { PageFile } from '../../../src/model/pageFile.ts';
import type { Glossary } from '../../../src/translation/glossary.ts';
import { align } from '../../../src/translation/align.ts';
import { describeChange } from '../../../src/translation/sections.ts';
import { readNamespaces } from '../collect.ts';
import { uiRules } from '../rules/ui.ts';
import { protectedTerms, stringSegments, unitsOfPage, unitsOfStrings } from './project.ts';
import { PageParses } from './pageParses.ts';
import { protectedPieces, type Segment } from './segments.ts';
import type { Unit } from './units.ts';
import type { XliffFile, XliffUnit } from './xml.ts';

export interface ExportOptions {
  root: string;
  registry: LocaleRegistry;
  site: Site;
  glossary: Glossary;
  locale: string;
  /** The parser the site was loaded with (`loadSite`'s `parse`), so each page is parsed once; a new one otherwise. */
  parses?: PageParses;
  /** Receives each `<file>` as it is made, in document order, so no file is held after it is written (xliffFile). */
  write: (file: XliffFile) => void;
}

export interface ExportResult {
  problems: Finding[];
  counts: { pages: number; strings: number; units: number; translated: number; review: number; new: number };
}

const UNIT_KIND_NAMES: Record<string, string> = {
  title: 'title (frontmatter)',
  navTitle: 'navigation title (frontmatter navTitle)',
  description: 'description (frontmatter, for search results)',
};

export function exportLocale(options: ExportOptions): ExportResult {
  const { registry, site, glossary } = options;
  const parses = options.parses ?? new PageParses();
  const source = registry.source;
  const locale = registry.get(options.locale)!;
  const terms = protectedTerms(glossary, locale.code);
  const problems: Finding[] = [];
  const counts = { pages: 0, strings: 0, units: 0, translated: 0, review: 0, new: 0 };
  const count = (unit: XliffUnit) => {
    counts.units++;
    if (unit.state === 'translated') counts.translated++;
    else if (unit.state === 'new') counts.new++;
    else counts.review++;
  };
  // Each page file once, by path: a map, so finding a page's file costs the same at any size.
  const byFile = new Map<string, PageFile>();
  for (const code of [source.code, locale.code]) for (const file of site.files.get(code) ?? []) byFile.set(file.file, file);

  for (const page of site.pagesOf(locale.code)) {
    // The previous page's parses are done with: one page pair in memory at a time.
    parses.release();
    const sourceFile = byFile.get(page.sourceFile)!;
    const parsed = unitsOfPage(
      sourceFile.file,
      sourceFile.text,
      { terms, sourceLocale: source.code, locale: locale.code, localize: true },
      parses.mdx(sourceFile),
    );
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    counts.pages++;
    const targets = targetsOf(page, parsed.page.units, byFile, parses, terms, source.code, locale.code);
    const changed = page.status === 'outdated' ? changedSectionIds(page) : undefined;
    const units = parsed.page.units.map((unit): XliffUnit => {
      const found = targets.get(unit);
      const state = stateOf(page, unit, found, changed);
      const notes = [`${page.url} · ${sectionName(unit)} · ${UNIT_KIND_NAMES[unit.kind] ?? unit.kind} · ${page.sourceFile}:${unit.line}`];
      if (found && 'problem' in found) notes.push(found.problem);
      if (state === 'needs-review-translation' && page.changes)
        notes.push(
          `Changed in the source since the translation: ${
            page.changes
              .filter((change) => change.id === unit.section)
              .map(describeChange)
              .join('; ') || 'the page (the translation records no section fingerprints)'
          }.`,
        );
      const xliffUnit: XliffUnit = {
        id: unit.id,
        source: unit.segments,
        target: found && 'segments' in found ? found.segments : undefined,
        state,
        notes,
      };
      count(xliffUnit);
      return xliffUnit;
    });
    options.write({
      original: page.sourceFile,
      datatype: 'x-mdx',
      notes: [`${page.url} (${page.status} in ${locale.code}); translate only the text, keep every tag.`],
      units,
    });
  }
  parses.release();

  // String files: each string a unit; states from check:i18n's UI rules.
  const sourceNamespaces = readNamespaces(options.root, source.code);
  const targetNamespaces = readNamespaces(options.root, locale.code);
  const ui = uiRules({ locale, sourceLocale: source.code, source: sourceNamespaces, translation: targetNamespaces, glossary });
  // A UI finding sits at its key in the locale's file: the rule for each place, looked up by the key's place below.
  const todo = new Map<string, string>();
  for (const finding of ui.findings) todo.set(`${finding.file}:${finding.line}:${finding.column}`, finding.rule);
  for (const namespace of sourceNamespaces) {
    if (!namespace.doc) {
      problems.push(...namespace.problems);
      continue;
    }
    const own = targetNamespaces.find((candidate) => candidate.name === namespace.name)?.doc;
    const ownValues = new Map(own ? unitsOfStrings(own.value, terms).map((unit) => [unit.id, unit.value]) : []);
    const ownFile = `content/${locale.code}/${namespace.name}.json`;
    const units = unitsOfStrings(namespace.doc.value, terms).map((unit): XliffUnit => {
      const value = ownValues.get(unit.id);
      const place = own?.positionOf(unit.path);
      const rule = place ? todo.get(`${ownFile}:${place.line}:${place.column}`) : undefined;
      const isNew =
        value === undefined || value.trim() === '' || rule === 'ui-missing-key' || rule === 'ui-empty' || rule === 'ui-untranslated';
      const target = isNew ? undefined : matchToSource(unit.segments, stringSegments(value, terms));
      const state = isNew ? 'new' : target ? (rule === undefined ? 'translated' : 'needs-review-translation') : 'needs-translation';
      const notes = [`${namespace.file} · "${unit.id}"${rule && !isNew ? ` · check:i18n: ${rule}` : ''}`];
      if (!isNew && !target)
        notes.push(`The current translation (“${value}”) does not keep the source's placeholders; translate it again from the source.`);
      const xliffUnit: XliffUnit = { id: unit.id, source: unit.segments, target, state, notes };
      count(xliffUnit);
      return xliffUnit;
    });
    counts.strings++;
    options.write({
      original: namespace.file,
      datatype: 'x-i18next-json',
      notes: [`i18next namespace "${namespace.name}": interface strings; keep every tag.`],
      units,
    });
  }
  return { problems, counts };
}

type Found = { segments: Segment[] } | { problem: string };

/**
 * The translation's block for each source unit of a translated or outdated
 * page, lined up by section, kind and nesting; nothing for a page readers
 * get as a fallback (missing or untranslated).
 */
function targetsOf(
  page: SitePage,
  units: readonly Unit[],
  byFile: ReadonlyMap<string, PageFile>,
  parses: PageParses,
  terms: readonly string[],
  sourceLocale: string,
  locale: string,
): Map<Unit, Found> {
  const found = new Map<Unit, Found>();
  if (page.isFallback || !page.ownFile) return found;
  const own = byFile.get(page.ownFile);
  if (!own) return found;
  const parsed = unitsOfPage(own.file, own.text, { terms, sourceLocale, locale, localize: false }, parses.mdx(own));
  if (!parsed.ok) {
    for (const unit of units)
      found.set(unit, { problem: `The translation (${own.file}) does not parse: ${parsed.problems[0]?.message ?? 'unknown problem'}` });
    return found;
  }
  const theirs = parsed.page.units;
  const { pairs } = align(units, theirs, (unit) => unit.key);
  for (const [a, b] of pairs) {
    const unit = units[a]!;
    const segments = matchToSource(unit.segments, theirs[b]!.segments);
    found.set(
      unit,
      segments
        ? { segments }
        : {
            problem: `The current translation (${own.file}:${theirs[b]!.line}) does not keep this block's links, code or components as the source has them; translate it again from the source.`,
          },
    );
  }
  return found;
}

/**
 * A translation's segments with each protected piece given the id of the
 * source's matching piece (same kind and markup, in order); undefined when a
 * piece of either side has no counterpart. Terms may differ in number (a
 * language may need a name twice, or once less): they match by the term alone.
 */
export function matchToSource(source: readonly Segment[], translation: readonly Segment[]): Segment[] | undefined {
  const keyOf = (piece: Exclude<Segment, string>) =>
    piece.kind === 'ph' ? `ph\n${piece.ctype}\n${piece.native}` : `g\n${piece.ctype}\n${piece.open}\n${piece.close}`;
  const pool = new Map<string, string[]>();
  const termIds = new Map<string, string>();
  let fresh = 0;
  const sourcePieces = protectedPieces(source);
  for (const piece of sourcePieces) {
    if (piece.kind === 'ph' && piece.ctype === 'x-term') termIds.set(piece.native, termIds.get(piece.native) ?? piece.id);
    else {
      const list = pool.get(keyOf(piece)) ?? [];
      list.push(piece.id);
      pool.set(keyOf(piece), list);
    }
  }
  let unmatched = false;
  const map = (segments: readonly Segment[]): Segment[] =>
    segments.map((segment) => {
      if (typeof segment === 'string') return segment;
      if (segment.kind === 'ph' && segment.ctype === 'x-term') return { ...segment, id: termIds.get(segment.native) ?? `t${++fresh}` };
      const id = pool.get(keyOf(segment))?.shift();
      if (id === undefined) unmatched = true;
      return segment.kind === 'ph' ? { ...segment, id: id ?? '?' } : { ...segment, id: id ?? '?', children: map(segment.children) };
    });
  const mapped = map(translation);
  const left = [...pool.values()].some((ids) => ids.length > 0);
  return unmatched || left ? undefined : mapped;
}

function stateOf(page: SitePage, unit: Unit, found: Found | undefined, changed: Set<string> | undefined): string {
  if (!found) return 'new';
  if (!('segments' in found)) return 'needs-translation';
  switch (page.status) {
    case 'translated':
      return 'translated';
    case 'outdated':
      return changed === undefined || changed.has(unit.section) ? 'needs-review-translation' : 'translated';
    default:
      // A status this export does not know yet: ask for a review rather than claim it is done.
      return 'needs-review-translation';
  }
}

/** The sections the model names as changed; undefined when it cannot tell (every section then needs review). */
function changedSectionIds(page: SitePage): Set<string> | undefined {
  return page.changes ? new Set(page.changes.map((change) => change.id)) : undefined;
}

function sectionName(unit: Unit): string {
  if (unit.section === '_meta') return 'frontmatter';
  if (unit.section === '_intro') return 'introduction (before the first heading)';
  return `section #${unit.section}`;
}
