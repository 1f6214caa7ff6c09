/** Reading built pages: ids and links as a browser sees them, from real (and broken) HTML. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLinks, lineStarts, positionAt } from './html.ts';
import { scanDist } from './scanDist.ts';

const read = (html: string) => {
  const { scan, links } = collectLinks(html);
  return { ids: [...scan.ids], base: scan.base, links: links.map((link) => `${link.tag}[${link.attribute}]=${link.href}`) };
};

describe('scanHtml, collectLinks', () => {
  it('collects ids, <a name> and every kind of link, with entities decoded', () => {
    const page = read(
      [
        '<head><link rel="canonical" href="https://x.test/en/"><link rel="preconnect" href="https://cdn.test"><link rel="stylesheet" href="/_astro/a.css">',
        '<meta property="og:url" content="https://x.test/en/"><meta property="og:title" content="Not a URL"><meta name="twitter:image" content="/og.png"></head>',
        '<body><h2 id="setup">Setup</h2><a name="legacy"></a><a href="/en/?a=1&amp;b=2#setup">x</a>',
        '<img src="/a.png" srcset="/a-1x.png 1x, /a-2x.png 2x"><picture><source srcset="/b.webp"></picture><script src="/s.js"></script>',
        '<video poster="/p.jpg"><track src="/t.vtt"></video><iframe src="/embed/"></iframe><object data="/doc.pdf"></object></body>',
      ].join('\n'),
    );
    expect(page.ids).toEqual(['setup', 'legacy']);
    expect(page.links).toEqual([
      'link[href]=https://x.test/en/',
      'link[href]=/_astro/a.css',
      'meta[content]=https://x.test/en/',
      'meta[content]=/og.png',
      'a[href]=/en/?a=1&b=2#setup',
      'img[src]=/a.png',
      'img[srcset]=/a-1x.png',
      'img[srcset]=/a-2x.png',
      'source[srcset]=/b.webp',
      'script[src]=/s.js',
      'video[poster]=/p.jpg',
      'track[src]=/t.vtt',
      'iframe[src]=/embed/',
      'object[data]=/doc.pdf',
    ]);
  });

  it('ignores markup inside scripts, styles and comments, keeps the first of two same-named attributes, reads <base href>', () => {
    const page = read(
      '<base href="/docs/"><script>const a = \'<a href="/in-script/">\';</script><style>a[href="/in-style/"]{}</style><!-- <a href="/in-comment/"> --><a href="/first/" href="/second/" id=one id=two>x</a>',
    );
    expect(page).toEqual({ ids: ['one'], base: '/docs/', links: ['a[href]=/first/'] });
  });

  it('reads malformed HTML leniently: unquoted values, unclosed tags, stray end tags', () => {
    expect(read('<p><a href=/x/ class=nav>x<div></span><img src=/y.png<a href="/z/">').links).toEqual(['a[href]=/x/', 'img[src]=/y.png<a']);
  });

  it('knows where each element starts, as a line and column', () => {
    const text = 'line 1\n  <a href="/x/">x</a>\n';
    const { links } = collectLinks(text);
    expect(positionAt(lineStarts(text), links[0]!.offset)).toEqual({ line: 2, column: 3 });
  });
});

describe('scanDist', () => {
  it('finds the same ids and targets in worker threads as in one thread', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'scan-dist-'));
    try {
      const files: string[] = [];
      for (let index = 0; index < 40; index++) {
        mkdirSync(join(dist, 'en', `p${index}`), { recursive: true });
        writeFileSync(
          join(dist, 'en', `p${index}`, 'index.html'),
          `<h2 id="s${index}">S</h2><a href="/en/p${(index + 1) % 40}/#s${(index + 1) % 40}">next</a><a href="../p0/">first</a><a href="/en/missing/">m</a>`,
        );
        files.push(`/en/p${index}/index.html`);
      }
      const one = await scanDist(dist, files, 'https://x.test', undefined, 1);
      const two = await scanDist(dist, files, 'https://x.test', undefined, 2);
      expect(two.checked).toBe(120);
      expect(two.checked).toBe(one.checked);
      expect([...two.ids]).toEqual([...one.ids]);
      expect([...two.targets.entries()].sort()).toEqual([...one.targets.entries()].sort());
      expect(two.targets.get('/en/missing/#')?.pages).toEqual(Array.from({ length: 40 }, (_, index) => index));
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
