/**
 * `i18n:import` as a library: reads a translated XLIFF 1.2 file and works
 * out every file to write, or refuses the whole file.
 *
 * A page is written from the current source page: its text with each unit's
 * content replaced by the unit's translation, so headings keep their ids,
 * components, code blocks, list markers and blank lines stay as the source
 * writes them, and links to the site point into the target locale. The
 * frontmatter is the translation's own when it has one (title, navTitle and
 * description replaced, `translation:` and every other key kept), else the
 * source's. A page is written only when every one of its units has a target
 * in a done state (`translated`, `final`, `signed-off`, or none); it is then
 * stamped by scripts/i18n/stamp.ts, the logic `npm run i18n:stamp` runs.
 * Pages still in progress are left alone and listed. A string is written when
 * its target is done and differs from the file's value.
 *
 * Any placeholder changed, dropped, duplicated or invented, a unit the source
 * does not have, or a source text that changed since the export refuses the
 * import: all such problems are returned, each with the unit's id and line,
 * and nothing is written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { isMap, isScalar, parseDocument, stringify } from 'yaml';
import { loadFrontmatterYaml } from '../../../src/content/frontmatter.ts';
import type { Finding } from '../../../src/report/finding.ts';
import { sourceHash } from '../../../src/content/sourceHash.ts';
import type { Locale, LocaleRegistry } from '../../../src/i18n/locales.ts';
import { listLocalePages, pageFilePath, splitFrontmatter, type PageFile } from '../../../src/model/pageFile.ts';
import type { Glossary } from '../../../src/translation/glossary.ts';
import { sectionFingerprints } from '../../../src/translation/sections.ts';
import { readNamespaces } from '../collect.ts';
import { markupPieces } from '../rules/ui.ts';
import { stampTranslation } from '../stamp.ts';
import { localeOfTag, protectedTerms, unitsOfPage, unitsOfStrings } from './project.ts';
import { renderTarget, type RenderContext } from './render.ts';
import type { Segment } from './segments.ts';
import { META_FIELDS, type Unit } from './units.ts';
import { DONE_STATES, readXliff, type At, type ReadFile, type ReadSegment, type ReadUnit } from './xml.ts';

export interface ImportOptions {
  registry: LocaleRegistry;
  glossary: Glossary;
  root: string;
  /** The XLIFF file as findings name it (relative to the current folder). */
  file: string;
  xml: string;
  /** Passed to the stamp: `translation.method` for pages it records (default: keep, or human). */
  method?: 'human' | 'machine' | undefined;
}

export interface Write {
  /** From the project root. */
  file: string;
  text: string;
  stamped: boolean;
}

export interface PageNote {
  file: string;
  message: string;
}

export type ImportResult =
  | { kind: 'malformed'; finding: Finding }
  | { kind: 'refused'; findings: Finding[] }
  | { kind: 'ok'; locale: Locale; writes: Write[]; unchanged: string[]; skipped: PageNote[] };

