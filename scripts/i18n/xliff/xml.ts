/**
 * XLIFF 1.2 documents. Read with a real XML parser, @rgrove/parse-xml (which
 * reports malformed XML at its line and column, and gives every element its
 * offset); none is read with patterns. Written element by element by a
 * small writer whose names are constants and whose every value goes through
 * one escaping function for its context (text or attribute value): the bytes
 * xast-util-to-xml wrote from a tree of the same document, without the tree
 * and the level-by-level joins, which made writing a 1,000-page locale cost
 * seconds.
 *
 * Why 1.2 and not 2.x: 1.2 is the version every common CAT tool and
 * translation management system reads and writes in full (Trados Studio,
 * memoQ, Phrase, Crowdin, Weblate), with `state` on each target and
 * `<ph>`/`<g>` inline codes shown as locked tags. Weblate documents its 2.0
 * support as still under development, and several tools read 2.x without its
 * modules. (The `xliff` npm package, from the i18next maintainers, reads and
 * writes inline codes, but cannot write or read a target's `state`, which
 * this round trip needs, so it is not used.)
 */
import { parseXml, XmlCdata, XmlDocument, XmlElement, XmlError, XmlNode, XmlText } from '@rgrove/parse-xml';
import type { Segment } from './segments.ts';

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2';

/** States a CAT tool may set on a target that mean "done": the import stamps a page only when all its units are. */
export const DONE_STATES = new Set(['translated', 'final', 'signed-off']);

export interface XliffUnit {
  id: string;
  source: Segment[];
  /** Missing: not translated yet (written as an empty target with state `new`). */
  target?: Segment[] | undefined;
  /** XLIFF 1.2 target state: `translated`, `needs-review-translation`, `new`. */
  state: string;
  notes: string[];
}

export interface XliffFile {
  /** The source file, from the project root: `content/en/guide.mdx`. */
  original: string;
  /** `x-mdx` for pages, `x-i18next-json` for string files. */
  datatype: string;
  notes: string[];
  units: XliffUnit[];
}

export interface XliffDocument {
  sourceLanguage: string;
  targetLanguage: string;
  files: XliffFile[];
}

/**
 * XML text for a value: characters XML 1.0 cannot hold (C0 controls other
 * than tab and line breaks) dropped, `&` and `<` as character references;
 * in an attribute value (always in double quotes) `"` too; in text, the `>`
 * of `]]>`. The same bytes xast-util-to-xml writes (xml.test.ts compares
 * them), except that `]]>`, which it wrote as is; one pass over each value.
 */
// eslint-disable-next-line no-control-regex -- these are the characters XML cannot hold.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
/** In text, `>` only where it would end `]]>`, which XML does not allow in text (xast-util-to-xml wrote it as is, a file no parser reads). */
const TEXT_SPECIAL = /[&<]|(?<=\]\])>/g;
const ATTRIBUTE_SPECIAL = /[&<"]/g;
const reference = (character: string) => `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`;
/** Whether a value has anything escapeXml changes: most have not, and are returned as they are. */
const TEXT_CHANGES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F&<]|\]\]>/;
const ATTRIBUTE_CHANGES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F&<"]/;
export function escapeXml(value: string, context: 'text' | 'attribute'): string {
  if (!(context === 'text' ? TEXT_CHANGES : ATTRIBUTE_CHANGES).test(value)) return value;
  const clean = value.replace(NOT_XML, '');
  return clean.replace(context === 'text' ? TEXT_SPECIAL : ATTRIBUTE_SPECIAL, reference);
}

/**
 * Builds XML as one string, appended to as it goes: a document of 30,000
 * units is written without building a tree and joining it level by level.
 * Element and attribute names are this module's constants; every value goes
 * through `escapeXml`.
 */
