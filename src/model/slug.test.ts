import { describe, expect, it } from 'vitest';
import { entryIdOf, generateEntryId, pageUrl, slugOf } from './slug.ts';

describe("slugOf (Astro's rule: github-slugger per segment)", () => {
  it.each([
    ['index.mdx', ''],
    ['lead-management/index.mdx', 'lead-management'],
    ['lead-management/enable-lead-sharing.mdx', 'lead-management/enable-lead-sharing'],
    ['Enable_Lead.Sharing.mdx', 'enable_leadsharing'],
    ['Lead Management/Connect CRM/Salesforce.mdx', 'lead-management/connect-crm/salesforce'],
    ['guides\\windows.mdx', 'guides/windows'],
    ['a/b/c/d.md', 'a/b/c/d'],
  ])('%s → %s', (path, slug) => expect(slugOf(path)).toBe(slug));
});

describe('entry ids and URLs', () => {
  it('prefixes every locale and keeps the home page at the locale root', () => {
    expect(pageUrl('de', '')).toBe('/de/');
    expect(pageUrl('en', 'a/b')).toBe('/en/a/b/');
  });

  it("names a page's entry by locale and slug, the home page by its locale", () => {
    expect(entryIdOf('de', '')).toBe('de');
    expect(entryIdOf('en', 'lead-management/x')).toBe('en/lead-management/x');
  });

  it('generates the loader id from a path under content/', () => {
    expect(generateEntryId({ entry: 'de/index.mdx' })).toBe('de');
    expect(generateEntryId({ entry: 'de/Lead_Management/Enable.Sharing.mdx' })).toBe('de/lead_management/enablesharing');
  });
});