export function importXliff(options: ImportOptions): ImportResult {
  const { registry } = options;
  const at = (where: At) => ({ file: options.file, line: where.line, column: where.column });
  const read = readXliff(options.xml);
  if (!read.ok)
    return {
      kind: 'malformed',
      finding: {
        rule: 'xliff-malformed',
        severity: 'error',
        message: `The XLIFF file cannot be read: ${read.message}.`,
        ...at(read.at),
        hint: 'Export the file again from your CAT tool, or fix the XML at this place.',
      },
    };
  if (read.files.length === 0)
    return {
      kind: 'malformed',
      finding: {
        rule: 'xliff-malformed',
        severity: 'error',
        message: 'The XLIFF file has no <file> elements.',
        file: options.file,
        line: 1,
        column: 1,
        hint: 'Import the file npm run i18n:export wrote, translated.',
      },
    };
  const source = registry.source;
  const locale = localeOfTag(registry, read.files[0]!.targetLanguage);
  for (const file of read.files) {
    const fileLocale = localeOfTag(registry, file.targetLanguage);
    const problem = !fileLocale
      ? `target-language "${file.targetLanguage ?? ''}" is not a locale in content/locales.json (${registry.translations.map((entry) => entry.hreflang).join(', ')})`
      : fileLocale !== locale
        ? `target-language "${file.targetLanguage}" differs from the first file's "${read.files[0]!.targetLanguage}"; import one locale at a time`
        : fileLocale.code === source.code
          ? `target-language "${file.targetLanguage}" is the source language`
          : localeOfTag(registry, file.sourceLanguage) !== source
            ? `source-language "${file.sourceLanguage ?? ''}" is not the source locale "${source.hreflang}"`
            : undefined;
    if (problem)
      return {
        kind: 'malformed',
        finding: {
          rule: 'xliff-malformed',
          severity: 'error',
          message: `The XLIFF file does not fit this project: ${problem}.`,
          ...at(file.at),
          hint: 'Import a file that npm run i18n:export wrote for a locale of this project.',
        },
      };
  }
  const target = locale!;
  const terms = protectedTerms(options.glossary, target.code);
  const termSet = new Set(terms);
  const findings: Finding[] = [];
  const refuse = (where: At, message: string, hint?: string) =>
    findings.push({ rule: 'xliff-import', severity: 'error', message, locale: target.code, ...at(where), ...(hint ? { hint } : {}) });

  // The import needs the two locales' page files, not their statuses, nor their frontmatter parsed: it lists them
  // without building the model, and reads a page's text when the XLIFF file names it.
  const sourceFiles = pageTexts(options.root, source.code);
  const ownFiles = pageTexts(options.root, target.code);
  const sourceNamespaces = new Map(readNamespaces(options.root, source.code).map((namespace) => [namespace.file, namespace]));
  const targetNamespaces = new Map(readNamespaces(options.root, target.code).map((namespace) => [namespace.name, namespace]));
  const writes: Write[] = [];
  const unchanged: string[] = [];
  const skipped: PageNote[] = [];
  const seenOriginals = new Set<string>();

  for (const file of read.files) {
    const original = file.original ?? '';
    if (seenOriginals.has(original)) {
      refuse(
        file.at,
        `<file original="${original}"> is in the XLIFF file twice.`,
        'Import the file as npm run i18n:export wrote it: one <file> per page or string file.',
      );
      continue;
    }
    seenOriginals.add(original);
    const page = sourceFiles.get(original)?.();
    if (page) {
      importPage(page, file);
      continue;
    }
    const namespace = sourceNamespaces.get(original);
    if (namespace?.doc) {
      importStrings(namespace.name, namespace.doc.value, file);
      continue;
    }
    refuse(
      file.at,
      `<file original="${original}"> is not a page or string file of the source (${source.code}); it may have been renamed or removed since the export.`,
      'Export again and translate the new file; the translation memory of your CAT tool fills in what was translated.',
    );
  }
  if (findings.length > 0) return { kind: 'refused', findings };
  return { kind: 'ok', locale: target, writes, unchanged, skipped };

  /** Checks one file's units against the source's and renders each done target. */
  function renderUnits<U extends { id: string; segments: Segment[] }>(
    file: ReadFile,
    units: readonly U[],
    contextOf: (unit: U) => RenderContext,
  ): { rendered: Map<U, string>; notDone: string[] } {
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    const rendered = new Map<U, string>();
    const seen = new Set<string>();
    const notDone: string[] = [];
    for (const read of file.units) {
      const unit = read.id === undefined ? undefined : byId.get(read.id);
      if (!unit) {
        refuse(
          read.at,
          `Unit "${read.id ?? '(no id)'}" is not in ${file.original} (the source may have changed since the export).`,
          'Export again and translate the new file; the translation memory of your CAT tool fills in what was translated.',
        );
        continue;
      }
      if (seen.has(unit.id)) {
        refuse(read.at, `Unit "${unit.id}" is in ${file.original} twice.`);
        continue;
      }
      seen.add(unit.id);
      if (!read.source || !sameSource(read.source, unit.segments)) {
        refuse(
          read.at,
          `Unit "${unit.id}": its source text differs from ${file.original} now (the source changed since the export, or the source was edited in the CAT tool).`,
          'Export again: the new file carries the current source, and your translation memory fills in the rest.',
        );
        continue;
      }
      if (!hasText(read.target)) {
        notDone.push(unit.id);
        continue;
      }
      const result = renderTarget(read.target!, unit.segments, contextOf(unit));
      if ('problems' in result) {
        for (const problem of result.problems)
          refuse(
            problem.at ?? read.at,
            `Unit "${unit.id}": ${problem.message}`,
            'Keep every tag of the source exactly once, unchanged (in a CAT tool: copy the tags from the source); translate only the text around and inside them.',
          );
        continue;
      }
      if (!isDone(read)) notDone.push(unit.id);
      else rendered.set(unit, result.text);
    }
    for (const unit of units) if (!seen.has(unit.id)) notDone.push(unit.id);
    return { rendered, notDone };
  }

  function importPage(sourcePage: PageText, file: ReadFile): void {
    const parsed = unitsOfPage(sourcePage.file, sourcePage.text, { terms, sourceLocale: source.code, locale: target.code, localize: true });
    if (!parsed.ok) {
      refuse(
        file.at,
        `${sourcePage.file} does not parse (${parsed.problems[0]?.message ?? 'unknown problem'}); fix the source page first.`,
      );
      return;
    }
    const { units, text, tree, frontmatter } = parsed.page;
    const { rendered, notDone } = renderUnits(file, units, (unit) => ({
      escape: unit.section === '_meta' ? 'plain' : 'mdx',
      continuation: unit.continuation,
      tableCell: unit.kind === 'table cell',
      terms: termSet,
    }));
    // A heading whose id English takes from its words keeps that id in the translation through an explicit marker.
    for (const unit of units)
      if (unit.impliedId !== undefined && rendered.has(unit)) rendered.set(unit, `${rendered.get(unit)!} {/* #${unit.impliedId} */}`);
    const ownPath = `content/${target.code}/${sourcePage.path}`;
    if (notDone.length > 0) {
      if (rendered.size > 0 || notDone.length < units.length)
        skipped.push({
          file: ownPath,
          message: `not written: ${notDone.length} of ${units.length} units are not translated or not marked done yet (${notDone.slice(0, 5).join(', ')}${notDone.length > 5 ? ', …' : ''}).`,
        });
      return;
    }
    const own = ownFiles.get(ownPath)?.();
    const { frontmatter: head, body } = spliceSource(
      text,
      tree.children.find((node) => node.type === 'yaml')?.position?.end.offset ?? 0,
      own,
      units,
      rendered,
    );
    // The stamp edits the frontmatter only, so it is given the frontmatter alone (its parse then costs nothing per body line).
    const stamp = stampTranslation(`${head}\n`, {
      source: sourceHash(sourcePage.text),
      sections: sectionFingerprints(tree, frontmatter),
      method: options.method,
    });
    if ('error' in stamp) {
      refuse(file.at, `${ownPath} cannot be stamped: ${stamp.error}`);
      return;
    }
    const normalized = `${(stamp.text ?? `${head}\n`).slice(0, -1)}${body}`;
    const finalText = own ? inStyleOf(own.text, normalized) : normalized;
    if (own?.text !== finalText && !keepsStructure(ownPath, normalized, units, file)) return;
    if (own && own.text === finalText) unchanged.push(ownPath);
    else writes.push({ file: ownPath, text: finalText, stamped: true });
  }

  /**
   * Whether the page as written parses and has the source's blocks: text
   * that MDX would read as a new block (an empty line in a heading, say)
   * refuses the import, naming the unit where the blocks part.
   */
  function keepsStructure(ownPath: string, written: string, units: readonly Unit[], file: ReadFile): boolean {
    const reparsed = unitsOfPage(ownPath, written, { terms, sourceLocale: source.code, locale: target.code, localize: false });
    if (!reparsed.ok) {
      const problem = reparsed.problems[0];
      refuse(
        file.at,
        `${ownPath} would not parse after the import (${problem?.message ?? 'unknown problem'}, at line ${problem?.line ?? '?'} of the written page).`,
        'Look at the unit translated at that line: its text must stay one block, without empty lines.',
      );
      return false;
    }
    const after = reparsed.page.units;
    const index = units.findIndex((unit, at) => after[at]?.key !== unit.key);
    if (index === -1 && after.length === units.length) return true;
    const at = index === -1 ? units.length : index;
    const near = [units[at - 1], units[at]]
      .filter((unit): unit is Unit => unit !== undefined)
      .map((unit) => `"${unit.id}"`)
      .join(' or ');
    refuse(
      file.at,
      `Unit ${near}: the translation changes the page's blocks (${after[at] ? `a ${after[at].kind}` : 'nothing'} where the source has ${units[at] ? `a ${units[at].kind}` : 'nothing'}); a unit's text must stay one block.`,
      'Remove empty lines the CAT tool may have added to the unit.',
    );
    return false;
  }

  function importStrings(name: string, sourceValue: unknown, file: ReadFile): void {
    const units = unitsOfStrings(sourceValue, terms);
    const { rendered } = renderUnits(file, units, () => ({ escape: 'plain', continuation: '', tableCell: false, terms: termSet }));
    const ownFile = `content/${target.code}/${name}.json`;
    const own = targetNamespaces.get(name);
    if (own && !own.doc) {
      refuse(file.at, `${ownFile} does not parse (${own.problems[0]?.message ?? 'unknown problem'}); fix it before importing its strings.`);
      return;
    }
    let text = own?.doc?.text ?? '{}\n';
    const current = new Map(own?.doc ? unitsOfStrings(own.doc.value, []).map((unit) => [unit.id, unit.value]) : []);
    const tabSize = /\n( +)"/.exec(text)?.[1]?.length ?? 2;
    let changed = false;
    for (const [unit, value] of rendered) {
      // Text may not add i18next markup ({{var}}, $t(), <tag>, [TOKEN]) of its own: only the source's, through its tags.
      const markup = (text: string) =>
        markupPieces(text)
          .map((piece) => text.slice(piece.start, piece.end))
          .sort()
          .join('\n');
      if (markup(value) !== markup(unit.value)) {
        refuse(
          file.at,
          `Unit "${unit.id}": the translation writes i18next markup as text (“${value}”); the source's markup comes only from its tags.`,
          "Remove {{…}}, $t(…), <…> and [TOKENS] typed as text; keep the source's tags instead.",
        );
        continue;
      }
      if (current.get(unit.id) === value) continue;
      text = applyEdits(text, modify(text, unit.path, value, { formattingOptions: { insertSpaces: true, tabSize, eol: '\n' } }));
      changed = true;
    }
    if (changed) writes.push({ file: ownFile, text, stamped: false });
    else unchanged.push(ownFile);
  }
}