class XmlWriter {
  xml = '';
  open(name: string, attributes?: Record<string, string | undefined>): void {
    this.xml += `<${name}`;
    for (const key in attributes) {
      const value = attributes[key];
      if (value !== undefined) this.xml += ` ${key}="${escapeXml(value, 'attribute')}"`;
    }
    this.xml += '>';
  }
  close(name: string): void {
    this.xml += `</${name}>`;
  }
  text(value: string): void {
    this.xml += escapeXml(value, 'text');
  }
  /** Whitespace between elements (outside `xml:space="preserve"` content): a line break and two spaces a level. */
  indent(depth: number): void {
    this.xml += INDENTS[depth] ?? `\n${'  '.repeat(depth)}`;
  }
  element(name: string, attributes: Record<string, string | undefined> | undefined, text: string): void {
    this.open(name, attributes);
    this.text(text);
    this.close(name);
  }
  /** Each note on a line of its own at `depth`. */
  notes(notes: readonly string[], depth: number): void {
    for (const note of notes) {
      this.indent(depth);
      this.element('note', undefined, note);
    }
  }
  inline(segments: readonly Segment[]): void {
    for (const segment of segments) {
      if (typeof segment === 'string') this.text(segment);
      else if (segment.kind === 'ph') this.element('ph', { id: segment.id, ctype: segment.ctype }, segment.native);
      else {
        this.open('g', { id: segment.id, ctype: segment.ctype });
        this.inline(segment.children);
        this.close('g');
      }
    }
  }
}
const INDENTS = [0, 1, 2, 3, 4].map((depth) => `\n${'  '.repeat(depth)}`);

export function writeXliff(document: XliffDocument): string {
  return [xliffStart(), ...document.files.map((file) => xliffFile(file, document)), xliffEnd()].join('');
}

/** The document's opening, up to its first `<file>`: writeXliff in pieces, so an export can write each file as it goes. */
export function xliffStart(): string {
  const out = new XmlWriter();
  out.xml += '<?xml version="1.0" encoding="UTF-8"?>\n';
  out.open('xliff', { xmlns: XLIFF_NAMESPACE, version: '1.2' });
  return out.xml;
}

/**
 * One `<file>` of the document, as text: an export keeps this string rather than the file's units,
 * so what it holds until the end is the XML alone (and the garbage collector has fewer objects to copy).
 */
export function xliffFile(file: XliffFile, languages: Pick<XliffDocument, 'sourceLanguage' | 'targetLanguage'>): string {
  const out = new XmlWriter();
  out.indent(1);
  out.open('file', {
    original: file.original,
    datatype: file.datatype,
    'source-language': languages.sourceLanguage,
    'target-language': languages.targetLanguage,
  });
  if (file.notes.length > 0) {
    out.indent(2);
    out.open('header');
    out.notes(file.notes, 3);
    out.indent(2);
    out.close('header');
  }
  out.indent(2);
  out.open('body');
  for (const unit of file.units) {
    out.indent(3);
    out.open('trans-unit', { id: unit.id, 'xml:space': 'preserve' });
    out.indent(4);
    out.open('source');
    out.inline(unit.source);
    out.close('source');
    out.indent(4);
    out.open('target', { state: unit.state });
    if (unit.target) out.inline(unit.target);
    out.close('target');
    out.notes(unit.notes, 4);
    out.indent(3);
    out.close('trans-unit');
  }
  out.indent(2);
  out.close('body');
  out.indent(1);
  out.close('file');
  return out.xml;
}

/** The document's end, after its last `<file>`. */
export function xliffEnd(): string {
  return '\n</xliff>\n';
}

/** Where an element starts in the XLIFF file. */
export interface At {
  line: number;
  column: number;
}

/** A target's content as read: text, placeholders and spans as the file has them, and anything else that is not ours. */
export type ReadSegment =
  | string
  | { kind: 'ph'; id: string | undefined; native: string; at: At }
  | { kind: 'g'; id: string | undefined; children: ReadSegment[]; at: At }
  | { kind: 'other'; name: string; id: string | undefined; at: At };

export interface ReadUnit {
  id: string | undefined;
  at: At;
  source: ReadSegment[] | undefined;
  target: ReadSegment[] | undefined;
  state: string | undefined;
}

export interface ReadFile {
  original: string | undefined;
  sourceLanguage: string | undefined;
  targetLanguage: string | undefined;
  at: At;
  units: ReadUnit[];
}

export type ReadResult = { ok: true; files: ReadFile[]; version: string | undefined } | { ok: false; message: string; at: At };

