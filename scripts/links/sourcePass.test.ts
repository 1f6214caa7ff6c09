import { afterEach, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/i18n/locales.ts';
import { contentTree, page, writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import { checkLinks } from './check.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

const SITE = 'https://docs.example.test';
const stamped = { source: 'sha256:0000000000000000', method: 'human' };
const en = (body: string) => page({ title: 'Guide', description: 'A guide page for the fixture site.', order: 1 }, body);
const de = (body: string) =>
  page({ title: 'Leitfaden', description: 'Eine Leitfadenseite der Testwebsite.', order: 1, translation: stamped }, body);

async function check(files: Record<string, string | null>) {
  fixture = writeFixture(
    contentTree({
      'content/en/guides/other.mdx': en('## Setup {/* #setup */}\n\nText.'),
      'content/de/guides/other.mdx': de('## Einrichtung {/* #setup */}\n\nText.'),
      'public/images/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      ...files,
    }),
  );
  const root = fixture.root;
  return checkLinks({ root, registry: loadRegistry(root), siteOrigin: SITE, sourceOnly: true });
}

const only = async (files: Record<string, string | null>, rule: string) => (await check(files)).findings.filter((f) => f.rule === rule);

describe('link check, source pass', () => {
  it("accepts links to pages, sections, relative pages, assets and the site's own absolute URLs", async () => {
    const report = await check({
      'content/en/guides/a.mdx': en(
        [
          '## Start {/* #start */}',
          '',
          '[a](/en/guides/other/) [b](/en/guides/other/#setup) [c](../other/) [d](../other/#setup) [e](#start)',
          '',
          `![diagram](/images/diagram.svg) [f](${SITE}/en/) [g](mailto:x@example.com) [h](https://learn.microsoft.com/)`,
          '',
          '<a href="/en/guides/other/">i</a>',
        ].join('\n'),
      ),
    });
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ files: 5, links: 10, builtPass: { ran: false } });
  });

  it('broken-link: a page or file that does not exist, at its line and column, with a suggestion', async () => {
    const findings = await only(
      { 'content/en/guides/a.mdx': en('Intro.\n\nSee [the other guide](/en/guides/othr/) or ![x](/images/missing.png).') },
      'broken-link',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        locale: 'en',
        file: 'content/en/guides/a.mdx',
        line: 9,
        column: 5,
        url: '/en/guides/othr/',
        page: '/en/guides/a/',
        hint: 'Did you mean /en/guides/other/?',
      }),
      expect.objectContaining({ line: 9, column: 44, url: '/images/missing.png' }),
    ]);
  });

  it('broken-link: a link to a content file, which the site does not serve, names the page URL to use', async () => {
    expect(await only({ 'content/en/guides/a.mdx': en('[x](./nope.mdx) [y](./other.mdx#setup)') }, 'broken-link')).toEqual([
      expect.objectContaining({
        line: 7,
        column: 1,
        url: './nope.mdx',
        message: expect.stringContaining('content/en/guides/nope.mdx is not a page'),
      }),
      expect.objectContaining({
        line: 7,
        column: 17,
        url: './other.mdx#setup',
        message: expect.stringContaining("link to the page's URL instead"),
        hint: 'Link to /en/guides/other/#setup.',
      }),
    ]);
  });

  it("broken-link: a relative source link's hint is a link that passes: the page, then the anchor by heading id in that locale (closest, or none)", async () => {
    const findings = await only(
      {
        'content/en/guides/a.mdx': en('[a](./other.mdx#set-up) [b](./other.mdx#zzzzzzzzzzzz) [c](./othr.mdx#setup)'),
        'content/de/guides/other.mdx': de('## Einrichtung {/* #set-up */}\n\nText.'),
        'content/de/guides/a.mdx': de('[a](./other.mdx#setup) [b](../../en/guides/other.mdx#set-up)'),
      },
      'broken-link',
    );
    expect(findings.map((f) => [`${f.file}:${f.line}:${f.column}`, f.rule, f.hint])).toEqual([
      // The German page's own ids decide, not the English page's.
      [
        'content/de/guides/a.mdx:10:1',
        'broken-link',
        'Link to /de/guides/other/#set-up (/de/guides/other/ has no #setup; #set-up is the closest section).',
      ],
      // The English source file, written on a German page: the German page, whose ids it has.
      ['content/de/guides/a.mdx:10:24', 'broken-link', 'Link to /de/guides/other/#set-up.'],
      [
        'content/en/guides/a.mdx:7:1',
        'broken-link',
        'Link to /en/guides/other/#setup (/en/guides/other/ has no #set-up; #setup is the closest section).',
      ],
      [
        'content/en/guides/a.mdx:7:25',
        'broken-link',
        'Link to /en/guides/other/ (/en/guides/other/ has no #zzzzzzzzzzzz nor a section close to it, so the link goes to the top of the page).',
      ],
      ['content/en/guides/a.mdx:7:55', 'broken-link', 'Did you mean /en/guides/other/#setup?'],
    ]);
    // Each carries the same proposal as a fix: the link's target replaced at its exact place.
    expect(findings[2]!.fix).toEqual({
      description: findings[2]!.hint,
      replacements: [{ file: 'content/en/guides/a.mdx', line: 7, column: 5, endLine: 7, endColumn: 23, text: '/en/guides/other/#setup' }],
    });
  });

  it('broken-anchor: the page exists, the section does not; the same on this page', async () => {
    const findings = await only({ 'content/en/guides/a.mdx': en('[x](/en/guides/other/#set-up) and [y](#nowhere)') }, 'broken-anchor');
    expect(findings).toEqual([
      expect.objectContaining({
        line: 7,
        column: 1,
        message: '/en/guides/other/ has no #set-up.',
        hint: 'Did you mean #setup? Its sections are #setup.',
      }),
      expect.objectContaining({ line: 7, column: 35, message: '/en/guides/a/ has no #nowhere.' }),
    ]);
  });

  it("broken-anchor: checks the section against the target locale's page", async () => {
    const findings = await only(
      {
        'content/de/guides/other.mdx': de('## Einrichtung {/* #einrichtung */}\n\nText.'),
        'content/de/guides/a.mdx': de('[x](/de/guides/other/#setup)'),
        'content/en/guides/a.mdx': en('[x](/en/guides/other/#setup)'),
      },
      'broken-anchor',
    );
    expect(findings).toEqual([expect.objectContaining({ file: 'content/de/guides/a.mdx', locale: 'de', line: 10, column: 1 })]);
  });

  it('locale-mismatch: a German page linking to the English page where a German one exists', async () => {
    const findings = await only(
      { 'content/en/guides/a.mdx': en('[x](/en/guides/other/)'), 'content/de/guides/a.mdx': de('[x](/en/guides/other/#setup)') },
      'locale-mismatch',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'content/de/guides/a.mdx',
        line: 10,
        column: 1,
        hint: 'Link to /de/guides/other/#setup.',
      }),
    ]);
  });

  it('fallback-link: a link to a page that this locale only has as an untranslated fallback', async () => {
    const findings = await only(
      {
        'content/en/guides/a.mdx': en('[x](/en/guides/other/)'),
        'content/de/guides/other.mdx': null,
        'content/de/index.mdx': de('[x](/de/guides/other/)'),
      },
      'fallback-link',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'content/de/index.mdx',
        line: 10,
        column: 1,
        message: expect.stringContaining('/de/guides/other/ is not translated yet'),
      }),
    ]);
  });

  it('fallback-link: none for a partial locale, whose own URLs are the right links (README, "Add a locale")', async () => {
    const partial = JSON.stringify({
      source: 'en',
      locales: [
        { code: 'en', name: 'English', dir: 'ltr', status: 'complete' },
        { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'partial' },
      ],
    });
    expect(
      await only(
        {
          'content/locales.json': partial,
          'content/en/guides/a.mdx': en('[x](/en/guides/other/)'),
          'content/de/guides/other.mdx': null,
          'content/de/index.mdx': de('[x](/de/guides/other/)'),
        },
        'fallback-link',
      ),
    ).toEqual([]);
  });

  it('parse-error: a page that cannot be read is reported and still counted', async () => {
    const report = await check({ 'content/en/guides/a.mdx': en('Text {broken') });
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'parse-error', file: 'content/en/guides/a.mdx', line: 7 })]);
    expect(report.summary.files).toBe(5);
  });

  it("unsafe-url: script and data links, by the content guard's own rule, at the source line", async () => {
    const findings = await only(
      {
        'content/en/guides/a.mdx': en(
          '[x](javascript:alert(1)) ![y](data:image/png;base64,AA) [z][r]\n\n[r]: data:text/html,hi\n\n<a href="vbscript:msgbox(1)">w</a>',
        ),
      },
      'unsafe-url',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        locale: 'en',
        file: 'content/en/guides/a.mdx',
        line: 7,
        column: 1,
        url: 'javascript:alert(1)',
        page: '/en/guides/a/',
      }),
      expect.objectContaining({ line: 9, column: 1, url: 'data:text/html,hi' }),
      expect.objectContaining({ line: 11, column: 4, url: 'vbscript:msgbox(1)' }),
    ]);
  });
});

describe('link check, source pass: links no browser can open', () => {
  it('reports an absolute URL with an invalid host or malformed encoding as a broken link at its line, without throwing', async () => {
    const report = await check({
      'content/en/guides/a.mdx': en('[bad host](https://learn.microsoft.co%ZZm/x)\n\n[bad encoding](https://docs.example.test/%E0%A4%A/)'),
    });
    expect(report.findings.filter((f) => f.rule === 'broken-link')).toEqual([
      expect.objectContaining({ file: 'content/en/guides/a.mdx', line: 7, message: expect.stringContaining('is not a valid URL') }),
      expect.objectContaining({ file: 'content/en/guides/a.mdx', line: 9 }),
    ]);
  });
});