/** A page file as the import reads it: where it is and its text. */
type PageText = Pick<PageFile, 'file' | 'path' | 'text'>;

/** A locale's pages by file (`content/de/x.mdx`), each read when first asked for. */
function pageTexts(root: string, locale: string): Map<string, () => PageText> {
  return new Map(
    listLocalePages(root, locale).map((path) => {
      let page: PageText | undefined;
      const file = pageFilePath(locale, path);
      return [file, () => (page ??= { file, path, text: readFileSync(join(root, 'content', locale, path), 'utf8') })];
    }),
  );
}

/** A target with something in it: text or tags. */
function hasText(target: readonly ReadSegment[] | undefined): boolean {
  return target !== undefined && target.some((segment) => typeof segment !== 'string' || segment.trim() !== '');
}

function isDone(unit: ReadUnit): boolean {
  return unit.state === undefined || DONE_STATES.has(unit.state);
}

/** Whether the file's source is the current source: same text (spaces folded) and the same tags with the same ids and contents. */
function sameSource(read: readonly ReadSegment[], current: readonly Segment[]): boolean {
  const fold = (value: string) => value.replace(/\s+/g, ' ');
  const plain = (segments: readonly (ReadSegment | Segment)[]): string =>
    segments
      .map((segment) => {
        if (typeof segment === 'string') return fold(segment);
        if (segment.kind === 'other') return `<${segment.name}>`;
        if (segment.kind === 'ph') return `<ph ${segment.id} ${JSON.stringify(segment.native)}>`;
        return `<g ${segment.id}>${plain(segment.children)}</g>`;
      })
      .join('');
  return plain(read) === plain(current);
}

