/**
 * URLs that serve a fallback (a source page shown in a locale that lacks its
 * translation), computed from the content folders alone so the Astro config
 * can keep them out of the sitemap: they are `noindex` and not alternates.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LocaleRegistry } from '../i18n/locales.ts';
import { pageUrl, splitEntryId } from './localizedUrl.ts';

export function fallbackUrls(root: string, registry: LocaleRegistry): Set<string> {
  const folder = join(root, 'content', registry.source.code);
  if (!existsSync(folder)) return new Set();
  const pages = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx')).map((file) => file.split('\\').join('/'));
  const urls = new Set<string>();
  for (const locale of registry.translations) {
    for (const page of pages) {
      if (existsSync(join(root, 'content', locale.code, page))) continue;
      urls.add(pageUrl(locale.code, splitEntryId(`${locale.code}/${page.replace(/\.mdx$/, '')}`).slug));
    }
  }
  return urls;
}
