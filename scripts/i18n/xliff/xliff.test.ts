import { describe, expect, it } from 'vitest';
import { matchToSource } from './export.ts';
import { stringSegments, unitsOfPage } from './project.ts';
import { escapeText, renderTarget, type RenderContext } from './render.ts';
import { readXliff, writeXliff, type ReadSegment } from './xml.ts';
import type { Segment } from './segments.ts';

const PAGE = `---
title: Connect a CRM to AppSource
description: How to connect your CRM so that every lead reaches you.
order: 1
---

Read the [guide](/en/lead-management/) and set \`LeadSource\` to **Partner Center**, or see <abbr title="customer relationship management">the glossary</abbr>.

## Steps to take {/* #steps */}

1. Open *Settings* in Partner Center.
2. Choose a destination:
   - Salesforce, with its org id
   - an HTTPS endpoint
     that accepts JSON

> A quoted note with a {props.value} expression.

| Field | Meaning |
| --- | --- |
| Email | The customer's address |

<Callout type="note">
Leads arrive within minutes.
</Callout>

\`\`\`sh
npm run check
\`\`\`
`;

const options = { terms: ['Partner Center', 'AppSource', 'Salesforce', 'CRM'], sourceLocale: 'en', locale: 'de', localize: true };
const context = (overrides: Partial<RenderContext> = {}): RenderContext => ({
  escape: 'mdx',
  continuation: '',
  tableCell: false,
  terms: new Set(options.terms),
  ...overrides,
});

/** The segments as the XML reader gives them back: what a CAT tool that changed nothing returns. */
function asRead(segments: readonly Segment[]): ReadSegment[] {
  const at = { line: 1, column: 1 };
  return segments.map((segment) =>
    typeof segment === 'string'
      ? segment
      : segment.kind === 'ph'
        ? { kind: 'ph', id: segment.id, native: segment.native, at }
        : { kind: 'g', id: segment.id, children: asRead(segment.children), at },
  );
}

