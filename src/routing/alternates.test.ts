import { describe, expect, it } from 'vitest';
import { sourceHash } from '../content/sourceHash.ts';
import { parseRegistry, type LocaleRegistry } from '../i18n/locales.ts';
import { toPageFile } from '../model/pageFile.ts';
import { buildSite } from '../model/site.ts';
import { headLinks } from './alternates.ts';

const registry = parseRegistry({
  source: 'en',
  locales: [
    { code: 'en', name: 'English', dir: 'ltr', status: 'complete' },
    { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'complete', hreflang: 'de-DE' },
    { code: 'ar', name: 'العربية', dir: 'rtl', status: 'partial' },
  ],
}) as LocaleRegistry;

const en = {
  'index.mdx': '---\ntitle: Home\norder: 0\n---\nHi.',
  'guides/a.mdx': '---\ntitle: A\norder: 1\n---\nA.',
  'guides/b.mdx': '---\ntitle: B\norder: 2\n---\nB.',
};
const translated = (path: keyof typeof en, body: string) =>
  toPageFile('de', path, `---\ntitle: x\norder: 0\ntranslation:\n  source: ${sourceHash(en[path])}\n  method: human\n---\n${body}`);
const site = buildSite(
  registry,
  new Map([
    ['en', Object.entries(en).map(([path, text]) => toPageFile('en', path, text))],
    ['de', [translated('index.mdx', 'Hallo.'), translated('guides/a.mdx', 'Ah.')]],
  ]),
);

describe('headLinks', () => {
  it('announces only real translations as alternates', () => {
    const links = headLinks(site.page('de', 'guides/a')!, site, 'https://x.test');
    expect(links.canonical).toBe('https://x.test/de/guides/a/');
    expect(links.alternates).toEqual([
      { hreflang: 'en', href: 'https://x.test/en/guides/a/' },
      { hreflang: 'de-DE', href: 'https://x.test/de/guides/a/' },
      { hreflang: 'x-default', href: 'https://x.test/en/guides/a/' },
    ]);
  });

  it('makes a fallback canonical to its original', () => {
    const links = headLinks(site.page('de', 'guides/b')!, site, 'https://x.test');
    expect(links.canonical).toBe('https://x.test/en/guides/b/');
    expect(links.alternates.map((a) => a.hreflang)).toEqual(['en', 'x-default']);
  });

  it('sends readers of the home page whose language is missing to the language chooser', () => {
    expect(headLinks(site.page('de', '')!, site, 'https://x.test').alternates.at(-1)).toEqual({
      hreflang: 'x-default',
      href: 'https://x.test/',
    });
  });
});
