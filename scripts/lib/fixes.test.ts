import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/i18n/locales.ts';
import { contentTree, page, writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import { checkLinks } from '../links/check.ts';
import { checkTranslations } from '../i18n/check.ts';
import { sourceHash } from '../../src/content/sourceHash.ts';
import { loadSite } from '../../src/model/site.ts';
import { loadGlossary } from '../../src/translation/glossary.ts';
import type { Finding } from '../../src/report/report.ts';
import { applyReplacements, targetRange } from '../../src/report/fixes.ts';

describe('targetRange', () => {
  const at = (text: string, written: string, line = 1, column = 1) => {
    const lines = text.split('\n');
    return targetRange(text, { line, column, end: { line: lines.length, column: lines.at(-1)!.length + 1 } }, written);
  };

  it("finds a Markdown link's or image's destination, not the same text in its label or title", () => {
    expect(at('[./a.mdx](./a.mdx "see ./a.mdx")', './a.mdx')).toEqual({ line: 1, column: 11, endLine: 1, endColumn: 18 });
    expect(at('![x](/img/a.png)', '/img/a.png')).toEqual({ line: 1, column: 6, endLine: 1, endColumn: 16 });
    expect(at('[x](<./a b.mdx>)', './a b.mdx')).toEqual({ line: 1, column: 6, endLine: 1, endColumn: 15 });
    expect(at('[x\ny](\n./a.mdx)', './a.mdx')).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 8 });
  });

  it("finds a JSX attribute's value, not the same text among its children", () => {
    expect(at('<a href="./a.mdx">./a.mdx</a>', './a.mdx')).toEqual({ line: 1, column: 10, endLine: 1, endColumn: 17 });
  });

  it('offers nothing when the target is not written verbatim', () => {
    expect(at('[x](./a%20b.mdx)', './a b.mdx')).toBeUndefined();
    expect(targetRange('[x](./a.mdx)', { line: 1, column: 1 }, './a.mdx')).toBeUndefined();
  });
});

describe('applyReplacements', () => {
  const edit = (line: number, column: number, endColumn: number, text: string) => ({
    file: 'f',
    line,
    column,
    endLine: line,
    endColumn,
    text,
  });

  it('applies several replacements at once, whatever their order, keeping CRLF line ends', () => {
    expect(applyReplacements('ab cd\r\nef gh\r\n', [edit(1, 1, 3, 'X'), edit(2, 4, 6, 'YY'), edit(1, 4, 4, '+')])).toBe(
      'X +cd\r\nef YY\r\n',
    );
  });

  it('refuses overlapping replacements and ranges outside the file', () => {
    expect(() => applyReplacements('abcdef', [edit(1, 1, 4, 'x'), edit(1, 3, 5, 'y')])).toThrow(/overlaps/);
    expect(() => applyReplacements('abc', [edit(3, 1, 2, 'x')])).toThrow(/outside/);
  });
});

/** Every fix of a report, applied to the fixture's files. */
function applyAll(root: string, findings: readonly Finding[]): void {
  const byFile = new Map<string, NonNullable<Finding['fix']>['replacements']>();
  for (const finding of findings)
    for (const replacement of finding.fix?.replacements ?? [])
      byFile.set(replacement.file, [...(byFile.get(replacement.file) ?? []), replacement]);
  for (const [file, replacements] of byFile)
    writeFileSync(join(root, file), applyReplacements(readFileSync(join(root, file), 'utf8'), replacements));
}

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

