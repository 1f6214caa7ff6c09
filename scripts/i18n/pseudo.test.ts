import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/content/mdx.ts';
import { accent, padding, pseudoLocaleData, pseudoString } from '../../src/i18n/pseudo.ts';
import { languageName } from '../../src/i18n/languageNames.ts';
import { loadRegistry } from '../../src/i18n/locales.ts';
import { buildOutline } from '../../src/content/outline.ts';
import { contentTree, page, writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import { makePseudoLocales, pseudoJson, pseudoPage, removePseudoLocales } from './pseudo.ts';

const TERMS = ['Azure Marketplace', 'AppSource', 'Microsoft'];
const visible = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('pseudoString', () => {
  it('accents every letter, brackets the string and makes it 30–40% longer', () => {
    const source = 'Customers who showed interest in your listing reach you as leads.';
    const result = pseudoString(source);
    expect(result.startsWith('[') && result.endsWith(']')).toBe(true);
    expect(result).not.toMatch(/[A-Za-z]/);
    expect(result.length / source.length).toBeGreaterThanOrEqual(1.3);
    expect(result.length / source.length).toBeLessThanOrEqual(1.4);
  });

  it('keeps placeholders, numbers, URLs, e-mail addresses and glossary terms', () => {
    const result = pseudoString(
      'Read 42 {{count}} $t(notice.label) <0>x</0> [SEARCH_TERM] at https://learn.microsoft.com/a-b or ask help@contoso.com on AppSource',
      { terms: TERMS },
    );
    for (const kept of [
      '42',
      '{{count}}',
      '$t(notice.label)',
      '<0>',
      '</0>',
      '[SEARCH_TERM]',
      'https://learn.microsoft.com/a-b',
      'help@contoso.com',
      'AppSource',
    ])
      expect(result).toContain(kept);
    expect(result).toContain('Ŕéáð');
  });

  it('keeps whitespace outside the brackets and respects a length limit', () => {
    expect(pseudoString('  Next ')).toBe('  [Ñéẋţ] ');
    expect(pseudoString('x'.repeat(190), { maxLength: 200 }).length).toBe(200);
    expect(padding(3)).toBe('');
  });

  it('accents what Intl says in a pseudo-locale only', () => {
    expect(pseudoLocaleData('qps-ploc', 'November 23, 2026')).toBe(accent('November 23, 2026'));
    expect(pseudoLocaleData('de', '23. November 2026')).toBe('23. November 2026');
    expect(languageName('en', 'qps-ploc')).toBe(accent('English'));
  });
});

describe('pseudoJson', () => {
  it('pseudo-localizes every value and keeps every key', () => {
    const result = pseudoJson({ a: { b: 'Hello {{name}}' }, c: ['Yes'] }, []) as { a: { b: string }; c: string[] };
    expect(Object.keys(result)).toEqual(['a', 'c']);
    expect(result.a.b).toMatch(/^\[Ĥéļļö \{\{name\}\}.*\]$/);
    expect(result.c[0]).toMatch(/^\[Ýéš\]$/);
  });
});

describe('pseudoPage', () => {
  const source = page(
    {
      title: 'Enable lead sharing',
      navTitle: 'Lead sharing',
      description: 'What lead sharing gives you on AppSource and Azure Marketplace.',
      order: 20,
      updated: '2026-11-23',
    },
    [
      'When leads are on in [Microsoft AppSource](https://appsource.microsoft.com), read [the guide](/en/lead-management/#start) and `npm run build` 3 times &amp; more.',
      '',
      '## Who you reach {/* #who-you-reach */}',
      '',
      '- Qualify **each** lead.',
      '- See https://example.com/x or \\{literal\\}.',
      '',
      '<Callout type="note">',
      'A note with a [link](/en/).',
      '</Callout>',
      '',
      '<StorefrontTable table="audience" />',
      '',
      '```sh',
      'npm run build',
      '```',
      '',
      '[ref]: /en/lead-management/',
    ].join('\n'),
  );

  it("keeps the page's structure: ids, components and props, code, link targets (moved to the locale), entities and escapes", () => {
    const result = pseudoPage('content/en/x.mdx', source, { source: 'en', locale: 'qps-ploc', terms: TERMS });
    if ('problems' in result) throw new Error(JSON.stringify(result.problems));
    const parsed = parseMdx('content/qps-ploc/x.mdx', result.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const original = parseMdx('content/en/x.mdx', source);
    if (!original.ok) throw new Error('fixture');
    const [before, after] = [buildOutline(original.doc.tree), buildOutline(parsed.doc.tree)];
    expect(after.blocks.map((block) => block.kind)).toEqual(before.blocks.map((block) => block.kind));
    expect(after.headings.map((heading) => heading.id)).toEqual(['who-you-reach']);
    expect(after.components).toEqual(
      before.components.map((component) => ({ ...component, line: expect.any(Number), column: expect.any(Number) })),
    );
    for (const kept of [
      '{/* #who-you-reach */}',
      '`npm run build`',
      '```sh\nnpm run build\n```',
      '<Callout type="note">',
      '<StorefrontTable table="audience" />',
      '(https://appsource.microsoft.com)',
      '(/qps-ploc/lead-management/#start)',
      '(/qps-ploc/)',
      '[ref]: /qps-ploc/lead-management/',
      'https://example.com/x öŕ',
      '&amp;',
      '\\{',
      'Microsoft AppSource',
      ' 3 ',
    ]) {
      expect(result.text, kept).toContain(kept);
    }
    expect(result.text).not.toContain('/en/');
  });

  it('brackets each block at the ends of its content and accents its text', () => {
    const result = pseudoPage('content/en/x.mdx', source, { source: 'en', locale: 'qps-ploc', terms: TERMS });
    if ('problems' in result) throw new Error('fixture');
    expect(result.text).toMatch(/^## \\\[Ŵĥö ýöû ŕéáçĥ !*\\\] \{\/\* #who-you-reach \*\/\}$/m);
    expect(result.text).toMatch(/^- \\\[Ǫûáļîƒý \*\*éáçĥ\*\* ļéáð\. !*\\\]$/m);
    expect(result.text).toMatch(/^\\\[Å ñöţé ŵîţĥ á \[ļîñķ\]\(\/qps-ploc\/\)\. !*\\\]$/m);
    const parsed = parseMdx('x.mdx', result.text);
    if (!parsed.ok) throw new Error('does not parse');
    const paragraph = visible(parsed.doc.text.split('\n').find((line) => line.startsWith('\\[Ŵĥéñ'))!);
    expect(paragraph.endsWith('\\]')).toBe(true);
  });

  it('pseudo-localizes the frontmatter within the schema and stamps the page as a machine translation of the source', () => {
    const result = pseudoPage('content/en/x.mdx', source, { source: 'en', locale: 'qps-ploc', terms: TERMS });
    if ('problems' in result) throw new Error('fixture');
    const parsed = parseMdx('x.mdx', result.text);
    if (!parsed.ok) throw new Error('does not parse');
    expect(parsed.problems).toEqual([]);
    const frontmatter = parsed.doc.frontmatter!;
    expect(frontmatter.title).toMatch(/^\[Éñáƀļé ļéáð šĥáŕîñĝ.*\]$/);
    expect(frontmatter.description).toContain('Azure Marketplace');
    expect(frontmatter.order).toBe(20);
    expect(frontmatter.translation).toMatchObject({ method: 'machine', reviewed: false, source: expect.stringMatching(/^sha256:/) });
    expect(Object.keys(frontmatter.translation!.sections!)).toEqual(['_meta', '_intro', 'who-you-reach']);
  });

  it('returns the problems of a source page that does not parse, with its place', () => {
    const result = pseudoPage(
      'content/en/x.mdx',
      page({ title: 'T', description: 'A description of twenty characters.', order: 1 }, 'Text {broken'),
      { source: 'en', locale: 'qps-ploc', terms: [] },
    );
    expect('problems' in result && result.problems[0]).toMatchObject({
      file: 'content/en/x.mdx',
      rule: 'parse-error',
      line: expect.any(Number),
    });
  });
});

describe('makePseudoLocales and removePseudoLocales', () => {
  let fixture: Fixture | undefined;
  afterEach(() => fixture?.remove());

  it("adds both pseudo-locales through i18n:add's registry code, writes every page and namespace, and runs again; --remove restores the registry byte for byte", () => {
    fixture = writeFixture({ ...contentTree(), 'content/glossary.json': JSON.stringify({ terms: [{ term: 'Alpha' }] }) });
    const registryBefore = readFileSync(join(fixture.root, 'content/locales.json'), 'utf8');
    const first = makePseudoLocales(fixture.root);
    expect(first).toMatchObject({
      kind: 'done',
      locales: [
        { code: 'qps-ploc', dir: 'ltr', added: true, files: 3 },
        { code: 'qps-plocm', dir: 'rtl', added: true, files: 3 },
      ],
    });
    const registry = loadRegistry(fixture.root);
    expect(registry.get('qps-ploc')).toMatchObject({ pseudo: true, dir: 'ltr', status: 'partial' });
    expect(registry.get('qps-plocm')).toMatchObject({ pseudo: true, dir: 'rtl' });
    expect(readFileSync(join(fixture.root, 'content/qps-plocm/ui.json'), 'utf8')).toContain('"skipLink": "[Šķîþ]"');
    expect(readFileSync(join(fixture.root, 'content/qps-ploc/index.mdx'), 'utf8')).toContain('{/* #start */}');
    expect(makePseudoLocales(fixture.root)).toMatchObject({ kind: 'done', locales: [{ added: false }, { added: false }] });
    expect(removePseudoLocales(fixture.root)).toEqual({ removed: ['qps-ploc', 'qps-plocm'] });
    expect(readFileSync(join(fixture.root, 'content/locales.json'), 'utf8')).toBe(registryBefore);
  });

  it('never touches a real locale that happens to use the tag, and writes nothing when a source page does not parse', () => {
    fixture = writeFixture(
      contentTree({
        'content/locales.json': JSON.stringify({
          source: 'en',
          locales: [
            { code: 'en', name: 'English', dir: 'ltr', status: 'complete' },
            { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'complete' },
            { code: 'qps-ploc', name: 'Mine', dir: 'ltr', status: 'partial' },
          ],
        }),
        'content/qps-ploc/ui.json': '{"skipLink": "Mine"}',
        'content/qps-ploc/tables.json': '{}',
      }),
    );
    const refused = makePseudoLocales(fixture.root);
    expect(refused).toMatchObject({
      kind: 'refused',
      problems: [{ file: 'content/locales.json', message: expect.stringContaining('without "pseudo": true') }],
    });
    expect(readFileSync(join(fixture.root, 'content/qps-ploc/ui.json'), 'utf8')).toBe('{"skipLink": "Mine"}');
    expect(existsSync(join(fixture.root, 'content/qps-plocm'))).toBe(false);
    fixture.remove();
    // A folder of that name nobody registered is not overwritten either.
    fixture = writeFixture(contentTree({ 'content/qps-plocm/notes.md': 'mine' }));
    expect(makePseudoLocales(fixture.root)).toMatchObject({ kind: 'refused', problems: [{ file: 'content/qps-plocm/' }] });
    expect(readFileSync(join(fixture.root, 'content/qps-plocm/notes.md'), 'utf8')).toBe('mine');
    expect(loadRegistry(fixture.root).codes).toEqual(['en', 'de']);
    fixture.remove();
    fixture = writeFixture(
      contentTree({
        'content/en/broken.mdx': page({ title: 'B', description: 'A page that does not parse at all.', order: 3 }, 'Text {broken'),
      }),
    );
    const broken = makePseudoLocales(fixture.root);
    expect(broken).toMatchObject({ kind: 'refused', problems: [{ file: 'content/en/broken.mdx', rule: 'parse-error' }] });
    expect(loadRegistry(fixture.root).codes).toEqual(['en', 'de']);
  });
});