/**
 * The page as written: the source text from the end of its frontmatter on,
 * each unit's content replaced by its translation (offsets from the tree),
 * after the frontmatter of
 * the translation (or of the source) with its title, navTitle and
 * description replaced. Line endings and a byte order mark follow the
 * translation's file when it has one.
 */
function spliceSource(
  sourceText: string,
  frontmatterEnd: number,
  own: PageText | undefined,
  units: readonly Unit[],
  rendered: ReadonlyMap<Unit, string>,
): { frontmatter: string; body: string } {
  // The units do not overlap and come in document order: copy the text between them, and each translation.
  const parts: string[] = [];
  let from = frontmatterEnd;
  for (const unit of units) {
    const value = rendered.get(unit);
    if (unit.start === undefined || value === undefined) continue;
    parts.push(sourceText.slice(from, unit.start), value);
    from = unit.end!;
  }
  parts.push(sourceText.slice(from));
  const values = new Map<string, string>();
  for (const unit of units) if (unit.section === '_meta' && rendered.has(unit)) values.set(unit.kind, rendered.get(unit)!);
  const ownYaml = own ? splitFrontmatter(own.text).yaml : undefined;
  const yaml = ownYaml ?? splitFrontmatter(sourceText).yaml ?? '';
  return { frontmatter: `---\n${replaceValues(yaml, values)}\n---`, body: parts.join('') };
}

