import type { Element, ElementContent, Root } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { describe, expect, it } from 'vitest';
import { escapeXml, readXliff, writeXliff, XLIFF_NAMESPACE, type XliffDocument } from './xml.ts';
import type { Segment } from './segments.ts';

/** Values that need escaping or dropping: markup, quotes, entities, control characters, astral characters, CDATA ends. */
const CDATA_END = ']]> <![CDATA[x]]>';
const PAYLOADS = [
  'a & b < c > d',
  '"quoted" \'single\'',
  '&amp; &#x26; &lt;',
  'tab\tline\nreturn\r',
  'nul\u0000bell\u0007vt\u000bff\u000c',
  '😀 ü ‏עברית',
  CDATA_END,
  '</target><script>',
];

/** The document as xast-util-to-xml wrote it from a tree (what writeXliff wrote before): the reference for its bytes. */
function viaXast(document: XliffDocument): string {
  const element = (name: string, attributes: Record<string, string | undefined>, children: ElementContent[] = []): Element => ({
    type: 'element',
    name,
    attributes: Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    children,
  });
  const text = (value: string): ElementContent => ({ type: 'text', value });
  const inline = (segments: readonly Segment[]): ElementContent[] =>
    segments.map((segment) =>
      typeof segment === 'string'
        ? text(segment)
        : segment.kind === 'ph'
          ? element('ph', { id: segment.id, ctype: segment.ctype }, [text(segment.native)])
          : element('g', { id: segment.id, ctype: segment.ctype }, inline(segment.children)),
    );
  const indented = (children: Element[], depth: number): ElementContent[] => [
    ...children.flatMap((child) => [text(`\n${'  '.repeat(depth)}`), child]),
    text(`\n${'  '.repeat(depth - 1)}`),
  ];
  const files = document.files.map((file) =>
    element(
      'file',
      {
        original: file.original,
        datatype: file.datatype,
        'source-language': document.sourceLanguage,
        'target-language': document.targetLanguage,
      },
      indented(
        [
          ...(file.notes.length > 0
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
            : []),
          element(
            'body',
            {},
            indented(
              file.units.map((unit) =>
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
              ),
              3,
            ),
          ),
        ],
        2,
      ),
    ),
  );
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

const documentOf = (payloads: readonly string[]): XliffDocument => ({
  sourceLanguage: 'en',
  targetLanguage: 'de',
  files: [
    {
      original: 'content/en/a "b" & <c>.mdx',
      datatype: 'x-mdx',
      notes: [...payloads],
      units: payloads.map((payload, index) => ({
        id: `${payload}.${index}`,
        source: [
          payload,
          { kind: 'ph', id: '1', ctype: 'x-code', native: payload },
          { kind: 'g', id: '2', ctype: 'link', open: '[', close: '](x)', children: [payload] },
        ],
        target:
          index % 2 === 0
            ? undefined
            : [
                {
                  kind: 'g',
                  id: '2',
                  ctype: 'link',
                  open: '[',
                  close: '](x)',
                  children: [payload, { kind: 'ph', id: '3', ctype: 'x-term', native: payload }],
                },
              ],
        state: index % 2 === 0 ? 'new' : `translated"${payload}`,
        notes: [payload, ''],
      })),
    },
    { original: 'content/en/ui.json', datatype: 'x-i18next-json', notes: [], units: [] },
  ],
});

describe('writeXliff', () => {
  const document = documentOf(PAYLOADS);

  it('writes the bytes xast-util-to-xml writes from the same document, payloads included', () => {
    const others = documentOf(PAYLOADS.filter((payload) => payload !== CDATA_END));
    expect(writeXliff(others)).toBe(viaXast(others));
    // The one difference: xast-util-to-xml wrote `]]>` in text as is, which no XML parser reads.
    expect(readXliff(viaXast(documentOf([CDATA_END]))).ok).toBe(false);
    expect(readXliff(writeXliff(documentOf([CDATA_END]))).ok).toBe(true);
    expect(writeXliff({ sourceLanguage: 'en', targetLanguage: 'nl', files: [] })).toBe(
      viaXast({ sourceLanguage: 'en', targetLanguage: 'nl', files: [] }),
    );
  });

  it('writes a document the XML parser reads back value for value', () => {
    const read = readXliff(writeXliff(document));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const clean = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
    expect(read.files[0]!.original).toBe(document.files[0]!.original);
    // A parser reads a tab or line break in an attribute as a space (XML's attribute-value normalization).
    expect(read.files[0]!.units.map((unit) => unit.id)).toEqual(
      document.files[0]!.units.map((unit) => clean(unit.id).replace(/[\t\n\r]/g, ' ')),
    );
    expect(read.files[0]!.units.map((unit) => unit.source?.[0])).toEqual(PAYLOADS.map((payload) => clean(payload).replace(/\r/g, '\n')));
  });

  it('escapes text and attribute values for their context', () => {
    expect(escapeXml('a<b>&"c"\u0001', 'text')).toBe('a&#x3C;b>&#x26;"c"');
    expect(escapeXml('a<b>&"c"\u0001', 'attribute')).toBe('a&#x3C;b>&#x26;&#x22;c&#x22;');
    expect(escapeXml('plain', 'text')).toBe('plain');
    expect(escapeXml('a]]>b ]>c', 'text')).toBe('a]]&#x3E;b ]>c');
  });
});
