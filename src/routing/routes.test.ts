import { describe, expect, it } from 'vitest';
import { parseRegistry, type LocaleRegistry } from '../i18n/locales.ts';
import { headLinks } from './alternates.ts';
import { pageUrl, splitEntryId } from './localizedUrl.ts';
import { buildRoutes } from './routes.ts';

const registry = parseRegistry({
  source: 'en',
  locales: [
    { code: 'en', name: 'English', dir: 'ltr', status: 'complete' },
    { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'complete', hreflang: 'de-DE' },
    { code: 'ar', name: 'العربية', dir: 'rtl', status: 'partial' },
  ],
}) as LocaleRegistry;

const entry = (id: string, order: number) => ({ id, data: { title: id, order } });
const entries = [entry('en/index', 0), entry('en/guides/b', 20), entry('en/guides/a', 10), entry('de/index', 0), entry('de/guides/a', 10)];

describe('routes', () => {
  it('splits entry ids and builds prefixed URLs', () => {
    expect(splitEntryId('de/lead-management/enable-lead-sharing')).toEqual({ locale: 'de', slug: 'lead-management/enable-lead-sharing' });
    expect(splitEntryId('de/index')).toEqual({ locale: 'de', slug: '' });
    expect(pageUrl('de', '')).toBe('/de/');
    expect(pageUrl('en', 'guides/a')).toBe('/en/guides/a/');
  });

  it('serves every source page in every locale, in navigation order, falling back to the source', () => {
    const routes = buildRoutes(entries, registry);
    expect(routes.map((r) => `${r.url}${r.isFallback ? ' (fallback)' : ''}`)).toEqual([
      '/en/', '/en/guides/a/', '/en/guides/b/',
      '/de/', '/de/guides/a/', '/de/guides/b/ (fallback)',
      '/ar/ (fallback)', '/ar/guides/a/ (fallback)', '/ar/guides/b/ (fallback)',
    ]);
    const fallback = routes.find((r) => r.url === '/de/guides/b/')!;
    expect(fallback.entry.id).toBe('en/guides/b');
    expect(fallback.contentLocale).toBe('en');
  });

  it('announces only real translations as alternates; a fallback is canonical to its original', () => {
    const routes = buildRoutes(entries, registry);
    const translated = headLinks(routes.find((r) => r.url === '/de/guides/a/')!, routes, registry, 'https://x.test');
    expect(translated.canonical).toBe('https://x.test/de/guides/a/');
    expect(translated.alternates).toEqual([
      { hreflang: 'en', href: 'https://x.test/en/guides/a/' },
      { hreflang: 'de-DE', href: 'https://x.test/de/guides/a/' },
      { hreflang: 'x-default', href: 'https://x.test/en/guides/a/' },
    ]);
    const fallback = headLinks(routes.find((r) => r.url === '/de/guides/b/')!, routes, registry, 'https://x.test');
    expect(fallback.canonical).toBe('https://x.test/en/guides/b/');
    expect(fallback.alternates.map((a) => a.hreflang)).toEqual(['en', 'x-default']);
    const home = headLinks(routes.find((r) => r.url === '/de/')!, routes, registry, 'https://x.test');
    expect(home.alternates.at(-1)).toEqual({ hreflang: 'x-default', href: 'https://x.test/' });
  });
});
