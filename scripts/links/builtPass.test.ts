/**
 * The built-site pass on hand-written `dist/` folders: how the static host
 * answers (trailing slash, case, percent-encoding, query and fragment, 404
 * pages, public files) and where each broken link is reported (MDX line,
 * template line once for many pages, or the built file as a last resort).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/i18n/locales.ts';
import { contentTree, page, writeFixture, type Fixture } from '../../tests/helpers/fixture.ts';
import { checkLinks } from './check.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

const SITE = 'https://docs.example.test';
const en = (body: string) => page({ title: 'Guide', description: 'A guide page for the fixture site.', order: 1 }, body);

/** A built page as the layout writes it: a header link, the content, ids. */
const html = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">${head}</head><body><a class="skip" href="#content">Skip</a><main id="content">${body}</main></body></html>`;

const LAYOUT = [
  '---',
  'const { home } = Astro.props;',
  '---',
  '<footer>',
  '  <a class="legal" href="/en/legal/">Legal</a>',
  '  <a href={home}>Home</a>',
  '</footer>',
].join('\n');

async function check(files: Record<string, string | null>) {
  fixture = writeFixture(
    contentTree({
      'content/en/guides/a.mdx': en('## Intro {/* #intro */}\n\nText.'),
      'content/de/guides/a.mdx': null,
      'public/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'dist/index.html': html('<a href="/en/">English</a> <a href="/de/">Deutsch</a>'),
      'dist/404.html': html('<h1>Not found</h1><a href="/en/">Home</a>'),
      'dist/en/404.html': html('<a href="/en/">Home</a>'),
      'dist/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'dist/images/my diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'dist/files/guide.pdf': '%PDF-1.4',
      'dist/en/index.html': html('<h2 id="start">Start</h2>'),
      'dist/de/index.html': html('<h2 id="start">Anfang</h2>'),
      'dist/en/guides/a/index.html': html('<h2 id="intro">Intro</h2><a name="legacy"></a>'),
      'dist/de/guides/a/index.html': html('<h2 id="intro">Intro</h2>'),
      ...files,
    }),
  );
  const root = fixture.root;
  return checkLinks({ root, registry: loadRegistry(root), siteOrigin: SITE, traceBuild: false });
}

const builtFindings = async (files: Record<string, string | null>) =>
  (await check(files)).findings.filter((finding) => finding.rule === 'broken-link' || finding.rule === 'broken-anchor');

