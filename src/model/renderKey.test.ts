import { describe, expect, it } from 'vitest';
import { sourceHash } from '../content/sourceHash.ts';
import { parseRegistry, type LocaleRegistry } from '../i18n/locales.ts';
import { toPageFile } from './pageFile.ts';
import { navigationDigests, renderKey } from './renderKey.ts';
import { buildSite } from './site.ts';

const registry = parseRegistry({
  source: 'en',
  locales: [
    { code: 'en', name: 'English', dir: 'ltr', status: 'complete' },
    { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'complete' },
  ],
}) as LocaleRegistry;

const source = (title: string, body: string) => `---\ntitle: ${title}\norder: 1\n---\n\n${body}\n`;

/** Keys of every page for a site whose English pages are `a` and `b`, with `b` translated from `translatedFrom`. */
function keys(a: string, b: string, translatedFrom = b, config = 'config') {
  const site = buildSite(
    registry,
    new Map([
      ['en', [toPageFile('en', 'a.mdx', a), toPageFile('en', 'b.mdx', b)]],
      [
        'de',
        [
          toPageFile(
            'de',
            'b.mdx',
            `---\ntitle: B\norder: 1\ntranslation:\n  source: ${sourceHash(translatedFrom)}\n  method: human\n---\n\nÜbersetzt.\n`,
          ),
        ],
      ],
    ]),
  );
  const navigation = navigationDigests(site);
  return Object.fromEntries(site.pages.map((page) => [page.url, renderKey(page, site, navigation, undefined, config)]));
}

describe('renderKey', () => {
  const a = source('A', 'Text.');
  const b = source('B', 'More text.');
  const before = keys(a, b);

  it('changes every key when the site configuration changes (Astro does not count astro.config.mjs as code)', () => {
    const after = keys(a, b, b, 'other config');
    for (const url of Object.keys(before)) expect(after[url], url).not.toBe(before[url]);
  });

  it('keeps every key when only the text of a page changes (Astro tracks the content itself)', () => {
    expect(keys(source('A', 'Other text.'), b, b)['/en/a/']).toBe(before['/en/a/']);
    expect(keys(source('A', 'Other text.'), b, b)['/de/b/']).toBe(before['/de/b/']);
  });

  it('changes the keys of a translation whose source changed (its notice changes)', () => {
    const after = keys(a, source('B', 'Changed.'), b);
    expect(after['/de/b/']).not.toBe(before['/de/b/']);
    expect(after['/de/a/']).toBe(before['/de/a/']);
  });

  it('changes every key of a locale when a title in its navigation changes', () => {
    const after = keys(source('A renamed', 'Text.'), b);
    expect(after['/en/b/']).not.toBe(before['/en/b/']);
    // German shows the English title for its fallback page a, so its navigation changed too.
    expect(after['/de/b/']).not.toBe(before['/de/b/']);
  });

  it('changes the keys when the build links pages to another "Edit this page" address', () => {
    const previous = process.env.EDIT_BASE_URL;
    try {
      process.env.EDIT_BASE_URL = 'https://github.com/contoso/docs/edit/main/';
      const first = keys(a, b);
      process.env.EDIT_BASE_URL = 'https://github.com/contoso/docs/edit/next/';
      expect(keys(a, b)['/en/a/']).not.toBe(first['/en/a/']);
    } finally {
      if (previous === undefined) delete process.env.EDIT_BASE_URL;
      else process.env.EDIT_BASE_URL = previous;
    }
  });
});