/** Normalized text in the line endings and byte order mark of the file it replaces. */
function inStyleOf(existing: string, text: string): string {
  const bom = existing.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  return bom + (existing.includes('\r\n') ? text.replace(/\n/g, '\r\n') : text);
}

/** The YAML with `title`, `navTitle` and `description` set, touching only those values' characters; a key the YAML lacks is added at its end. */
function replaceValues(yaml: string, values: ReadonlyMap<string, string>): string {
  if (holdsValues(yaml, values)) return yaml;
  const doc = parseDocument(yaml);
  const edits: { from: number; to: number; text: string }[] = [];
  const added: string[] = [];
  for (const field of META_FIELDS) {
    const value = values.get(field);
    if (value === undefined) continue;
    const node = isMap(doc.contents) ? doc.contents.get(field, true) : undefined;
    if (isScalar(node) && node.range) {
      if (String(node.value) !== value) edits.push({ from: node.range[0], to: node.range[1], text: yamlScalar(value) });
    } else if (node === undefined) added.push(`${field}: ${yamlScalar(value)}`);
  }
  let result = yaml;
  for (const edit of edits.sort((a, b) => b.from - a.from)) result = result.slice(0, edit.from) + edit.text + result.slice(edit.to);
  return added.length > 0 ? `${result.replace(/\n*$/, '')}\n${added.join('\n')}` : result;
}

/**
 * Whether the YAML already holds these values, read with Astro's parser: then nothing is edited, and the
 * document with node ranges (several times slower to build) is not needed. Re-importing a current
 * translation, the common case, edits nothing.
 */
function holdsValues(yaml: string, values: ReadonlyMap<string, string>): boolean {
  let read: unknown;
  try {
    read = loadFrontmatterYaml(yaml);
  } catch {
    return false;
  }
  if (read === null || typeof read !== 'object') return false;
  const fields = read as Record<string, unknown>;
  return [...values].every(([field, value]) => typeof fields[field] === 'string' && fields[field] === value);
}

/** A YAML scalar on one line: plain where YAML allows it, quoted otherwise. */
function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}