function unitsOf(text = PAGE) {
  const result = unitsOfPage('content/en/x.mdx', text, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.page;
}

describe('units of a page', () => {
  it('has one unit per block a translator translates, with section ids', () => {
    const { units } = unitsOf();
    expect(units.map((unit) => `${unit.id} ${unit.kind}`)).toEqual([
      '_meta.title title',
      '_meta.description description',
      '_intro.1 paragraph',
      'steps.1 heading',
      'steps.2 list item',
      'steps.3 list item',
      'steps.4 list item',
      'steps.5 list item',
      'steps.6 paragraph',
      'steps.7 table cell',
      'steps.8 table cell',
      'steps.9 table cell',
      'steps.10 table cell',
      'steps.11 paragraph',
    ]);
  });

  it('protects code, link targets, JSX, expressions, heading ids and terms', () => {
    const { units } = unitsOf();
    const intro = units.find((unit) => unit.id === '_intro.1')!;
    expect(intro.segments).toEqual([
      'Read the ',
      { kind: 'g', id: '1', ctype: 'link', open: '[', close: '](/de/lead-management/)', children: ['guide'] },
      ' and set ',
      { kind: 'ph', id: '2', ctype: 'x-code', native: '`LeadSource`' },
      ' to ',
      {
        kind: 'g',
        id: '3',
        ctype: 'bold',
        open: '**',
        close: '**',
        children: [{ kind: 'ph', id: '4', ctype: 'x-term', native: 'Partner Center' }],
      },
      ', or see ',
      {
        kind: 'g',
        id: '5',
        ctype: 'x-jsx',
        open: '<abbr title="customer relationship management">',
        close: '</abbr>',
        children: ['the glossary'],
      },
      '.',
    ]);
    expect(units.find((unit) => unit.id === 'steps.1')!.segments).toEqual([
      'Steps to take ',
      { kind: 'ph', id: '1', ctype: 'x-heading-id', native: '{/* #steps */}' },
    ]);
    expect(units.find((unit) => unit.id === 'steps.6')!.segments).toEqual([
      'A quoted note with a ',
      { kind: 'ph', id: '1', ctype: 'x-expression', native: '{props.value}' },
      ' expression.',
    ]);
    expect(units.find((unit) => unit.id === '_meta.title')!.segments).toEqual([
      'Connect a ',
      { kind: 'ph', id: '1', ctype: 'x-term', native: 'CRM' },
      ' to ',
      { kind: 'ph', id: '2', ctype: 'x-term', native: 'AppSource' },
    ]);
  });

  it('names the id a heading without a marker takes from its words, for the translation to keep', () => {
    const { units } = unitsOf(PAGE.replace('## Steps to take {/* #steps */}', '## Steps to take'));
    expect(units.find((unit) => unit.kind === 'heading')).toMatchObject({
      id: 'steps-to-take.1',
      impliedId: 'steps-to-take',
      segments: ['Steps to take'],
    });
    expect(units.find((unit) => unit.id === 'steps.1')).toBeUndefined();
  });

  it('gives the page back unchanged when every target is its source (the splice keeps all formatting)', () => {
    const { units, text } = unitsOf();
    let rebuilt = text;
    for (const unit of [...units].filter((unit) => unit.start !== undefined).sort((a, b) => b.start! - a.start!)) {
      const result = renderTarget(
        asRead(unit.segments),
        unit.segments,
        context({ continuation: unit.continuation, tableCell: unit.kind === 'table cell' }),
      );
      if (!('text' in result)) throw new Error(JSON.stringify(result.problems));
      rebuilt = rebuilt.slice(0, unit.start) + result.text + rebuilt.slice(unit.end);
    }
    expect(rebuilt).toBe(PAGE.replace('](/en/lead-management/)', '](/de/lead-management/)'));
  });
});

describe('rendering a target', () => {
  const source = unitsOf().units.find((unit) => unit.id === '_intro.1')!.segments;

  it('puts the source markup back by id around the translated text', () => {
    const target = asRead(matchToSource(source, source)!).map((segment) =>
      typeof segment === 'string' ? segment.replace('Read the', 'Lesen Sie den') : segment,
    );
    expect(renderTarget(target, source, context())).toEqual({
      text: 'Lesen Sie den [guide](/de/lead-management/) and set `LeadSource` to **Partner Center**, or see <abbr title="customer relationship management">the glossary</abbr>.',
    });
  });

  it('lists every changed, dropped, duplicated and invented piece', () => {
    const at = { line: 3, column: 9 };
    const target: ReadSegment[] = [
      { kind: 'g', id: '1', children: ['Leitfaden'], at },
      { kind: 'ph', id: '2', native: '`LeadSourceX`', at },
      { kind: 'g', id: '5', children: ['a'], at },
      { kind: 'g', id: '5', children: ['b'], at },
      { kind: 'ph', id: '7', native: '{process.exit()}', at },
      { kind: 'other', name: 'bx', id: '8', at },
    ];
    const result = renderTarget(target, source, context());
    expect('problems' in result && result.problems.map((problem) => problem.message)).toEqual([
      "placeholder 2 was changed: it holds “`LeadSourceX`”, the source's holds “`LeadSource`”.",
      'placeholder 7 is not in the source (it holds “{process.exit()}”).',
      '<bx id="8"> is not one of the source\'s tags; keep the source\'s <ph> and <g> tags (with their ids) and write everything else as text.',
      'tag pair 3 (bold: “**…**”) was dropped; put it back where the sentence needs it.',
      'tag pair 5 (x-jsx: “<abbr title="customer relationship management">…</abbr>”) is there 2 times; the source has it once.',
    ]);
  });

  it('lets a language use a do-not-translate term more or less often, but never change one', () => {
    const title = unitsOf().units.find((unit) => unit.id === '_meta.title')!.segments;
    const at = { line: 1, column: 1 };
    expect(
      renderTarget(
        [
          'Ein ',
          { kind: 'ph', id: '1', native: 'CRM', at },
          '-System mit ',
          { kind: 'ph', id: '2', native: 'AppSource', at },
          ' und ',
          { kind: 'ph', id: 't1', native: 'Salesforce', at },
          ' verbinden',
        ],
        title,
        context({ escape: 'plain' }),
      ),
    ).toEqual({ text: 'Ein CRM-System mit AppSource und Salesforce verbinden' });
    expect(renderTarget([{ kind: 'ph', id: '1', native: 'Salesforce', at }], title, context({ escape: 'plain' }))).toEqual({
      problems: [{ message: "placeholder 1 was changed: it holds “Salesforce”, the source's holds “CRM”.", at }],
    });
  });
});

describe('escaping text for MDX', () => {
  const mdx = { escape: 'mdx' as const, continuation: '  ', tableCell: false };
  it('escapes what would start markup, and nothing inside words', () => {
    expect(escapeText('a {b} <c> *d* [e] `f` ~g~ user_impersonation _h_', mdx, false)).toBe(
      'a \\{b\\} \\<c> \\*d\\* \\[e\\] \\`f\\` \\~g\\~ user_impersonation \\_h\\_',
    );
    expect(escapeText('&amp; & AT&T', mdx, false)).toBe('\\&amp; & AT&T');
  });
  it('escapes a block start at the start of a line, and continues lines in the container', () => {
    expect(escapeText('# not a heading', mdx, true)).toBe('\\# not a heading');
    expect(escapeText('2024. year\n- item', mdx, true)).toBe('2024\\. year\n  \\- item');
    expect(escapeText('a | b', { ...mdx, tableCell: true }, false)).toBe('a \\| b');
    expect(escapeText('{x}', { ...mdx, escape: 'plain' }, true)).toBe('{x}');
  });
});

describe('matching a translation to the source', () => {
  it('gives the translation the source ids, and nothing when a protected piece differs', () => {
    const source = stringSegments('Read {{count}} of $t(total) in <strong>AppSource</strong>', ['AppSource']);
    const translation = stringSegments('<strong>AppSource</strong>: $t(total), davon {{count}} gelesen', ['AppSource']);
    expect(matchToSource(source, translation)).toEqual([
      { kind: 'ph', id: '3', ctype: 'x-i18next', native: '<strong>' },
      { kind: 'ph', id: '4', ctype: 'x-term', native: 'AppSource' },
      { kind: 'ph', id: '5', ctype: 'x-i18next', native: '</strong>' },
      ': ',
      { kind: 'ph', id: '2', ctype: 'x-i18next', native: '$t(total)' },
      ', davon ',
      { kind: 'ph', id: '1', ctype: 'x-i18next', native: '{{count}}' },
      ' gelesen',
    ]);
    expect(
      matchToSource(source, stringSegments('Lies {{anzahl}} von $t(total) in <strong>AppSource</strong>', ['AppSource'])),
    ).toBeUndefined();
  });
});

describe('XLIFF 1.2 files', () => {
  it('writes what it reads back: states, notes, placeholders and spans, with XML escaped', () => {
    const source: Segment[] = [
      'Use ',
      { kind: 'ph', id: '1', ctype: 'x-code', native: '`a < b && c`' },
      ' in ',
      { kind: 'g', id: '2', ctype: 'link', open: '[', close: '](/de/x/)', children: ['the "guide"'] },
    ];
    const xml = writeXliff({
      sourceLanguage: 'en',
      targetLanguage: 'de',
      files: [
        {
          original: 'content/en/x.mdx',
          datatype: 'x-mdx',
          notes: ['/de/x/'],
          units: [{ id: 'steps.1', source, state: 'new', notes: ['/de/x/ · section #steps'] }],
        },
      ],
    });
    expect(xml).toContain(
      '<source>Use <ph id="1" ctype="x-code">`a &#x3C; b &#x26;&#x26; c`</ph> in <g id="2" ctype="link">the "guide"</g></source>',
    );
    expect(xml).toContain('<target state="new"></target>');
    expect(xml).not.toContain('/de/x/)');
    const read = readXliff(xml);
    expect(read.ok && read.files[0]!.units[0]).toMatchObject({
      id: 'steps.1',
      state: 'new',
      target: [],
      source: ['Use ', { kind: 'ph', id: '1', native: '`a < b && c`' }, ' in ', { kind: 'g', id: '2', children: ['the "guide"'] }],
    });
  });

  it('says where malformed XML and other versions are', () => {
    expect(readXliff('<?xml version="1.0"?>\n<xliff version="1.2">\n  <file>\n</xliff>')).toMatchObject({ ok: false, at: { line: 4 } });
    expect(readXliff('<xliff version="2.0"><file id="f"/></xliff>')).toMatchObject({
      ok: false,
      message: expect.stringContaining('XLIFF 2.0 is not read here'),
    });
  });
});