describe('built-site pass: what the static host serves', () => {
  it("accepts pages with and without the trailing slash, query plus fragment, encoded paths, public files, 404 pages, the site's absolute URLs, #top and <a name>", async () => {
    const report = await check({
      'dist/en/index.html': html(
        [
          '<h2 id="start">Start</h2>',
          '<a href="/en/guides/a/">a</a> <a href="/en/guides/a">no slash</a> <a href="/en/guides/a/?ref=nav#intro">query and fragment</a>',
          '<a href="../de/guides/a/#intro">relative</a> <a href="guides/a/">relative below</a> <a href="#start">here</a> <a href="#top">top</a> <a href="#">nothing</a>',
          '<img src="/images/my%20diagram.svg" alt="d"> <img srcset="/images/my%20diagram.svg 1x, /favicon.svg 2x" alt="s">',
          '<a href="/files/guide.pdf#page=2">pdf</a> <a href="/en/404.html">404</a> <a href="/en/404">404 without .html</a>',
          `<a href="${SITE}/de/guides/a/#intro">absolute</a> <a href="/en/guides/a/#legacy">named anchor</a>`,
          '<a href="mailto:team@example.test">mail</a> <a href="https://learn.microsoft.com/partner-center/">external</a>',
        ].join('\n'),
        `<link rel="canonical" href="${SITE}/en/"><meta property="og:url" content="${SITE}/en/"><link rel="preconnect" href="https://fonts.example.test">`,
      ),
    });
    expect(report.findings).toEqual([]);
    expect(report.summary.builtPass).toMatchObject({ ran: true, pages: 7 });
    expect(report.summary.builtPass.linksChecked).toBeGreaterThan(25);
  });

  it('reports a wrong case, a missing page, a folder without index.html, a .html the site does not have and bad percent-encoding', async () => {
    const findings = await builtFindings({
      'dist/files/empty/.keep': '',
      'dist/en/index.html': html(
        '<h2 id="start">Start</h2>\n<a href="/EN/guides/a/">case</a>\n<a href="/en/guides/b/">missing</a>\n<a href="/files/empty/">folder</a>\n<a href="/en/guides/a.html">html</a>\n<a href="/en/%E0%A4%A/">encoding</a>',
      ),
    });
    expect(findings.map((finding) => [finding.url, finding.rule])).toEqual(
      expect.arrayContaining([
        ['/EN/guides/a/', 'broken-link'],
        ['/en/guides/b/', 'broken-link'],
        ['/files/empty/', 'broken-link'],
        ['/en/guides/a.html', 'broken-link'],
        ['/en/%E0%A4%A/', 'broken-link'],
      ]),
    );
    expect(findings).toHaveLength(5);
    expect(findings.find((finding) => finding.url === '/EN/guides/a/')).toMatchObject({
      file: 'dist/en/index.html',
      line: 2,
      hint: expect.stringContaining('URLs are case-sensitive: did you mean /en/guides/a/?'),
    });
    expect(findings.find((finding) => finding.url === '/en/%E0%A4%A/')?.message).toContain('malformed percent-encoding');
  });

  it("checks fragments against the target page's ids, and links on 404 pages", async () => {
    const findings = await builtFindings({
      'dist/en/404.html': html('<a href="/en/guides/a/#setup">setup</a>\n<a href="/en/guides/a/#intr">typo</a>'),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'broken-anchor',
        message: expect.stringContaining('/en/guides/a/ has no #setup.'),
        file: 'dist/en/404.html',
        line: 1,
        url: '/en/guides/a/#setup',
      }),
      expect.objectContaining({
        rule: 'broken-anchor',
        file: 'dist/en/404.html',
        line: 2,
        url: '/en/guides/a/#intr',
        hint: expect.stringContaining('Did you mean #intro?'),
      }),
    ]);
  });

  it('reports a relative link on a 404 page, which is served at every missing URL', async () => {
    const findings = await builtFindings({
      'dist/en/404.html': html('<a href="guides/a/">guide</a> <a href="/en/guides/a/">from the root</a> <a href="#content">here</a>'),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'broken-link',
        file: 'dist/en/404.html',
        url: 'guides/a/',
        message: expect.stringContaining('write it from the root, such as "/en/"'),
      }),
    ]);
  });

  it('reads malformed HTML leniently', async () => {
    const findings = await builtFindings({
      'dist/en/index.html': '<html><body><h2 id=start>Start<p><a href=/en/nope/>unquoted<div><a href="/en/guides/a/#intro">ok</a></table>',
    });
    expect(findings).toEqual([expect.objectContaining({ rule: 'broken-link', url: '/en/nope/', file: 'dist/en/index.html' })]);
  });

  it('reports a sitemap entry the build does not serve', async () => {
    const findings = await builtFindings({
      'dist/sitemap-0.xml': `<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>${SITE}/en/</loc></url>\n<url><loc>${SITE}/en/old/</loc></url>\n</urlset>`,
    });
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'dist/sitemap-0.xml',
        line: 4,
        message: 'The sitemap lists /en/old/, which the build does not have.',
      }),
    ]);
  });
});