/**
 * Line and column (1-based, UTF-16 columns) of an offset in the file: a
 * binary search in the offsets where lines start, found in one pass, so
 * placing an element costs the same in a file of any length.
 */
function placer(xml: string): (offset: number) => At {
  const starts = [0];
  for (let index = xml.indexOf('\n'); index !== -1; index = xml.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/** An attribute's value. */
const attribute = (node: XmlElement, name: string): string | undefined => node.attributes[name];
const childElements = (node: XmlElement | XmlDocument, name?: string) =>
  node.children.filter((child): child is XmlElement => child instanceof XmlElement && (name === undefined || child.name === name));

/**
 * Parses an XLIFF 1.2 file; malformed XML or a document that is not XLIFF is
 * `ok: false` with its place. The parser is @rgrove/parse-xml (the one
 * xast-util-from-xml wraps), read directly with its offsets: only the
 * elements a finding may name are given a line and column.
 */
export function readXliff(xml: string): ReadResult {
  let document: XmlDocument;
  try {
    document = parseXml(xml, { includeOffsets: true });
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    // The parser's message ends with its own "(line, column)" and an excerpt: the finding gives the place instead.
    const reason = error.message.split('\n')[0]!.replace(/ \(line \d+, column \d+\)$/, '');
    return { ok: false, message: `malformed XML: ${reason.replace(/\.$/, '')}`, at: { line: error.line, column: error.column } };
  }
  const place = placer(xml);
  const atOf = (node: XmlNode): At => (node.start >= 0 ? place(node.start) : { line: 1, column: 1 });
  const root = childElements(document)[0];
  if (!root || root.name !== 'xliff')
    return {
      ok: false,
      message: `not an XLIFF file: the root element is <${root?.name ?? 'nothing'}>, not <xliff>`,
      at: root ? atOf(root) : { line: 1, column: 1 },
    };
  const version = attribute(root, 'version');
  if (version !== '1.2')
    return {
      ok: false,
      message: `XLIFF ${version ?? 'without a version'} is not read here; export and import XLIFF 1.2 (version="1.2")`,
      at: atOf(root),
    };
  const readInline = (children: readonly XmlNode[]): ReadSegment[] => {
    const segments: ReadSegment[] = [];
    const push = (segment: ReadSegment) => {
      const last = segments[segments.length - 1];
      if (typeof segment === 'string' && typeof last === 'string') segments[segments.length - 1] = last + segment;
      else segments.push(segment);
    };
    for (const child of children) {
      if (child instanceof XmlText || child instanceof XmlCdata) push(child.text);
      else if (child instanceof XmlElement) {
        const id = attribute(child, 'id');
        if (child.name === 'ph') push({ kind: 'ph', id, native: textOf(child), at: atOf(child) });
        else if (child.name === 'g') push({ kind: 'g', id, children: readInline(child.children), at: atOf(child) });
        // <mrk> marks text (a term, a segment boundary a tool added); its content is the text itself.
        else if (child.name === 'mrk') for (const segment of readInline(child.children)) push(segment);
        else push({ kind: 'other', name: child.name, id, at: atOf(child) });
      }
    }
    return segments;
  };
  const files = childElements(root, 'file').map((file): ReadFile => {
    const units: ReadUnit[] = [];
    const collect = (parent: XmlElement) => {
      for (const child of childElements(parent)) {
        if (child.name === 'group') collect(child);
        else if (child.name === 'trans-unit') {
          const source = childElements(child, 'source')[0];
          const target = childElements(child, 'target')[0];
          units.push({
            id: attribute(child, 'id'),
            at: atOf(child),
            source: source && readInline(source.children),
            target: target && readInline(target.children),
            state: target ? attribute(target, 'state') : undefined,
          });
        }
      }
    };
    for (const body of childElements(file, 'body')) collect(body);
    return {
      original: attribute(file, 'original'),
      sourceLanguage: attribute(file, 'source-language'),
      targetLanguage: attribute(file, 'target-language'),
      at: atOf(file),
      units,
    };
  });
  return { ok: true, files, version };
}

function textOf(node: XmlElement): string {
  return node.children
    .map((child) => (child instanceof XmlText || child instanceof XmlCdata ? child.text : child instanceof XmlElement ? textOf(child) : ''))
    .join('');
}
