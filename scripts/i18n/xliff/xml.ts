/**
 * XLIFF 1.2 documents, written and read with real XML libraries: the xast
 * tree serialized by xast-util-to-xml (which escapes every text and attribute
 * value) and parsed by xast-util-from-xml (which reports malformed XML at its
 * line and column, and gives every element its position). No XML is built
 * from strings and none is read with patterns.
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
import type { Element, ElementContent, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';
import { VFileMessage } from 'vfile-message';
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

const element = (name: string, attributes: Record<string, string | undefined>, children: ElementContent[] = []): Element => ({
  type: 'element',
  name,
  attributes: Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

function inline(segments: readonly Segment[]): ElementContent[] {
  return segments.map((segment) => {
    if (typeof segment === 'string') return text(segment);
    if (segment.kind === 'ph') return element('ph', { id: segment.id, ctype: segment.ctype }, [text(segment.native)]);
    return element('g', { id: segment.id, ctype: segment.ctype }, inline(segment.children));
  });
}

/** Indented children: whitespace text between elements (outside `xml:space="preserve"` content). */
function indented(children: Element[], depth: number): ElementContent[] {
  const pad = `\n${'  '.repeat(depth)}`;
  return [...children.flatMap((child) => [text(pad), child]), text(`\n${'  '.repeat(depth - 1)}`)];
}

export function writeXliff(document: XliffDocument): string {
  const files = document.files.map((file) => {
    const units = file.units.map((unit) =>
      element(
        'trans-unit',
        { id: unit.id, 'xml:space': 'preserve' },
        indented(
          [
            element('source', {}, inline(unit.source)),
            element('target', { state: unit.state }, unit.target ? inline(unit.target) : []),
            ...unit.notes.map((note) => element('note', {}, [text(note)])),
          ],
          4,
        ),
      ),
    );
    const header =
      file.notes.length > 0
        ? [
            element(
              'header',
              {},
              indented(
                file.notes.map((note) => element('note', {}, [text(note)])),
                3,
              ),
            ),
          ]
        : [];
    return element(
      'file',
      {
        original: file.original,
        datatype: file.datatype,
        'source-language': document.sourceLanguage,
        'target-language': document.targetLanguage,
      },
      indented([...header, element('body', {}, indented(units, 3))], 2),
    );
  });
  const root: Root = {
    type: 'root',
    children: [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
      text('\n'),
      element('xliff', { xmlns: XLIFF_NAMESPACE, version: '1.2' }, indented(files, 1)),
      text('\n'),
    ],
  };
  return toXml(root);
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

const atOf = (node: { position?: { start: { line: number; column: number } } | undefined }): At => ({
  line: node.position?.start.line ?? 1,
  column: node.position?.start.column ?? 1,
});
/** An attribute's value; xast writes a missing one as null or undefined. */
const attribute = (node: Element, name: string): string | undefined => node.attributes[name] ?? undefined;
const childElements = (node: Element, name?: string) =>
  node.children.filter((child): child is Element => child.type === 'element' && (name === undefined || child.name === name));

/** Parses an XLIFF 1.2 file; malformed XML or a document that is not XLIFF is `ok: false` with its place. */
export function readXliff(xml: string): ReadResult {
  let tree: Root;
  try {
    tree = fromXml(xml);
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
    return {
      ok: false,
      message: `malformed XML: ${error.reason.replace(/\.$/, '')}`,
      at: { line: error.line ?? 1, column: error.column ?? 1 },
    };
  }
  const root = tree.children.find((child): child is Element => child.type === 'element');
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
  const files = childElements(root, 'file').map((file): ReadFile => {
    const units: ReadUnit[] = [];
    const collect = (parent: Element) => {
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

function readInline(children: readonly ElementContent[]): ReadSegment[] {
  const segments: ReadSegment[] = [];
  const push = (segment: ReadSegment) => {
    const last = segments[segments.length - 1];
    if (typeof segment === 'string' && typeof last === 'string') segments[segments.length - 1] = last + segment;
    else segments.push(segment);
  };
  for (const child of children) {
    if (child.type === 'text' || child.type === 'cdata') push(child.value);
    else if (child.type === 'element') {
      const id = attribute(child, 'id');
      if (child.name === 'ph') push({ kind: 'ph', id, native: textOf(child), at: atOf(child) });
      else if (child.name === 'g') push({ kind: 'g', id, children: readInline(child.children), at: atOf(child) });
      // <mrk> marks text (a term, a segment boundary a tool added); its content is the text itself.
      else if (child.name === 'mrk') for (const segment of readInline(child.children)) push(segment);
      else push({ kind: 'other', name: child.name, id, at: atOf(child) });
    }
  }
  return segments;
}

function textOf(node: Element): string {
  return node.children
    .map((child) => (child.type === 'text' || child.type === 'cdata' ? child.value : child.type === 'element' ? textOf(child) : ''))
    .join('');
}