describe('built-site pass: where a broken link is reported', () => {
  it('a link the MDX wrote is reported at its MDX line, once, even when the source pass already found it', async () => {
    const findings = await builtFindings({
      'content/en/guides/a.mdx': en('## Intro {/* #intro */}\n\nSee [home](/en/#begin).'),
      'dist/en/guides/a/index.html': html('<h2 id="intro">Intro</h2><p>See <a href="/en/#begin">home</a>.</p>'),
    });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'broken-anchor', file: 'content/en/guides/a.mdx', line: 9, column: 5, url: '/en/#begin' }),
    ]);
  });

  it('a link the MDX wrote that only the build breaks is mapped to the MDX line, also from the fallback page that shows it', async () => {
    const findings = await builtFindings({
      // The source says #intro exists; this build lost the id on the home page.
      'content/en/index.mdx': page(
        { title: 'Home', description: 'The home page of the fixture site.', order: 0 },
        '## Start {/* #start */}\n\nRead [the intro](/en/guides/a/#intro).',
      ),
      'content/de/index.mdx': null,
      'dist/en/guides/a/index.html': html('<h2>Intro</h2>'),
      'dist/en/index.html': html('<h2 id="start">Start</h2><p>Read <a href="/en/guides/a/#intro">the intro</a>.</p>'),
      'dist/de/index.html': html('<h2 id="start">Start</h2><p>Read <a href="/en/guides/a/#intro">the intro</a>.</p>'),
    });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'broken-anchor', file: 'content/en/index.mdx', line: 9, column: 6, pages: ['/de/', '/en/'] }),
    ]);
  });

  it('a literal a layout writes on several pages is one finding at the template line, listing the pages', async () => {
    const footer = '<footer><a class="legal" href="/en/legal/">Legal</a></footer>';
    const findings = await builtFindings({
      'src/layouts/Layout.astro': LAYOUT,
      'dist/en/index.html': html(`<h2 id="start">Start</h2>${footer}`),
      'dist/de/index.html': html(`<h2 id="start">Anfang</h2>${footer}`),
      'dist/en/guides/a/index.html': html(`<h2 id="intro">Intro</h2>${footer}`),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'broken-link',
        file: 'src/layouts/Layout.astro',
        line: 5,
        column: 20,
        url: '/en/legal/',
        pages: ['/de/', '/en/', '/en/guides/a/'],
      }),
    ]);
    expect(findings[0]!.message).toContain('Written on 3 pages');
  });

  it('a computed template link with no checking build is reported once in the built file, saying why', async () => {
    const findings = await builtFindings({
      'src/layouts/Layout.astro': LAYOUT,
      'dist/en/index.html': html('<h2 id="start">Start</h2>\n<footer><a href="/en/home/">Home</a></footer>'),
      'dist/de/index.html': html('<h2 id="start">Anfang</h2>\n<footer><a href="/en/home/">Home</a></footer>'),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'broken-link',
        url: '/en/home/',
        file: 'dist/de/index.html',
        line: 2,
        pages: ['/de/', '/en/'],
        hint: expect.stringContaining('--no-trace'),
      }),
    ]);
  });
});

describe('built-site pass: a dist/ it cannot check', () => {
  const distError = async (files: Record<string, string | null>) => {
    try {
      await check(files);
    } catch (error) {
      return error as Error;
    }
    throw new Error('the check ran on a dist/ it cannot check');
  };

  it('refuses a missing dist/, saying to build first', async () => {
    const error = await distError(
      Object.fromEntries(
        [
          'index.html',
          '404.html',
          'en/404.html',
          'favicon.svg',
          'images/my diagram.svg',
          'files/guide.pdf',
          'en/index.html',
          'de/index.html',
          'en/guides/a/index.html',
          'de/guides/a/index.html',
        ].map((file) => [`dist/${file}`, null]),
      ),
    );
    expect(error).toMatchObject({
      name: 'UsageError',
      message: expect.stringMatching(/^dist does not exist: the link check reads the built site\. Run `npm run build` first/),
    });
  });

  it("refuses a dist/ with none of the pages (empty, or another project's)", async () => {
    const error = await distError({
      'dist/en/index.html': null,
      'dist/de/index.html': null,
      'dist/en/guides/a/index.html': null,
      'dist/de/guides/a/index.html': null,
    });
    expect(error.message).toMatch(
      /^dist holds none of the site's 4 pages \(no dist\/[a-z]+\/index\.html\): it is empty, or another project's build\. Run `npm run build` first/,
    );
  });

  it("refuses a dist/ that lacks a locale's pages, naming them", async () => {
    const error = await distError({ 'dist/de/index.html': null, 'dist/de/guides/a/index.html': null });
    expect(error.message).toContain(
      "dist lacks 2 of the site's 4 pages (/de/, /de/guides/a/; locale de): it is from an older build. Run `npm run build` first",
    );
  });

  it('runs the source pass alone when asked, without dist/', async () => {
    fixture = writeFixture(contentTree({ 'content/en/guides/a.mdx': en('[x](/en/nowhere/)') }));
    const report = await checkLinks({ root: fixture.root, registry: loadRegistry(fixture.root), siteOrigin: SITE, sourceOnly: true });
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'broken-link', file: 'content/en/guides/a.mdx' })]);
    expect(report.summary.builtPass).toMatchObject({ ran: false, reason: 'source only (--source-only)' });
  });

  it('refuses a project whose source locale has no page: nothing would be checked', async () => {
    fixture = writeFixture(contentTree({ 'content/en/index.mdx': null, 'content/de/index.mdx': null }));
    await expect(
      checkLinks({ root: fixture.root, registry: loadRegistry(fixture.root), siteOrigin: SITE, sourceOnly: true }),
    ).rejects.toThrow('content/en/ holds no page (no .mdx file), so there are no links to check.');
  });
});