describe('proposed fixes pass the check that proposed them', () => {
  it('check:links: every broken link and anchor with a proposal, fixed mechanically, is clean on the second run', async () => {
    const SITE = 'https://docs.example.test';
    const stamped = { source: 'sha256:0000000000000000', method: 'human' };
    fixture = writeFixture(
      contentTree({
        'content/en/guides/other.mdx': page(
          { title: 'Other', description: 'Another guide page of the fixture.', order: 2 },
          '## Setup {/* #setup */}\n\nText.\n\n## Next steps {/* #next-steps */}\n\nMore.',
        ),
        'content/de/guides/other.mdx': page(
          { title: 'Andere', description: 'Eine andere Seite der Testwebsite.', order: 2, translation: stamped },
          '## Einrichtung {/* #setup */}\n\nText.\n\n## Nächste Schritte {/* #next-steps */}\n\nMehr.',
        ),
        'content/en/guides/a.mdx': page(
          { title: 'Guide', description: 'A guide page for the fixture site.', order: 1 },
          [
            '## Start {/* #start */}',
            '',
            'See [the setup](./other.mdx#set-up), [next](./other.mdx#next-steps), [more](./other.mdx#zzzzzzzzzzzz) and [typo](/en/guides/othr/#setup).',
            '',
            '- [here](#strat) and [there](../other/#nextsteps)',
            '',
            '<a href="./other.mdx#setup">other</a>',
          ].join('\n'),
        ),
        'content/de/guides/a.mdx': page(
          { title: 'Leitfaden', description: 'Eine Leitfadenseite der Testwebsite.', order: 1, translation: stamped },
          ['## Anfang {/* #start */}', '', 'Siehe [Einrichtung](/en/guides/other/#setup) und [weiter](./other.mdx#next-step).'].join('\n'),
        ),
      }),
    );
    const root = fixture.root;
    const run = () => checkLinks({ root, registry: loadRegistry(root), siteOrigin: SITE, sourceOnly: true });
    const first = await run();
    const fixable = first.findings.filter((finding) => finding.fix);
    expect(first.findings.map((f) => [`${f.file}:${f.line}:${f.column}`, f.rule, f.fix?.replacements[0]?.text ?? null])).toEqual([
      ['content/de/guides/a.mdx:12:7', 'locale-mismatch', '/de/guides/other/#setup'],
      ['content/de/guides/a.mdx:12:50', 'broken-link', '/de/guides/other/#next-steps'],
      ['content/en/guides/a.mdx:9:5', 'broken-link', '/en/guides/other/#setup'],
      ['content/en/guides/a.mdx:9:38', 'broken-link', '/en/guides/other/#next-steps'],
      ['content/en/guides/a.mdx:9:70', 'broken-link', '/en/guides/other/'],
      ['content/en/guides/a.mdx:9:107', 'broken-link', '/en/guides/other/#setup'],
      ['content/en/guides/a.mdx:11:3', 'broken-anchor', '#start'],
      ['content/en/guides/a.mdx:11:22', 'broken-anchor', '../other/#next-steps'],
      ['content/en/guides/a.mdx:13:1', 'broken-link', '/en/guides/other/#setup'],
    ]);
    // The hint says what the fix does.
    for (const finding of fixable) expect(finding.hint).toBe(finding.fix!.description);
    applyAll(root, fixable);
    expect((await run()).findings).toEqual([]);
    expect(readFileSync(join(root, 'content/en/guides/a.mdx'), 'utf8')).toContain('<a href="/en/guides/other/#setup">other</a>');
  });

  it('check:i18n: heading ids and link targets, fixed mechanically, are clean on the second run; a broken source link is not proposed', () => {
    const en = page(
      { title: 'Guide', description: 'A guide page for the fixture site.', order: 1 },
      [
        'Read [the other page](/en/other/#setup) and [the missing page](/en/nowhere/) first.',
        '',
        '## First section {/* #first */}',
        '',
        'Text of the first section.',
        '',
        '## Second section {/* #second */}',
        '',
        'Text of the second section.',
      ].join('\n'),
    );
    const other = (title: string, heading: string) =>
      page({ title, description: 'Another page of the fixture site.', order: 2 }, `## ${heading} {/* #setup */}\n\nText.`);
    const de = `---\ntitle: Leitfaden\ndescription: Eine Leitfadenseite für die Testwebsite.\norder: 1\ntranslation:\n  source: ${sourceHash(en)}\n  method: human\n---\n\n${[
      'Lesen Sie [die andere Seite](/en/other/#setup) und [die fehlende Seite](/de/nirgends/) zuerst.',
      '',
      '## Erster Abschnitt',
      '',
      'Text des ersten Abschnitts.',
      '',
      '## Zweiter Abschnitt {/* #zweiter */}',
      '',
      'Text des zweiten Abschnitts.',
    ].join('\n')}\n`;
    const deOther = other('Andere', 'Einrichtung').replace(
      'order: 2\n',
      `order: 2\ntranslation:\n  source: ${sourceHash(other('Other', 'Setup'))}\n  method: human\n`,
    );
    fixture = writeFixture(
      contentTree({
        'content/en/guide.mdx': en,
        'content/de/guide.mdx': de,
        'content/en/other.mdx': other('Other', 'Setup'),
        'content/de/other.mdx': deOther,
      }),
    );
    const root = fixture.root;
    // The rules whose hints propose a link or an id (the fixture's other pages are not the point here).
    const run = () =>
      checkTranslations({
        root,
        registry: loadRegistry(root),
        site: loadSite(root),
        glossary: loadGlossary(root),
        history: false,
      }).findings.filter((f) => f.rule === 'link-mismatch' || f.rule === 'heading-id');
    const first = run();
    expect(first.map((f) => [`${f.file}:${f.line}:${f.column}`, f.rule, f.hint, f.fix?.replacements[0]?.text ?? null])).toEqual([
      ['content/de/guide.mdx:10:11', 'link-mismatch', 'Link to /de/other/#setup.', '/de/other/#setup'],
      [
        'content/de/guide.mdx:10:52',
        'link-mismatch',
        "Link where the source links; its target, /de/nowhere/, is broken here too: fix the source's link first (npm run check:links).",
        null,
      ],
      ['content/de/guide.mdx:12:1', 'heading-id', "Keep the source's id: end the heading with {/* #first */}.", ' {/* #first */}'],
      ['content/de/guide.mdx:16:1', 'heading-id', "Keep the source's id: end the heading with {/* #second */}.", 'second'],
    ]);
    for (const finding of first.filter((f) => f.fix)) expect(finding.hint).toBe(finding.fix!.description);
    applyAll(root, first);
    expect(readFileSync(join(root, 'content/de/guide.mdx'), 'utf8')).toContain(
      '## Erster Abschnitt {/* #first */}\n\nText des ersten Abschnitts.\n\n## Zweiter Abschnitt {/* #second */}',
    );
    // Only the finding with no fix the check accepts is left.
    expect(run().map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual(['content/de/guide.mdx:10:52 link-mismatch']);
  });
});
