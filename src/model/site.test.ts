import { describe, expect, it } from 'vitest';
import { sourceHash } from '../content/sourceHash.ts';
import { parseRegistry, type LocaleRegistry } from '../i18n/locales.ts';
import { toPageFile, type PageFile } from './pageFile.ts';
import { buildSite } from './site.ts';

const registry = parseRegistry({
  source: 'en',
  locales: [
    { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'complete' },
    { code: 'en', name: 'English', dir: 'ltr', status: 'complete' },
    { code: 'nl', name: 'Nederlands', dir: 'ltr', status: 'partial' },
  ],
}) as LocaleRegistry;

const page = (title: string, order: number, body: string, extra = '') => `---\ntitle: ${title}\norder: ${order}\n${extra}---\n\n${body}\n`;
const en = {
  'index.mdx': page('Home', 0, 'Welcome.'),
  'lead-management/index.mdx': page('Lead management', 10, 'Section intro.'),
  'lead-management/Enable_Lead.Sharing.mdx': page('Enable', 20, 'Turn it on.'),
  'lead-management/b.mdx': page('B', 20, 'Second.'),
};
const stamped = (path: keyof typeof en) => `translation:\n  source: ${sourceHash(en[path])}\n  method: human\n`;

function site(files: Record<string, Record<string, string>>) {
  const map = new Map<string, PageFile[]>();
  for (const [locale, pages] of Object.entries(files))
    map.set(
      locale,
      Object.entries(pages).map(([path, text]) => toPageFile(locale, path, text)),
    );
  return buildSite(registry, map);
}

describe('buildSite', () => {
  const model = site({
    en,
    de: {
      'index.mdx': page('Start', 0, 'Willkommen.', stamped('index.mdx')),
      'lead-management/Enable_Lead.Sharing.mdx': page(
        'Aktivieren',
        20,
        'Schalten Sie es ein.',
        'translation:\n  source: sha256:0000000000000000\n  method: human\n',
      ),
      'lead-management/b.mdx': page('B', 20, 'Second.', stamped('lead-management/b.mdx')),
      'old.mdx': page('Alt', 5, 'Weg.'),
    },
  });

  it('serves every source page in every locale, the source first, in navigation order', () => {
    expect(model.pages.map((p) => p.url)).toEqual([
      '/en/',
      '/en/lead-management/',
      '/en/lead-management/b/',
      '/en/lead-management/enable_leadsharing/',
      '/de/',
      '/de/lead-management/',
      '/de/lead-management/b/',
      '/de/lead-management/enable_leadsharing/',
      '/nl/',
      '/nl/lead-management/',
      '/nl/lead-management/b/',
      '/nl/lead-management/enable_leadsharing/',
    ]);
  });

  it('gives each page one status', () => {
    const status = (url: string) => model.byUrl(url)?.status;
    expect(status('/en/lead-management/b/')).toBe('source');
    expect(status('/de/')).toBe('translated');
    expect(status('/de/lead-management/')).toBe('missing');
    expect(status('/de/lead-management/enable_leadsharing/')).toBe('outdated');
    expect(status('/de/lead-management/b/')).toBe('untranslated');
    expect(status('/nl/')).toBe('missing');
  });

  it('renders the source page for a fallback, and the translation otherwise', () => {
    const fallback = model.page('de', 'lead-management/b')!;
    expect(fallback).toMatchObject({
      isFallback: true,
      contentLocale: 'en',
      entryId: 'en/lead-management/b',
      file: 'content/en/lead-management/b.mdx',
      ownFile: 'content/de/lead-management/b.mdx',
    });
    const translated = model.page('de', '')!;
    expect(translated).toMatchObject({
      isFallback: false,
      contentLocale: 'de',
      entryId: 'de',
      file: 'content/de/index.mdx',
      title: 'Start',
    });
    expect(translated.translation).toEqual({ source: sourceHash(en['index.mdx']), method: 'human' });
  });

  it('names the file each locale has, or would create, for a page', () => {
    expect(model.page('de', 'lead-management/b')!.localeFile).toBe('content/de/lead-management/b.mdx');
    expect(model.page('de', 'lead-management')).toMatchObject({
      status: 'missing',
      ownFile: undefined,
      localeFile: 'content/de/lead-management/index.mdx',
    });
    expect(model.page('en', '')!.localeFile).toBe('content/en/index.mdx');
  });

  it('finds pages by URL in the forms a static host serves, and every locale of a slug', () => {
    expect(model.byUrl('/de/lead-management')?.slug).toBe('lead-management');
    expect(model.byUrl('/de/lead-management/index.html')?.slug).toBe('lead-management');
    expect(model.byUrl('/de/nope/')).toBeUndefined();
    expect(model.variants('lead-management/b').map((p) => p.locale)).toEqual(['en', 'de', 'nl']);
    expect(model.pagesOf('nl')).toHaveLength(4);
  });

  it('says which file a locale has, or should have, for each page, and which page a file is', () => {
    expect(model.page('de', 'lead-management/b')!.localeFile).toBe('content/de/lead-management/b.mdx');
    expect(model.page('de', 'lead-management')!.localeFile).toBe('content/de/lead-management/index.mdx');
    expect(model.page('nl', 'lead-management/enable_leadsharing')!.localeFile).toBe('content/nl/lead-management/Enable_Lead.Sharing.mdx');
    expect(model.byFile('content/de/lead-management/b.mdx')).toMatchObject({
      locale: 'de',
      slug: 'lead-management/b',
      sourceFile: 'content/en/lead-management/b.mdx',
    });
    expect(model.byFile('content/en/index.mdx')).toMatchObject({ locale: 'en', slug: '' });
    expect(model.byFile('content/de/old.mdx')).toBeUndefined();
    expect(model.byFile('content/de/lead-management/index.mdx')).toBeUndefined();
  });

  it('pairs a translation with its source by slug, as the site does, whatever the file is called', () => {
    const renamed = site({ en, de: { 'Lead-Management/B.mdx': page('B', 20, 'Zweitens.') } });
    expect(renamed.byFile('content/de/Lead-Management/B.mdx')).toMatchObject({
      slug: 'lead-management/b',
      sourceFile: 'content/en/lead-management/b.mdx',
    });
    expect(renamed.page('de', 'lead-management/b')!.localeFile).toBe('content/de/Lead-Management/B.mdx');
  });

  it('tells the locale of a URL from the registry, not from its first segment', () => {
    expect(model.localeOf('/de/lead-management/b/')).toBe('de');
    expect(model.localeOf('/nl/404.html')).toBe('nl');
    expect(model.localeOf('/nl')).toBe('nl');
    expect(model.localeOf('/nlx/page/')).toBe('en');
    expect(model.localeOf('/sitemap-index.xml')).toBe('en');
  });

  it('lists translations without a source as orphans', () => {
    expect(model.orphans.map((file) => file.file)).toEqual(['content/de/old.mdx']);
  });
});
